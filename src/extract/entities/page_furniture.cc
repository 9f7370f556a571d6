#include "extract/entities/page_furniture.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "extract/entities/name_parts.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// Two-word phrases of buttons, bylines and captions, lower case.
constexpr std::pair<std::string_view, std::string_view> kPhrases[] = {
    {"skip", "ad"},        {"skip", "ads"},        {"buy", "photo"},        {"posted", "by"},
    {"share", "this"},     {"share", "on"},        {"read", "more"},        {"click", "here"},
    {"sign", "up"},        {"log", "in"},          {"hide", "caption"},     {"show", "caption"},
    {"toggle", "caption"}, {"enlarge", "this"},    {"watch", "video"},      {"view", "gallery"},
    {"photo", "gallery"},  {"related", "stories"}, {"related", "articles"}, {"more", "stories"},
    {"follow", "us"},      {"email", "this"},      {"print", "this"},       {"comments", "closed"},
    {"updated", "at"},     {"continue", "reading"}};

// Words that are furniture whatever stands beside them, lower case.
constexpr std::string_view kWords[] = {
    "advertisement", "sponsored",  "subscribe", "share",    "ad",      "ads",
    "caption",       "newsletter", "loading",   "comments", "reprints"};

// "Photo:" -> "photo": the word without punctuation around it, in lower case.
std::string Bare(std::string_view word) {
  while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.back()))) {
    word.remove_suffix(1);
  }
  while (!word.empty() && std::ispunct(static_cast<unsigned char>(word.front()))) {
    word.remove_prefix(1);
  }
  return AsciiLower(word);
}

// The word right after byte `at` on the same line, or "".
std::string_view WordAfter(std::string_view text, size_t at) {
  size_t start = at;
  while (start < text.size() && text[start] == ' ') ++start;
  size_t end = start;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  return text.substr(start, end - start);
}

bool IsFurniture(std::string_view text, const EntityMention& mention) {
  std::vector<std::string> words;
  for (std::string_view word : SplitNameWords(mention.text)) words.push_back(Bare(word));
  const size_t inside = words.size();
  if (inside == 0) return false;
  if (std::all_of(words.begin(), words.end(), [](const std::string& word) {
        return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
      })) {
    return true;
  }
  if (mention.span.end <= text.size()) words.push_back(Bare(WordAfter(text, mention.span.end)));
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::pair<std::string_view, std::string_view> pair{words[i], words[i + 1]};
    if (std::find(std::begin(kPhrases), std::end(kPhrases), pair) != std::end(kPhrases)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void DropPageFurniture(std::string_view text, std::vector<EntityMention>& mentions) {
  std::erase_if(mentions, [&](const EntityMention& mention) { return IsFurniture(text, mention); });
}

}  // namespace storyline
