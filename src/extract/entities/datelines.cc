#include "extract/entities/datelines.h"

#include "extract/entities/mention_edits.h"

namespace storyline {
namespace {

constexpr size_t kMaxPlaceWords = 4;

// "WASHINGTON", "U.S.", "AL-MAWASI": capitals with at least two letters and no lower case.
bool IsAllCapitals(std::string_view word) {
  size_t letters = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c != '.' && c != '-' && c != '\'') {
      return false;
    }
  }
  return letters >= 2;
}

// Token `i` opens the text or a line (only spaces before it on its line).
bool StartsLine(std::string_view text, const TokenizedText& tokens, size_t i) {
  for (size_t at = tokens.tokens[i].start; at > 0; --at) {
    const char c = text[at - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool IsDatelinePunctuation(std::string_view text, const TokenizedText& tokens, size_t i) {
  if (i >= tokens.tokens.size()) return false;
  const std::string_view word = tokens.tokens[i].In(text);
  if (word == "—" || word == "–" || word == "(" || word == ",") return true;
  // A hyphen is a dash only between spaces ("LONDON - The"), not in "U.S.-led".
  return (word == "-" || word == "--") && FollowsBySpace(text, tokens, i);
}

// Tokens [first, end) spell a name the gazetteer files as a place.
bool IsKnownPlace(std::string_view text, const TokenizedText& tokens, size_t first, size_t end,
                  const Gazetteer& gazetteer) {
  const std::string_view name = text.substr(
      tokens.tokens[first].start, tokens.tokens[end - 1].end - tokens.tokens[first].start);
  return (gazetteer.Lookup(name) & kPlaceCategories) != 0;
}

// The end of the run of capitalized words one space apart starting at `first`, at most
// kMaxPlaceWords long, each passing `is_word`.
template <typename IsWord>
size_t RunEnd(std::string_view text, const TokenizedText& tokens, size_t first, IsWord is_word) {
  size_t end = first;
  while (end < tokens.tokens.size() && end - first < kMaxPlaceWords &&
         is_word(tokens.tokens[end].In(text)) &&
         (end == first || FollowsBySpace(text, tokens, end))) {
    ++end;
  }
  return end;
}

// The longest prefix [first, end') of the run that is a known place; `first` when none.
size_t KnownPlaceEnd(std::string_view text, const TokenizedText& tokens, size_t first, size_t end,
                     const Gazetteer& gazetteer) {
  for (; end > first; --end) {
    if (IsKnownPlace(text, tokens, first, end, gazetteer)) return end;
  }
  return first;
}

}  // namespace

void TagDatelines(std::string_view text, const TokenizedText& tokens, const Gazetteer& gazetteer,
                  std::vector<EntityMention>& mentions) {
  MentionEditor editor(text, tokens, mentions);
  for (size_t first = 0; first < tokens.tokens.size(); ++first) {
    if (!StartsLine(text, tokens, first)) continue;
    const size_t end = RunEnd(text, tokens, first, IsAllCapitals);
    if (end == first || !IsDatelinePunctuation(text, tokens, end) ||
        !IsKnownPlace(text, tokens, first, end, gazetteer)) {
      continue;
    }
    editor.Put(first, end, "PLACE");
    if (tokens.tokens[end].In(text) != ",") continue;
    // "GAZA CITY, Gaza Strip (AP) —": the region or country after the city.
    const size_t region = end + 1;
    const size_t region_end =
        KnownPlaceEnd(text, tokens, region, RunEnd(text, tokens, region, StartsUpper), gazetteer);
    if (region_end > region && !editor.ReachesOutside(region, region_end)) {
      editor.Put(region, region_end, "PLACE");
    }
  }
}

}  // namespace storyline
