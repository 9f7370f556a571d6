// quote_eval: scores FindQuotes against GUM's quotation spans, or prints the quotations
// of a JSON Lines file for reading by hand.
//
// usage: quote_eval gum GUM_DIR PARTITION [MODELS_DIR]
//        quote_eval show ARTICLES.jsonl [MODELS_DIR]
//
// gum: every document of docs.tsv in PARTITION (train or dev). Gold spans include their
// marks; ours do not, so gold spans are compared with their marks and surrounding
// spaces stripped. Prints exact-span and overlap precision/recall, and how often the
// partial flag agrees with GUM's tag (q: scare quote or mention, quote: quotation) on
// matched spans. GUM gives no speakers. With MODELS_DIR, the tagger, parser and
// recognizer there (pos.model, parser.model, ner.model) run first when present.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "extract/quotes/quote_finder.h"
#include "nlp/dependency_parser.h"
#include "nlp/entity_recognizer.h"
#include "nlp/pos_tagger.h"
#include "text/tokenizer.h"

namespace {

using storyline::Quote;
using storyline::Span;

struct Models {
  std::unique_ptr<storyline::PosTagger> tagger;
  std::unique_ptr<storyline::DependencyParser> parser;
  std::unique_ptr<storyline::EntityRecognizer> recognizer;
};

Models LoadModels(const std::filesystem::path& dir) {
  Models models;
  if (dir.empty()) return models;
  if (std::filesystem::exists(dir / "pos.model")) {
    models.tagger =
        std::make_unique<storyline::PosTagger>(storyline::PosTagger::Load(dir / "pos.model"));
    if (std::filesystem::exists(dir / "parser.model")) {
      models.parser = std::make_unique<storyline::DependencyParser>(
          storyline::DependencyParser::Load(dir / "parser.model"));
    }
  }
  if (std::filesystem::exists(dir / "ner.model")) {
    models.recognizer =
        std::make_unique<storyline::EntityRecognizer>(storyline::EntityRecognizer::Load(dir));
  }
  std::cerr << "models: tagger " << (models.tagger ? "yes" : "no") << ", parser "
            << (models.parser ? "yes" : "no") << ", recognizer "
            << (models.recognizer ? "yes" : "no") << "\n";
  return models;
}

std::vector<Quote> Analyze(const std::string& text, const Models& models) {
  static const storyline::Tokenizer tokenizer;
  const storyline::TokenizedText tokens = tokenizer.Tokenize(text);
  std::vector<storyline::PosTag> tags;
  std::vector<storyline::Dependency> deps;
  std::vector<storyline::EntityMention> entities;
  if (models.tagger) models.tagger->Tag(text, tokens, tags);
  if (models.parser) models.parser->Parse(text, tokens, tags, deps);
  if (models.recognizer) entities = models.recognizer->Recognize(text, tokens);
  return storyline::FindQuotes(text, tokens, tags, deps, entities);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Byte offset of every code point offset (one past the end included).
std::vector<uint32_t> CodePointToByte(const std::string& text) {
  std::vector<uint32_t> offsets;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

bool IsMarkOrSpaceAt(const std::string& text, uint32_t i, uint32_t& length) {
  const char c = text[i];
  length = 1;
  if (c == '"' || c == '\'' || c == '`' || c == ' ' || c == '\n') return true;  // `` of GUM
  if (i + 2 < text.size() && text.compare(i, 2, "\xE2\x80") == 0) {
    const unsigned char d = text[i + 2];
    length = 3;
    return d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D;
  }
  return false;
}

Span StripMarks(const std::string& text, Span span) {
  uint32_t length = 0;
  while (span.start < span.end && IsMarkOrSpaceAt(text, span.start, length)) span.start += length;
  while (span.end > span.start) {
    uint32_t back = span.end - 1;
    while (back > span.start && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    if (!IsMarkOrSpaceAt(text, back, length) || back + length != span.end) break;
    span.end = back;
  }
  return span;
}

struct GoldQuote {
  Span span;
  bool scare = false;  // GUM tag "q"
};

struct Counts {
  int gold = 0, predicted = 0, exact = 0, gold_overlapped = 0, predicted_overlapping = 0;
  int tag_compared = 0, tag_agreed = 0;
};

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

int RunGum(const std::filesystem::path& dir, const std::string& partition, const Models& models) {
  std::ifstream docs(dir / "docs.tsv");
  std::string line;
  std::getline(docs, line);  // header
  Counts c;
  while (std::getline(docs, line)) {
    std::istringstream fields(line);
    std::string doc, part;
    std::getline(fields, doc, '\t');
    std::getline(fields, part, '\t');
    if (part != partition) continue;
    const std::string text = ReadFile(dir / "docs" / (doc + ".txt"));
    const std::vector<uint32_t> bytes = CodePointToByte(text);
    std::vector<GoldQuote> gold;
    std::ifstream quotes(dir / "docs" / (doc + ".quotes.tsv"));
    std::string row;
    std::getline(quotes, row);
    while (std::getline(quotes, row)) {
      std::istringstream q(row);
      std::string start, end, tag;
      std::getline(q, start, '\t');
      std::getline(q, end, '\t');
      std::getline(q, tag, '\t');
      const Span raw{bytes.at(std::stoul(start)), bytes.at(std::stoul(end))};
      gold.push_back({StripMarks(text, raw), tag == "q"});
    }
    const std::vector<Quote> predicted = Analyze(text, models);
    c.gold += static_cast<int>(gold.size());
    c.predicted += static_cast<int>(predicted.size());
    for (const GoldQuote& g : gold) {
      bool exact = false, overlapped = false;
      for (const Quote& p : predicted) {
        if (!Overlaps(g.span, p.span)) continue;
        overlapped = true;
        if (p.span.start == g.span.start && p.span.end == g.span.end) {
          exact = true;
          ++c.tag_compared;
          c.tag_agreed += p.partial == g.scare ? 1 : 0;
        }
      }
      c.exact += exact ? 1 : 0;
      c.gold_overlapped += overlapped ? 1 : 0;
      if (!exact && std::getenv("QUOTE_EVAL_VERBOSE")) {
        std::cout << doc << " missed: " << text.substr(g.span.start, g.span.end - g.span.start)
                  << "\n";
      }
    }
    for (const Quote& p : predicted) {
      bool overlapping = false, exact = false;
      for (const GoldQuote& g : gold) {
        overlapping = overlapping || Overlaps(g.span, p.span);
        exact = exact || (p.span.start == g.span.start && p.span.end == g.span.end);
      }
      c.predicted_overlapping += overlapping ? 1 : 0;
      if (!exact && std::getenv("QUOTE_EVAL_VERBOSE")) {
        std::cout << doc << " spurious: " << p.text << "\n";
      }
    }
  }
  auto ratio = [](int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  std::cout << "GUM " << partition << ": gold " << c.gold << ", predicted " << c.predicted << "\n"
            << "  exact span   P " << ratio(c.exact, c.predicted) << "  R "
            << ratio(c.exact, c.gold) << "\n"
            << "  overlap      P " << ratio(c.predicted_overlapping, c.predicted) << "  R "
            << ratio(c.gold_overlapped, c.gold) << "\n"
            << "  partial flag agrees with GUM q/quote tag on " << c.tag_agreed << " of "
            << c.tag_compared << " exact matches\n";
  return 0;
}

int RunShow(const std::filesystem::path& path, const Models& models) {
  std::ifstream in(path);
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.contains("text") || !record["text"].is_string()) {
      std::cerr << path.string() << ":" << line_number << ": not an article record\n";
      continue;
    }
    const std::string text = record["text"].get<std::string>();
    std::cout << "== " << record.value("id", std::to_string(line_number)) << "\n";
    for (const Quote& q : Analyze(text, models)) {
      std::cout << (q.partial ? "  partial " : "  quote   ") << "[" << q.span.start << ","
                << q.span.end << ") " << (q.speaker ? *q.speaker : "-") << " <"
                << (q.speaker_entity ? *q.speaker_entity : "-") << "> | " << q.text << "\n";
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 3 && args[0] == "gum") {
    return RunGum(args[1], args[2], LoadModels(args.size() > 3 ? args[3] : ""));
  }
  if (args.size() >= 2 && args[0] == "show") {
    return RunShow(args[1], LoadModels(args.size() > 2 ? args[2] : ""));
  }
  std::cerr << "usage: quote_eval gum GUM_DIR PARTITION [MODELS_DIR]\n"
               "       quote_eval show ARTICLES.jsonl [MODELS_DIR]\n";
  return 2;
}
