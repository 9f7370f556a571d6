// The descriptive phrases an article attaches to the entities it names, found from the
// tokens around the entity mentions (no parser):
//   title       the title the linker recorded before a person's name ("Israeli Prime
//               Minister" Benjamin Netanyahu)
//   appositive  "Hamas, the militant group that ...", "Helena Brennan, the association's
//               chief negotiator, said"
//   prefix      "the Palestinian group Hamas", "the Hamas terrorist group"
//   reference   "the militant group", "the Israeli leader" standing alone after the name
//               was mentioned: resolved to an earlier entity whose type fits the head noun
//               (group -> ORG, leader -> PERSON, city -> PLACE), preferring one whose
//               title shares a word with the phrase, else the most recent.
// `key` is the phrase lower-cased without its article, and without the entity's own name
// for prefixes ("terrorist group"); it is what outlets are compared on.
#pragma once

#include <string>
#include <vector>

#include "core/analysis.h"
#include "synth/article_tokens.h"

namespace storyline {

struct EntityDescriptor {
  std::string entity;  // entity id
  std::string kind;    // title, appositive, prefix, reference
  std::string key;
  Span span;             // the phrase (for titles and prefixes, with the name)
  size_t modifiers = 0;  // words before the head noun; a bare "the group" has none
};

// In text order.
std::vector<EntityDescriptor> FindEntityDescriptors(const ArticleTokens& text);

}  // namespace storyline
