#include "extract/events/event_statement.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "extract/events/event_lexicon.h"

namespace storyline {
namespace {

// A sentence of the article as the content finder sees it.
struct Clause {
  const EventWords& words;
  const TokenizedText& tokens;
  int first = 0;
  int end = 0;

  Span Bytes(int from, int to) const {  // tokens [from, to)
    return {tokens.tokens[from].start, tokens.tokens[to - 1].end};
  }
};

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsFiniteVerb(const EventWords& w, int k) {
  return OneOf(w.Xpos(k), {"VBD", "VBZ", "VBP", "MD"});
}

bool IsStatementVerb(const EventWords& w, int k) {
  if (!w.IsVerb(k)) return false;
  const std::optional<EventTriggerWord> word =
      LookupEventTrigger(w.Lower(k), TriggerWordClass::kVerb);
  return word && word->type == "STATEMENT";
}

std::optional<Span> ContentBefore(const Clause& c, int verb, int subject) {
  const EventWords& w = c.words;
  if (subject < 0 || subject >= verb || !w.HasTags()) return std::nullopt;
  const int comma = w.PhraseStart(subject, c.first) - 1;
  if (comma <= c.first || !w.Is(comma, ",")) return std::nullopt;
  for (int k = c.first; k < comma; ++k) {
    if (IsFiniteVerb(w, k))
      return Span{c.tokens.tokens[c.first].start, c.tokens.tokens[comma].start};
  }
  return std::nullopt;
}

// The first token of what is said after the verb.
int ContentStart(const Clause& c, int verb) {
  const EventWords& w = c.words;
  constexpr int kThatReach = 6;
  for (int k = verb + 1; k < c.end && k <= verb + kThatReach && !w.IsPunctuation(k); ++k) {
    if (w.Is(k, "that")) return k + 1;
  }
  int from = verb + 1;
  while (from < c.end && (w.InTime(from) || (OneOf(w.Lower(from), {"on", "in", "at"}) &&
                                             from + 1 < c.end && w.InTime(from + 1)))) {
    ++from;
  }
  return from;
}

std::optional<Span> ContentAfter(const Clause& c, int verb) {
  const EventWords& w = c.words;
  const int from = ContentStart(c, verb);
  int to = c.end;
  for (int k = from + 1; k < c.end && to == c.end; ++k) {
    if (!IsStatementVerb(w, k)) continue;
    for (int comma = k - 1; comma > from && to == c.end; --comma) {
      if (w.Is(comma, ",")) to = comma;
    }
  }
  while (to > from && w.IsPunctuation(to - 1)) --to;
  if (to <= from) return std::nullopt;
  return c.Bytes(from, to);
}

}  // namespace

std::optional<Span> StatementContent(const EventWords& words, const TokenizedText& tokens,
                                     int first, int end, int verb, int subject) {
  const Clause clause{words, tokens, first, end};
  if (std::optional<Span> before = ContentBefore(clause, verb, subject)) return before;
  return ContentAfter(clause, verb);
}

}  // namespace storyline
