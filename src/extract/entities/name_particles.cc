#include "extract/entities/name_particles.h"

#include <algorithm>
#include <array>

#include "extract/entities/mention_edits.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, 8> kParticlesAnyCase = {"bin", "bint", "ibn", "ben",
                                                               "abu", "abd",  "al",  "el"};
constexpr std::array<std::string_view, 8> kLowerCaseParticles = {"van", "von", "der", "de",
                                                                 "da",  "del", "dos", "du"};
constexpr std::array<std::string_view, 5> kParticlePrefixes = {"al-", "el-", "ad-", "ash-", "az-"};
constexpr std::array<std::string_view, 3> kStrongParticles = {"bin", "bint", "ibn"};
// Prepositions before a place's name: "in Deir al-Balah".
constexpr std::array<std::string_view, 9> kLocatives = {
    "in", "at", "to", "from", "near", "into", "outside", "across", "toward"};
// Capitalized words that start sentences but no names.
constexpr std::array<std::string_view, 12> kClosedClasses = {
    "DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "ADV", "NUM", "PUNCT", "SYM", "INTJ"};

class Reader {
 public:
  Reader(std::string_view text, const TokenizedText& tokens, const std::vector<PosTag>& tags)
      : text_(text), tokens_(tokens), tags_(tags) {}

  size_t size() const { return tokens_.tokens.size(); }
  std::string_view Word(size_t i) const { return tokens_.tokens[i].In(text_); }
  bool Adjacent(size_t i) const { return FollowsBySpace(text_, tokens_, i); }

  bool IsParticle(size_t i) const {
    const std::string_view word = Word(i);
    return InWordList(kParticlesAnyCase, AsciiLower(word)) || InWordList(kLowerCaseParticles, word);
  }
  bool IsPrefixed(size_t i, bool lower_case_only) const {
    const std::string_view word = Word(i);
    for (const std::string_view prefix : kParticlePrefixes) {
      if (word.size() <= prefix.size() || !StartsUpper(word.substr(prefix.size()))) continue;
      const std::string_view head = word.substr(0, prefix.size());
      if (head == prefix || (!lower_case_only && AsciiLower(head) == prefix)) return true;
    }
    return false;
  }
  bool IsNameWord(size_t i) const {
    return StartsUpper(Word(i)) && !IsParticle(i) && !InWordList(kClosedClasses, tags_[i].upos);
  }

  // The end of a particle bridge starting at token `from` (particles, then one name word
  // or a prefixed word); `from` when there is none.
  size_t BridgeRight(size_t from, bool strong_only) const {
    size_t k = from;
    bool strong = false;
    while (k < size() && Adjacent(k) && IsParticle(k)) {
      strong = strong || InWordList(kStrongParticles, AsciiLower(Word(k)));
      ++k;
    }
    if (k >= size() || !Adjacent(k)) return from;
    if (k > from && IsNameWord(k) && (strong || !strong_only)) return k + 1;
    if (k == from && IsPrefixed(k, strong_only)) return k + 1;
    return from;
  }

  // The start of a bridge ending before token `to`: a name word, then particles, when
  // particles come between it and `to` or `to` itself is a particle or prefixed word.
  size_t BridgeLeft(size_t to) const {
    size_t j = to;
    while (j > 0 && Adjacent(j) && IsParticle(j - 1)) --j;
    const bool bridged = j < to || IsParticle(to) || IsPrefixed(to, false);
    if (bridged && j > 0 && Adjacent(j) && IsNameWord(j - 1)) return j - 1;
    return to;
  }

 private:
  std::string_view text_;
  const TokenizedText& tokens_;
  const std::vector<PosTag>& tags_;
};

bool OnlyPeopleIn(size_t first, size_t end, const MentionEditor& mentions) {
  return !mentions.AnyOverlapping(mentions.TokenSpan(first, end),
                                  [](const EntityMention& m) { return m.type != "PERSON"; });
}

bool AnyMentionIn(size_t first, size_t end, const MentionEditor& mentions) {
  return mentions.AnyOverlapping(mentions.TokenSpan(first, end),
                                 [](const EntityMention&) { return true; });
}

// Widens the PERSON mention over tokens [first, end) through particles on both sides.
void ExtendPerson(const Reader& reader, size_t& first, size_t& end, const MentionEditor& mentions) {
  for (size_t next;
       (next = reader.BridgeRight(end, false)) > end && OnlyPeopleIn(end, next, mentions);) {
    end = next;
  }
  for (size_t previous;
       (previous = reader.BridgeLeft(first)) < first && OnlyPeopleIn(previous, first, mentions);) {
    first = previous;
  }
}

// A name the recognizer missed that starts at token `first`: its end, or `first`.
size_t MissedNameAt(const Reader& reader, size_t first) {
  if (!reader.IsNameWord(first) || reader.IsPrefixed(first, false)) return first;
  if (first > 0 && InWordList(kLocatives, AsciiLower(reader.Word(first - 1)))) return first;
  size_t end = reader.BridgeRight(first + 1, true);
  if (end == first + 1) return first;
  for (size_t next; (next = reader.BridgeRight(end, false)) > end;) end = next;
  return end;
}

}  // namespace

void JoinNameParticles(std::string_view text, const TokenizedText& tokens,
                       const std::vector<PosTag>& tags, std::vector<EntityMention>& mentions) {
  const Reader reader(text, tokens, tags);
  MentionEditor editor(text, tokens, mentions);
  for (auto m = editor.begin(); m != editor.end(); ++m) {
    if (editor.At(m).type != "PERSON") continue;
    auto [first, end] = TokensInSpan(tokens, editor.At(m).span);
    if (first == end) continue;
    const size_t old_first = first, old_end = end;
    ExtendPerson(reader, first, end, editor);
    if (first == old_first && end == old_end) continue;
    editor.Put(first, end, "PERSON");
    // Go on after the widened mention: the ones it swallowed are gone.
    m = editor.FirstFrom(tokens.tokens[first].start);
  }
  for (size_t i = 0; i + 1 < tokens.tokens.size(); ++i) {
    const size_t end = MissedNameAt(reader, i);
    if (end == i || AnyMentionIn(i, end, editor)) continue;
    editor.Put(i, end, "PERSON");
    i = end - 1;
  }
}

}  // namespace storyline
