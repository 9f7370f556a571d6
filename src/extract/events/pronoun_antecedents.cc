#include "extract/events/pronoun_antecedents.h"

#include <algorithm>
#include <string>

#include "extract/events/event_lexicon.h"
#include "extract/quotes/quote_lexicon.h"

namespace storyline {
namespace {

constexpr int kSentencesBack = 2;  // the pronoun's sentence and the two before it

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Prepositions after which a place is where something happens, not who acts; the tagger's
// ADP tag covers them when there are tags.
bool IsPreposition(const EventWords& w, int i) {
  if (w.Upos(i) == "ADP") return true;
  return OneOf(w.Lower(i), {"in", "at", "to", "from", "of", "into", "across", "near", "on", "with",
                            "between", "for", "over", "toward", "towards"});
}

bool IsDeterminerAt(const EventWords& w, int i) {
  return w.Upos(i) == "DET" || OneOf(w.Lower(i), {"a", "an", "the"});
}

bool IsPlural(const EventWords& w, int i) {
  if (w.HasTags()) return w.Xpos(i) == "NNS" || w.Xpos(i) == "NNPS";
  return w.Lower(i).ends_with("s");
}

}  // namespace

// An entity, an entity's group or a coordination that a pronoun may stand for.
struct PronounAntecedents::Referent {
  std::vector<int> mentions;  // entity mention indices, in text order
  bool person = false;        // a single PERSON
  bool thing = false;         // a single ORG or acting PLACE: "it"
  bool group = false;         // an ORG, an entity's plural group or a coordination: "they"
  bool subject = false;       // the subject of a verb
};

bool IsResolvablePronoun(std::string_view w) {
  return OneOf(w, {"he", "she", "his", "her", "it", "its", "they", "their"});
}

PronounAntecedents::PronounAntecedents(std::string_view text, const TokenizedText& tokens,
                                       const EventWords& words,
                                       std::span<const EntityMention> entities,
                                       std::span<const Quote> quotes)
    : tokens_(tokens),
      words_(words),
      entities_(entities),
      quote_index_(quotes),
      sentence_of_token_(tokens.tokens.size(), -1),
      starts_paragraph_(tokens.sentences.size(), false) {
  for (size_t e = 0; e < entities.size(); ++e) {
    first_mention_of_entity_.emplace(entities[e].entity, static_cast<int>(e));
  }
  uint32_t previous_end = 0;
  for (size_t s = 0; s < tokens.sentences.size(); ++s) {
    const Sentence& sentence = tokens.sentences[s];
    if (sentence.first_token >= sentence.end_token || sentence.end_token > tokens.tokens.size()) {
      continue;
    }
    const uint32_t start = tokens.tokens[sentence.first_token].start;
    if (previous_end <= start && start <= text.size()) {
      starts_paragraph_[s] =
          text.substr(previous_end, start - previous_end).find('\n') != std::string_view::npos;
    }
    previous_end = tokens.tokens[sentence.end_token - 1].end;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      sentence_of_token_[t] = static_cast<int>(s);
    }
  }
}

bool PronounAntecedents::InQuote(uint32_t start, uint32_t end) const {
  return quote_index_.AnyContains({start, end});
}

// Whether the phrase ending at token `last` is followed by its verb: "Blinken met",
// "Hamas has also rejected".
bool PronounAntecedents::IsSubject(int last, int sentence_end) const {
  const EventWords& w = words_;
  if (!w.HasTags()) return false;
  int next = last + 1;
  while (next < sentence_end && (w.Upos(next) == "ADV" || w.Upos(next) == "PART")) ++next;
  return next < sentence_end && (w.Xpos(next).starts_with("VB") || w.Xpos(next) == "MD" ||
                                 IsUnambiguousVerbForm(w.Lower(next)));
}

std::vector<PronounAntecedents::Referent> PronounAntecedents::Referents(int sentence, int limit,
                                                                        Kind kind) const {
  const EventWords& w = words_;
  const int first = static_cast<int>(tokens_.sentences[sentence].first_token);
  const int end = static_cast<int>(tokens_.sentences[sentence].end_token);
  std::vector<Referent> all;
  for (int k = first; k < limit; ++k) {
    const int entity = w.EntityAt(k);
    if (entity < 0 || (k + 1 < w.size() && w.EntityAt(k + 1) == entity)) continue;
    const EntityMention& mention = entities_[entity];
    if (InQuote(mention.span.start, mention.span.end)) continue;
    int head = k;  // "Hamas negotiators", "Biden administration officials"
    while (head + 1 < end && head - k < 2 && w.EntityAt(head + 1) < 0 &&
           w.HeadEntity(head + 1) == entity) {
      ++head;
    }
    // "a Hamas attack", "the UN Security Council resolution": the determiner tells a
    // modifier from a subject whose verb the tagger took for a noun ("Macron flew").
    const int start = w.PhraseStart(k, first);
    const bool modifier = head == k && k + 1 < end && w.InNounPhrase(k + 1) &&
                          w.EntityAt(k + 1) < 0 && !w.Is(k + 1, "'s") &&
                          !IsUnambiguousVerbForm(w.Lower(k + 1)) && IsDeterminerAt(w, start);
    if (modifier || (head != k && !IsPlural(w, head))) continue;
    const int before = start - 1;
    const bool acting =
        mention.type != "PLACE" || before < first || !IsPreposition(w, before) || head != k;
    if (!acting) continue;
    Referent single{{entity}};
    single.subject = IsSubject(head, end);
    single.person = head == k && mention.type == "PERSON";
    single.thing = head == k && mention.type != "PERSON";
    single.group = head != k || mention.type == "ORG";
    const std::vector<int> coordinated = w.PhraseEntitiesEndingAt(head, first);
    if (coordinated.size() >= 2) {
      // Every member of "Biden and Netanyahu met" is a subject as much as the last one.
      for (Referent& earlier : all) {
        if (std::find(coordinated.begin(), coordinated.end(), earlier.mentions[0]) !=
            coordinated.end()) {
          earlier.subject = single.subject;
        }
      }
      all.push_back(single);
      Referent both{coordinated};
      both.group = true;
      both.subject = single.subject;
      all.push_back(std::move(both));
      continue;
    }
    all.push_back(std::move(single));
  }
  std::erase_if(all, [&](const Referent& r) {
    return !(kind == Kind::kPerson ? r.person : kind == Kind::kThing ? r.thing : r.group);
  });
  return all;
}

// Whether a subject of the sentence before `limit` is a description without a name that
// the pronoun may stand for: "the official" for "he", "the group" for "it".
bool PronounAntecedents::PassesDescription(int sentence, int limit, Kind kind) const {
  const EventWords& w = words_;
  if (!w.HasTags()) return false;
  const int first = static_cast<int>(tokens_.sentences[sentence].first_token);
  const int end = static_cast<int>(tokens_.sentences[sentence].end_token);
  const SpeakerKind wanted = kind == Kind::kPerson  ? SpeakerKind::kPerson
                             : kind == Kind::kThing ? SpeakerKind::kOrganization
                                                    : SpeakerKind::kGroup;
  for (int k = first; k < limit; ++k) {
    // Not only nouns: the tagger reads "The official met" as an adjective.
    if (w.EntityAt(k) >= 0 || w.HeadEntity(k) >= 0) continue;
    if (k + 1 < end && w.InNounPhrase(k + 1)) continue;  // not the phrase's head
    const Token& token = tokens_.tokens[k];
    if (InQuote(token.start, token.end)) continue;
    if (HeadNounSpeakerKind(w.Lower(k)) == wanted && IsSubject(k, end)) return true;
  }
  return false;
}

// Whether a quotation between the antecedent's sentence and the pronoun's has a speaker
// other than the antecedent that the pronoun could stand for as well.
bool PronounAntecedents::SpeakerDiffers(int from_sentence, int to_sentence, Kind kind,
                                        const std::vector<int>& antecedent) const {
  const uint32_t from = tokens_.tokens[tokens_.sentences[from_sentence].first_token].start;
  const uint32_t to = tokens_.tokens[tokens_.sentences[to_sentence].first_token].start;
  for (const Quote& quote : quote_index_.Around({from, to})) {
    if (!quote.speaker || quote.span.end <= from || quote.span.start >= to) continue;
    if (!quote.speaker_entity) return true;
    const std::string& speaker = *quote.speaker_entity;
    if (std::any_of(antecedent.begin(), antecedent.end(),
                    [&](int m) { return entities_[m].entity == speaker; })) {
      continue;
    }
    const auto named = first_mention_of_entity_.find(speaker);
    if (named == first_mention_of_entity_.end()) return true;
    const bool person = entities_[named->second].type == "PERSON";
    if (person == (kind == Kind::kPerson) || kind == Kind::kGroup) return true;
  }
  return false;
}

// One entity (or one coordination) is the antecedent; among several, the one that is a
// subject. The latest referent of each stands for it.
const PronounAntecedents::Referent* PronounAntecedents::Choose(
    const std::vector<Referent>& found) const {
  struct Candidate {
    std::vector<std::string> ids;  // sorted
    const Referent* latest = nullptr;
    bool subject = false;
  };
  std::vector<Candidate> candidates;
  for (const Referent& referent : found) {
    std::vector<std::string> ids;
    for (int m : referent.mentions) ids.push_back(entities_[m].entity);
    std::sort(ids.begin(), ids.end());
    auto same = std::find_if(candidates.begin(), candidates.end(),
                             [&](const Candidate& c) { return c.ids == ids; });
    if (same == candidates.end()) same = candidates.insert(candidates.end(), {std::move(ids)});
    same->latest = &referent;
    same->subject = same->subject || referent.subject;
  }
  if (candidates.size() == 1) return candidates[0].latest;
  const Referent* subject = nullptr;
  for (const Candidate& c : candidates) {
    if (!c.subject) continue;
    if (subject != nullptr) return nullptr;
    subject = c.latest;
  }
  return subject;
}

std::vector<int> PronounAntecedents::Resolve(int pronoun) const {
  if (pronoun < 0 || pronoun >= words_.size() || sentence_of_token_[pronoun] < 0) return {};
  const std::string_view word = words_.Lower(pronoun);
  if (!IsResolvablePronoun(word)) return {};
  const Kind kind = OneOf(word, {"he", "she", "his", "her"}) ? Kind::kPerson
                    : OneOf(word, {"it", "its"})             ? Kind::kThing
                                                             : Kind::kGroup;
  const int own = sentence_of_token_[pronoun];
  bool crossed_paragraph = false;
  for (int sentence = own; sentence >= 0 && own - sentence <= kSentencesBack; --sentence) {
    const Sentence& range = tokens_.sentences[sentence];
    if (range.first_token >= range.end_token || range.end_token > tokens_.tokens.size()) continue;
    if (sentence < own && starts_paragraph_[sentence + 1]) crossed_paragraph = true;
    const int limit = sentence == own ? pronoun : static_cast<int>(range.end_token);
    if (PassesDescription(sentence, limit, kind)) return {};
    const std::vector<Referent> found = Referents(sentence, limit, kind);
    if (found.empty()) continue;
    const Referent* chosen = Choose(found);
    if (chosen == nullptr) return {};
    if (crossed_paragraph && SpeakerDiffers(sentence, own, kind, chosen->mentions)) return {};
    return chosen->mentions;
  }
  return {};
}

}  // namespace storyline
