#include "extract/events/identified_victims.h"

#include <algorithm>
#include <initializer_list>

namespace storyline {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The sentence the victims are named in, with what the rules below read of the article.
struct VictimSentence {
  const EventWords& words;
  const TokenizedText& tokens;
  std::span<const EntityMention> entities;
  std::span<const Quote> quotes_around;
  int first = 0;
  int end = 0;
};

// Inside a quotation: the speaker's words, not the writer's.
bool InQuote(const VictimSentence& s, int i) {
  const Token& token = s.tokens.tokens[static_cast<size_t>(i)];
  return std::any_of(s.quotes_around.begin(), s.quotes_around.end(), [&](const Quote& q) {
    return q.span.start <= token.start && token.end <= q.span.end;
  });
}

// Words for who was harmed, and for who did harm.
bool IsVictimWord(std::string_view lower_word) {
  return OneOf(lower_word, {"victim", "victims", "dead", "deceased", "body", "bodies"});
}
bool IsOffenderWord(std::string_view lower_word) {
  return OneOf(lower_word, {"suspect", "suspects", "gunman", "shooter", "killer", "attacker",
                            "assailant", "driver", "robber", "offender", "perpetrator"});
}

// The PERSONs listed from token `first`, with their ages and the words of their noun
// phrases: "Darell Brown, 28, Antonyo Jennings, 27, and Dominique Davis, 25"; none
// that only owns another ("John Roe's brother").
std::vector<int> IdentifiedPeople(const VictimSentence& s, int first) {
  const EventWords& w = s.words;
  std::vector<int> people;
  for (int k = first; k < s.end; ++k) {
    const int entity = w.EntityAt(k);
    if (entity >= 0) {
      if (s.entities[entity].type != "PERSON") break;
      if (people.empty() || people.back() != entity) people.push_back(entity);
      continue;
    }
    if (w.Is(k, "'s")) {
      if (!people.empty() && w.EntityAt(k - 1) == people.back()) people.pop_back();
      break;
    }
    if (!w.InNounPhrase(k) && !OneOf(w.Lower(k), {",", "and"})) break;
  }
  return people;
}

// Whether the name at token k is the subject of a verb right after it: the speaker of
// "..., Greg Wilking said", not a name in apposition.
bool SpeakerAfter(const VictimSentence& s, int k) {
  const int entity = s.words.EntityAt(k);
  int last = k;
  while (last + 1 < s.end && s.words.EntityAt(last + 1) == entity) ++last;
  return last + 1 < s.end && s.words.IsVerb(last + 1);
}

}  // namespace

void NameIdentifiedVictim(const EventWords& words, const TokenizedText& tokens,
                          std::span<const EntityMention> entities, std::span<const Quote> quotes,
                          SentenceBounds sentence, std::vector<Event>& events,
                          size_t sentence_events) {
  const VictimSentence s{words, tokens, entities, quotes, sentence.first, sentence.end};
  const EventWords& w = s.words;
  int verb = -1;
  for (int k = s.first; k < s.end && verb < 0; ++k) {
    if ((w.Is(k, "identified") || w.Is(k, "named")) && w.IsVerb(k) && !InQuote(s, k)) verb = k;
    // "The victim, Emma Colmenares, is hospitalized": the name in apposition to a noun,
    // not a speaker after the clause ("pronounced dead, Greg Wilking said").
    if (IsVictimWord(w.Lower(k)) && w.IsNoun(k) && w.Is(k + 1, ",") &&
        !IdentifiedPeople(s, k + 2).empty() && !SpeakerAfter(s, k + 2) && !InQuote(s, k)) {
      verb = k;
    }
  }
  if (verb < 0) return;
  int as = verb + 1;
  while (as < s.end && !w.Is(as, "as") && !IsVictimWord(w.Lower(verb))) ++as;
  if (as >= s.end) return;
  const std::vector<int> named = IdentifiedPeople(s, as + 1);
  if (named.empty()) return;
  const uint32_t verb_start = s.tokens.tokens[verb].start;
  const uint32_t as_start = s.tokens.tokens[as].start;
  Event* harm = nullptr;
  for (size_t e = sentence_events; e < events.size(); ++e) {
    const bool between = verb_start < events[e].span.start && events[e].span.end <= as_start;
    if (between && (events[e].type == "ATTACK" || events[e].type == "OTHER")) harm = &events[e];
  }
  bool victim = harm != nullptr;
  for (int k = s.first; k < as; ++k) {
    if (IsOffenderWord(w.Lower(k))) return;
    victim = victim || IsVictimWord(w.Lower(k));
  }
  if (!victim) return;
  if (harm != nullptr) {
    // Whoever identified the victim did not harm them.
    std::erase_if(harm->actors, [&](const EventActor& a) {
      return a.role == "agent" &&
             std::any_of(s.entities.begin(), s.entities.end(), [&](const EntityMention& m) {
               return m.entity == a.entity && m.span.end <= verb_start;
             });
    });
  } else {
    for (size_t e = sentence_events; e-- > 0;) {
      if (events[e].type == "ATTACK" || events[e].type == "OTHER") {
        harm = &events[e];
        break;
      }
    }
  }
  if (harm == nullptr || std::any_of(harm->actors.begin(), harm->actors.end(),
                                     [](const EventActor& a) { return a.role == "patient"; })) {
    return;
  }
  for (int e : named) harm->actors.push_back({"patient", s.entities[e].entity});
}

}  // namespace storyline
