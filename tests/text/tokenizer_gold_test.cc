// Scores the tokenizer against human-tokenized corpora and guards the scores:
//   GUM (shared/data/gum/docs): token span F1 and sentence boundary F1 over all docs;
//   UNER EWT dev (shared/data/uner-ewt): token span F1, sentence by sentence.
// The figures are printed, so this is also the evaluation tool:
//   build-*/tests/tokenizer_gold_test
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../support/test_paths.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

const std::filesystem::path kShared = storyline::test_paths::SharedDir();

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Byte offset of every code point index (and of the end) in a UTF-8 string.
std::vector<uint32_t> CodePointToByte(const std::string& text) {
  std::vector<uint32_t> offsets;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

struct Counts {
  size_t gold = 0;
  size_t predicted = 0;
  size_t correct = 0;

  template <typename T>
  void Add(const std::set<T>& gold_set, const std::set<T>& predicted_set) {
    gold += gold_set.size();
    predicted += predicted_set.size();
    for (const T& item : predicted_set) correct += gold_set.count(item);
  }
  double F1() const {
    return gold + predicted == 0 ? 1.0 : 2.0 * correct / static_cast<double>(gold + predicted);
  }
};

using Span = std::pair<uint32_t, uint32_t>;

struct GoldDoc {
  std::string text;
  std::set<Span> tokens;
  std::set<uint32_t> sentence_ends;  // byte offset after each sentence's last token
};

// Reads docs/<doc>.tokens.tsv (tok_idx, start_char, end_char, form, upos, head, sent_idx).
GoldDoc ReadGumDoc(const std::filesystem::path& tsv) {
  GoldDoc doc;
  std::string stem = tsv.filename().string();
  stem.resize(stem.size() - std::string(".tokens.tsv").size());
  doc.text = ReadFile(tsv.parent_path() / (stem + ".txt"));
  const std::vector<uint32_t> bytes = CodePointToByte(doc.text);
  std::ifstream in(tsv);
  std::string line;
  std::getline(in, line);  // header
  long previous_sentence = -1;
  uint32_t previous_end = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string index, form, upos, head;
    size_t start = 0, end = 0;
    long sentence = 0;
    std::getline(fields, index, '\t');
    fields >> start >> end;
    fields.ignore();
    std::getline(fields, form, '\t');
    std::getline(fields, upos, '\t');
    std::getline(fields, head, '\t');
    fields >> sentence;
    if (sentence != previous_sentence && previous_sentence >= 0) {
      doc.sentence_ends.insert(previous_end);
    }
    previous_sentence = sentence;
    previous_end = bytes.at(end);
    doc.tokens.insert({bytes.at(start), bytes.at(end)});
  }
  if (previous_sentence >= 0) doc.sentence_ends.insert(previous_end);
  return doc;
}

struct GumScores {
  Counts tokens;
  Counts sentences;
};

GumScores ScoreGum(const Tokenizer& tokenizer) {
  GumScores scores;
  for (const auto& entry : std::filesystem::directory_iterator(kShared / "data/gum/docs")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".tokens.tsv")) continue;
    const GoldDoc gold = ReadGumDoc(entry.path());
    const TokenizedText predicted = tokenizer.Tokenize(gold.text);
    std::set<Span> tokens;
    for (const Token& token : predicted.tokens) tokens.insert({token.start, token.end});
    std::set<uint32_t> sentence_ends;
    for (const Sentence& sentence : predicted.sentences) {
      sentence_ends.insert(predicted.tokens[sentence.end_token - 1].end);
    }
    scores.tokens.Add(gold.tokens, tokens);
    scores.sentences.Add(gold.sentence_ends, sentence_ends);
  }
  return scores;
}

// Reads the iob2 file's sentences: "# text = ..." and one token per line; tokens are
// located in the text left to right.
Counts ScoreEwt(const Tokenizer& tokenizer, const std::filesystem::path& iob2) {
  Counts counts;
  std::ifstream in(iob2);
  std::string line, text;
  std::set<Span> gold;
  size_t cursor = 0;
  auto finish_sentence = [&] {
    if (text.empty()) return;
    std::set<Span> predicted;
    for (const Token& token : tokenizer.Tokenize(text).tokens) {
      predicted.insert({token.start, token.end});
    }
    counts.Add(gold, predicted);
    text.clear();
    gold.clear();
  };
  while (std::getline(in, line)) {
    if (line.starts_with("# text = ")) {
      finish_sentence();
      text = line.substr(9);
      cursor = 0;
    } else if (!line.empty() && line[0] != '#') {
      const std::string form = line.substr(
          line.find('\t') + 1, line.find('\t', line.find('\t') + 1) - line.find('\t') - 1);
      const size_t start = text.find(form, cursor);
      if (start == std::string::npos) continue;
      gold.insert({static_cast<uint32_t>(start), static_cast<uint32_t>(start + form.size())});
      cursor = start + form.size();
    }
  }
  finish_sentence();
  return counts;
}

void Print(const char* what, const Counts& counts) {
  std::printf("%-44s F1 %.4f  (gold %zu, predicted %zu, correct %zu)\n", what, counts.F1(),
              counts.gold, counts.predicted, counts.correct);
}

TEST(TokenizerGoldTest, GumTokensAndSentences) {
  const GumScores whole = ScoreGum(Tokenizer());
  const GumScores split = ScoreGum(Tokenizer(TokenizerOptions{.split_hyphens = true}));
  Print("GUM tokens (hyphenated words whole)", whole.tokens);
  Print("GUM tokens (split_hyphens, as GUM does)", split.tokens);
  Print("GUM sentence boundaries", whole.sentences);
  EXPECT_GT(split.tokens.F1(), 0.99);
  EXPECT_GT(whole.tokens.F1(), 0.98);
  EXPECT_GT(whole.sentences.F1(), 0.97);
}

TEST(TokenizerGoldTest, EwtTokens) {
  const std::filesystem::path iob2 = kShared / "data/uner-ewt/en_ewt-ud-dev.iob2";
  const Counts whole = ScoreEwt(Tokenizer(), iob2);
  const Counts split = ScoreEwt(Tokenizer(TokenizerOptions{.split_hyphens = true}), iob2);
  Print("UNER EWT dev tokens (hyphenated words whole)", whole);
  Print("UNER EWT dev tokens (split_hyphens)", split);
  EXPECT_GT(split.F1(), 0.965);
}

}  // namespace
}  // namespace storyline
