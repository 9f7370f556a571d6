#include "extract/entities/photo_credits.h"

#include <algorithm>
#include <array>

#include "extract/entities/mention_edits.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr size_t kMinPersonWords = 2;
constexpr size_t kMaxPersonWords = 3;
constexpr size_t kMaxAgencyWords = 4;

// Words that announce a credit before a colon or "by".
constexpr std::array<std::string_view, 5> kCreditWords = {"photo", "photos", "photograph", "credit",
                                                          "image"};

bool IsCreditWord(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return std::find(kCreditWords.begin(), kCreditWords.end(), lower) != kCreditWords.end();
}

// "Somodevilla", "O'Neil", "Jean-Pierre": a capitalized word of letters.
bool IsNameWord(std::string_view word) {
  if (!StartsUpper(word)) return false;
  return std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '\'' || c == '-' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
}

// A run of name words one space apart, tokens [first, end).
struct Run {
  size_t first = 0;
  size_t end = 0;
  size_t size() const { return end - first; }
};

Run RunFrom(std::string_view text, const TokenizedText& tokens, size_t first, size_t max_words) {
  size_t end = first;
  while (end < tokens.tokens.size() && end - first < max_words &&
         IsNameWord(tokens.tokens[end].In(text)) &&
         (end == first || FollowsBySpace(text, tokens, end))) {
    ++end;
  }
  return {first, end};
}

Run RunTo(std::string_view text, const TokenizedText& tokens, size_t end, size_t max_words) {
  size_t first = end;
  while (first > 0 && end - first < max_words && IsNameWord(tokens.tokens[first - 1].In(text)) &&
         (first == end || FollowsBySpace(text, tokens, first))) {
    --first;
  }
  return {first, end};
}

// Nothing but spaces between the text's start or a line break and byte `at`.
bool LineStartsAt(std::string_view text, size_t at) {
  for (; at > 0; --at) {
    const char c = text[at - 1];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

bool LineEndsAt(std::string_view text, size_t at) {
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '\n') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// The credit opens right before token `first`: "(" or the start of a line.
bool OpensCredit(std::string_view text, const TokenizedText& tokens, size_t first) {
  if (first > 0 && tokens.tokens[first - 1].In(text) == "(") return true;
  return LineStartsAt(text, tokens.tokens[first].start);
}

// The credit closes right after token `end - 1`: ")" or the end of a line.
bool ClosesCredit(std::string_view text, const TokenizedText& tokens, size_t end) {
  if (end < tokens.tokens.size() && tokens.tokens[end].In(text) == ")") return true;
  return LineEndsAt(text, tokens.tokens[end - 1].end);
}

bool IsPerson(const Run& run) {
  return run.size() >= kMinPersonWords && run.size() <= kMaxPersonWords;
}

void PutPerson(const Run& person, MentionEditor& mentions) {
  mentions.Put(person.first, person.end, "PERSON");
}

void PutAgency(const Run& agency, MentionEditor& mentions) {
  if (agency.size() == 0) return;
  const bool found = mentions.AnyOverlapping(mentions.TokenSpan(agency.first, agency.end),
                                             [](const EntityMention&) { return true; });
  if (!found) mentions.Put(agency.first, agency.end, "ORG");
}

// "<left>/<right>" around the slash token `slash`.
void TagSlashCredit(std::string_view text, const TokenizedText& tokens, size_t slash,
                    MentionEditor& mentions) {
  const Run left = RunTo(text, tokens, slash, kMaxAgencyWords);
  const Run right = RunFrom(text, tokens, slash + 1, kMaxAgencyWords);
  if (left.size() == 0 || right.size() == 0 || !ClosesCredit(text, tokens, right.end)) return;
  const std::string_view last_left = tokens.tokens[left.end - 1].In(text);
  if (last_left == "Photo" || last_left == "Photos") {
    if (!OpensCredit(text, tokens, left.first) || !IsPerson(right)) return;
    PutPerson(right, mentions);
    PutAgency({left.first, left.end - 1}, mentions);
    return;
  }
  // "Photo Jane Roe/Reuters" is rare enough to leave; "Photo: Jane Roe/Reuters" is
  // TagWordCredit's.
  for (size_t i = left.first; i < left.end; ++i) {
    if (IsCreditWord(tokens.tokens[i].In(text))) return;
  }
  if (!OpensCredit(text, tokens, left.first) || !IsPerson(left)) return;
  PutPerson(left, mentions);
  PutAgency(right, mentions);
}

// "Photo: <person>" or "Photo by <person>", after the credit word at token `word`.
void TagWordCredit(std::string_view text, const TokenizedText& tokens, size_t word,
                   MentionEditor& mentions) {
  if (word + 2 >= tokens.tokens.size() || !OpensCredit(text, tokens, word)) return;
  const std::string_view cue = tokens.tokens[word + 1].In(text);
  if (cue != ":" && cue != "by") return;
  const Run person = RunFrom(text, tokens, word + 2, kMaxPersonWords + 1);
  if (!IsPerson(person)) return;
  const bool slash = person.end < tokens.tokens.size() && tokens.tokens[person.end].In(text) == "/";
  if (slash) {
    const Run agency = RunFrom(text, tokens, person.end + 1, kMaxAgencyWords);
    if (agency.size() == 0 || !ClosesCredit(text, tokens, agency.end)) return;
    PutPerson(person, mentions);
    PutAgency(agency, mentions);
  } else if (ClosesCredit(text, tokens, person.end)) {
    PutPerson(person, mentions);
  }
}

}  // namespace

void TagPhotoCredits(std::string_view text, const TokenizedText& tokens,
                     std::vector<EntityMention>& mentions) {
  MentionEditor editor(text, tokens, mentions);
  for (size_t i = 0; i < tokens.tokens.size(); ++i) {
    const std::string_view word = tokens.tokens[i].In(text);
    if (word == "/" && i > 0) {
      TagSlashCredit(text, tokens, i, editor);
    } else if (IsCreditWord(word) && StartsUpper(word)) {
      TagWordCredit(text, tokens, i, editor);
    }
  }
}

}  // namespace storyline
