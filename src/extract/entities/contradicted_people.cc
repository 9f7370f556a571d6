#include "extract/entities/contradicted_people.h"

#include <algorithm>
#include <set>
#include <string>

#include "extract/entities/mention_edits.h"
#include "extract/entities/name_parts.h"

namespace storyline {
namespace {

bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLetter(char c) { return IsAsciiLower(c) || IsAsciiUpper(c); }

// "the " (or "The ") ends right before byte `start`, as a word of its own.
bool FollowsTheArticle(std::string_view text, size_t start) {
  if (start < 4) return false;
  const std::string_view before = text.substr(start - 4, 4);
  if (before != "the " && before != "The ") return false;
  return start == 4 || !IsAsciiLetter(text[start - 5]);
}

// Whether the name over tokens [first, end) modifies what follows it ("the Obama
// administration", "the Bush-era", "the Bush - era"): a lower-case noun one space after
// it, or a hyphen.
bool ModifiesWhatFollows(std::string_view text, const TokenizedText& tokens,
                         const std::vector<PosTag>& tags, size_t end) {
  if (end >= tokens.tokens.size() || end >= tags.size()) return false;
  const std::string_view next = tokens.tokens[end].In(text);
  // "the Bush-era", "the Nixon and Clinton impeachments".
  if (next == "-" || next == "and" || next == "or" || next == "&") return true;
  return FollowsBySpace(text, tokens, end) && IsAsciiLower(next.front()) &&
         tags[end].upos == "NOUN";
}

// "R-Texas", "US-China", "T-Mobile": a part of one capital or all in capitals.
bool JoinsACodeByHyphen(std::string_view name) {
  if (name.find('-') == std::string_view::npos) return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('-', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view part = name.substr(start, end - start);
    if (!part.empty() && std::all_of(part.begin(), part.end(), IsAsciiUpper)) return true;
    start = end + 1;
  }
  return false;
}

enum class Sign { kNone, kContradicted, kWhich, kModifier };

// What the words around the one-word "person" `m` say of it.
Sign Reading(std::string_view text, const TokenizedText& tokens, const std::vector<PosTag>& tags,
             const EntityMention& m) {
  if (JoinsACodeByHyphen(m.text)) return Sign::kContradicted;
  if (text.substr(m.span.end).starts_with(", which ")) return Sign::kWhich;
  if (m.text.ends_with('s') || !FollowsTheArticle(text, m.span.start)) return Sign::kNone;
  const auto [first, end] = TokensInSpan(tokens, m.span);
  if (first >= end) return Sign::kNone;
  return ModifiesWhatFollows(text, tokens, tags, end) ? Sign::kModifier : Sign::kContradicted;
}

}  // namespace

void DropContradictedPeople(std::string_view text, const TokenizedText& tokens,
                            const std::vector<PosTag>& tags, const Gazetteer& gazetteer,
                            std::vector<EntityMention>& mentions) {
  // Words of full names, titled or linked names; well-known people's names.
  std::set<std::string, std::less<>> named;
  std::set<std::string, std::less<>> famous;
  std::set<std::string, std::less<>> modifiers;  // "the Bush administration"
  for (const EntityMention& m : mentions) {
    if (m.type != "PERSON") continue;
    if ((gazetteer.Lookup(m.text) & CategoryBit(GazetteerCategory::kPerson)) != 0) {
      famous.insert(m.text);
    }
    const std::vector<std::string_view> words = SplitNameWords(m.text);
    if (words.size() >= 2 || !m.title.empty() || SplitNameWords(m.name).size() >= 2) {
      for (std::string_view word : words) named.emplace(word);
    }
  }
  // Each contradicted mention goes; every mention of its word goes too unless the
  // article also uses the word as a modifier, a reading the signs above do not settle.
  std::set<std::string, std::less<>> contradicted_words;
  std::vector<bool> contradicted(mentions.size(), false);
  bool any = false;
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    if (m.type != "PERSON" || m.span.start > m.span.end || m.span.end > text.size() ||
        named.contains(m.text) || SplitNameWords(m.text).size() != 1) {
      continue;
    }
    const Sign sign = Reading(text, tokens, tags, m);
    switch (sign) {
      case Sign::kContradicted:
      case Sign::kWhich:
        if (sign == Sign::kContradicted && famous.contains(m.text)) break;
        contradicted[i] = any = true;
        contradicted_words.insert(m.text);
        break;
      case Sign::kModifier:
        modifiers.insert(m.text);
        break;
      case Sign::kNone:
        break;
    }
  }
  if (!any) return;
  size_t kept = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    EntityMention& m = mentions[i];
    const bool goes =
        contradicted[i] ||
        (m.type == "PERSON" && contradicted_words.contains(m.text) && !modifiers.contains(m.text));
    if (goes && (gazetteer.Lookup(m.text) & kPlaceCategories) != 0) {
      m.type = "PLACE";  // "the central district of Paris, which": the city
    } else if (goes) {
      continue;
    }
    if (kept != i) mentions[kept] = std::move(mentions[i]);
    ++kept;
  }
  mentions.resize(kept);
}

}  // namespace storyline
