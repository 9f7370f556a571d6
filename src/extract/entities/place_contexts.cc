#include "extract/entities/place_contexts.h"

#include <algorithm>
#include <array>

#include "extract/entities/mention_edits.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr size_t kMaxPlaceWords = 4;

// A name filed under any of these is as often something else than a place.
constexpr GazetteerCategories kOtherReadings =
    CategoryBit(GazetteerCategory::kFirstName) | CategoryBit(GazetteerCategory::kPerson) |
    CategoryBit(GazetteerCategory::kOrg) | CategoryBit(GazetteerCategory::kCommon) |
    CategoryBit(GazetteerCategory::kTitle) | CategoryBit(GazetteerCategory::kDemonym);

constexpr std::array<std::string_view, 9> kLocatives = {
    "in", "at", "near", "outside", "inside", "into", "across", "towards", "toward"};

constexpr std::array<std::string_view, 17> kPlaceNouns = {
    "city",     "town",     "village", "port",         "harbor",   "harbour",
    "border",   "crossing", "airport", "camp",         "province", "region",
    "district", "area",     "coast",   "neighborhood", "suburb"};

std::string_view Word(std::string_view text, const TokenizedText& tokens, size_t i) {
  return i < tokens.tokens.size() ? tokens.tokens[i].In(text) : std::string_view();
}

// The end of the longest run from `first` that the gazetteer files only as a place;
// `first` when there is none.
size_t PlaceEnd(std::string_view text, const TokenizedText& tokens, size_t first,
                const Gazetteer& gazetteer) {
  size_t end = first;
  while (end < tokens.tokens.size() && end - first < kMaxPlaceWords &&
         StartsUpper(Word(text, tokens, end)) &&
         (end == first || FollowsBySpace(text, tokens, end))) {
    ++end;
  }
  for (; end > first; --end) {
    const uint32_t start = tokens.tokens[first].start;
    const GazetteerCategories categories =
        gazetteer.Lookup(text.substr(start, tokens.tokens[end - 1].end - start));
    if ((categories & kPlaceCategories) != 0 && (categories & kOtherReadings) == 0) return end;
  }
  return first;
}

// The words before token `first` make it a place: "in", "in the", "port of".
bool PlaceBefore(std::string_view text, const TokenizedText& tokens, size_t first) {
  if (first == 0) return false;
  size_t k = first - 1;
  if (Word(text, tokens, k) == "the" && k > 0) --k;
  if (InWordList(kLocatives, AsciiLower(Word(text, tokens, k)))) return true;
  return first >= 2 && Word(text, tokens, first - 1) == "of" &&
         InWordList(kPlaceNouns, Word(text, tokens, first - 2));
}

// A mention over tokens [first, end) that the rule may replace: none, or a PERSON over
// exactly those tokens.
bool Replaceable(size_t first, size_t end, const MentionEditor& mentions) {
  const Span span = mentions.TokenSpan(first, end);
  return !mentions.AnyOverlapping(span, [&](const EntityMention& m) {
    return !(m.type == "PERSON" && m.span.start == span.start && m.span.end == span.end);
  });
}

}  // namespace

void TagPlacesInContext(std::string_view text, const TokenizedText& tokens,
                        const Gazetteer& gazetteer, std::vector<EntityMention>& mentions) {
  MentionEditor editor(text, tokens, mentions);
  for (size_t first = 0; first < tokens.tokens.size(); ++first) {
    const size_t end = PlaceEnd(text, tokens, first, gazetteer);
    if (end == first) continue;
    const bool place_after = InWordList(kPlaceNouns, Word(text, tokens, end));
    if ((place_after || PlaceBefore(text, tokens, first)) && Replaceable(first, end, editor)) {
      editor.Put(first, end, "PLACE");
    }
    first = end - 1;
  }
}

}  // namespace storyline
