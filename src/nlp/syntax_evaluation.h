// Scores of the tagger and the parser against gold CoNLL-U sentences, the figures that
// `storyline train` reports and the tests check. Every word counts, punctuation
// included, as in the CoNLL 2018 shared task's UPOS, XPOS, UAS and LAS.
#pragma once

#include <cstddef>
#include <vector>

#include "nlp/conllu_reader.h"
#include "nlp/dependency_parser.h"
#include "nlp/pos_tagger.h"
#include "nlp/syntax.h"

namespace storyline {

struct TaggingScore {
  size_t words = 0;
  size_t upos_correct = 0;
  size_t xpos_correct = 0;

  double Upos() const { return words ? double(upos_correct) / double(words) : 0.0; }
  double Xpos() const { return words ? double(xpos_correct) / double(words) : 0.0; }
};

struct ParsingScore {
  size_t words = 0;
  size_t heads_correct = 0;
  size_t labelled_correct = 0;  // head and relation both right

  double Uas() const { return words ? double(heads_correct) / double(words) : 0.0; }
  double Las() const { return words ? double(labelled_correct) / double(words) : 0.0; }
};

// The gold tags of each sentence's words. Throws std::runtime_error("file:line: what")
// for a tag outside the tag sets of syntax.h.
std::vector<std::vector<PosTag>> GoldTags(const std::vector<ConlluSentence>& sentences);

// The tagger's tags for each sentence's gold words.
std::vector<std::vector<PosTag>> PredictedTags(const PosTagger& tagger,
                                               const std::vector<ConlluSentence>& sentences);

TaggingScore EvaluateTagger(const PosTagger& tagger, const std::vector<ConlluSentence>& sentences);

// Parses each sentence with `tags` (gold or predicted) and scores heads and relations.
ParsingScore EvaluateParser(const DependencyParser& parser,
                            const std::vector<ConlluSentence>& sentences,
                            const std::vector<std::vector<PosTag>>& tags);

}  // namespace storyline
