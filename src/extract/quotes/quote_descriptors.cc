// QuoteAttributor: descriptors as speakers ("a senior official", "the judge") and the
// person the article ties to one (quote_attributor.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/entities/name_parts.h"
#include "extract/quotes/quote_attributor.h"
#include "extract/quotes/quote_lexicon.h"

namespace storyline::quote_internal {

std::optional<Speaker> QuoteAttributor::DescribedSpeaker(int a, int b) const {
  std::string described(text_.substr(tokens_[a].start, tokens_[b - 1].end - tokens_[a].start));
  const std::string first = Lower(a);
  if (IsDeterminer(first)) described.replace(0, first.size(), first);  // "A senior ..."
  int head = b - 1;
  for (int i = a + 1; i < b; ++i) {
    if (EndsDescriptorHead(Lower(i))) {
      head = i - 1;
      break;
    }
  }
  // "Juror No. 8": the noun before its number.
  while (head > a && (IsNumber(head) || Lower(head) == "no." || Lower(head) == "no" ||
                      Word(head) == "." || Word(head) == "#")) {
    --head;
  }
  Speaker speaker;
  speaker.head = Lower(head);
  speaker.kind = HeadNounSpeakerKind(speaker.head);
  const std::optional<int> age = AgeBefore(head + 1);
  if (speaker.kind == SpeakerKind::kUnknown && age && AgeBefore(head + 1, true)) {
    speaker.kind = SpeakerKind::kPerson;  // "the 56-year-old"
  }
  if (speaker.kind == SpeakerKind::kUnknown) {
    if (IsCapitalizedRun(a, b)) return UnrecognizedName(a, b);
    // "South Richmond Hill resident Suri Charanjit", a name the recognizer missed after
    // a noun that names a speaker.
    for (int run = b - 2; run > a && b - run <= kMaxNameWords; --run) {
      if (HeadNounSpeakerKind(Lower(run - 1)) == SpeakerKind::kPerson &&
          IsAsciiLowerByte(Word(run - 1)[0]) && IsCapitalizedRun(run, b)) {
        Speaker named = UnrecognizedName(run, b);
        named.kind = SpeakerKind::kPerson;
        return named;
      }
    }
    return std::nullopt;
  }
  speaker.name = std::move(described);
  if (first == "the") {
    const auto it = latest_described_.find(speaker.head);
    // "Judge Jack B. Weinstein ... reflected on his career. “...,” the judge said": the one
    // person called so in this sentence or the one before is meant, unless the same
    // description spoke since.
    if (speaker.kind == SpeakerKind::kPerson) {
      const NameMention* named = NearbyPersonCalledSo(speaker.head, a);
      if (named && (it == latest_described_.end() || named->first > history_[it->second].first)) {
        return NamedSpeaker(*named);
      }
    }
    // "the official" after "a senior administration official": the same speaker.
    if (it != latest_described_.end()) return history_[it->second].second;
    if (speaker.kind == SpeakerKind::kPerson) {
      if (const NameMention* tied = TiedPerson(speaker.head, age)) return NamedSpeaker(*tied);
    }
  }
  return speaker;
}

std::optional<int> QuoteAttributor::AgeBefore(int end, bool last_word) const {
  // The tokens before `end` written together, so every tokenization of "56-year-old"
  // reads the same.
  std::string joined;
  for (int i = std::max(0, end - kAgeTokens); i < end; ++i) joined += Lower(i);
  size_t year = joined.rfind("-year");
  if (year == std::string::npos) return std::nullopt;
  if (last_word && !joined.ends_with("-year-old") && !joined.ends_with("-years-old")) {
    return std::nullopt;
  }
  size_t digits = year;
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(joined[digits - 1]))) --digits;
  if (digits == year || year - digits > 3) return std::nullopt;
  return std::stoi(joined.substr(digits, year - digits));
}

const NameMention* QuoteAttributor::TiedPerson(std::string_view head,
                                               std::optional<int> age) const {
  // The same answer for every quote of the article: worked out once per description, as
  // a long record says "the officer" thousands of times among thousands of names.
  std::pair<std::string, std::optional<int>> key(head, age);
  if (const auto known = tied_persons_.find(key); known != tied_persons_.end()) {
    return known->second;
  }
  const NameMention* tied = [&]() -> const NameMention* {
    const NameMention* found = nullptr;
    for (const NameMention& n : names_) {
      if (!IsPersonLike(n)) continue;
      const bool ties = age ? AgeOfPerson(n) == age : CalledSo(n, head);
      if (!ties) continue;
      if (found && NamedSpeaker(*found).name != NamedSpeaker(n).name) return nullptr;
      found = &n;
    }
    return found;
  }();
  tied_persons_.emplace(std::move(key), tied);
  return tied;
}

const NameMention* QuoteAttributor::NearbyPersonCalledSo(std::string_view head, int at) const {
  const int from = SentenceStart(std::max(0, SentenceStart(at) - 1));
  const NameMention* found = nullptr;
  for (const NameMention& n : NamesStartingIn(from, at)) {
    if (n.first < from || n.end > at || !IsPersonLike(n)) continue;
    if (!TitledSo(n, head)) continue;
    if (found && NamedSpeaker(*found).name != NamedSpeaker(n).name) return nullptr;
    found = &n;
  }
  return found;
}

bool QuoteAttributor::TitledSo(const NameMention& n, std::string_view head) const {
  const std::vector<std::string_view> words = SplitNameWords(n.text);
  if (words.size() > 1 && AsciiLower(words.front()) == head) return true;
  int before = n.first - 1;
  if (before >= 1 && IsComma(before)) --before;
  if (before >= 0 && !quoted_[before] && Lower(before) == head) return true;
  if (n.end >= static_cast<int>(tokens_.size()) || !IsComma(n.end)) return false;
  const int limit = std::min<int>(n.end + 6, SentenceEnd(n.end));
  for (int i = n.end + 1; i < limit && !EndsPhrase(i); ++i) {
    if (Lower(i) == head) return i + 1 == limit || EndsPhrase(i + 1);
  }
  return false;
}

std::optional<int> QuoteAttributor::AgeOfPerson(const NameMention& n) const {
  const int size = static_cast<int>(tokens_.size());
  // "John Roe, 56," or "John Roe (56)".
  if (n.end + 1 < size && (IsComma(n.end) || Word(n.end) == "(")) {
    const std::string_view w = Word(n.end + 1);
    if (!w.empty() && w.size() <= 3 && std::all_of(w.begin(), w.end(), ::isdigit)) {
      return std::stoi(std::string(w));
    }
  }
  // "56-year-old John Roe", "the 56-year-old suspect John Roe".
  for (int end = n.first; end > n.first - 3 && end > 0; --end) {
    if (Lower(end - 1) == "old" || Lower(end - 1).ends_with("-old")) return AgeBefore(end);
  }
  return std::nullopt;
}

bool QuoteAttributor::CalledSo(const NameMention& n, std::string_view head) const {
  // "neighbor Ross Manche", "the boy's grandmother, Jane Roe"; not "the star's rep Jack
  // Roe", whom a possessive calls the rep.
  for (int i = n.first - 1; i >= 0 && i >= n.first - 3; --i) {
    if (Lower(i) == head) return true;
    if ((EndsPhrase(i) && !IsComma(i)) || JoinsPhrase(i)) break;
  }
  // "Amanda Reid, a neighbor", "Ken Kreuscher, the boy's father".
  if (n.end < static_cast<int>(tokens_.size()) && IsComma(n.end)) {
    const int limit = std::min<int>(n.end + 6, SentenceEnd(n.end));
    for (int i = n.end + 1; i < limit && !EndsPhrase(i); ++i) {
      if (Lower(i) == head) return true;
    }
  }
  return false;
}

}  // namespace storyline::quote_internal
