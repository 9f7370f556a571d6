#include "nlp/ner_corpus.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace storyline {
namespace {

namespace fs = std::filesystem;

std::runtime_error ErrorAt(const fs::path& path, size_t line, const std::string& what) {
  return std::runtime_error(path.string() + ":" + std::to_string(line) + ": " + what);
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t begin = 0;
  for (size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1) {
    fields.push_back(line.substr(begin, tab - begin));
  }
  fields.push_back(line.substr(begin));
  return fields;
}

// A tab-separated file with a header line; rows are read as column-name -> value.
class TsvReader {
 public:
  explicit TsvReader(fs::path path) : path_(std::move(path)), in_(path_) {
    if (!in_) throw std::runtime_error(path_.string() + ": cannot open");
    std::string header;
    if (!std::getline(in_, header)) throw ErrorAt(path_, 1, "missing header");
    columns_ = SplitTabs(header);
  }

  bool Next() {
    std::string line;
    do {
      if (!std::getline(in_, line)) return false;
      ++line_;
    } while (line.empty());
    fields_ = SplitTabs(line);
    if (fields_.size() != columns_.size()) {
      throw Error("expected " + std::to_string(columns_.size()) + " fields, got " +
                  std::to_string(fields_.size()));
    }
    return true;
  }

  const std::string& Get(std::string_view column) const {
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i] == column) return fields_[i];
    }
    throw Error("no column '" + std::string(column) + "'");
  }

  uint32_t GetOffset(std::string_view column) const {
    const std::string& value = Get(column);
    try {
      size_t used = 0;
      const unsigned long offset = std::stoul(value, &used);
      if (used == value.size()) return uint32_t(offset);
    } catch (const std::logic_error&) {
    }
    throw Error("bad offset '" + value + "' in column " + std::string(column));
  }

  std::runtime_error Error(const std::string& what) const { return ErrorAt(path_, line_, what); }

 private:
  fs::path path_;
  std::ifstream in_;
  std::vector<std::string> columns_;
  std::vector<std::string> fields_;
  size_t line_ = 1;
};

// Converts a code point span to bytes, checking it lies inside the text.
NerSpan ToByteSpan(const std::vector<uint32_t>& offsets, uint32_t start, uint32_t end,
                   std::string type, const TsvReader& reader) {
  if (start >= end || end >= offsets.size()) throw reader.Error("span outside the text");
  return {offsets[start], offsets[end], std::move(type)};
}

// The scorers ignore a leading article; dropping it keeps the corpora consistent.
void StripLeadingThe(const std::string& text, NerSpan* span) {
  const std::string_view s(text.data() + span->start, span->end - span->start);
  if ((s.starts_with("the ") || s.starts_with("The ")) && s.size() > 4) span->start += 4;
}

bool IsNameConnector(std::string_view word) {
  static constexpr std::string_view kConnectors[] = {"of", "the", "and", "de",  "da",  "di",
                                                     "du", "del", "der", "van", "von", "al",
                                                     "la", "le",  "for", "on",  "&",   "-"};
  return std::find(std::begin(kConnectors), std::end(kConnectors), word) != std::end(kConnectors);
}

bool IsCapitalized(std::string_view word) {
  const unsigned char c = word.empty() ? 0 : word[0];
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// GUM mention extents take in determiners, modifiers and relative clauses ("a younger
// John Edleston", "Francis Hodgson, a Fellow at King's College, with whom ..."). The name
// is the first run of capitalized words, with connectors ("of", "and") inside it and a
// comma only before another capitalized word ("Trinity College, Cambridge"), and
// without a possessive "'s". Returns
// false when the mention holds no name ("our country's").
bool TrimToName(const std::string& text, NerSpan* span) {
  std::vector<std::pair<uint32_t, uint32_t>> words;
  for (uint32_t i = span->start; i < span->end;) {
    while (i < span->end && (text[i] == ' ' || text[i] == '\n')) ++i;
    uint32_t j = i;
    while (j < span->end && text[j] != ' ' && text[j] != '\n') ++j;
    if (j > i) words.emplace_back(i, j);
    i = j + 1;
  }
  auto word = [&](size_t k) {
    return std::string_view(text).substr(words[k].first, words[k].second - words[k].first);
  };
  size_t first = 0;
  while (first < words.size() && !IsCapitalized(word(first))) ++first;
  if (first == words.size()) return false;
  size_t last = first;  // inclusive
  while (last + 1 < words.size() && !word(last).ends_with(",") &&
         (IsCapitalized(word(last + 1)) || IsNameConnector(word(last + 1)))) {
    ++last;
  }
  if (word(last).ends_with(",") && last + 1 < words.size() && IsCapitalized(word(last + 1))) {
    ++last;
    while (last + 1 < words.size() && !word(last).ends_with(",") &&
           (IsCapitalized(word(last + 1)) || IsNameConnector(word(last + 1)))) {
      ++last;
    }
  }
  while (last > first && IsNameConnector(word(last))) --last;
  uint32_t end = words[last].second;
  while (end > words[first].first && (text[end - 1] == ',' || text[end - 1] == ';')) --end;
  // A possessive is not part of the name ("Columbia University's").
  for (std::string_view possessive : {"'s", "\u2019s"}) {
    if (std::string_view(text).substr(words[first].first, end - words[first].first).size() >
            possessive.size() &&
        std::string_view(text).substr(0, end).ends_with(possessive)) {
      end -= possessive.size();
    }
  }
  span->start = words[first].first;
  span->end = end;
  return true;
}

// Keeps non-overlapping spans, preferring the longest (outermost) or the shortest.
std::vector<NerSpan> RemoveOverlaps(std::vector<NerSpan> spans, bool prefer_longest) {
  std::stable_sort(spans.begin(), spans.end(), [&](const NerSpan& a, const NerSpan& b) {
    const uint32_t la = a.end - a.start, lb = b.end - b.start;
    if (la != lb) return prefer_longest ? la > lb : la < lb;
    return a.start < b.start;
  });
  std::vector<NerSpan> kept;
  for (NerSpan& s : spans) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const NerSpan& k) {
      return s.start < k.end && k.start < s.end;
    });
    if (!overlaps) kept.push_back(std::move(s));
  }
  std::sort(kept.begin(), kept.end(),
            [](const NerSpan& a, const NerSpan& b) { return a.start < b.start; });
  return kept;
}

std::vector<std::string> DocsWithColumn(const fs::path& docs_tsv, std::string_view id_column,
                                        std::string_view column, std::string_view value) {
  std::vector<std::string> ids;
  TsvReader reader(docs_tsv);
  while (reader.Next()) {
    if (reader.Get(column) == value) ids.push_back(reader.Get(id_column));
  }
  if (ids.empty()) {
    throw std::runtime_error(docs_tsv.string() + ": no document with " + std::string(column) + " " +
                             std::string(value));
  }
  return ids;
}

}  // namespace

std::vector<uint32_t> CodePointToByteOffsets(std::string_view text) {
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    offsets.push_back(uint32_t(i));
    const unsigned char c = text[i];
    const size_t length = c < 0x80 ? 1 : c >> 5 == 6 ? 2 : c >> 4 == 14 ? 3 : c >> 3 == 30 ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
      throw std::runtime_error("invalid UTF-8 at byte " + std::to_string(i));
    }
    i += length;
  }
  offsets.push_back(uint32_t(text.size()));
  return offsets;
}

std::vector<NerDocument> LoadGum(const fs::path& gum_dir, std::string_view partition) {
  static const std::map<std::string, std::string> kTypes = {
      {"person", "PERSON"}, {"organization", "ORG"}, {"place", "PLACE"}};
  std::vector<NerDocument> docs;
  for (const std::string& id :
       DocsWithColumn(gum_dir / "docs.tsv", "doc", "partition", partition)) {
    NerDocument doc{id, ReadFile(gum_dir / "docs" / (id + ".txt")), {}};
    const std::vector<uint32_t> offsets = CodePointToByteOffsets(doc.text);
    TsvReader reader(gum_dir / "docs" / (id + ".entities.tsv"));
    while (reader.Next()) {
      const auto type = kTypes.find(reader.Get("type"));
      if (type == kTypes.end()) continue;
      if (reader.Get("head_upos") != "PROPN") continue;
      NerSpan span = ToByteSpan(offsets, reader.GetOffset("start_char"),
                                reader.GetOffset("end_char"), type->second, reader);
      if (!TrimToName(doc.text, &span)) continue;
      StripLeadingThe(doc.text, &span);
      doc.spans.push_back(std::move(span));
    }
    doc.spans = RemoveOverlaps(std::move(doc.spans), /*prefer_longest=*/true);
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::vector<NerDocument> LoadMeantime(const fs::path& meantime_dir, std::string_view corpus) {
  static const std::map<std::string, std::string> kTypes = {
      {"PER", "PERSON"}, {"ORG", "ORG"}, {"LOC", "PLACE"}};
  std::vector<NerDocument> docs;
  for (const std::string& id :
       DocsWithColumn(meantime_dir / "docs.tsv", "doc_id", "corpus", corpus)) {
    NerDocument doc{id, ReadFile(meantime_dir / "docs" / (id + ".txt")), {}};
    const std::vector<uint32_t> offsets = CodePointToByteOffsets(doc.text);
    TsvReader reader(meantime_dir / "docs" / (id + ".entities.tsv"));
    while (reader.Next()) {
      const auto type = kTypes.find(reader.Get("type"));
      const std::string& syntactic = reader.Get("syntactic_type");
      if (type == kTypes.end() || (syntactic != "NAM" && syntactic != "PRE.NAM")) continue;
      NerSpan span = ToByteSpan(offsets, reader.GetOffset("start_char"),
                                reader.GetOffset("end_char"), type->second, reader);
      StripLeadingThe(doc.text, &span);
      doc.spans.push_back(std::move(span));
    }
    // MEANTIME's NAM extents sometimes take in a whole description ("The United States's
    // largest car manufacturer General Motors"); the innermost name is the clean one.
    doc.spans = RemoveOverlaps(std::move(doc.spans), /*prefer_longest=*/false);
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::vector<NerDocument> LoadNerExtra(const fs::path& dir, std::string_view split) {
  const fs::path jsonl = dir / (std::string(split) + ".jsonl");
  std::ifstream in(jsonl);
  if (!in) throw std::runtime_error(jsonl.string() + ": cannot open");
  std::vector<NerDocument> docs;
  std::map<std::string, size_t> index;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    try {
      const nlohmann::json record = nlohmann::json::parse(line);
      index[record.at("doc_id").get<std::string>()] = docs.size();
      docs.push_back(
          {record.at("doc_id").get<std::string>(), record.at("text").get<std::string>(), {}});
    } catch (const nlohmann::json::exception& e) {
      throw ErrorAt(jsonl, number, e.what());
    }
  }
  std::vector<std::vector<uint32_t>> offsets(docs.size());
  TsvReader reader(dir / (std::string(split) + ".entities.tsv"));
  while (reader.Next()) {
    const std::string& type = reader.Get("type");
    if (type != "PERSON" && type != "ORG" && type != "PLACE") continue;
    const auto doc = index.find(reader.Get("doc_id"));
    if (doc == index.end()) throw reader.Error("unknown doc_id " + reader.Get("doc_id"));
    NerDocument& d = docs[doc->second];
    if (offsets[doc->second].empty()) offsets[doc->second] = CodePointToByteOffsets(d.text);
    NerSpan span = ToByteSpan(offsets[doc->second], reader.GetOffset("start_char"),
                              reader.GetOffset("end_char"), type, reader);
    StripLeadingThe(d.text, &span);
    d.spans.push_back(std::move(span));
  }
  for (NerDocument& d : docs) d.spans = RemoveOverlaps(std::move(d.spans), true);
  return docs;
}

namespace {

// The length of the title that `name` starts with, including the space after it; 0 if none.
size_t TitleLength(const Gazetteer& gazetteer, std::string_view name) {
  constexpr GazetteerCategories kTitle = CategoryBit(GazetteerCategory::kTitle);
  constexpr GazetteerCategories kNationality =
      CategoryBit(GazetteerCategory::kCountry) | CategoryBit(GazetteerCategory::kDemonym);
  std::vector<size_t> word_ends;
  for (size_t i = 0; i < name.size() && word_ends.size() < 3; ++i) {
    if (name[i] == ' ') word_ends.push_back(i);
  }
  for (size_t k = 0; k < word_ends.size(); ++k) {
    if (gazetteer.Lookup(name.substr(0, word_ends[k])) & kTitle) return word_ends[k] + 1;
  }
  if (!word_ends.empty() && (gazetteer.Lookup(name.substr(0, word_ends[0])) & kNationality)) {
    const size_t rest = TitleLength(gazetteer, name.substr(word_ends[0] + 1));
    if (rest > 0) return word_ends[0] + 1 + rest;
  }
  return 0;
}

}  // namespace

void StripPersonTitles(const Gazetteer& gazetteer, std::vector<NerDocument>* docs) {
  for (NerDocument& doc : *docs) {
    for (NerSpan& span : doc.spans) {
      if (span.type != "PERSON") continue;
      for (size_t title;
           (title = TitleLength(gazetteer, std::string_view(doc.text).substr(
                                               span.start, span.end - span.start))) > 0 &&
           span.start + title < span.end;) {
        span.start += uint32_t(title);
      }
    }
  }
}

void DropDemonymPlaces(const Gazetteer& gazetteer, std::vector<NerDocument>* docs) {
  for (NerDocument& doc : *docs) {
    std::erase_if(doc.spans, [&](const NerSpan& span) {
      const std::string_view name(doc.text.data() + span.start, span.end - span.start);
      const GazetteerCategories categories = gazetteer.Lookup(name);
      return span.type == "PLACE" && (categories & CategoryBit(GazetteerCategory::kDemonym)) &&
             !(categories & kPlaceCategories);
    });
  }
}

}  // namespace storyline
