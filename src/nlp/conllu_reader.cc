#include "nlp/conllu_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace storyline {
namespace {

constexpr int kColumns = 10;

// Splits `line` at tabs into `fields`; returns the number of fields found (at most
// kColumns + 1, so that too many columns is detected without counting them all).
int SplitColumns(std::string_view line, std::string_view (&fields)[kColumns + 1]) {
  int n = 0;
  size_t start = 0;
  while (n <= kColumns) {
    const size_t tab = line.find('\t', start);
    fields[n++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return n;
}

bool ParseInt(std::string_view s, int& value) {
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  return error == std::errc() && end == s.data() + s.size();
}

class SentenceBuilder {
 public:
  explicit SentenceBuilder(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void Fail(int line, std::string_view what) const {
    throw std::runtime_error(fmt::format("{}:{}: {}", file_, line, what));
  }

  void AddWordLine(std::string_view text, int line) {
    std::string_view f[kColumns + 1];
    if (SplitColumns(text, f) != kColumns) Fail(line, "expected 10 tab-separated columns");
    const std::string_view id = f[0];
    if (id.find_first_of("-.") != std::string_view::npos) return;  // multi-word token, empty node
    int position = 0;
    if (!ParseInt(id, position) || position != int(current_.words.size()) + 1) {
      Fail(line, fmt::format("word id '{}' out of sequence", id));
    }
    ConlluWord word;
    if (!ParseInt(f[6], word.head) || word.head < 0) {
      Fail(line, fmt::format("bad head '{}'", f[6]));
    }
    if (f[1].empty() || f[3].empty() || f[7].empty() || f[7] == "_") {
      Fail(line, "empty form, UPOS or relation");
    }
    word.form = f[1];
    word.upos = f[3];
    word.xpos = f[4];
    word.deprel = f[7];
    word.line = line;
    current_.words.push_back(std::move(word));
  }

  // Ends the sentence being built, if any, checking that every head is one of its words.
  void EndSentence(std::vector<ConlluSentence>& out) {
    if (current_.words.empty()) return;
    const int n = int(current_.words.size());
    for (const ConlluWord& w : current_.words) {
      if (w.head > n)
        Fail(w.line, fmt::format("head {} beyond the sentence's {} words", w.head, n));
    }
    current_.file = file_;
    out.push_back(std::move(current_));
    current_ = ConlluSentence{};
  }

 private:
  std::string file_;
  ConlluSentence current_;
};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string::npos ? tab : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

std::string ConlluSentence::Where(size_t word) const {
  return fmt::format("{}:{}", file, words.at(word).line);
}

std::vector<ConlluSentence> ReadConllu(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open", path.string()));
  std::vector<ConlluSentence> sentences;
  SentenceBuilder builder(path.string());
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      builder.EndSentence(sentences);
    } else if (line[0] != '#') {
      builder.AddWordLine(line, line_number);
    }
  }
  if (in.bad()) throw std::runtime_error(fmt::format("{}: read error", path.string()));
  builder.EndSentence(sentences);
  return sentences;
}

std::vector<ConlluSentence> ReadGumPartition(const std::filesystem::path& gum_dir,
                                             std::string_view partition, int max_docs) {
  const std::filesystem::path index = gum_dir / "docs.tsv";
  std::ifstream in(index);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open", index.string()));
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error(fmt::format("{}: empty", index.string()));
  const std::vector<std::string> header = SplitTabs(line);
  if (header.size() < 2 || header[0] != "doc" || header[1] != "partition") {
    throw std::runtime_error(
        fmt::format("{}:1: expected columns 'doc' and 'partition' first", index.string()));
  }
  std::vector<ConlluSentence> sentences;
  int docs = 0;
  while (std::getline(in, line) && (max_docs < 0 || docs < max_docs)) {
    const std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() < 2 || fields[1] != partition) continue;
    std::vector<ConlluSentence> doc = ReadConllu(gum_dir / "conllu" / (fields[0] + ".conllu"));
    sentences.insert(sentences.end(), std::make_move_iterator(doc.begin()),
                     std::make_move_iterator(doc.end()));
    ++docs;
  }
  return sentences;
}

}  // namespace storyline
