#include "extract/entities/speaker_names.h"

#include <algorithm>

#include "extract/entities/mention_edits.h"
#include "extract/quotes/quote_lexicon.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr size_t kMinWords = 2;
constexpr size_t kMaxWords = 5;
constexpr size_t kMaxPersonWords = 3;
constexpr int kMaxFillers = 3;

bool IsProperNoun(std::string_view text, const TokenizedText& tokens,
                  const std::vector<PosTag>& tags, size_t i) {
  return StartsUpper(tokens.tokens[i].In(text)) &&
         (tags[i].upos == "PROPN" || tags[i].xpos == "NNP" || tags[i].xpos == "NNPS");
}

bool IsFiniteVerb(const PosTag& tag) {
  return tag.xpos == "VBD" || tag.xpos == "VBZ" || tag.xpos == "VBP";
}

// Token `at` or one after a few subject-verb fillers is a finite speech verb.
bool SpeechVerbAt(std::string_view text, const TokenizedText& tokens,
                  const std::vector<PosTag>& tags, size_t at) {
  for (int fillers = 0; at < tokens.tokens.size(); ++at, ++fillers) {
    const std::string lower = AsciiLower(tokens.tokens[at].In(text));
    if (IsSpeechVerb(lower) && IsFiniteVerb(tags[at])) return true;
    if (fillers == kMaxFillers || !IsSubjectVerbFiller(lower)) return false;
  }
  return false;
}

bool Overlaps(size_t first, size_t end, const MentionEditor& mentions) {
  return mentions.AnyOverlapping(mentions.TokenSpan(first, end),
                                 [](const EntityMention&) { return true; });
}

bool IsTitle(std::string_view word, const Gazetteer& gazetteer) {
  return IsTitleWord(AsciiLower(word)) ||
         (gazetteer.Lookup(word) & CategoryBit(GazetteerCategory::kTitle)) != 0;
}

}  // namespace

void TagSpeakerNames(std::string_view text, const TokenizedText& tokens,
                     const std::vector<PosTag>& tags, const Gazetteer& gazetteer,
                     std::vector<EntityMention>& mentions) {
  MentionEditor editor(text, tokens, mentions);
  for (size_t first = 0; first < tokens.tokens.size(); ++first) {
    if (!IsProperNoun(text, tokens, tags, first)) continue;
    if (first > 0 && StartsUpper(tokens.tokens[first - 1].In(text))) continue;
    size_t end = first + 1;
    while (end < tokens.tokens.size() && IsProperNoun(text, tokens, tags, end) &&
           FollowsBySpace(text, tokens, end)) {
      ++end;
    }
    const size_t words = end - first;
    const bool titled =
        std::any_of(tokens.tokens.begin() + long(first), tokens.tokens.begin() + long(end),
                    [&](const Token& t) { return IsTitle(t.In(text), gazetteer); });
    if (words >= kMinWords && words <= kMaxWords && !titled &&
        SpeechVerbAt(text, tokens, tags, end) && !Overlaps(first, end, editor)) {
      const bool first_name = (gazetteer.Lookup(tokens.tokens[first].In(text)) &
                               CategoryBit(GazetteerCategory::kFirstName)) != 0;
      editor.Put(first, end, words <= kMaxPersonWords && first_name ? "PERSON" : "ORG");
    }
    first = end - 1;
  }
}

}  // namespace storyline
