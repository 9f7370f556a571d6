#include "extract/entities/organization_heads.h"

#include <algorithm>
#include <array>

#include "extract/entities/mention_edits.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, 42> kHeadNouns = {
    "Forces",       "Force",       "Army",       "Navy",        "Ministry",   "Council",
    "Committee",    "Agency",      "Authority",  "Party",       "Union",      "Organization",
    "Organisation", "Foundation",  "Institute",  "Institution", "University", "College",
    "Corporation",  "Bank",        "Court",      "Department",  "Office",     "Brigades",
    "Brigade",      "Movement",    "Front",      "Program",     "Programme",  "Commission",
    "Network",      "Association", "Federation", "Coalition",   "Alliance",   "Assembly",
    "Parliament",   "Guard",       "Bureau",     "Fund",        "Society",    "League"};

bool IsProperNoun(std::string_view text, const TokenizedText& tokens,
                  const std::vector<PosTag>& tags, size_t i) {
  // Either tag will do: the tagger's two heads disagree on name words ("National" ADJ
  // but NNP, "United" VERB but NNP).
  return StartsUpper(tokens.tokens[i].In(text)) &&
         (tags[i].upos == "PROPN" || tags[i].xpos == "NNP" || tags[i].xpos == "NNPS");
}

// The first token of the organization name ending at head token `head`; `head` when the
// words before it do not make one.
size_t NameStart(std::string_view text, const TokenizedText& tokens,
                 const std::vector<PosTag>& tags, size_t head) {
  size_t first = head;
  while (FollowsBySpace(text, tokens, first) && IsProperNoun(text, tokens, tags, first - 1)) {
    --first;
  }
  return first;
}

// Whether the recognizer already read tokens [first, end) as exactly one name.
bool IsOneMention(size_t first, size_t end, const MentionEditor& mentions) {
  const Span span = mentions.TokenSpan(first, end);
  return mentions.AnyOverlapping(span, [&](const EntityMention& m) {
    return m.span.start == span.start && m.span.end == span.end;
  });
}

}  // namespace

bool IsOrganizationHeadNoun(std::string_view word) {
  return std::find(kHeadNouns.begin(), kHeadNouns.end(), word) != kHeadNouns.end();
}

void JoinOrganizationNames(std::string_view text, const TokenizedText& tokens,
                           const std::vector<PosTag>& tags, std::vector<EntityMention>& mentions) {
  MentionEditor editor(text, tokens, mentions);
  for (size_t head = 1; head < tokens.tokens.size(); ++head) {
    if (!IsOrganizationHeadNoun(tokens.tokens[head].In(text))) continue;
    const size_t end = head + 1;
    if (FollowsBySpace(text, tokens, end) && IsProperNoun(text, tokens, tags, end)) continue;
    const size_t first = NameStart(text, tokens, tags, head);
    if (first == head || IsOneMention(first, end, editor) || editor.ReachesOutside(first, end)) {
      continue;
    }
    editor.Put(first, end, "ORG");
  }
}

}  // namespace storyline
