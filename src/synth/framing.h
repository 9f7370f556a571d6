// How each outlet describes the entities of a story: per entity, the descriptive phrases
// (synth/entity_descriptors.h) each outlet attaches to it, counted per outlet with one
// cited example, so "the Palestinian group" / "the militant group" / "the terror group"
// for the same Hamas line up side by side. Bare references without a modifier ("the
// group") say nothing about framing and are left out, and so do the words of the
// entity's own name and its initials ("fred" of Fred Roe; "sheriff j.c." counts as
// "sheriff").
#pragma once

#include <string>
#include <vector>

#include "synth/article_tokens.h"
#include "synth/citation.h"

namespace storyline {

struct OutletUsage {
  std::string source;
  int count = 0;
  Citation example;  // its first use
};

struct Descriptor {
  std::string text;                  // the key: lower-cased phrase without its article
  std::string kind;                  // kind of its first use (see entity_descriptors.h)
  std::vector<OutletUsage> outlets;  // in order of first use
};

struct EntityFraming {
  std::string entity;  // entity id
  std::string name;    // canonical name
  std::string type;
  std::vector<Descriptor> descriptors;  // most outlets first, then most uses
};

// Entities with at least one descriptor, those described by the most outlets first.
std::vector<EntityFraming> FindFraming(const std::vector<ArticleTokens>& articles);

}  // namespace storyline
