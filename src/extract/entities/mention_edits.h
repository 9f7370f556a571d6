// What the entity rule layers share when they read tokens and rewrite the recognizer's
// text-ordered mention list: capitalization and adjacency of tokens, the tokens a
// mention covers, and an editor of the list that puts a new mention in place of those
// it overlaps.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory_resource>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

// Whether `word` is one of `words` (a rule's list of cue words).
template <size_t N>
bool InWordList(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Starts with an ASCII capital ("Gaza", "U.S.", "AP").
bool StartsUpper(std::string_view word);

// Token `i` follows token `i - 1` after exactly one space, as words of one name do
// ("Defense Forces", not "Israel, Defense" or "Israel\nDefense"). False for i == 0.
bool FollowsBySpace(std::string_view text, const TokenizedText& tokens, size_t i);

// The tokens [first, end) lying inside `span`.
std::pair<size_t, size_t> TokensInSpan(const TokenizedText& tokens, Span span);

// An article's mentions, in text order, while a rule layer reads and rewrites them.
// The questions a rule asks about the mentions over some tokens, and the replacement of
// those mentions by a new one, cost a search among the mentions near those tokens rather
// than a pass over all of them (and a shift of all that follow), so that a layer's cost
// stays linear in the article's length. The editor takes the mentions; they are back in
// the vector, in text order, when it is destroyed. Until then the vector is not to be
// read or changed but through the editor.
class MentionEditor {
  struct Key;
  struct KeyOrder {
    bool operator()(const Key& a, const Key& b) const;
  };
  using Keys = std::pmr::set<Key, KeyOrder>;

 public:
  // A place in the mentions' text order.
  using Position = Keys::const_iterator;

  MentionEditor(std::string_view text, const TokenizedText& tokens,
                std::vector<EntityMention>& mentions);
  ~MentionEditor();
  MentionEditor(const MentionEditor&) = delete;
  MentionEditor& operator=(const MentionEditor&) = delete;

  // The bytes of tokens [first, end).
  Span TokenSpan(size_t first, size_t end) const;

  // Whether `holds` is true of some mention that overlaps `span` (shares a byte with it).
  template <typename Predicate>
  bool AnyOverlapping(Span span, Predicate holds) const {
    for (Position at = FirstThatMayOverlap(span); at != keys_.end() && StartOf(at) < span.end;
         ++at) {
      const EntityMention& m = At(at);
      if (span.start < m.span.end && holds(m)) return true;
    }
    return false;
  }

  // Whether some mention overlaps tokens [first, end) and reaches outside them: the
  // recognizer then read a longer or different name there, which a rule leaves alone.
  bool ReachesOutside(size_t first, size_t end) const;

  // Replaces every mention overlapping tokens [first, end), or `span`, by one mention
  // of `type` over them.
  void Put(size_t first, size_t end, std::string type);
  void Put(Span span, std::string type);

  // Walking the mentions in text order.
  Position begin() const { return keys_.begin(); }
  Position end() const { return keys_.end(); }
  const EntityMention& At(Position at) const;
  // The first mention starting at byte `start`, or the first after it.
  Position FirstFrom(uint32_t start) const;

 private:
  uint32_t StartOf(Position at) const;
  Position FirstThatMayOverlap(Span span) const;

  std::string_view text_;
  const TokenizedText& tokens_;
  std::vector<EntityMention>& mentions_;  // the mentions given, by index
  std::vector<EntityMention> added_;      // then those put, by index after them
  std::array<std::byte, 16384> buffer_;   // the order's nodes, for an article of news
  std::pmr::monotonic_buffer_resource memory_;
  Keys keys_;  // the mentions in text order
  // A put mention goes before those of the same start (as an insertion at the first
  // place its start allows), so each takes an order below all before it.
  int64_t next_put_order_ = -1;
  uint32_t longest_ = 0;  // the most bytes any mention spans: how far back one may reach
  bool changed_ = false;
};

}  // namespace storyline
