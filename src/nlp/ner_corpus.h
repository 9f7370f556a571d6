// Loaders for the named-entity training and evaluation corpora in shared/data/: GUM,
// MEANTIME and the ner-extra sets. Each document comes back
// as its text and its name spans as UTF-8 byte ranges (the corpora count code points),
// typed PERSON, ORG or PLACE, sorted and without overlaps, ready to align to tokens.
//
// The spans are names, as a tagger should learn them: GUM mentions whose head is PROPN,
// trimmed to the name inside them ("Francis Hodgson, a Fellow at King's College, with
// whom ..." -> "Francis Hodgson"), outermost first (GUM's pronouns and common nouns
// that carry a Wikidata id, which its scorer also counts, are left out); MEANTIME
// mentions of syntactic type NAM or PRE.NAM, innermost first; ner-extra PERSON, ORG and
// PLACE spans (MISC dropped). A leading "the" is dropped everywhere, as the scorers do.
// All loaders throw std::runtime_error naming the file and line of malformed input.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/gazetteer.h"

namespace storyline {

struct NerSpan {
  uint32_t start = 0;  // UTF-8 byte offsets into NerDocument::text
  uint32_t end = 0;    // exclusive
  std::string type;    // PERSON, ORG or PLACE
};

struct NerDocument {
  std::string id;
  std::string text;
  std::vector<NerSpan> spans;
};

// GUM documents whose docs.tsv partition is `partition` ("train", "dev").
std::vector<NerDocument> LoadGum(const std::filesystem::path& gum_dir, std::string_view partition);

// MEANTIME documents whose docs.tsv corpus is `corpus` ("corpus_airbus", ...).
std::vector<NerDocument> LoadMeantime(const std::filesystem::path& meantime_dir,
                                      std::string_view corpus);

// One ner-extra split: `dir`/<split>.jsonl and `dir`/<split>.entities.tsv.
std::vector<NerDocument> LoadNerExtra(const std::filesystem::path& dir, std::string_view split);

// Drops one-word PLACE spans that `gazetteer` lists as a demonym and not as a place:
// the Broad Twitter Corpus labels nationalities ("Israeli") as locations, the other
// corpora and our output do not.
void DropDemonymPlaces(const Gazetteer& gazetteer, std::vector<NerDocument>* docs);

// Drops titles from the front of PERSON spans ("President Joe Biden" -> "Joe Biden",
// "US Secretary John Kerry" -> "John Kerry"): GUM keeps them inside the mention, the
// other corpora and our output do not. A title is a gazetteer title, optionally after a
// country or demonym.
void StripPersonTitles(const Gazetteer& gazetteer, std::vector<NerDocument>* docs);

// Byte offset of every code point of `text`, plus one past the end, so that code point
// offset i maps to result[i]. Throws on invalid UTF-8.
std::vector<uint32_t> CodePointToByteOffsets(std::string_view text);

}  // namespace storyline
