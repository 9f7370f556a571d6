#include "extract/entities/entity_type_rules.h"

#include <algorithm>
#include <array>

#include "extract/entities/mention_edits.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// Names of seats of power written for the institution in them.
constexpr std::array<std::string_view, 9> kSeatsOfPower = {
    "white house",   "kremlin",    "pentagon",    "downing street", "elysee palace",
    "élysée palace", "blue house", "zhongnanhai", "foggy bottom"};

bool IsSeatOfPower(std::string_view name) {
  const std::string lower = AsciiLower(name);
  return std::find(kSeatsOfPower.begin(), kSeatsOfPower.end(), lower) != kSeatsOfPower.end();
}

// Capitalized at a sentence start, but never part of a name.
constexpr std::array<std::string_view, 12> kDeterminers = {
    "A", "An", "The", "This", "That", "These", "Those", "Its", "His", "Her", "Their", "Our"};

bool IsDeterminer(std::string_view word) {
  return std::find(kDeterminers.begin(), kDeterminers.end(), word) != kDeterminers.end();
}

bool EndsWithWord(std::string_view name, std::string_view word) {
  return name.size() > word.size() && name.ends_with(word) &&
         name[name.size() - word.size() - 1] == ' ';
}

// Last words of institutions that no person's name ends in: "Penn State", "Ohio
// University", "GiveWell Foundation". The recognizer reads the word before ("Penn") as a
// first name.
constexpr std::array<std::string_view, 9> kInstitutionLastWords = {
    "State",       "University", "College", "Institute",  "Foundation",
    "Association", "Society",    "Academy", "Corporation"};

bool EndsWithInstitutionWord(std::string_view name) {
  return std::any_of(kInstitutionLastWords.begin(), kInstitutionLastWords.end(),
                     [&](std::string_view word) { return EndsWithWord(name, word); });
}

// Last words of companies' names that no place's name ends in: "Kotak Securities",
// "GateHouse Media", "Northwell Health", "Blue Origin Holdings". Read as a place (after
// "at") or a person, such a name is the company.
constexpr std::array<std::string_view, 24> kBusinessLastWords = {
    "Securities",   "Media",           "Publishing",    "Holdings",       "Group",    "Capital",
    "Airlines",     "Airways",         "Wireless",      "Communications", "Telecom",  "Motors",
    "Technologies", "Pharmaceuticals", "Entertainment", "Insurance",      "Partners", "Ventures",
    "Industries",   "Enterprises",     "Health",        "Productions",    "Inc.",     "LLC"};

bool EndsWithBusinessWord(std::string_view name) {
  return std::any_of(kBusinessLastWords.begin(), kBusinessLastWords.end(),
                     [&](std::string_view word) { return EndsWithWord(name, word); });
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

// "GiveWell", "SoftBank", "LinkedIn", "WordPress": one word whose second capital comes
// after a head of four letters at least is a brand's spelling, never a person's. Shorter
// heads are people's ("McDonald", "MacArthur", "DeSantis", "LeBron"), and so are
// "FitzGerald" and "VanderMeer".
bool IsBrandSpelling(std::string_view name) {
  if (name.size() < 6 || !IsUpper(name[0])) return false;
  if (name.starts_with("Fitz") || name.starts_with("Vande")) return false;
  size_t head = 1;
  while (head < name.size() && IsLower(name[head])) ++head;
  return head >= 4 && head + 1 < name.size() && IsUpper(name[head]) && IsLower(name[head + 1]) &&
         std::all_of(name.begin() + head, name.end(),
                     [](char c) { return IsUpper(c) || IsLower(c); });
}

// "@MattBevin", "#GiveWell": an account or a tag, spelled as its owner likes.
bool IsHandle(std::string_view text, Span span) {
  return span.start > 0 && span.start <= text.size() &&
         (text[span.start - 1] == '@' || text[span.start - 1] == '#');
}

// The place "<Name> corridor" ending at token `corridor`, whose name is the run of
// capitalized words right before it; an empty span when there is none.
Span CorridorSpan(std::string_view text, const TokenizedText& tokens, size_t corridor) {
  size_t first = corridor;
  while (first > 0) {
    const Token& previous = tokens.tokens[first - 1];
    if (!StartsUpper(previous.In(text)) || previous.end + 1 != tokens.tokens[first].start) break;
    --first;
  }
  while (first < corridor && IsDeterminer(tokens.tokens[first].In(text))) ++first;
  if (first == corridor) return {};
  return {tokens.tokens[first].start, tokens.tokens[corridor].end};
}

void AddCorridors(std::string_view text, const TokenizedText& tokens,
                  std::vector<EntityMention>& mentions) {
  MentionEditor editor(text, tokens, mentions);
  for (size_t i = 1; i < tokens.tokens.size(); ++i) {
    if (tokens.tokens[i].In(text) != "corridor") continue;
    const Span span = CorridorSpan(text, tokens, i);
    if (span.end == 0) continue;
    // The corridor replaces whatever the recognizer made of its name.
    editor.Put(span, "PLACE");
  }
}

}  // namespace

void ApplyEntityTypeRules(std::string_view text, const TokenizedText& tokens,
                          std::vector<EntityMention>& mentions) {
  for (EntityMention& mention : mentions) {
    if (IsSeatOfPower(mention.text)) {
      mention.type = "ORG";
    } else if (EndsWithWord(mention.text, "Corridor")) {
      mention.type = "PLACE";
    } else if ((mention.type == "PERSON" || mention.type == "PLACE") &&
               EndsWithBusinessWord(mention.text)) {
      mention.type = "ORG";
    } else if (mention.type == "PERSON" &&
               (EndsWithInstitutionWord(mention.text) ||
                (IsBrandSpelling(mention.text) && !IsHandle(text, mention.span)))) {
      mention.type = "ORG";
    }
  }
  AddCorridors(text, tokens, mentions);
}

}  // namespace storyline
