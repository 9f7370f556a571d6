#include "extract/quotes/quote_speaker.h"

#include <algorithm>

#include "extract/links/entity_linker.h"
#include "extract/entities/name_parts.h"
#include "extract/quotes/quote_lexicon.h"

namespace storyline {
namespace {

std::string_view WithoutPossessive(std::string_view word) {
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (word.size() > suffix.size() && word.ends_with(suffix)) {
      return word.substr(0, word.size() - suffix.size());
    }
  }
  return word;
}

// A word written before titles that belongs to the title, not the name: "U.S.",
// "Israeli", "CIA", "of".
bool IsTitleQualifier(std::string_view word) {
  if (word == "of" || word == "the") return true;
  const bool all_caps =
      std::none_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return all_caps;
}

bool ContainsAll(const std::vector<std::string_view>& words,
                 const std::vector<std::string_view>& part) {
  return std::all_of(part.begin(), part.end(), [&](std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  });
}

std::string Join(const std::vector<std::string_view>& words) {
  std::string joined;
  for (std::string_view word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

}  // namespace

std::string SpeakerEntityId(std::string_view canonical_name) { return EntitySlug(canonical_name); }

std::vector<std::string_view> NameWords(std::string_view name) {
  std::vector<std::string_view> words = SplitNameWords(name);
  if (words.empty()) return words;
  words.back() = WithoutPossessive(words.back());
  // Everything up to the last title word is title ("Israeli Prime Minister ...").
  size_t last_title = words.size();
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const bool of_state =
        i > 0 && words[i] == "State" && words[i - 1] == "of";  // Secretary of State
    if (IsTitleWord(AsciiLower(words[i])) || of_state) last_title = i;
  }
  if (last_title == words.size()) {
    // No title; still drop a leading "the" ("the White House" -> "White House").
    if (words.size() > 1 && AsciiLower(words.front()) == "the") words.erase(words.begin());
    return words;
  }
  bool qualifiers_only = true;
  for (size_t i = 0; i < last_title; ++i) {
    if (!IsTitleWord(AsciiLower(words[i])) && !IsTitleQualifier(words[i]) &&
        !(words[i].size() > 1 && words[i][0] >= 'A' && words[i][0] <= 'Z')) {
      qualifiers_only = false;
    }
  }
  const bool name_left =
      std::any_of(words.begin() + static_cast<std::ptrdiff_t>(last_title) + 1, words.end(),
                  [](std::string_view w) { return !IsTitleWord(AsciiLower(w)); });
  if (!qualifiers_only || !name_left) return words;
  return {words.begin() + static_cast<std::ptrdiff_t>(last_title) + 1, words.end()};
}

std::optional<std::string> FullerName(std::string_view name,
                                      const std::vector<std::string_view>& article_names) {
  const std::vector<std::string_view> words = NameWords(name);
  if (words.empty()) return std::nullopt;
  std::vector<std::vector<std::string_view>> fuller;
  for (std::string_view other : article_names) {
    std::vector<std::string_view> candidate = NameWords(other);
    if (candidate.size() > words.size() && candidate.back() == words.back() &&
        ContainsAll(candidate, words)) {
      fuller.push_back(std::move(candidate));
    }
  }
  if (fuller.empty()) return std::nullopt;
  const auto longest =
      std::max_element(fuller.begin(), fuller.end(),
                       [](const auto& a, const auto& b) { return a.size() < b.size(); });
  for (const std::vector<std::string_view>& candidate : fuller) {
    if (!ContainsAll(*longest, candidate)) return std::nullopt;  // two people
  }
  return Join(*longest);
}

std::string CanonicalName(std::string_view name,
                          const std::vector<std::string_view>& article_names) {
  if (std::optional<std::string> fuller = FullerName(name, article_names)) return *fuller;
  const std::vector<std::string_view> words = NameWords(name);
  return words.empty() ? std::string(name) : Join(words);
}

}  // namespace storyline
