#include "extract/entities/name_edges.h"

#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "extract/entities/mention_edits.h"
#include "extract/entities/street_names.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, 12> kConnectives = {"and", "or", "of",   "for", "&",  "in",
                                                           "at",  "to", "with", "on",  "by", "the"};

bool IsConnective(std::string_view word) { return InWordList(kConnectives, word); }

// A weekday run into a name ("in Waterbury Saturday", "in Henry County Thursday").
constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// The type words of a local government's area: "Henry County" is a place, never a person.
constexpr std::array<std::string_view, 4> kAreaWords = {"County", "Parish", "Township", "Borough"};

bool IsPossessive(std::string_view word) { return word == "'s" || word == "\xE2\x80\x99s"; }

bool HasDigit(std::string_view word) {
  for (char c : word) {
    if (std::isdigit(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

EntityMention MentionOver(std::string_view text, const TokenizedText& tokens, size_t first,
                          size_t last, const std::string& type) {
  EntityMention m;
  m.span = {tokens.tokens[first].start, tokens.tokens[last].end};
  m.text = std::string(text.substr(m.span.start, m.span.end - m.span.start));
  m.type = type;
  return m;
}

// Tokens [first, last] of a recognized name's tokens [begin, end) once its edges are
// repaired; nullopt when no name is left of it.
std::optional<std::pair<size_t, size_t>> RepairedEdges(std::string_view text,
                                                       const TokenizedText& tokens, size_t begin,
                                                       size_t end) {
  auto word = [&](size_t i) { return tokens.tokens[i].In(text); };
  size_t first = begin;
  size_t last = end - 1;
  while (first < last && IsConnective(word(first)) && word(first) != "the") ++first;
  if (IsConnective(word(last))) {
    // Stopped inside a longer name: nothing of it is a name on its own. ("and" and "or"
    // before a capital mostly join two names: "the Sabres and Linus Ullmark".)
    const bool joins_names = word(last) == "and" || word(last) == "or";
    if (!joins_names && end < tokens.tokens.size() && StartsUpper(word(end)) &&
        FollowsBySpace(text, tokens, end)) {
      return std::nullopt;
    }
    while (last > first && IsConnective(word(last))) --last;
  }
  if (IsConnective(word(last))) return std::nullopt;
  // A piece glued to the name before it ("Police Department['s Homicide] Unit").
  if (IsPossessive(word(first))) return std::nullopt;
  while (last > first && InWordList(kWeekdays, word(last))) --last;
  if (first == last && IsRoadWord(word(first))) return std::nullopt;
  return std::pair(first, last);
}

// The people a "person" over tokens [first, last] is: none when it holds a number, two
// when "and" joins two names, else itself.
std::vector<std::pair<size_t, size_t>> People(std::string_view text, const TokenizedText& tokens,
                                              size_t first, size_t last) {
  auto word = [&](size_t i) { return tokens.tokens[i].In(text); };
  for (size_t i = first; i <= last; ++i) {
    if (HasDigit(word(i))) return {};
  }
  for (size_t i = first + 1; i < last; ++i) {
    if ((word(i) == "and" || word(i) == "&") && StartsUpper(word(i - 1)) &&
        StartsUpper(word(i + 1))) {
      return {{first, i - 1}, {i + 1, last}};
    }
  }
  return {{first, last}};
}

// The mentions one recognized name becomes (none, itself repaired, or two people).
void Repair(std::string_view text, const TokenizedText& tokens, const EntityMention& mention,
            std::vector<EntityMention>& out) {
  const auto [begin, end] = TokensInSpan(tokens, mention.span);
  if (begin >= end) {
    out.push_back(mention);
    return;
  }
  const auto edges = RepairedEdges(text, tokens, begin, end);
  if (!edges) return;
  const auto [first, last] = *edges;
  std::string type = mention.type;
  if (type == "PERSON" && last > first && InWordList(kAreaWords, tokens.tokens[last].In(text))) {
    type = "PLACE";
  }
  if (type != "PERSON") {
    out.push_back(MentionOver(text, tokens, first, last, type));
    return;
  }
  for (const auto& [person_first, person_last] : People(text, tokens, first, last)) {
    out.push_back(MentionOver(text, tokens, person_first, person_last, type));
  }
}

}  // namespace

void RepairNameEdges(std::string_view text, const TokenizedText& tokens,
                     std::vector<EntityMention>& mentions) {
  std::vector<EntityMention> repaired;
  repaired.reserve(mentions.size());
  for (const EntityMention& mention : mentions) Repair(text, tokens, mention, repaired);
  mentions = std::move(repaired);
}

}  // namespace storyline
