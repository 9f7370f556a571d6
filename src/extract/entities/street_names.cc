#include "extract/entities/street_names.h"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "extract/entities/name_parts.h"

namespace storyline {
namespace {

bool IsIn(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

bool IsRoadWord(std::string_view word) {
  return IsIn(word,
              {"Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Boulevard", "Blvd.", "Freeway",
               "Fwy.", "Highway", "Hwy.", "Expressway", "Parkway", "Pkwy.", "Turnpike"});
}

namespace {

// Last words of roads that end other names too ("Nathan Lane", "Google Drive", "Supreme
// Court").
bool IsMaybeRoadWord(std::string_view word) {
  return IsIn(
      word, {"Lane", "Ln.", "Drive", "Court", "Ct.", "Way", "Place", "Circle", "Terrace", "Trail"});
}

bool IsDigits(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// "45", "59A": a road's number.
bool IsRoadNumber(std::string_view word) {
  if (!word.empty() && std::isupper(static_cast<unsigned char>(word.back()))) {
    word.remove_suffix(1);
  }
  return IsDigits(word);
}

// The word before byte `at`, skipping spaces.
std::string_view WordBefore(std::string_view text, size_t at) {
  size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
  return text.substr(start, end - start);
}

// "300 Elm Court", "the 300 block of Elm Court": an address, not a name.
bool FollowsAddressNumber(std::string_view text, size_t at) {
  const std::string_view before = WordBefore(text, at);
  if (IsDigits(before)) return true;
  if (before != "of") return false;
  return WordBefore(text, static_cast<size_t>(before.data() - text.data())) == "block";
}

// "on Elm Court", "near Oak Drive": where a person is not.
bool FollowsPlacePreposition(std::string_view text, size_t at) {
  return IsIn(WordBefore(text, at), {"on", "at", "near", "along", "onto", "off", "to"});
}

// Last words of roads that no product or service ends in ("Google Drive", "Microsoft
// Way" are read on "on" too).
bool IsResidentialRoadWord(std::string_view word) {
  return IsIn(word, {"Lane", "Ln.", "Court", "Ct.", "Circle", "Terrace", "Trail"});
}

// "lived on Elm Court", "fled along Oak Lane": where an organization is not ("at" and
// "to" are left out: "appeared at Crown Court", "went to Federal Court").
bool FollowsRoadPreposition(std::string_view text, size_t at) {
  return IsIn(WordBefore(text, at), {"on", "along", "onto", "off"});
}

std::string_view WithoutPossessive(std::string_view name) {
  for (std::string_view possessive : {"'s", "\u2019s"}) {
    if (name.ends_with(possessive)) return name.substr(0, name.size() - possessive.size());
  }
  return name;
}

}  // namespace

bool IsNumberedRoad(std::string_view name) {
  const std::vector<std::string_view> words = SplitNameWords(name);
  if (words.size() == 1) {
    // "I-45", "US-59", "SR-99".
    const size_t dash = words[0].find('-');
    if (dash == std::string_view::npos) return false;
    return IsIn(words[0].substr(0, dash), {"I", "US", "SR", "SH", "FM"}) &&
           IsRoadNumber(words[0].substr(dash + 1));
  }
  if (!IsRoadNumber(words.back())) return false;
  const std::vector<std::string_view> kind(words.begin(), words.end() - 1);
  const std::string joined = JoinNameWords(kind);
  return IsIn(joined, {"I", "US", "U.S.", "SR", "SH", "FM", "Interstate", "Highway", "Route",
                       "State Route", "State Highway", "U.S. Highway", "US Highway", "U.S. Route",
                       "Loop", "County Road", "Farm-to-Market Road"});
}

void TagStreetNames(std::string_view text, std::vector<EntityMention>& mentions) {
  for (EntityMention& mention : mentions) {
    const std::string_view name = WithoutPossessive(mention.text);
    const std::vector<std::string_view> words = SplitNameWords(name);
    if (words.empty()) continue;
    const std::string_view last = words.back();
    const bool maybe_road = words.size() > 1 && IsMaybeRoadWord(last);
    const bool road = (words.size() > 1 && IsRoadWord(last)) || IsNumberedRoad(name) ||
                      (maybe_road && FollowsAddressNumber(text, mention.span.start)) ||
                      (maybe_road && mention.type == "PERSON" &&
                       FollowsPlacePreposition(text, mention.span.start)) ||
                      (maybe_road && mention.type == "ORG" && IsResidentialRoadWord(last) &&
                       FollowsRoadPreposition(text, mention.span.start));
    if (road) mention.type = "PLACE";
  }
}

}  // namespace storyline
