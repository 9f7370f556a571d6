#include "extract/entities/name_edges.h"

#include <algorithm>
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

bool IsDigits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// A code that names a model, a part or a document: a capital, then letters, digits and
// hyphens with three digits at least ("A380", "LC500", "F-150", "MS08-078"), or a
// quarter or half of a year ("Q2", "H1"). No organization or place is written so; the
// few with digits have fewer ("G20", "MI6", "3M").
bool IsDesignation(std::string_view word) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return false;
  if (word.size() == 2 && (word[0] == 'Q' || word[0] == 'H') && word[1] >= '1' && word[1] <= '4') {
    return true;
  }
  size_t digits = 0;
  for (char c : word) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (!std::isalpha(static_cast<unsigned char>(c)) && c != '-') {
      return false;
    }
  }
  return digits >= 3;
}

// Words before a number in the names of units, lodges, stations and roads ("Local 1199",
// "Engine 123", "Highway 101"): there the number is part of the name.
constexpr std::array<std::string_view, 14> kNumberedUnitWords = {
    "Local",  "Post",     "Lodge",   "Chapter", "Station",    "Channel", "Unit",
    "Engine", "Precinct", "Company", "Route",   "Interstate", "Highway", "District"};

// A maker's model ("Boeing 787", "Airbus A380") or a code alone, read as an organization
// or a person: tokens [first, last] end in a designation, or in a number of three or four
// digits after a capitalized word that numbers no unit.
bool NamesAModel(std::string_view text, const TokenizedText& tokens, size_t first, size_t last) {
  const std::string_view end = tokens.tokens[last].In(text);
  if (IsDesignation(end)) return true;
  if (last == first || !IsDigits(end) || end.size() < 3 || end.size() > 4) return false;
  const std::string_view before = tokens.tokens[last - 1].In(text);
  return StartsUpper(before) && !InWordList(kNumberedUnitWords, before);
}

// "No. 5", "No 1": a rank or a seed, no name.
bool IsRank(std::string_view text, const TokenizedText& tokens, size_t first, size_t last) {
  auto word = [&](size_t i) { return tokens.tokens[i].In(text); };
  if (!IsDigits(word(last)) || (word(first) != "No" && word(first) != "No.")) return false;
  return last == first + 1 || (last == first + 2 && word(first + 1) == ".");
}

// A company's suffix alone ("Walt Disney [Co.]", "McClatchy [Co.]"): the recognizer cut
// the name before it off.
constexpr std::array<std::string_view, 10> kCorporateSuffixes = {
    "Co.", "Co", "Corp.", "Corp", "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "PLC"};

// Heads of institutions' names ("Children's Hospital", "the State's Attorney's Office"):
// alone after a possessive, the recognizer cut the rest of the name off.
constexpr std::array<std::string_view, 16> kInstitutionHeads = {
    "Office", "Hospital", "Department", "Center", "Centre", "School", "College",  "Church",
    "Club",   "Library",  "Museum",     "Bureau", "Agency", "Unit",   "Division", "Clinic"};

// Token `first` is one of those heads right after "<Capitalized>'s" (or "<Capitalized>
// 's", as text rebuilt from tokens spaces it).
bool IsHeadAfterPossessive(std::string_view text, const TokenizedText& tokens, size_t first) {
  if (!InWordList(kInstitutionHeads, tokens.tokens[first].In(text))) return false;
  std::string_view before = text.substr(0, tokens.tokens[first].start);
  if (before.ends_with(' ')) before.remove_suffix(1);
  if (before.ends_with("'s")) {
    before.remove_suffix(2);
  } else if (before.ends_with("\xE2\x80\x99s")) {
    before.remove_suffix(4);
  } else {
    return false;
  }
  if (before.ends_with(' ')) before.remove_suffix(1);
  const size_t space = before.find_last_of(" \n");
  return StartsUpper(before.substr(space == std::string_view::npos ? 0 : space + 1));
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
  if (first == last && IsHeadAfterPossessive(text, tokens, first)) return std::nullopt;
  if (IsRank(text, tokens, first, last)) return std::nullopt;
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
  if ((type == "ORG" || type == "PERSON") && NamesAModel(text, tokens, first, last)) return;
  if (type != "PERSON") {
    out.push_back(MentionOver(text, tokens, first, last, type));
    return;
  }
  for (const auto& [person_first, person_last] : People(text, tokens, first, last)) {
    out.push_back(MentionOver(text, tokens, person_first, person_last, type));
  }
}

// A company's suffix the recognizer read alone ("Walt Disney [Co.]"): it joins the name
// one space before it, which is then the company. After a comma ("Acme Corporation,
// [Inc.]") it stays beside the name, whose legal form it gives; with no name before it
// it is a piece, and goes.
void JoinCorporateSuffix(std::string_view text, const EntityMention& suffix,
                         std::vector<EntityMention>& out) {
  if (out.empty() || out.back().span.end > suffix.span.start) return;
  EntityMention& name = out.back();
  const std::string_view gap = text.substr(name.span.end, suffix.span.start - name.span.end);
  if (gap == ", ") {
    out.push_back(suffix);
  } else if (gap == " ") {
    name.span.end = suffix.span.end;
    name.text = std::string(text.substr(name.span.start, name.span.end - name.span.start));
    name.type = "ORG";
  }
}

}  // namespace

void RepairNameEdges(std::string_view text, const TokenizedText& tokens,
                     std::vector<EntityMention>& mentions) {
  std::vector<EntityMention> repaired;
  repaired.reserve(mentions.size());
  for (const EntityMention& mention : mentions) {
    if (InWordList(kCorporateSuffixes, mention.text)) {
      JoinCorporateSuffix(text, mention, repaired);
    } else {
      Repair(text, tokens, mention, repaired);
    }
  }
  mentions = std::move(repaired);
}

}  // namespace storyline
