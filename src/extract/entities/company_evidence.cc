#include "extract/entities/company_evidence.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <span>
#include <string>

#include "extract/entities/name_parts.h"

namespace storyline {
namespace {

// Written after a company's name, never after a person's.
constexpr std::string_view kCorporateSuffixes[] = {"Inc",   "Corp",         "Co",         "Ltd",
                                                   "LLC",   "PLC",          "plc",        "GmbH",
                                                   "L.L.C", "Incorporated", "Corporation"};

// What a company has and a person does not, after "<Name>'s".
// ("shares" and "stock" are left out: people own shares, and a "stock answer" is no stock.)
constexpr std::string_view kCompanyPossessions[] = {"CEO",       "founder",      "co-founder",
                                                    "cofounder", "headquarters", "subsidiary",
                                                    "app",       "shareholders", "IPO"};

bool IsOneOf(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::string_view TrimPunct(std::string_view word) {
  while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
  return word;
}

// The word after byte `at` on the same line (one space or ", " before it), or "".
std::string_view WordAfter(std::string_view text, size_t at) {
  size_t start = at;
  if (start < text.size() && text[start] == ',') ++start;
  if (start >= text.size() || text[start] != ' ') return {};
  ++start;
  size_t end = start;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  return text.substr(start, end - start);
}

// The word ending one space before byte `at`, or "".
std::string_view WordBefore(std::string_view text, size_t at) {
  if (at < 2 || text[at - 1] != ' ') return {};
  size_t start = at - 1;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
  return text.substr(start, at - 1 - start);
}

bool IsModelYear(std::string_view word) {
  return word.size() == 4 && (word.starts_with("19") || word.starts_with("20")) &&
         std::all_of(word.begin(), word.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool IsDeterminer(std::string_view word) {
  constexpr std::string_view kDeterminers[] = {"the", "The", "a",   "A",     "an",
                                               "An",  "his", "her", "their", "my"};
  return IsOneOf(word, kDeterminers);
}

// The possessed word of "<Name>'s word" right after byte `at`, or "".
std::string_view PossessedAfter(std::string_view text, size_t at) {
  for (std::string_view mark : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (text.substr(at).starts_with(mark)) return TrimPunct(WordAfter(text, at + mark.size()));
  }
  return {};
}

// Whether the name at `span` is a handle or a tag ("@MattBevin", "#CollectiveBias"): a
// person's account is no company, whatever its spelling.
bool IsHandle(std::string_view text, Span span) {
  return span.start > 0 && (text[span.start - 1] == '@' || text[span.start - 1] == '#');
}

// Whether a capitalized word other than a determiner ends one space before the name at
// `span`: "Sierra Nevada Corp." read as "Nevada", a piece of the company's name.
bool FollowsCapitalizedWord(std::string_view text, Span span) {
  const std::string_view before = WordBefore(text, span.start);
  return !before.empty() && before[0] >= 'A' && before[0] <= 'Z' && !IsDeterminer(before);
}

// Whether the name at `span` speaks as a company does: "Audi says", "Nissan said",
// "Audi has revealed".
bool SpeaksAsCompany(std::string_view text, Span span) {
  constexpr std::string_view kVerbs[] = {"says",      "said",   "announced", "claims",
                                         "confirmed", "stated", "revealed"};
  std::string_view verb = TrimPunct(WordAfter(text, span.end));
  if (verb == "has") {
    verb = TrimPunct(WordAfter(text, span.end + 4));
  }
  return IsOneOf(verb, kVerbs);
}

}  // namespace

void RetypeCompaniesReadAsPeople(std::string_view text, std::vector<EntityMention>& mentions) {
  std::set<std::string, std::less<>> companies;
  std::set<std::string, std::less<>> models;       // "the 2020 Sentra": a maker or a model
  std::set<std::string, std::less<>> speakers;     // "Audi says"
  std::set<std::string, std::less<>> short_names;  // "Nissan" of "Nissan North America Inc."
  std::set<std::string, std::less<>> people;
  std::vector<bool> pieces(mentions.size(), false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    EntityMention& m = mentions[i];
    const std::vector<std::string_view> words = SplitNameWords(m.text);
    if (words.empty() || m.span.end > text.size() || IsHandle(text, m.span)) continue;
    if (m.type == "PERSON") {
      if (!m.title.empty()) people.insert(m.text);
      if (words.size() >= 2) people.insert(std::string(words.back()));
      if (SpeaksAsCompany(text, m.span)) speakers.insert(m.text);
    }
    if (IsOneOf(TrimPunct(WordAfter(text, m.span.end)), kCorporateSuffixes)) {
      if (FollowsCapitalizedWord(text, m.span)) {
        pieces[i] = true;
        continue;
      }
      m.type = "ORG";
      companies.insert(m.text);
      if (words.size() >= 2) short_names.insert(std::string(words.front()));
      continue;
    }
    if (m.type != "PERSON") continue;
    const std::string_view year = WordBefore(text, m.span.start);
    if (IsModelYear(year) && IsDeterminer(WordBefore(text, m.span.start - year.size() - 1))) {
      models.insert(m.text);
    } else if (IsOneOf(PossessedAfter(text, m.span.end), kCompanyPossessions)) {
      companies.insert(m.text);
    }
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    EntityMention& m = mentions[i];
    if (m.type != "PERSON" || people.contains(m.text) || IsHandle(text, m.span)) continue;
    const std::vector<std::string_view> words = SplitNameWords(m.text);
    if (companies.contains(m.text) || (!words.empty() && short_names.contains(words.front())) ||
        (models.contains(m.text) && speakers.contains(m.text))) {
      m.type = "ORG";
    } else if (models.contains(m.text)) {
      pieces[i] = true;  // a model ("the 2020 Sentra gets"): none of the three types
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (pieces[i]) continue;
    if (kept != i) mentions[kept] = std::move(mentions[i]);
    ++kept;
  }
  mentions.resize(kept);
}

}  // namespace storyline
