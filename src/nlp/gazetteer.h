// Name lists (countries, cities, first names, organization words, ...) that the entity
// recognizer uses as features. The lists are built from packaged data by
// scripts/build-gazetteers.sh into models/gazetteer.tsv, one "name<TAB>categories" line
// per name.
//
// Names match token sequences, case-insensitively (ASCII) and ignoring the spaces
// between tokens, so "St. Louis" matches the tokens "St." "Louis" however the tokenizer
// splits them, as long as token boundaries fall on the name's word or punctuation
// boundaries. Whether a capitalized match is a name is left to the recognizer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "text/token.h"

namespace storyline {

enum class GazetteerCategory : uint8_t {
  kCountry,
  kSubdivision,
  kCity,
  kGeo,     // other geographic names: regions, rivers, mountains
  kPerson,  // full names and surnames of well-known people
  kOrg,     // well-known organizations
  kFirstName,
  kOrgWord,  // words that end or head organization names: "Inc.", "Party", "Ministry"
  kTitle,    // words before person names: "President", "Mr."
  kDemonym,  // "Israeli", "Egyptian": not names of places themselves
  kCommon,   // common lower-case English words
  kNumCategories,
};

// Bit set of categories: bit c is GazetteerCategory c.
using GazetteerCategories = uint16_t;

constexpr GazetteerCategories CategoryBit(GazetteerCategory c) {
  return GazetteerCategories(1u << unsigned(c));
}

// The categories that name a place.
constexpr GazetteerCategories kPlaceCategories =
    CategoryBit(GazetteerCategory::kCountry) | CategoryBit(GazetteerCategory::kSubdivision) |
    CategoryBit(GazetteerCategory::kCity) | CategoryBit(GazetteerCategory::kGeo);

// "country", "city", ...: the names used in the gazetteer file.
std::string_view CategoryName(GazetteerCategory c);

// One name found in a token range: tokens [first_token, end_token).
struct GazetteerMatch {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  GazetteerCategories categories = 0;
};

class Gazetteer {
 public:
  // Reads a gazetteer file; throws std::runtime_error naming the file and line of the
  // first malformed line or unknown category.
  static Gazetteer Load(const std::filesystem::path& path);

  void Add(std::string_view name, GazetteerCategories categories);

  // Categories of exactly this name (0 when absent).
  GazetteerCategories Lookup(std::string_view name) const;

  // Every name in tokens[first, end) of `text`, at most kMaxTokens tokens long, in order
  // of first token, then length. Thread-safe.
  void FindMatches(std::string_view text, std::span<const Token> tokens, uint32_t first,
                   uint32_t end, std::vector<GazetteerMatch>* matches) const;

  size_t size() const { return names_; }

  static constexpr uint32_t kMaxTokens = 8;

 private:
  // Keys are hashes of the lower-cased name without spaces. An entry also marks the
  // key as a prefix of a longer name, so that matching can stop early.
  static constexpr GazetteerCategories kPrefixBit = 0x8000;

  // Open addressing with linear probing, at most half full: a lookup is usually one
  // cache line, where a node-based map costs a pointer chase per probe. A key never
  // given any bit reads as absent.
  class Table {
   public:
    // The bits of `key`, 0 when absent.
    GazetteerCategories Find(uint64_t key) const;
    void AddBits(uint64_t key, GazetteerCategories bits);

   private:
    struct Slot {
      uint64_t key = 0;
      GazetteerCategories bits = 0;
      bool used = false;
    };
    size_t Home(uint64_t key) const;
    void Grow();

    std::vector<Slot> slots_;
    size_t used_ = 0;
  };

  Table entries_;
  size_t names_ = 0;
};

}  // namespace storyline
