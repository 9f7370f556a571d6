#include "nlp/gazetteer.h"

#include <algorithm>
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

size_t Gazetteer::Table::Home(uint64_t key) const {
  // FNV-1a's low bits are weak; the multiply spreads the high ones down.
  return size_t((key * 0x9e3779b97f4a7c15ULL) >> 32) & (slots_.size() - 1);
}

GazetteerCategories Gazetteer::Table::Find(uint64_t key) const {
  if (slots_.empty()) return 0;
  for (size_t i = Home(key);; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (!slot.used) return 0;
    if (slot.key == key) return slot.bits;
  }
}

void Gazetteer::Table::AddBits(uint64_t key, GazetteerCategories bits) {
  if (2 * (used_ + 1) > slots_.size()) Grow();
  for (size_t i = Home(key);; i = (i + 1) & (slots_.size() - 1)) {
    Slot& slot = slots_[i];
    if (!slot.used) {
      slot = {key, bits, true};
      ++used_;
      return;
    }
    if (slot.key == key) {
      slot.bits |= bits;
      return;
    }
  }
}

void Gazetteer::Table::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<size_t>(1024, 2 * old.size()), Slot{});
  used_ = 0;
  for (const Slot& slot : old) {
    if (slot.used) AddBits(slot.key, slot.bits);
  }
}

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
    if (any && IsSplitPoint(c)) entries_.AddBits(h, kPrefixBit);  // boundary before c
    if (c != ' ') {
      h = Extend(h, c);
      any = true;
    }
    if (split_after && i + 1 < name.size()) entries_.AddBits(h, kPrefixBit);
  }
  if (!any) return;
  entries_.AddBits(h, categories);
  ++names_;
}

GazetteerCategories Gazetteer::Lookup(std::string_view name) const {
  uint64_t h = kSeed;
  for (unsigned char c : name) {
    if (c != ' ') h = Extend(h, c);
  }
  return GazetteerCategories(entries_.Find(h) & ~kPrefixBit);
}

void Gazetteer::FindMatches(std::string_view text, std::span<const Token> tokens, uint32_t first,
                            uint32_t end, std::vector<GazetteerMatch>* matches) const {
  for (uint32_t i = first; i < end; ++i) {
    uint64_t h = kSeed;
    for (uint32_t j = i; j < end && j < i + kMaxTokens; ++j) {
      for (unsigned char c : tokens[j].In(text)) h = Extend(h, c);
      const GazetteerCategories bits = entries_.Find(h);
      const GazetteerCategories categories = bits & ~kPrefixBit;
      if (categories != 0) matches->push_back({i, j + 1, categories});
      if ((bits & kPrefixBit) == 0) break;
    }
  }
}

}  // namespace storyline
