// One fact the corpus entity linker (extract/corpus_entity_linker.h) learned from an
// article. The linker's whole state is the list of these rows, so a store can keep it
// beside the articles that taught it and resume linking in a later run.
#pragma once

#include <string>

namespace storyline {

// kind "person": `name` is a person's full name. kind "name": `name` is an organization's
// or place's name of several words. kind "acronym": an article wrote acronym `name` for
// `expansion`. kind "context": an article naming person `name` in full was about the
// organization or person of id `expansion`, or gave them the title ending in the word
// after "title:" in `expansion`.
struct CorpusLinkRow {
  std::string kind;
  std::string name;
  std::string expansion;  // empty unless kind is "acronym" or "context"
  bool operator==(const CorpusLinkRow&) const = default;
};

}  // namespace storyline
