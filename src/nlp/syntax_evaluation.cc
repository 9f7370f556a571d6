#include "nlp/syntax_evaluation.h"

#include <fmt/format.h>

#include <stdexcept>
#include <string_view>

namespace storyline {
namespace {

std::vector<std::string_view> Forms(const ConlluSentence& sentence) {
  std::vector<std::string_view> forms;
  for (const ConlluWord& w : sentence.words) forms.push_back(w.form);
  return forms;
}

}  // namespace

std::vector<std::vector<PosTag>> GoldTags(const std::vector<ConlluSentence>& sentences) {
  std::vector<std::vector<PosTag>> tags(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t i = 0; i < sentences[s].words.size(); ++i) {
      const ConlluWord& w = sentences[s].words[i];
      const int u = UposIndex(w.upos), x = XposIndex(w.xpos);
      if (u < 0 || x < 0) {
        throw std::runtime_error(
            fmt::format("{}: unknown tag {}/{}", sentences[s].Where(i), w.upos, w.xpos));
      }
      tags[s].push_back({kUposTags[u], kXposTags[x]});
    }
  }
  return tags;
}

std::vector<std::vector<PosTag>> PredictedTags(const PosTagger& tagger,
                                               const std::vector<ConlluSentence>& sentences) {
  std::vector<std::vector<PosTag>> tags(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    tags[s].resize(sentences[s].words.size());
    tagger.TagSentence(Forms(sentences[s]), tags[s]);
  }
  return tags;
}

TaggingScore EvaluateTagger(const PosTagger& tagger, const std::vector<ConlluSentence>& sentences) {
  const std::vector<std::vector<PosTag>> predicted = PredictedTags(tagger, sentences);
  TaggingScore score;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t i = 0; i < sentences[s].words.size(); ++i) {
      ++score.words;
      score.upos_correct += predicted[s][i].upos == sentences[s].words[i].upos;
      score.xpos_correct += predicted[s][i].xpos == sentences[s].words[i].xpos;
    }
  }
  return score;
}

ParsingScore EvaluateParser(const DependencyParser& parser,
                            const std::vector<ConlluSentence>& sentences,
                            const std::vector<std::vector<PosTag>>& tags) {
  ParsingScore score;
  std::vector<Dependency> parsed;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<ConlluWord>& words = sentences[s].words;
    parsed.resize(words.size());
    parser.ParseSentence(Forms(sentences[s]), tags[s], parsed);
    for (size_t i = 0; i < words.size(); ++i) {
      ++score.words;
      if (parsed[i].head + 1 != words[i].head) continue;
      ++score.heads_correct;
      score.labelled_correct += parsed[i].label == words[i].deprel;
    }
  }
  return score;
}

}  // namespace storyline
