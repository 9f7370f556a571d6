#include "extract/entities/role_named_people.h"

#include <algorithm>
#include <array>

#include "extract/entities/mention_edits.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, 44> kRoleNouns = {
    "official",    "spokesperson",  "spokesman", "spokeswoman", "minister",   "leader",
    "chief",       "commander",     "envoy",     "adviser",     "advisor",    "negotiator",
    "ambassador",  "director",      "secretary", "president",   "senator",    "lawmaker",
    "congressman", "congresswoman", "analyst",   "professor",   "researcher", "correspondent",
    "journalist",  "mediator",      "diplomat",  "officer",     "founder",    "chairman",
    "chairwoman",  "mayor",         "governor",  "prosecutor",  "judge",      "lawyer",
    "attorney",    "activist",      "aide",      "deputy",      "executive",  "economist",
    "negotiators", "counterpart"};
constexpr std::array<std::string_view, 3> kArticles = {"a", "an", "the"};
constexpr size_t kMinNameWords = 2, kMaxNameWords = 3, kMaxModifiers = 4;

class Reader {
 public:
  Reader(std::string_view text, const TokenizedText& tokens, const std::vector<PosTag>& tags)
      : text_(text), tokens_(tokens), tags_(tags) {}

  size_t size() const { return tokens_.tokens.size(); }
  std::string_view Word(size_t i) const { return tokens_.tokens[i].In(text_); }

  bool IsNameWord(size_t i) const {
    return StartsUpper(Word(i)) &&
           (tags_[i].upos == "PROPN" || tags_[i].xpos == "NNP" || tags_[i].xpos == "NNPS");
  }

  // The run of name words one space apart that starts at `first`; its end.
  size_t RunFrom(size_t first) const {
    size_t end = first;
    while (end < size() && IsNameWord(end) &&
           (end == first || FollowsBySpace(text_, tokens_, end))) {
      ++end;
    }
    return end;
  }

  // The run of name words one space apart that ends before `end`; its first token.
  size_t RunTo(size_t end) const {
    size_t first = end;
    while (first > 0 && IsNameWord(first - 1) &&
           (first == end || FollowsBySpace(text_, tokens_, first))) {
      --first;
    }
    return first;
  }

  // Whether tokens from `comma` read ", [a|an|the] <up to four modifiers> <role noun>".
  bool IsRoleAppositive(size_t comma) const {
    if (comma >= size() || Word(comma) != ",") return false;
    size_t i = comma + 1;
    if (i < size() && InWordList(kArticles, Word(i))) ++i;
    for (size_t modifiers = 0; i < size() && modifiers <= kMaxModifiers; ++i, ++modifiers) {
      if (InWordList(kRoleNouns, Word(i))) return true;
      if (tags_[i].upos == "PUNCT" || tags_[i].upos == "VERB" || tags_[i].upos == "AUX") break;
    }
    return false;
  }

 private:
  std::string_view text_;
  const TokenizedText& tokens_;
  const std::vector<PosTag>& tags_;
};

bool FitsAsPerson(size_t first, size_t end, const MentionEditor& mentions) {
  if (end - first < kMinNameWords || end - first > kMaxNameWords) return false;
  const bool other_kind = mentions.AnyOverlapping(
      mentions.TokenSpan(first, end), [](const EntityMention& m) { return m.type != "PERSON"; });
  return !other_kind && !mentions.ReachesOutside(first, end);
}

}  // namespace

void TagRoleNamedPeople(std::string_view text, const TokenizedText& tokens,
                        const std::vector<PosTag>& tags, std::vector<EntityMention>& mentions) {
  const Reader reader(text, tokens, tags);
  MentionEditor editor(text, tokens, mentions);
  for (size_t i = 0; i < reader.size(); ++i) {
    size_t first = i, end = i;
    if (InWordList(kRoleNouns, reader.Word(i)) && i + 1 < reader.size() &&
        FollowsBySpace(text, tokens, i + 1)) {
      first = i + 1;
      end = reader.RunFrom(first);
    } else if (reader.IsRoleAppositive(i)) {
      end = i;
      first = reader.RunTo(end);
    }
    if (!FitsAsPerson(first, end, editor)) continue;
    editor.Put(first, end, "PERSON");
  }
}

}  // namespace storyline
