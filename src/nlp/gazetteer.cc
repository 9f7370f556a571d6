#include "nlp/gazetteer.h"

#include <array>
#include <fstream>
#include <stdexcept>
#include <string>

namespace storyline {
namespace {

constexpr std::array<std::string_view, size_t(GazetteerCategory::kNumCategories)> kNames = {
    "country",    "subdivision", "city",  "geo",     "person", "org",
    "first_name", "org_word",    "title", "demonym", "common"};

constexpr uint64_t kSeed = 0xcbf29ce484222325ULL;

inline uint64_t Extend(uint64_t h, unsigned char c) {
  if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
  h ^= c;
  return h * 0x100000001b3ULL;
}

// A tokenizer may split a name at a space or next to punctuation.
bool IsSplitPoint(unsigned char c) {
  return c == ' ' || c == '.' || c == '-' || c == '\'' || c == ',' || c == '&' || c == '(' ||
         c == ')' || c == '/';
}

GazetteerCategories ParseCategories(std::string_view list) {
  GazetteerCategories bits = 0;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    const std::string_view name = list.substr(0, comma);
    bool known = false;
    for (size_t c = 0; c < kNames.size(); ++c) {
      if (kNames[c] == name) {
        bits |= CategoryBit(GazetteerCategory(c));
        known = true;
      }
    }
    if (!known) throw std::runtime_error("unknown category '" + std::string(name) + "'");
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return bits;
}

}  // namespace

std::string_view CategoryName(GazetteerCategory c) { return kNames[size_t(c)]; }

Gazetteer Gazetteer::Load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open gazetteer");
  Gazetteer gazetteer;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    try {
      if (tab == 0 || tab == std::string::npos)
        throw std::runtime_error("expected name<TAB>categories");
      gazetteer.Add(std::string_view(line).substr(0, tab),
                    ParseCategories(std::string_view(line).substr(tab + 1)));
    } catch (const std::runtime_error& e) {
      throw std::runtime_error(path.string() + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  if (gazetteer.size() == 0) throw std::runtime_error(path.string() + ": empty gazetteer");
  return gazetteer;
}

void Gazetteer::Add(std::string_view name, GazetteerCategories categories) {
  uint64_t h = kSeed;
  bool any = false;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = name[i];
    const bool split_after = IsSplitPoint(c) && c != ' ';
    if (any && IsSplitPoint(c)) entries_[h] |= kPrefixBit;  // boundary before c
    if (c != ' ') {
      h = Extend(h, c);
      any = true;
    }
    if (split_after && i + 1 < name.size()) entries_[h] |= kPrefixBit;
  }
  if (!any) return;
  entries_[h] |= categories;
  ++names_;
}

GazetteerCategories Gazetteer::Lookup(std::string_view name) const {
  uint64_t h = kSeed;
  for (unsigned char c : name) {
    if (c != ' ') h = Extend(h, c);
  }
  const auto it = entries_.find(h);
  return it == entries_.end() ? 0 : GazetteerCategories(it->second & ~kPrefixBit);
}

void Gazetteer::FindMatches(std::string_view text, std::span<const Token> tokens, uint32_t first,
                            uint32_t end, std::vector<GazetteerMatch>* matches) const {
  for (uint32_t i = first; i < end; ++i) {
    uint64_t h = kSeed;
    for (uint32_t j = i; j < end && j < i + kMaxTokens; ++j) {
      for (unsigned char c : tokens[j].In(text)) h = Extend(h, c);
      const auto it = entries_.find(h);
      if (it == entries_.end()) break;
      const GazetteerCategories categories = it->second & ~kPrefixBit;
      if (categories != 0) matches->push_back({i, j + 1, categories});
      if ((it->second & kPrefixBit) == 0) break;
    }
  }
}

}  // namespace storyline
