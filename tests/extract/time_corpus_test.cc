// Runs the time finder over the annotated corpora in shared/data (MEANTIME, GUM) and
// checks value accuracy against their gold normalizations, the way
// shared/tools/score-times.py scores MEANTIME: a gold DATE/TIME is right when a found
// expression overlaps it and its value agrees at the gold's precision.
//
// With STORYLINE_TIME_PREDICTIONS=DIR set, also writes DIR/meantime.jsonl and
// DIR/gum.jsonl in the `analyze` shape, for the official scorer.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../support/test_paths.h"
#include "extract/times/time_expression_finder.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

std::vector<std::map<std::string, std::string>> ReadTsv(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream split(line);
    std::string cell;
    while (std::getline(split, cell, '\t')) cells.push_back(cell);
    if (!line.empty() && line.back() == '\t') cells.emplace_back();
    if (header.empty()) {
      header = cells;
      continue;
    }
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = i < cells.size() ? cells[i] : "";
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Byte offset of each code point index.
std::vector<uint32_t> CodePointOffsets(const std::string& text) {
  std::vector<uint32_t> offsets;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

struct GoldTime {
  uint32_t start, end;  // bytes
  std::string value;
};

struct Score {
  int hit = 0;
  int total = 0;
  double Accuracy() const { return total ? static_cast<double>(hit) / total : 0; }
};

// `matches(predicted, gold)` decides agreement of values.
template <typename Matches>
void ScoreDocument(const std::vector<TimeExpression>& found, const std::vector<GoldTime>& gold,
                   Matches matches, Score& score) {
  for (const GoldTime& g : gold) {
    ++score.total;
    for (const TimeExpression& t : found) {
      if (t.span.start < g.end && g.start < t.span.end && t.value && matches(*t.value, g.value)) {
        ++score.hit;
        break;
      }
    }
  }
}

bool PrefixMatch(const std::string& predicted, const std::string& gold) {
  return predicted.compare(0, gold.size(), gold) == 0;
}

// GUM writes TEI values: "--07" for a month of no stated year, "08:00:00" for a clock time.
bool GumMatch(const std::string& predicted, const std::string& gold) {
  if (gold.starts_with("--")) {
    return predicted.size() >= 7 && predicted.compare(4, gold.size() - 1, gold.substr(1)) == 0;
  }
  if (gold.size() >= 5 && gold[2] == ':') {
    const size_t t = predicted.find('T');
    return t != std::string::npos && predicted.compare(t + 1, 5, gold.substr(0, 5)) == 0;
  }
  return PrefixMatch(predicted, gold);
}

class Predictions {
 public:
  explicit Predictions(const std::string& name) {
    if (const char* dir = std::getenv("STORYLINE_TIME_PREDICTIONS")) {
      out_.open(fs::path(dir) / (name + ".jsonl"));
    }
  }
  void Write(const std::string& id, const std::vector<TimeExpression>& times) {
    if (!out_.is_open()) return;
    nlohmann::json record = {{"id", id}, {"times", nlohmann::json::array()}};
    for (const TimeExpression& t : times) {
      record["times"].push_back({{"text", t.text},
                                 {"start", t.span.start},
                                 {"end", t.span.end},
                                 {"kind", t.kind},
                                 {"value", t.value ? nlohmann::json(*t.value) : nlohmann::json()}});
    }
    out_ << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }

 private:
  std::ofstream out_;
};

const fs::path kShared = storyline::test_paths::SharedDir();

TEST(TimeCorpusTest, MeantimeValueAccuracy) {
  const fs::path dir = kShared / "data" / "meantime";
  if (!fs::exists(dir / "docs.tsv")) GTEST_SKIP() << "no MEANTIME data at " << dir;
  Predictions predictions("meantime");
  Score score;
  for (const auto& doc : ReadTsv(dir / "docs.tsv")) {
    const std::string id = doc.at("doc_id");
    const std::string text = ReadFile(dir / "docs" / (id + ".txt"));
    const std::optional<std::string> published =
        doc.at("dct").empty() ? std::nullopt : std::optional(doc.at("dct"));
    const std::vector<TimeExpression> found = FindTimeExpressions(text, published);
    predictions.Write(id, found);
    const std::vector<uint32_t> bytes = CodePointOffsets(text);
    std::vector<GoldTime> gold;
    for (const auto& row : ReadTsv(dir / "docs" / (id + ".timex.tsv"))) {
      const std::string& value = row.at("value");
      if ((row.at("type") != "DATE" && row.at("type") != "TIME") ||
          row.at("functionInDocument") == "CREATION_TIME" || value.empty() || !isdigit(value[0])) {
        continue;
      }
      gold.push_back(
          {bytes[std::stoul(row.at("start_char"))], bytes[std::stoul(row.at("end_char"))], value});
    }
    ScoreDocument(found, gold, PrefixMatch, score);
  }
  std::cout << "MEANTIME value accuracy " << score.Accuracy() << " (" << score.hit << "/"
            << score.total << ")\n";
  EXPECT_GE(score.Accuracy(), 0.85);
}

TEST(TimeCorpusTest, GumDatedDocuments) {
  const fs::path dir = kShared / "data" / "gum";
  if (!fs::exists(dir / "docs.tsv")) GTEST_SKIP() << "no GUM data at " << dir;
  Predictions predictions("gum");
  Score score;
  for (const auto& doc : ReadTsv(dir / "docs.tsv")) {
    const std::string id = doc.at("doc");
    const std::string text = ReadFile(dir / "docs" / (id + ".txt"));
    const std::optional<std::string> published =
        doc.at("dateCreated").empty() ? std::nullopt : std::optional(doc.at("dateCreated"));
    const std::vector<TimeExpression> found = FindTimeExpressions(text, published);
    predictions.Write(id, found);
    const std::vector<uint32_t> bytes = CodePointOffsets(text);
    std::vector<GoldTime> gold;
    for (const auto& row : ReadTsv(dir / "docs" / (id + ".dates.tsv"))) {
      if (row.at("when").empty()) continue;
      gold.push_back({bytes[std::stoul(row.at("start_char"))],
                      bytes[std::stoul(row.at("end_char"))], row.at("when")});
    }
    ScoreDocument(found, gold, GumMatch, score);
  }
  std::cout << "GUM value accuracy (dates with a `when` value) " << score.Accuracy() << " ("
            << score.hit << "/" << score.total << ")\n";
  EXPECT_GE(score.Accuracy(), 0.75);
}

}  // namespace
}  // namespace storyline
