#include "extract/events/event_finder.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "extract/events/bomb_blasts.h"
#include "extract/events/deaths.h"
#include "extract/events/event_attachment.h"
#include "extract/events/event_lexicon.h"
#include "extract/events/event_statement.h"
#include "extract/events/event_words.h"
#include "extract/events/harm_nouns.h"
#include "extract/events/harm_places.h"
#include "extract/events/identified_victims.h"
#include "extract/events/next_sentence_victims.h"
#include "extract/events/pronoun_antecedents.h"
#include "extract/span_index.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr std::string_view kCall = "CALL";
constexpr std::string_view kMeet = "MEET";
constexpr std::string_view kStatement = "STATEMENT";
constexpr int kMaxSubjectGap = 6;  // words between a subject and its verb

bool IsPossessivePronoun(std::string_view lower_word) {
  return lower_word == "his" || lower_word == "her" || lower_word == "its" || lower_word == "their";
}

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Everything the finder needs about one sentence of the article.
struct SentenceContext {
  std::string_view text;
  const TokenizedText& tokens;
  const EventWords& words;
  std::span<const EntityMention> entities;
  // The article's times and quotes around the sentence (span_index.h): every one that
  // overlaps it, in the article's order, and perhaps a few more.
  std::span<const TimeExpression> times_around;
  std::span<const Quote> quotes_around;
  int first = 0;  // first token of the sentence
  int end = 0;    // one past its last token
  bool has_full_quote = false;
  const TriggerAttachment* attachment = nullptr;  // set once the triggers are known
  const PronounAntecedents* antecedents = nullptr;
};

struct EventActors {
  std::vector<int> agents, partners, patients;  // entity mention indices
  std::optional<int> place;                     // a PLACE mention that modifies a noun
  int pronoun = -1;  // the subject pronoun the agents were resolved from ("He said")
};

bool IsPhoneWord(const EventWords& w, int i) {
  return w.Is(i, "phone") || w.Is(i, "telephone") || w.Is(i, "video") || w.Is(i, "videolink");
}

// Objects after which "meet" means satisfying something, not meeting someone.
bool IsUnmetObject(std::string_view lower_word) {
  return OneOf(lower_word, {"demands", "demand", "conditions", "needs", "requirements",
                            "expectations", "criteria", "deadline", "target", "targets", "goals",
                            "standards", "threshold", "obligations", "requests"});
}

// Objects after which "withdraw" is not a pull-out of forces.
bool IsWithdrawnNonForce(std::string_view lower_word) {
  return OneOf(lower_word, {"demand", "demands", "support", "proposal", "offer", "request", "bid",
                            "candidacy", "nomination", "objection", "objections", "complaint",
                            "statement", "application", "funding"});
}

bool AnyWithin(const SentenceContext& s, int from, int count, bool (*test)(std::string_view)) {
  for (int k = from; k < s.end && k < from + count; ++k) {
    if (test(s.words.Lower(k))) return true;
  }
  return false;
}

// Words for people who stop work, and for stopping it.
bool IsLabourWord(std::string_view lower_word) {
  return OneOf(lower_word, {"workers", "worker", "dockworkers", "employees", "staff", "union",
                            "unions", "guild", "walkout", "walkouts", "picket", "pickets",
                            "picketing", "wage", "wages", "bargaining", "strikers"});
}

// Words that say people were hurt or weapons used.
bool IsViolenceWord(std::string_view lower_word) {
  return OneOf(lower_word,
               {"killed",  "kill",    "killing",   "dead",     "deaths",    "wounded",
                "injured", "missile", "missiles",  "drone",    "drones",    "bomb",
                "bombs",   "rocket",  "rockets",   "air",      "military",  "army",
                "troops",  "forces",  "militants", "targeted", "warplanes", "artillery"});
}

// Whether the "strike" at token i is workers stopping work: after "on" or a word that
// names the strike's kind ("went on strike", "the port strike"), before one of its
// procedures ("strike action"), or with workers in the sentence and no one hurt or armed.
bool IsLabourStrike(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (i > s.first &&
      OneOf(w.Lower(i - 1),
            {"on", "general", "hunger", "labor", "labour", "port", "rail", "dock", "transport",
             "nationwide", "national", "teachers", "workers", "union", "sympathy", "wildcat"})) {
    return true;
  }
  if (i + 1 < s.end && OneOf(w.Lower(i + 1), {"action", "ballot", "vote", "pay", "fund", "leaders",
                                              "committee", "notice"})) {
    return true;
  }
  const int length = s.end - s.first;
  return AnyWithin(s, s.first, length, IsLabourWord) &&
         !AnyWithin(s, s.first, length, IsViolenceWord);
}

// Whether a word for captives or a named person stands within a few words of token i:
// "released four hostages", "prisoners Hamas wants released", "freed Edan Alexander".
bool HasCaptiveNear(const SentenceContext& s, int i) {
  constexpr int kReach = 6;
  for (int k = std::max(s.first, i - kReach); k < s.end && k <= i + kReach; ++k) {
    if (IsCaptiveWord(s.words.Lower(k))) return true;
    const int entity = s.words.EntityAt(k);
    if (k > i && entity >= 0 && s.entities[entity].type == "PERSON") return true;
  }
  return false;
}

// Words between a subject and its verb that are not part of the subject: auxiliaries,
// adverbs, "to", and raising words ("is scheduled to visit", "are set to meet").
bool IsSubjectVerbGap(const EventWords& w, int i) {
  const std::string_view upos = w.Upos(i);
  if (upos == "AUX" || upos == "ADV" || upos == "PART" || w.Xpos(i) == "MD") return true;
  return OneOf(
      w.Lower(i),
      {"to",    "will",     "would", "has",    "have",      "had",      "is",        "are", "was",
       "were",  "be",       "been",  "also",   "scheduled", "expected", "slated",    "set", "due",
       "going", "planning", "plans", "poised", "likely",    "ready",    "reportedly"});
}

// Whether the verb at token `verb` is passive: a past participle after a form of "be"
// among its auxiliaries ("was killed", "has been attacked"). A past tense or an
// adjective there is a participle the tagger told wrong ("when she was struck/JJ.").
bool IsPassive(const SentenceContext& s, int verb) {
  const std::string_view tag = s.words.Xpos(verb);
  if (tag != "VBN" && tag != "VBD" &&
      (s.words.IsVerb(verb) || !IsUnambiguousVerbForm(s.words.Lower(verb)))) {
    return false;
  }
  for (int k = verb - 1; k >= s.first && IsSubjectVerbGap(s.words, k); --k) {
    if (OneOf(s.words.Lower(k), {"is", "are", "was", "were", "be", "been", "being"})) return true;
  }
  return false;
}

// Whether the verb at token i shares the passive of the verb before it ("was shot and
// killed") or is a participle with no auxiliary and no object ("found shot", "Man killed
// in crash"): either way its subject is what was done to.
// Whether nothing after the participle at token k opens an object: "found shot to
// death", "Man killed in crash", "killed Friday", not "it offered free repairs".
bool TakesNoObject(const SentenceContext& s, int k) {
  const EventWords& w = s.words;
  if (k + 1 >= s.end) return true;
  // "killed at least three people": the quantifier opens an object.
  if (w.Is(k + 1, "at") && (w.Is(k + 2, "least") || w.Is(k + 2, "most"))) return false;
  const std::string_view upos = w.Upos(k + 1);
  return w.IsPunctuation(k + 1) || w.InTime(k + 1) || upos == "ADP" || upos == "AUX" ||
         upos == "ADV" || OneOf(w.Lower(k + 1), {"to", "by", "in", "at", "on", "while", "after"});
}

bool IsPassiveLike(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (IsPassive(s, i)) return true;
  // "Zurana Horton shot and killed in a gang shooting": a past form shares the passive
  // of the participle without object it is coordinated with.
  const bool past_form = w.Xpos(i) == "VBD" || (w.IsNoun(i) && IsUnambiguousVerbForm(w.Lower(i)));
  if ((w.Xpos(i) == "VBN" || past_form) && w.Is(i + 1, "and") && i + 2 < s.end &&
      w.Xpos(i + 2) == "VBN" && TakesNoObject(s, i + 2) && !IsPassive(s, i + 2)) {
    return true;
  }
  if (w.Xpos(i) != "VBN") return false;
  if (i - 2 >= s.first && (w.Is(i - 1, "and") || w.Is(i - 1, "or"))) return IsPassive(s, i - 2);
  for (int k = i - 1; k >= s.first && IsSubjectVerbGap(w, k); --k) {
    if (OneOf(w.Lower(k), {"has", "have", "had", "having"})) return false;
  }
  // Without an auxiliary only what follows tells a passive from a past tense with an
  // object.
  return TakesNoObject(s, i);
}

// Reflexive objects: "shot himself", "Shot Self" in a headline.
bool IsReflexive(std::string_view lower_word) {
  return OneOf(lower_word, {"himself", "herself", "themselves", "self", "oneself"});
}

// What a camera shoots: "The film was shot in Toronto" is no attack.
bool IsFilmedThing(std::string_view lower_word) {
  return OneOf(lower_word, {"film",        "films",      "movie",       "movies",  "video",
                            "videos",      "scene",      "scenes",      "footage", "photo",
                            "photos",      "photograph", "photographs", "picture", "pictures",
                            "episode",     "episodes",   "series",      "pilot",   "commercial",
                            "documentary", "clip",       "clips",       "sequel",  "album"});
}

// The last word before the verb at token i and its auxiliaries: the head of its subject
// ("The film [was] shot"), or i itself when none stands there.
int SubjectHead(const SentenceContext& s, int i) {
  int k = i - 1;
  while (k >= s.first && IsSubjectVerbGap(s.words, k)) --k;
  return k >= s.first ? k : i;
}

// Whether the verb at token i is done to a person: passive ("was shot"), "shot dead",
// "shot and killed", or an object that names or describes a person within a few words
// ("shot his girlfriend", "shot Daniel Caron", "wounded two officers"); not "shot a
// video", "shot up 5%", "shot down the proposal".
bool HitsPerson(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (OneOf(w.Lower(i + 1), {"up", "through", "past", "back", "ahead"})) return false;
  if (IsPassiveLike(s, i)) return !IsFilmedThing(w.Lower(SubjectHead(s, i)));
  if (OneOf(w.Lower(i + 1), {"dead", "and", "to"})) return true;
  constexpr int kReach = 7;  // "shot an 8-year - old boy"
  for (int k = i + 1; k < s.end && k <= i + kReach; ++k) {
    // A participle between a determiner and a noun modifies the object ("his former
    // wrestling teammate"); another verb ends it.
    const bool modifier = (w.Xpos(k) == "VBG" || w.Xpos(k) == "VBN") && w.InNounPhrase(k - 1) &&
                          k + 1 < s.end && w.Upos(k + 1) == "NOUN";
    if (OneOf(w.Lower(k), {",", ".", ";", ":", "and"}) ||
        (k > i + 1 && w.IsVerb(k) && !w.IsNoun(k) && !modifier)) {
      break;
    }
    const int entity = w.EntityAt(k);
    if (entity >= 0) {
      int last = k;
      while (w.EntityAt(last + 1) == entity) ++last;
      // "killing a Woodburn police officer": the town only says which officer.
      if (s.entities[entity].type != "PERSON" && last + 1 < s.end && w.InNounPhrase(last + 1) &&
          !w.InTime(last + 1)) {
        k = last;
        continue;
      }
      return s.entities[entity].type == "PERSON";
    }
    if (IsPersonWord(w.Lower(k)) || IsReflexive(w.Lower(k)) ||
        OneOf(w.Lower(k), {"dead", "death"})) {
      return true;
    }
    if (k == i + 1 && w.Is(k, "her")) return true;
  }
  return false;
}

// Whether "under" stands a few words before token i: "under fire", "under attack".
bool UnderBefore(const SentenceContext& s, int i) {
  for (int k = std::max(s.first, i - 3); k < i; ++k) {
    if (s.words.Is(k, "under")) return true;
  }
  return false;
}

// The type a "fire" or "blaze" noun at token i names: ATTACK after "opened"; none in
// idioms ("under fire", "cease-fire", "returned fire") or as a modifier ("fire
// department", "fire officials"); else OTHER (a blaze).
std::optional<std::string_view> FireType(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (i > s.first && OneOf(w.Lower(i - 1), {"opened", "open", "opens", "opening"})) {
    return "ATTACK";
  }
  if (UnderBefore(s, i)) return std::nullopt;  // "came under intense enemy fire"
  if (i > s.first &&
      OneOf(w.Lower(i - 1),
            {"under",    "cease",     "-",         "friendly", "hold",      "held",  "return",
             "returned", "returning", "exchanged", "exchange", "rapid",     "line",  "of",
             "on",       "with",      "heavy",     "sniper",   "artillery", "mortar"})) {
    return std::nullopt;
  }
  if (i + 1 < s.end && (w.IsNoun(i + 1) || OneOf(w.Lower(i + 1), {"-", "and"}))) {
    return std::nullopt;
  }
  // "a huge fire at a store", "the blaze on the roof", "Fire at Waitrose" in a headline
  // burn somewhere; a bare "fire at" or "fire on" is shooting at someone ("ordered them
  // to fire on the crowd").
  if (i + 1 < s.end && OneOf(w.Lower(i + 1), {"at", "on"})) {
    const int start = w.PhraseStart(i, s.first);
    const bool article = start < i && OneOf(w.Lower(start), {"a", "an", "the"});
    if (!article && !w.InHeadline(i)) return std::nullopt;
  }
  return "OTHER";
}

// The type a "blast" or "explosion" noun at token i names: ATTACK for a bomb's ("a bomb
// blast", "a suicide explosion"); none in idioms ("had a blast", "full blast", "a blast
// from the past", "an explosion of colour") or as a modifier ("blast wave"); else OTHER
// (a gas or factory explosion).
std::optional<std::string_view> BlastType(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (i + 1 < s.end && (w.IsNoun(i + 1) || OneOf(w.Lower(i + 1), {"of", "from", "-"}))) {
    return std::nullopt;
  }
  for (int k = std::max(s.first, i - 3); k < i; ++k) {
    if (OneOf(w.Lower(k), {"had", "have", "has", "having", "full"})) return std::nullopt;
  }
  for (int k = w.PhraseStart(i, s.first); k < i; ++k) {
    if (OneOf(w.Lower(k), {"bomb", "bombs", "suicide", "grenade", "mortar", "rocket", "missile",
                           "terror", "terrorist"})) {
      return "ATTACK";
    }
  }
  return "OTHER";
}

// Whether aid or supplies are named within a few words of token i: "delivered food",
// "aid deliveries", "a convoy of trucks carrying medicine"; not "delivered a speech".
bool HasAidNear(const SentenceContext& s, int i) {
  constexpr int kReach = 6;
  for (int k = std::max(s.first, i - kReach); k < s.end && k <= i + kReach; ++k) {
    if (OneOf(s.words.Lower(k),
              {"aid", "food", "supplies", "water", "fuel", "medicine", "medicines", "medical",
               "humanitarian", "assistance", "relief", "flour", "tents", "blankets", "vaccines",
               "rations", "shipments", "goods"})) {
      return true;
    }
  }
  return false;
}

// Whether the attack verb at token i takes an idea rather than a target: "attacks the
// problem", "attacked each other's policies", "attacked the plan".
bool AttacksIdea(const SentenceContext& s, int i) {
  constexpr int kReach = 5;
  for (int k = i + 1; k < s.end && k <= i + kReach; ++k) {
    if (s.words.IsPunctuation(k)) break;
    if (OneOf(s.words.Lower(k),
              {"problem",  "problems",  "issue",     "issues",      "question",  "questions",
               "policy",   "policies",  "plan",      "plans",       "idea",      "ideas",
               "proposal", "proposals", "record",    "claim",       "claims",    "decision",
               "comments", "remarks",   "ruling",    "bill",        "law",       "report",
               "deal",     "agenda",    "budget",    "strategy",    "approach",  "stance",
               "position", "views",     "character", "credibility", "integrity", "motives"})) {
      return true;
    }
  }
  return false;
}

// Whether "call"/"called" at token i names or orders rather than phones: an imperative
// at the start of a sentence ("Call the office at ..."), a participle after a noun ("a
// group called Hamas", "what police called an argument") or after an adverb of naming
// ("originally called New Julfa", "often called the Riverside Airport"), or a name
// followed by what it is called ("called Netanyahu a liar", "called Trump reckless").
bool IsNamingCall(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (i == s.first || (i > s.first && w.IsPunctuation(i - 1) && !w.Is(i - 1, ","))) return true;
  if (i > s.first &&
      ((w.HasTags() && w.IsNoun(i - 1) && w.EntityAt(i - 1) < 0) ||
       OneOf(w.Lower(i - 1), {"what", "so", "-", "also", "is", "was", "are", "were", "be", "been",
                              "originally", "formerly", "commonly", "popularly", "often"}))) {
    return true;
  }
  int k = i + 1;
  while (k < s.end && w.EntityAt(k) >= 0 && w.EntityAt(k) == w.EntityAt(i + 1)) ++k;
  if (k == i + 1 || k >= s.end) return false;
  // A call goes on with when, where or what about ("called Netanyahu on Monday", "called
  // Netanyahu to discuss"); anything else says what the name was called.
  const std::string_view upos = w.Upos(k);
  return !(w.IsPunctuation(k) || w.InTime(k) || upos == "ADP" || upos == "CCONJ" ||
           upos == "SCONJ" || upos == "ADV" || upos == "PART" ||
           OneOf(w.Lower(k), {"to", "and", "but", "as", "while", "after", "before", "about",
                              "again", "from", "in", "on", "at", "for"}));
}

// The event type token i names in this sentence, after its cue is checked; nullopt for
// none. `is_noun` tells which reading matched.
std::optional<std::string_view> ResolveTrigger(const SentenceContext& s, int i, bool& is_noun) {
  const EventWords& w = s.words;
  std::optional<EventTriggerWord> word;
  is_noun = false;
  // After a determiner the word heads a noun phrase whatever its tag ("knowledge of the
  // meeting told Axios": the tagger may read "meeting" as a verb there).
  // "that" before a past form is a relative pronoun ("an accident that killed a woman").
  const bool relative_that =
      w.Is(i - 1, "that") && (w.Xpos(i - 1) == "WDT" || IsUnambiguousVerbForm(w.Lower(i)));
  // A name's "'s" is a determiner too ("Kimani Gray's shooting").
  const bool after_owner = w.Is(i - 1, "'s") && i - 2 >= s.first && w.EntityAt(i - 2) >= 0;
  const bool after_determiner =
      i > s.first && !relative_that &&
      (after_owner || OneOf(w.Lower(i - 1), {"the", "a", "an", "this", "that", "these", "those",
                                             "their", "his", "her", "its", "our"}));
  // A harm gerund after a determiner and its modifiers heads a noun phrase too ("after an
  // early morning shooting/VBG").
  const std::optional<EventTriggerWord> harm_noun =
      IsGerundAfterModifiers(w, s.first, i)
          ? LookupEventTrigger(w.Lower(i), TriggerWordClass::kNoun)
          : std::nullopt;
  const bool gerund_noun = harm_noun && (harm_noun->type == "ATTACK" || harm_noun->type == "OTHER");
  if (!after_determiner && !gerund_noun && (w.IsVerb(i) || IsUnambiguousVerbForm(w.Lower(i)))) {
    word = LookupEventTrigger(w.Lower(i), TriggerWordClass::kVerb);
  }
  if (!word && (w.IsNoun(i) || after_determiner || gerund_noun)) {
    word = LookupEventTrigger(w.Lower(i), TriggerWordClass::kNoun);
    is_noun = true;
  }
  if (!word) return std::nullopt;
  // "called it not a car crash, but ...": a harm the text says it was not.
  if (is_noun && (word->type == "ATTACK" || word->type == "OTHER") &&
      w.Is(w.PhraseStart(i, s.first) - 1, "not")) {
    return std::nullopt;
  }
  const bool demand_cue = w.Is(i + 1, "for") || w.Is(i + 1, "on");
  switch (word->cue) {
    case TriggerCue::kNone:
      // "was under near-constant attack": criticism, not violence.
      if (is_noun && word->type == "ATTACK" && UnderBefore(s, i)) return std::nullopt;
      // A present "offers" sells ("Lexus offers almost all models"); a proposal is news
      // once made ("offered").
      if (!is_noun && word->type == "PROPOSE" && (w.Xpos(i) == "VBZ" || w.Xpos(i) == "VBP")) {
        return std::nullopt;
      }
      return word->type;
    case TriggerCue::kCallVerb:
      if (demand_cue) return "DEMAND";
      if (!IsNamingCall(s, i) && !w.PhraseEntitiesFrom(i + 1, s.end).empty()) return kCall;
      return std::nullopt;
    case TriggerCue::kCallNoun:
      return demand_cue ? std::string_view("DEMAND") : kCall;
    case TriggerCue::kSpeakVerb:
      if ((w.Is(i + 1, "by") && IsPhoneWord(w, i + 2)) ||
          ((w.Is(i + 1, "on") || w.Is(i + 1, "over")) && IsPhoneWord(w, i + 3))) {
        return kCall;
      }
      if ((w.Is(i + 1, "with") || w.Is(i + 1, "to")) &&
          !w.PhraseEntitiesFrom(i + 2, s.end).empty()) {
        return kCall;
      }
      return std::nullopt;
    case TriggerCue::kMeetVerb:
      if (AnyWithin(s, i + 1, 3, IsUnmetObject)) return std::nullopt;
      return word->type;
    case TriggerCue::kAidNoun:
      if (i + 1 < s.end &&
          OneOf(w.Lower(i + 1), {"workers", "worker", "groups", "group", "organizations",
                                 "organisations", "agency", "agencies", "officials", "official"})) {
        return std::nullopt;
      }
      return word->type;
    case TriggerCue::kWithdrawVerb:
      if (AnyWithin(s, i + 1, 3, IsWithdrawnNonForce)) return std::nullopt;
      return word->type;
    case TriggerCue::kCaptives:
      if (HasCaptiveNear(s, i)) return word->type;
      return std::nullopt;
    case TriggerCue::kStrike:
      if (IsLabourStrike(s, i)) return std::nullopt;
      return word->type;
    case TriggerCue::kShotVerb:
      if (HitsPerson(s, i)) return word->type;
      return std::nullopt;
    case TriggerCue::kExecuteVerb:
      // "executed two of them": a person as object; a plan or warrant "was executed" too.
      if (!IsPassiveLike(s, i) && HitsPerson(s, i)) return word->type;
      return std::nullopt;
    case TriggerCue::kShootingNoun:
      if (IsShootingAttack(w, s.entities, s.first, s.end, i)) return word->type;
      return std::nullopt;
    case TriggerCue::kFireNoun:
      return FireType(s, i);
    case TriggerCue::kBlastNoun:
      return BlastType(s, i);
    case TriggerCue::kDeliverAid:
      if (HasAidNear(s, i)) return word->type;
      return std::nullopt;
    case TriggerCue::kOutVerb:
      if (w.Is(i + 1, "out")) return std::nullopt;
      return word->type;
    case TriggerCue::kAttackVerb:
      if (AttacksIdea(s, i)) return std::nullopt;
      return word->type;
    case TriggerCue::kUndergoVerb:
      // A bare "die" reports a death only in a headline ("Three die in fire"); in prose
      // it is wished, feared or ordered ("a jury's recommendation that he die").
      if (w.Is(i, "die") && !w.InHeadline(i)) return std::nullopt;
      return word->type;
    case TriggerCue::kPullVerb:
      if (!w.Is(i + 1, "out") && !w.Is(i + 1, "back")) return std::nullopt;
      if (w.Is(i + 2, "on") || AnyWithin(s, i + 2, 3, IsWithdrawnNonForce)) return std::nullopt;
      return word->type;
  }
  return std::nullopt;
}

// A verb in a to-infinitive that is only wished for or asked ("urged Hamas to accept",
// "refusal to meet"), not one that is planned ("is scheduled to visit").
bool IsUnrealizedInfinitive(const SentenceContext& s, int i) {
  const int to = i - 1;
  if (!s.words.Is(to, "to") || !s.words.IsVerb(i)) return false;
  return to - 1 < s.first ||
         !OneOf(s.words.Lower(to - 1),
                {"scheduled", "expected", "slated", "set", "due", "going", "plans", "planning",
                 "plan", "planned", "poised", "likely", "ready", "about", "agreed"});
}

// A disaster word at token k that is no part of a name ("killed in a fall", not
// "Niagara Falls") nor an attacker's fire or bomb ("when a gunman opened fire", "a bomb
// blast").
bool IsDisasterAt(const SentenceContext& s, int k) {
  const std::string_view word = s.words.Lower(k);
  if (s.words.EntityAt(k) >= 0 || !IsDisasterWord(word)) return false;
  if (OneOf(word, {"fire", "fires", "blaze"})) return FireType(s, k) != "ATTACK";
  if (OneOf(word, {"blast", "blasts", "explosion"})) return BlastType(s, k) != "ATTACK";
  return true;
}

// A vehicle word at token k that is no part of a name.
bool IsVehicleAt(const SentenceContext& s, int k) {
  return s.words.EntityAt(k) < 0 && IsVehicleWord(s.words.Lower(k));
}

// How many tokens a "hit and run" (a crash whose driver fled) takes from token k: "hit
// and run", "hit-and-run", "Hit - And - Run", "Hit & Run", "Hit - Run"; 0 when none
// starts there.
int HitAndRunLength(const SentenceContext& s, int k) {
  const EventWords& w = s.words;
  if (w.Is(k, "hit-and-run")) return 1;
  if (!w.Is(k, "hit")) return 0;
  constexpr int kMaxJoiners = 3;
  for (int n = k + 1; n < s.end && n <= k + kMaxJoiners + 1; ++n) {
    if (w.Is(n, "run")) return n > k + 1 ? n - k + 1 : 0;
    if (!OneOf(w.Lower(n), {"-", "and", "&"})) return 0;
  }
  return 0;
}

// Whether a "hit and run" ends at token k.
bool EndsHitAndRun(const SentenceContext& s, int k) {
  for (int start = std::max(s.first, k - 4); start <= k; ++start) {
    if (const int length = HitAndRunLength(s, start); length > 0 && start + length - 1 == k) {
      return true;
    }
  }
  return false;
}

// Whether the attack verb at token i is the work of a disaster or accident, not of an
// attacker: its subject is one ("the fire destroyed 20 homes", "a quake killed five", "a
// car struck", "the hit and run driver who killed") or it happened "in"/"by" one ("was
// killed in a crash", "destroyed by fire", "struck by a vehicle").
bool ByDisaster(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  int last = i - 1;
  while (last >= s.first && IsSubjectVerbGap(w, last)) --last;
  // "A fire on Tuesday destroyed": a time between the subject and its verb.
  if (last >= s.first && w.InTime(last)) {
    while (last >= s.first && w.InTime(last)) --last;
    if (last >= s.first && OneOf(w.Lower(last), {"on", "in", "at"})) --last;
  }
  // "the blaze, which virtually destroyed the store"
  // The comma before a relative pronoun only: in "Roe, who saw the crash, was shot" the
  // crash ends a clause of its own.
  if (last - 1 >= s.first && OneOf(w.Lower(last), {"which", "that", "who"})) {
    --last;
    if (last - 1 >= s.first && w.Is(last, ",")) --last;
  }
  if (last >= s.first &&
      (IsDisasterAt(s, last) || IsVehicleAt(s, last) || EndsHitAndRun(s, last))) {
    return true;
  }
  // The subject's head before the phrases that place it: "a blast at the plant killed
  // three", "a powerful earthquake on a Gulf island that killed 10 people".
  constexpr int kMaxPlacePhrases = 2;
  for (int n = 0; n < kMaxPlacePhrases && last > s.first && w.InNounPhrase(last); ++n) {
    const int before = w.PhraseStart(last, s.first) - 1;
    if (before - 1 < s.first || !OneOf(w.Lower(before), {"at", "in", "on", "near", "off"})) break;
    last = before - 1;
    if (IsDisasterAt(s, last)) return true;
  }
  // "were killed ... when an earthquake razed villages", "died after a fire broke out".
  constexpr int kClauseReach = 10;
  for (int k = i + 1; k < s.end && k <= i + kClauseReach; ++k) {
    if (OneOf(w.Lower(k), {".", ";", ":", "\xE2\x80\x94", "--"})) break;
    if (!OneOf(w.Lower(k), {"when", "after", "as"})) continue;
    for (int n = k + 1; n < s.end && n <= k + 4 && !w.IsPunctuation(n); ++n) {
      if (IsDisasterAt(s, n)) return true;
    }
    break;
  }
  constexpr int kReach = 5;
  for (int k = i + 1; k < s.end && k <= i + kReach; ++k) {
    if (!w.Is(k, "in") && !w.Is(k, "by")) continue;
    for (int n = k + 1; n < s.end && n <= k + 4 && !w.IsPunctuation(n); ++n) {
      // Struck "by" a vehicle is an accident; shot "in" one is not.
      if (IsDisasterAt(s, n) || HitAndRunLength(s, n) > 0 || (w.Is(k, "by") && IsVehicleAt(s, n))) {
        return true;
      }
    }
    return false;
  }
  return false;
}

// Inside a quotation, full or partial: the quotation reports those words ("his refusal
// of a permanent cease-fire" in what Hamas said), the writer does not.
bool InQuote(const SentenceContext& s, int i) {
  const Token& token = s.tokens.tokens[i];
  return std::any_of(s.quotes_around.begin(), s.quotes_around.end(), [&](const Quote& q) {
    return q.span.start <= token.start && token.end <= q.span.end;
  });
}

// Whether the verb at token i is denied: "did not meet", "has never been attacked",
// "won't release". The negation must stand among the verb's auxiliaries and adverbs, so
// "whether or not Hamas accepted" is not a denial.
bool IsNegatedVerb(const SentenceContext& s, int i) {
  constexpr int kReach = 4;
  for (int k = i - 1; k >= s.first && i - k <= kReach; --k) {
    if (OneOf(s.words.Lower(k), {"not", "n't", "never"})) return true;
    if (!IsSubjectVerbGap(s.words, k)) return false;
  }
  return false;
}

// Whether the event at token i is denied: a negated verb, or a noun taken by a negated
// light verb ("did not hold a call").
bool IsNegated(const SentenceContext& s, int i, bool is_noun) {
  if (!is_noun) return IsNegatedVerb(s, i);
  const int verb = s.words.PhraseStart(i, s.first) - 1;
  return verb >= s.first && s.words.IsVerb(verb) && IsLightVerb(s.words.Lower(verb)) &&
         IsNegatedVerb(s, verb);
}

// Words that put the verb after them in the future or make it conditional: "will
// speak", "would withdraw", "is scheduled to visit", "are set to meet".
bool IsPlanningWord(std::string_view lower_word) {
  return OneOf(lower_word, {"will", "'ll", "shall", "would", "scheduled", "expected", "slated",
                            "set", "due", "going", "planning", "plans", "planned", "poised"});
}

// Whether the event at token i is planned rather than reported as done: a verb after a
// planning word ("will also meet"), or a noun after "upcoming", "planned", "next" ...
// or the object of "scheduled" ("scheduled a meeting for July 15").
bool IsPlanned(const SentenceContext& s, int i, bool is_noun) {
  const EventWords& w = s.words;
  if (!is_noun) {
    for (int k = i - 1; k >= s.first && i - k <= 4; --k) {
      if (IsPlanningWord(w.Lower(k))) return true;
      if (!IsSubjectVerbGap(w, k)) return false;
    }
    return false;
  }
  const int start = w.PhraseStart(i, s.first);
  for (int k = start; k < i; ++k) {
    if (OneOf(w.Lower(k), {"upcoming", "planned", "scheduled", "proposed", "next", "future",
                           "expected", "possible"})) {
      return true;
    }
  }
  return start - 1 >= s.first && OneOf(w.Lower(start - 1), {"scheduled", "planned", "arranged",
                                                            "schedule", "plan", "arrange"});
}

// The person a clause opens with when appositions stand between it and the comma at
// token `comma` before its verb: "Javon Wilson, 15, U.S. Rep. Danny Davis' grandson, was
// shot", "Football player Brennan Weikel, 17, was killed". The clause opens at the start
// of the sentence or after a dateline's dash; a PERSON must come within its first few
// words and right before a comma, and no verb, relative pronoun or "and" may stand
// between it and `comma`. Empty otherwise.
std::vector<int> AppositionSubject(const SentenceContext& s, int comma) {
  const EventWords& w = s.words;
  int begin = s.first;
  for (int k = comma - 1; k > s.first; --k) {
    if (OneOf(w.Lower(k), {"\xE2\x80\x94", "\xE2\x80\x93", "--"})) {
      begin = k + 1;
      break;
    }
  }
  // A few words of description may come first ("Football player"); taggers often read
  // them as anything but nouns, so no tags are asked.
  constexpr int kMaxDescription = 3;
  int named = begin;
  while (named < comma && named - begin < kMaxDescription && w.EntityAt(named) < 0 &&
         !w.IsPunctuation(named)) {
    ++named;
  }
  const int entity = w.EntityAt(named);
  int last = named;
  while (entity >= 0 && w.EntityAt(last + 1) == entity) ++last;
  if (entity < 0 || !w.Is(last + 1, ",") || last + 1 >= comma ||
      s.entities[entity].type != "PERSON") {
    return {};
  }
  for (int k = last + 2; k < comma; ++k) {
    if ((w.IsVerb(k) && !w.IsNoun(k)) || OneOf(w.Lower(k), {"who", "which", "that", "and"})) {
      return {};
    }
  }
  return {entity};
}

// The entities that head the subject of the verb at token `verb`. A name between commas
// is an apposition ("the director of Egyptian intelligence, Abbas Kamel, are meeting"),
// so it is still the subject; a name that only ends a clause before the comma ("Qatar,
// which hosts ... in Doha, declared") is not.
std::vector<int> SubjectEntities(const SentenceContext& s, int verb) {
  int last = verb - 1;
  while (last >= s.first && verb - last <= kMaxSubjectGap && IsSubjectVerbGap(s.words, last)) {
    --last;
  }
  if (s.words.Is(last, ",") && last - 1 >= s.first && s.words.EntityAt(last - 1) >= 0 &&
      s.words.Is(s.words.PhraseStart(last - 1, s.first) - 1, ",")) {
    --last;
  }
  if (last < s.first) return {};
  std::vector<int> named = s.words.PhraseEntitiesEndingAt(last, s.first);
  if (named.empty() && s.words.Is(last, ",")) return AppositionSubject(s, last);
  return named;
}

// The agents of the verb at token `verb`: its named subject, else the antecedent of a
// pronoun subject of an active verb ("He spoke with Netanyahu"), recorded in `actors`.
std::vector<int> SubjectActors(const SentenceContext& s, int verb, EventActors& actors) {
  std::vector<int> named = SubjectEntities(s, verb);
  if (!named.empty() || IsPassive(s, verb)) return named;
  int last = verb - 1;
  while (last >= s.first && verb - last <= kMaxSubjectGap && IsSubjectVerbGap(s.words, last)) {
    --last;
  }
  if (last < s.first || !IsResolvablePronoun(s.words.Lower(last))) return {};
  std::vector<int> resolved = s.antecedents->Resolve(last);
  if (!resolved.empty()) actors.pronoun = last;
  return resolved;
}

// The entities after "with"/"to" close after token i (stopping at punctuation or a
// verb), or the named object right after it; none when a verb or punctuation follows
// ("sources with knowledge of the meeting told Axios": Axios is told, not met).
std::vector<int> PartnerEntities(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  constexpr int kMaxReach = 4;
  const auto ends_phrase = [&](int k) {
    return w.IsPunctuation(k) || (w.HasTags() && w.Upos(k) == "VERB");
  };
  if (i + 1 < s.end && ends_phrase(i + 1)) return {};
  for (int k = i + 1; k < s.end && k <= i + kMaxReach; ++k) {
    if (ends_phrase(k)) break;
    if (w.Is(k, "with") || w.Is(k, "to") || w.Is(k, "between")) {
      return w.PhraseEntitiesFrom(k + 1, s.end);
    }
  }
  return w.PhraseEntitiesFrom(i + 1, s.end);
}

// The first token that starts at or after byte `offset`.
int TokenAt(const SentenceContext& s, uint32_t offset) {
  const std::vector<Token>& tokens = s.tokens.tokens;
  return static_cast<int>(std::partition_point(tokens.begin(), tokens.end(),
                                               [&](const Token& t) { return t.start < offset; }) -
                          tokens.begin());
}

// The last token before the verb at token `verb` and its auxiliaries and adverbs.
int BeforeGap(const SentenceContext& s, int verb) {
  int last = verb - 1;
  while (last >= s.first && verb - last <= kMaxSubjectGap && IsSubjectVerbGap(s.words, last)) {
    --last;
  }
  return last;
}

// Who the active verb at token `verb` happened to, its subject: a name, a pronoun's
// antecedent, or the person a "who" stands for ("Anderson, who died at the scene").
std::vector<int> UndergoerOf(const SentenceContext& s, int verb, EventActors& actors) {
  std::vector<int> subject = SubjectActors(s, verb, actors);
  if (subject.empty()) subject = PersonBeforeWho(s.words, s.entities, s.first, BeforeGap(s, verb));
  return subject;
}

// Verbs whose subject is who the event happened to: "died", "dies".
bool IsUndergoVerb(std::string_view lower_word) {
  const std::optional<EventTriggerWord> word =
      LookupEventTrigger(lower_word, TriggerWordClass::kVerb);
  return word && word->cue == TriggerCue::kUndergoVerb;
}

// The entities of the "by" phrase of a passive verb at token i, a few words after it
// ("was shot Tuesday by his brother-in-law").
std::vector<int> PassiveAgents(const SentenceContext& s, int i) {
  constexpr int kReach = 4;
  for (int k = i + 1; k < s.end && k <= i + kReach; ++k) {
    if (s.words.Is(k, "by")) return s.words.PhraseEntitiesFrom(k + 1, s.end);
    if (s.words.IsPunctuation(k)) break;
  }
  return {};
}

// The entities the subject of the passive verb at token `verb` names: what was done to.
std::vector<int> PassiveSubject(const SentenceContext& s, int verb) {
  const EventWords& w = s.words;
  std::vector<int> subject = SubjectEntities(s, verb);
  if (!subject.empty()) {
    // "The grandson of Rep. Danny Davis was shot": the name only modifies the subject.
    const int named = TokenAt(s, s.entities[subject.front()].span.start);
    const int start = w.PhraseStart(named, s.first);
    if (w.Is(start - 1, "of") || w.Is(std::min(start, named) - 1, "of")) subject.clear();
  }
  return subject;
}

// The verb that reports a death at token i as a state, or -1: "dead" right after a verb
// of finding or leaving, or with the dead between ("was found dead", "left two men
// dead"); "body" or "bodies" before a passive verb of finding ("the body of a man was
// discovered"). A death found is a death, though the text names no act.
int DeathStateVerb(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (w.Is(i, "dead")) {
    constexpr int kReach = 6;  // "left a 59 - year - old woman dead"
    for (int k = i - 1; k >= s.first && i - k <= kReach; --k) {
      if (IsDeathStateVerb(w.Lower(k))) return w.IsVerb(k) ? k : -1;
      if (!w.InNounPhrase(k) && !w.Is(k, "-") && !w.Is(k, "of")) return -1;
    }
    return -1;
  }
  // "fell to his death": the death is the subject's.
  if ((w.Is(i, "death") || w.Is(i, "deaths")) && i - 3 >= s.first && w.Is(i - 2, "to") &&
      IsPossessivePronoun(w.Lower(i - 1)) && IsFallVerb(w.Lower(i - 3))) {
    return i - 3;
  }
  if ((w.Is(i, "body") || w.Is(i, "bodies")) && w.IsNoun(i)) {
    // "The bodies of Alice McMeekin, 58, and Kathryn Jenkin, 20, were found"
    constexpr int kReach = 16;
    for (int k = i + 1; k < s.end && k <= i + kReach; ++k) {
      if (OneOf(w.Lower(k), {".", ";", ":"})) return -1;
      if (IsBodyFoundVerb(w.Lower(k)) && w.IsVerb(k)) return IsPassive(s, k) ? k : -1;
    }
  }
  return -1;
}

// The dead of a death reported as a state (DeathStateVerb): the named object between
// the verb and "dead" ("left John Roe dead"), the subject of a passive verb ("John Roe
// was found dead") or of a fall ("Roe fell to his death"), or the owner of the body
// ("the body of John Roe", "Roe's body"). Whoever found or left them is no actor of the
// death.
void StateActors(const SentenceContext& s, int i, int verb, EventActors& actors) {
  const EventWords& w = s.words;
  if (SuicideVerb(w, s.first, s.end, i) == verb) {
    actors.patients = UndergoerOf(s, verb, actors);  // "Lo Presti hanged himself"
    return;
  }
  if (w.Is(i, "death") || w.Is(i, "deaths")) {
    actors.patients = SubjectEntities(s, verb);
    return;
  }
  if (w.Is(i, "dead")) {
    if (verb + 1 < i) {
      actors.patients = w.PhraseEntitiesFrom(verb + 1, i);
    } else if (w.Xpos(verb) == "VBN") {
      actors.patients = PassiveSubject(s, verb);
    }
    return;
  }
  if (w.Is(i + 1, "of")) {
    actors.patients = BodyOwners(w, s.entities, i + 2, verb);
  } else if (w.Is(i - 1, "'s") && i - 2 >= s.first && w.EntityAt(i - 2) >= 0) {
    actors.patients = {w.EntityAt(i - 2)};
  }
}

// The person named in apposition to an object that describes one, from token `object`:
// "shot a man, John Roe, 24", "killed his friend, 63-year-old Daniel Caron". Empty
// when the object is no person word or no PERSON follows its comma.
std::vector<int> AppositionObject(const SentenceContext& s, int object) {
  const EventWords& w = s.words;
  constexpr int kMaxPhrase = 8;
  int last = -1;
  for (int k = object; k < s.end && k - object < kMaxPhrase && w.InNounPhrase(k); ++k) last = k;
  if (last < 0 || !IsPersonWord(w.Lower(last)) || !w.Is(last + 1, ",")) return {};
  std::vector<int> named = w.PhraseEntitiesFrom(last + 2, s.end);
  if (named.size() != 1 || s.entities[named.front()].type != "PERSON") return {};
  return named;
}

// The person a "he" or "she" subject of the passive harm at token i stands for: "Jerry
// Ortiz had gone to the home when he was attacked", "Those who knew Benjamin Banky were
// in shock after he was gunned down". Empty when the pronoun has no antecedent.
std::vector<int> PronounPatients(const SentenceContext& s, int i) {
  int last = i - 1;
  while (last >= s.first && i - last <= kMaxSubjectGap && IsSubjectVerbGap(s.words, last)) --last;
  if (last < s.first || !OneOf(s.words.Lower(last), {"he", "she"})) return {};
  return s.antecedents->Resolve(last);
}

void VerbActors(const SentenceContext& s, int i, std::string_view type, EventActors& actors) {
  const EventWords& w = s.words;
  if (type != kStatement && IsPassiveLike(s, i)) {
    // The subject of a passive is what was done to ("Javon Wilson was shot and killed");
    // the agent, if named, follows "by".
    const bool shared = w.Is(i - 1, "and") || w.Is(i - 1, "or");
    actors.patients = PassiveSubject(s, shared && !IsPassive(s, i) ? i - 2 : i);
    actors.agents = PassiveAgents(s, i);
    if (actors.patients.empty() && !shared) actors.patients = PronounPatients(s, i);
    // "Kimani Gray, 16, who was shot dead"
    if (actors.patients.empty() && !shared) {
      actors.patients = PersonBeforeWho(w, s.entities, s.first, BeforeGap(s, i));
    }
    return;
  }
  if (IsUndergoVerb(w.Lower(i))) {
    actors.patients = UndergoerOf(s, i, actors);  // "Dakota Schriefer died Sunday"
    return;
  }
  // A participle after a comma shares the subject of its clause, which position does
  // not find: in "a bomb exploded at a bank in Woodburn, Oregon, killing two" Oregon
  // ends a place, not a subject.
  if (!(w.Xpos(i) == "VBG" && w.Is(i - 1, ","))) actors.agents = SubjectActors(s, i, actors);
  if (w.Xpos(i) == "VBN" && w.Is(i + 1, "by")) {
    actors.patients = std::move(actors.agents);
    actors.agents = w.PhraseEntitiesFrom(i + 2, s.end);
    return;
  }
  if (type == kCall || type == kMeet) {
    actors.partners = PartnerEntities(s, i);
    return;
  }
  if (type == kStatement) return;
  int object = i + 1;
  if (object < s.end && OneOf(w.Lower(object), {"out", "back", "off", "up", "down"})) ++object;
  if (object < s.end && IsPossessivePronoun(w.Lower(object))) ++object;  // "shot his wife Brenda"
  actors.patients = w.PhraseEntitiesFrom(object, s.end);
  if (actors.patients.empty()) actors.patients = AppositionObject(s, object);
}

// Whether the name ending at token k, before the crime noun at token i, owns it as its
// victim: a person's "shooting", "killing" or "murder" is done to them ("Kimani Gray's
// shooting", "Brooklyn Mother's Fatal Shooting"), unlike a country's "strikes".
bool IsSufferedBy(const SentenceContext& s, int k, int i) {
  const EventWords& w = s.words;
  // A name typed otherwise still names a person when it ends in a word for one
  // ("Brooklyn Mother").
  return w.Is(k + 1, "'s") &&
         (s.entities[w.EntityAt(k)].type == "PERSON" || IsPersonWord(w.Lower(k))) &&
         OneOf(w.Lower(i), {"shooting", "stabbing", "killing", "murder", "slaying"});
}

void NounActors(const SentenceContext& s, int i, std::string_view type, EventActors& actors) {
  const EventWords& w = s.words;
  const bool meeting = type == kCall || type == kMeet;
  const int start = w.PhraseStart(i, s.first);
  for (int k = start; k < i; ++k) {
    const int entity = w.EntityAt(k);
    if (entity < 0 || w.EntityAt(k + 1) == entity) continue;  // act on the mention's last token
    // "the Doha talks", "the Little Rock shooting"; a demonym ("Israeli strikes") names
    // who acted.
    const EntityMention& mention = s.entities[entity];
    const bool place_name =
        mention.type == "PLACE" && !w.Is(k + 1, "'s") &&
        (meeting || w.Xpos(k) == "NNP" || w.Xpos(k) == "NNPS" || mention.text == mention.name);
    if (place_name) {
      actors.place = entity;
    } else if (type == "OTHER") {
      // "the Waitrose fire", "Athens Bank Fire": what burned or broke, not who did it.
      continue;
    } else if (IsSufferedBy(s, k, i)) {
      actors.patients.push_back(entity);  // "Kimani Gray's shooting"
    } else {
      actors.agents.push_back(entity);  // "Netanyahu's refusal", "Israeli strikes"
    }
  }
  if (actors.agents.empty() && start - 1 >= s.first && w.IsVerb(start - 1) &&
      IsLightVerb(w.Lower(start - 1))) {
    actors.agents = SubjectActors(s, start - 1, actors);  // "Biden held a call"
  }
  // "its attack on", "their demands"; a meeting noun after a possessive points back to
  // an earlier meeting instead (IsAnaphoricMeeting).
  const int owner = IsPossessivePronoun(w.Lower(start)) ? start : start - 1;
  if (actors.agents.empty() && !meeting && owner >= s.first &&
      IsPossessivePronoun(w.Lower(owner))) {
    actors.agents = s.antecedents->Resolve(owner);
  }
  const int next = i + 1;
  if (next >= s.end) return;
  std::vector<int> after = w.PhraseEntitiesFrom(next + 1, s.end);
  if (w.Is(next, "between") || w.Is(next, "by")) {
    actors.agents.insert(actors.agents.end(), after.begin(), after.end());
  } else if (meeting && w.Is(next, "with")) {
    actors.partners = std::move(after);
  } else if (!meeting && type != kStatement && OneOf(w.Lower(next), {"of", "on", "against"})) {
    actors.patients = std::move(after);
  } else if (OneOf(w.Lower(next), {"death", "deaths"}) && w.Is(next + 1, "of")) {
    actors.patients = w.PhraseEntitiesFrom(next + 2, s.end);  // "the shooting death of X"
  }
}

// The entities of the first dependent of `head` with relation `label`; none when the
// sentence was not parsed.
std::vector<int> DependentEntities(const SentenceContext& s, int head, std::string_view label) {
  const int d = s.words.Dependent(head, label, s.first, s.end);
  return d < 0 ? std::vector<int>() : s.words.DependentEntities(d, s.first, s.end);
}

// The entities of an oblique or nominal dependent of `head` marked by one of `markers`
// ("spoke with Netanyahu", "talks between Egypt and Qatar").
std::vector<int> MarkedEntities(const SentenceContext& s, int head, std::string_view label,
                                std::initializer_list<std::string_view> markers) {
  for (int k = s.first; k < s.end; ++k) {
    if (!s.words.Parsed(k) || s.words.Head(k) != head || s.words.Label(k) != label) continue;
    if (OneOf(s.words.CaseOf(k, s.first, s.end), markers)) {
      return s.words.DependentEntities(k, s.first, s.end);
    }
  }
  return {};
}

// Whether a dash or colon lies between tokens a and b: what comes before it is a
// dateline or a heading ("SAINT AUBIN, Temsa (CPA) — Valdoria on Friday accepted").
bool DashBetween(const SentenceContext& s, int a, int b) {
  for (int k = std::min(a, b) + 1; k < std::max(a, b); ++k) {
    if (OneOf(s.words.Lower(k), {"\xE2\x80\x94", "\xE2\x80\x93", "--", ":"})) return true;
  }
  return false;
}

bool IsRelativePronoun(std::string_view lower_word) {
  return OneOf(lower_word, {"who", "which", "that"});
}

// A relative pronoun among the subjects of verb `verb`, or -1: it wins over a second
// subject the parser may give the verb ("The Red Cross, which visits ...").
int RelativePronounSubject(const SentenceContext& s, int verb) {
  for (int k = s.words.Dependent(verb, "nsubj", s.first, s.end); k >= 0;
       k = s.words.Dependent(verb, "nsubj", k + 1, s.end)) {
    if (IsRelativePronoun(s.words.Lower(k))) return k;
  }
  return -1;
}

// The agents of the subject of verb `verb` in the parse: its named nsubj, or the
// antecedent of a pronoun nsubj (recorded in `actors`). A relative pronoun stands for
// the noun its clause modifies ("Hamas, which rejected ..."); a verb coordinated with an
// earlier one, or taken by a planning word, shares its subject, found by position first
// ("Biden arrived in Cairo and met Sisi", "Israel is expected to release"), unless that
// word has an object, which is then the subject ("urged Hamas to release").
std::vector<int> ParsedSubject(const SentenceContext& s, int verb, EventActors& actors) {
  constexpr int kMaxHops = 3;
  const EventWords& w = s.words;
  int v = verb;
  for (int hop = 0; hop < kMaxHops; ++hop) {
    if (hop > 0) {
      std::vector<int> shared = SubjectActors(s, v, actors);
      if (!shared.empty()) return shared;
    }
    int subject = RelativePronounSubject(s, v);
    if (subject < 0) subject = w.Dependent(v, "nsubj", s.first, s.end);
    if (subject < 0 && hop > 0) subject = w.Dependent(v, "nsubj:pass", s.first, s.end);
    if (subject >= 0 && DashBetween(s, subject, v)) return {};
    if (subject >= 0 && IsRelativePronoun(w.Lower(subject))) {
      // A present tense describes what the noun habitually does ("the committee, which
      // visits detainees"), not an event.
      const int noun = w.Head(v);
      const bool past = w.Xpos(v) == "VBD" || w.Xpos(v) == "VBN";
      return w.Label(v) == "acl:relcl" && past && noun >= 0
                 ? w.DependentEntities(noun, s.first, s.end)
                 : std::vector<int>();
    }
    if (subject >= 0 && IsResolvablePronoun(w.Lower(subject))) {
      std::vector<int> resolved = s.antecedents->Resolve(subject);
      if (!resolved.empty()) actors.pronoun = subject;
      return resolved;
    }
    if (subject >= 0) return w.DependentEntities(subject, s.first, s.end);
    const std::string_view label = w.Label(v);
    v = w.Head(v);
    if ((label != "conj" && label != "xcomp") || v < 0) return {};
    if (label == "xcomp" && w.Dependent(v, "obj", s.first, s.end) >= 0) return {};
  }
  return {};
}

// Roles the position rules left empty, filled from the parse of the sentence (when it
// was parsed): the subject of a verb far from it ("Biden, who returned from Cairo on
// Monday, spoke with ..."), the patient of a passive, partners marked by "with", objects
// (not places, for meetings), and the owner and "of"/"between"/"with" phrases of a noun.
void ParsedActors(const SentenceContext& s, int i, std::string_view type, bool is_noun,
                  EventActors& actors) {
  const EventWords& w = s.words;
  if (!w.Parsed(i)) return;
  const bool meeting = type == kCall || type == kMeet;
  const auto fill = [](std::vector<int>& role, std::vector<int> found) {
    if (role.empty()) role = std::move(found);
  };
  if (is_noun) {
    fill(actors.agents, DependentEntities(s, i, "nmod:poss"));
    fill(actors.agents, MarkedEntities(s, i, "nmod", {"by", "between"}));
    if (meeting) {
      fill(actors.partners, MarkedEntities(s, i, "nmod", {"with"}));
    } else if (type != kStatement) {
      fill(actors.patients, MarkedEntities(s, i, "nmod", {"of", "on", "against"}));
    }
    return;
  }
  if (w.Dependent(i, "nsubj:pass", s.first, s.end) >= 0) {
    fill(actors.patients, DependentEntities(s, i, "nsubj:pass"));
    fill(actors.agents, DependentEntities(s, i, "obl:agent"));
    fill(actors.agents, MarkedEntities(s, i, "obl", {"by"}));
    return;
  }
  if (IsUndergoVerb(w.Lower(i))) {
    fill(actors.patients, ParsedSubject(s, i, actors));
    return;
  }
  if (type != kStatement && IsPassiveLike(s, i)) {
    // A participle sharing the passive subject of the verb it is coordinated with ("was
    // shot and killed"): that subject is its patient, never its agent.
    if (actors.patients.empty() && w.Label(i) == "conj" && w.Head(i) >= 0) {
      fill(actors.patients, DependentEntities(s, w.Head(i), "nsubj:pass"));
    }
    fill(actors.agents, DependentEntities(s, i, "obl:agent"));
    fill(actors.agents, MarkedEntities(s, i, "obl", {"by"}));
    return;
  }
  fill(actors.agents, ParsedSubject(s, i, actors));
  if (meeting) {
    // The object of "visit" may be where the meeting is, not who is met.
    std::vector<int> objects = DependentEntities(s, i, "obj");
    std::erase_if(objects, [&](int e) { return s.entities[e].type == "PLACE"; });
    fill(actors.partners, MarkedEntities(s, i, "obl", {"with"}));
    fill(actors.partners, std::move(objects));
  } else if (type != kStatement) {
    fill(actors.patients, DependentEntities(s, i, "obj"));
  }
}

// For CALL and MEET every agent after the first is a partner ("Biden and Netanyahu
// met"); an entity keeps only its first role.
void NormalizeActors(std::string_view type, EventActors& actors) {
  if ((type == kCall || type == kMeet) && actors.agents.size() > 1) {
    actors.partners.insert(actors.partners.begin(), actors.agents.begin() + 1, actors.agents.end());
    actors.agents.resize(1);
  }
  std::vector<int> seen;
  for (std::vector<int>* role : {&actors.agents, &actors.partners, &actors.patients}) {
    std::erase_if(*role, [&](int e) {
      if (std::find(seen.begin(), seen.end(), e) != seen.end()) return true;
      seen.push_back(e);
      return false;
    });
  }
}

uint32_t Distance(Span a, Span b) {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

Span SentenceSpan(const SentenceContext& s) {
  return {s.tokens.tokens[s.first].start, s.tokens.tokens[s.end - 1].end};
}

bool Contains(const std::optional<Span>& outer, Span inner) {
  return outer && outer->start <= inner.start && inner.end <= outer->end;
}

// Whether token k lies in a relative clause that does not hold the trigger: "Qatar,
// which hosts Hamas' headquarters in Doha, declared ..." does not place the declaration
// in Doha. False when the sentence was not parsed.
bool InOtherRelativeClause(const SentenceContext& s, int k, int trigger) {
  const EventWords& w = s.words;
  if (!w.Parsed(k)) return false;
  const int limit = s.end - s.first;  // a tree has no longer path; guards against cycles
  for (int a = k, steps = 0; a >= 0 && steps < limit; a = w.Head(a), ++steps) {
    if (a == trigger) return false;
    if (w.Label(a) != "acl:relcl") continue;
    for (int t = trigger, up = 0; t >= 0 && up < limit; t = w.Head(t), ++up) {
      if (t == a) return false;
    }
    return true;
  }
  return false;
}

// The resolved DATE or TIME of the sentence nearest the trigger at token i, among those
// attached to it (event_attachment.h) and outside what a statement reports (`content`).
std::optional<std::string> NearestTime(const SentenceContext& s, int i,
                                       const std::optional<Span>& content) {
  const Span sentence = SentenceSpan(s);
  const Span trigger = {s.tokens.tokens[i].start, s.tokens.tokens[i].end};
  const TimeExpression* best = nullptr;
  for (const TimeExpression& time : s.times_around) {
    if (!time.value || (time.kind != "DATE" && time.kind != "TIME")) continue;
    if (time.span.start < sentence.start || time.span.end > sentence.end) continue;
    const int first_token = TokenAt(s, time.span.start);
    if (Contains(content, time.span) || s.attachment->OwnerOf(first_token) != i ||
        InOtherRelativeClause(s, first_token, i)) {
      continue;
    }
    if (best == nullptr || Distance(time.span, trigger) < Distance(best->span, trigger)) {
      best = &time;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->value;
}

// The PLACE after "in"/"at" in the sentence nearest the trigger, among those attached to
// it and outside a statement's `content`, not one of its actors.
std::optional<int> NearestPlace(const SentenceContext& s, int trigger, const EventActors& actors,
                                const std::optional<Span>& content) {
  std::optional<int> best;
  int best_distance = 0;
  for (int k = s.first; k + 1 < s.end; ++k) {
    if (!s.words.Is(k, "in") && !s.words.Is(k, "at")) continue;
    if (s.attachment->OwnerOf(k) != trigger || InOtherRelativeClause(s, k, trigger)) continue;
    for (int entity : s.words.PhraseEntitiesFrom(k + 1, s.end)) {
      if (s.entities[entity].type != "PLACE" || Contains(content, s.entities[entity].span)) {
        continue;
      }
      for (const std::vector<int>* role : {&actors.agents, &actors.partners, &actors.patients}) {
        if (std::find(role->begin(), role->end(), entity) != role->end()) entity = -1;
      }
      if (entity < 0) continue;
      const int distance = std::abs(k - trigger);
      if (!best || distance < best_distance) best = entity, best_distance = distance;
    }
  }
  return best;
}

// What a STATEMENT verb reports; nullopt for other events and for nouns.
std::optional<Span> ContentOf(const SentenceContext& s, int i, std::string_view type, bool is_noun,
                              const EventActors& actors) {
  if (type != kStatement || is_noun) return std::nullopt;
  int subject = actors.pronoun;
  if (subject < 0 && !actors.agents.empty()) {
    subject = TokenAt(s, s.entities[actors.agents.front()].span.start);
  }
  return StatementContent(s.words, s.tokens, s.first, s.end, i, subject);
}

Event MakeEvent(const SentenceContext& s, int i, std::string_view type, const EventActors& actors,
                std::optional<Span> content) {
  Event event;
  event.span = {s.tokens.tokens[i].start, s.tokens.tokens[i].end};
  event.type = std::string(type);
  event.trigger = std::string(s.text.substr(event.span.start, event.span.end - event.span.start));
  const auto add = [&](const std::vector<int>& role, std::string_view name) {
    for (int e : role) event.actors.push_back({std::string(name), s.entities[e].entity});
  };
  add(actors.agents, "agent");
  add(actors.partners, "partner");
  add(actors.patients, "patient");
  event.time = NearestTime(s, i, content);
  std::optional<int> place = actors.place ? actors.place : NearestPlace(s, i, actors, content);
  if (place) event.place = s.entities[*place].entity;
  event.content = content;
  return event;
}

// Whether an event of the same type was just found a few words before: "delivery of
// humanitarian aid" is one AID event. A harm is one with the harm before it in the same
// clause: "An Israeli strike on the convoy wounded three aid workers", "were killed in a
// helicopter crash".
bool RepeatsPrevious(const SentenceContext& s, const std::vector<Event>& events, int i,
                     std::string_view type) {
  constexpr int kNearTokens = 3;
  if (events.empty() || events.back().type != type) return false;
  const int from = std::max(s.first, i - kNearTokens);
  if (events.back().span.start >= s.tokens.tokens[from].start) return true;
  if (type != "ATTACK" && type != "OTHER") return false;
  const int previous = TokenAt(s, events.back().span.start);
  if (previous < s.first) return false;
  // "opened fire, killing one man": the participle goes on with the harm.
  const bool participle = s.words.Xpos(i) == "VBG" && s.words.Is(i - 1, ",");
  for (int k = previous + 1; k < i; ++k) {
    if (participle && k == i - 1) continue;
    if (OneOf(s.words.Lower(k), {",", ";", ":", ".", "\xE2\x80\x94", "--", "(", "after", "before",
                                 "when", "while", "then"})) {
      return false;
    }
  }
  return true;
}

// Whether the death state reported by verb `verb` is what the harm just found left: "An
// accidental shooting left a boy dead", "a crash that left two dead" report one
// happening. The harm must stand in the sentence before the verb, in the same clause.
bool LeftByPrevious(const SentenceContext& s, const std::vector<Event>& events, int verb) {
  if (events.empty() || !OneOf(s.words.Lower(verb), {"left", "leaves", "leaving", "leave"})) {
    return false;
  }
  const Event& harm = events.back();
  if (harm.type != "ATTACK" && harm.type != "OTHER") return false;
  const int previous = TokenAt(s, harm.span.start);
  if (previous < s.first || previous >= verb) return false;
  for (int k = previous + 1; k < verb; ++k) {
    if (OneOf(s.words.Lower(k), {",", ";", ":", "."})) return false;
  }
  return true;
}

// Whether a modal of possibility stands among the auxiliaries of token i: "may have
// been murdered", "could have killed".
bool IsHedged(const SentenceContext& s, int i) {
  for (int k = i - 1; k >= s.first && IsSubjectVerbGap(s.words, k); --k) {
    if (OneOf(s.words.Lower(k), {"may", "might", "could", "should", "must", "would"})) return true;
  }
  return false;
}

// Whether the harm noun at token i introduces a happening: a disaster or a crime
// ("shooting", "murder"; not "attack" or "strike", which games and metaphors use too)
// after "a"/"an" ("an accidental shooting left a boy dead", "a fire broke out"), not
// "the shooting", which points back, nor "shootings", which may be any.
bool IntroducesHarm(const SentenceContext& s, int i, std::string_view type) {
  const int start = s.words.PhraseStart(i, s.first);
  // Headlines leave the article out ("Waitrose fire in Wellington tackled", "Earthquake
  // Levels Villages"): a disaster there is news, unless "the" points back; "crash" is
  // the markets' as often as the roads'.
  if (type == "OTHER" && s.words.InHeadline(i) && !s.words.Is(start, "the") &&
      !s.words.Is(i, "crash") && s.words.EntityAt(i) < 0) {
    return true;
  }
  // "The shooting of a 15-year-old boy by police unleashed ...": a victim told as new.
  if (NamesNewVictim(s.words, s.entities, s.end, i)) return true;
  if (start >= i || (!s.words.Is(start, "a") && !s.words.Is(start, "an"))) return false;
  return type == "OTHER" || OneOf(s.words.Lower(i), {"shooting", "stabbing", "murder", "homicide",
                                                     "slaying", "massacre"});
}

// Whether the verb at token i reports what happened: a past tense or participle (also
// a past form the tagger took for a noun: "accessed guns and shot/NN themselves"), or a
// present in a headline, which tells the news in the present ("Second climber dies", "Three
// die in fire").
bool ReportedAsDone(const EventWords& w, int i) {
  const bool past_form = IsUnambiguousVerbForm(w.Lower(i)) && !w.Lower(i).ends_with("s");
  return w.Xpos(i) == "VBD" || w.Xpos(i) == "VBN" || (past_form && w.IsNoun(i)) ||
         (w.InHeadline(i) && (w.Xpos(i) == "VBZ" || w.Xpos(i) == "VBP"));
}

// Whether the harm at token i is one someone is charged with or accused of: a gerund
// ("accused of gunning down Deputy Ortiz", "charged with shooting", "admitted killing") or
// a noun ("charged with the murders of", "arrested in the stabbing of X"). A charge tells
// that the harm was done, not who did it: the accused is no agent of it.
bool IsChargedHarm(const SentenceContext& s, int i, bool is_noun) {
  const EventWords& w = s.words;
  const int start = is_noun ? w.PhraseStart(i, s.first) : i;
  if (!is_noun && !w.Lower(i).ends_with("ing")) return false;
  if (start - 2 < s.first) return false;
  // A bare noun names the crime charged ("guilty of second-degree murder", "counts of
  // vehicular homicide"), not an act: "the murders of", "a stabbing" point to one.
  if (is_noun &&
      (start == i || !OneOf(w.Lower(start), {"the", "a", "an", "his", "her", "their"}))) {
    return false;
  }
  if (!is_noun && OneOf(w.Lower(i - 1), {"admitted", "admits", "confessed", "denied", "denies"})) {
    return true;
  }
  if (!OneOf(w.Lower(start - 1), {"of", "with", "for", "to", "in"})) return false;
  return OneOf(
      w.Lower(start - 2),
      {"accused", "charged", "convicted", "suspected", "guilty", "indicted", "arrested", "jailed",
       "sentenced", "confessed", "admitted", "charges", "suspicion", "count", "counts", "suspect"});
}

// Whether the participle at token i continues a clause told in the past after a comma:
// "opened fire on Friday, killing one man", "A bomb exploded, killing two".
bool ContinuesPastClause(const SentenceContext& s, int i) {
  const EventWords& w = s.words;
  if (w.Xpos(i) != "VBG" || !w.Is(i - 1, ",")) return false;
  for (int k = s.first; k < i - 1; ++k) {
    if (w.Xpos(k) == "VBD" || (w.InHeadline(k) && w.Xpos(k) == "VBZ")) return true;
  }
  return false;
}

// Whether the disaster noun at token i is what a passive verb reports as the cause of
// the harm: "was devastated by fire", "destroyed by a blaze" (the fire did it, though
// "by fire" names no fire of its own).
bool CausedPassive(const SentenceContext& s, int i, std::string_view type) {
  if (type != "OTHER") return false;
  const int by = s.words.PhraseStart(i, s.first) - 1;
  return by - 1 >= s.first && s.words.Is(by, "by") && IsPassive(s, by - 1);
}

// Whether the disaster noun at token i is the subject of a verb that tells what it did:
// "the fire broke out", "the blaze has destroyed the store", "the quake struck".
bool DisasterActs(const SentenceContext& s, int i, std::string_view type) {
  const EventWords& w = s.words;
  if (type != "OTHER" || i + 1 >= s.end) return false;
  // "The quake was centred near ..." says where it was, not that it happened.
  if (w.Xpos(i + 1) == "VBD")
    return w.Upos(i + 1) != "AUX" && !OneOf(w.Lower(i + 1), {"was", "were"});
  return OneOf(w.Lower(i + 1), {"has", "had"}) && i + 2 < s.end && w.Xpos(i + 2) == "VBN";
}

// Folds a trigger that repeats the event just found ("was shot and killed", "delivery
// of humanitarian aid") into it: the time, place and actors attached to the second word
// are the event's too.
void MergeRepeated(const Event& repeated, Event& event) {
  for (const EventActor& actor : repeated.actors) {
    const bool known = std::any_of(event.actors.begin(), event.actors.end(),
                                   [&](const EventActor& a) { return a.entity == actor.entity; });
    if (!known) event.actors.push_back(actor);
  }
  if (!event.time) event.time = repeated.time;
  if (!event.place) event.place = repeated.place;
}

// Whether the verb at token i is done to its own subject: "shot himself", "Shot Self".
bool IsReflexiveObject(const SentenceContext& s, int i) {
  return i + 1 < s.end && IsReflexive(s.words.Lower(i + 1));
}

// Events that say too little to be placed in a story: any event with neither actor,
// time nor place ("the upcoming call"), an event noun other than an attack or disaster
// with only a place ("rejected the offer in Doha"), and a statement by no one named ("a
// source said"). A harm reported as done (`done`: a past verb of harm done to someone,
// a disaster, or a crime noun after "a"/"an"; neither planned nor denied) is never too
// vague.
bool IsTooVague(const Event& event, bool is_noun, bool done) {
  if (event.type == kStatement) return event.actors.empty();
  // A place is enough for a harm done at one ("the Little Rock shooting", "the quake in
  // Iran"), not for an act of words ("rejected the offer in Doha").
  const bool harm = event.type == "ATTACK" || event.type == "OTHER";
  if (is_noun && !harm) return event.actors.empty() && !event.time;
  // Crime news often names no one and no day ("A 3-year-old girl was shot and killed
  // while riding in a car"): the harm done is still the article's happening.
  if (harm && done) return false;
  return event.actors.empty() && !event.time && !event.place;
}

// A CALL or MEET noun that points back to one already reported ("the call", "their
// upcoming call", "the talks") with no name of its own in the phrase.
bool IsAnaphoricMeeting(const SentenceContext& s, int i, std::string_view type) {
  if (type != kCall && type != kMeet) return false;
  const int start = s.words.PhraseStart(i, s.first);
  for (int k = start; k < i; ++k) {
    if (s.words.EntityAt(k) >= 0) return false;
  }
  return OneOf(s.words.Lower(start), {"the", "their", "this", "that", "its", "his", "her"});
}

// Events as they were before a sentence changed them, by index: what undoes the
// sentence's changes to earlier events without a copy of all of them.
using ChangedEvents = std::vector<std::pair<size_t, Event>>;

// Folds an anaphoric CALL/MEET into the latest earlier one of its type with actors:
// its actors join as partners ("Harris also joined the call") and its time fills a
// missing one; `changed` keeps that event as it was. False when there is no such event
// to fold into.
bool FoldIntoAntecedent(const Event& anaphor, std::vector<Event>& events, ChangedEvents& changed) {
  const auto antecedent = std::find_if(events.rbegin(), events.rend(), [&](const Event& e) {
    return e.type == anaphor.type && !e.actors.empty() && !e.negated;
  });
  if (antecedent == events.rend()) return false;
  changed.emplace_back(size_t(events.rend() - antecedent) - 1, *antecedent);
  for (const EventActor& actor : anaphor.actors) {
    const bool known = std::any_of(antecedent->actors.begin(), antecedent->actors.end(),
                                   [&](const EventActor& a) { return a.entity == actor.entity; });
    if (!known) antecedent->actors.push_back({"partner", actor.entity});
  }
  if (!antecedent->time) antecedent->time = anaphor.time;
  return true;
}

// A statement by the same speakers as one already found in this sentence: "Hamas said
// the proposal ..., Hamas said in a statement" is one statement.
bool RepeatsStatement(const std::vector<Event>& events, size_t sentence_events,
                      const Event& event) {
  if (event.type != kStatement) return false;
  return std::any_of(events.begin() + sentence_events, events.end(), [&](const Event& e) {
    if (e.type != kStatement || e.negated != event.negated) return false;
    if (e.actors.size() != event.actors.size()) return false;
    return std::equal(
        e.actors.begin(), e.actors.end(), event.actors.begin(),
        [](const EventActor& a, const EventActor& b) { return a.entity == b.entity; });
  });
}

// A trigger word of the sentence: a lexicon word read as an event, outside quotations.
struct Trigger {
  int token = 0;
  std::string_view type;
  bool is_noun = false;
  int state_verb = -1;  // for a death reported as a state, the verb that reports it
};

std::vector<Trigger> SentenceTriggers(const SentenceContext& s) {
  std::vector<Trigger> triggers;
  for (int i = s.first; i < s.end; ++i) {
    if (InQuote(s, i)) continue;
    if (const int verb = DeathStateVerb(s, i); verb >= 0) {
      triggers.push_back({i, "OTHER", false, verb});
      continue;
    }
    // "may have committed suicide" is a suspicion, not a death reported.
    if (const int verb = SuicideVerb(s.words, s.first, s.end, i); verb >= 0) {
      if (!IsHedged(s, verb)) triggers.push_back({i, "OTHER", false, verb});
      continue;
    }
    if (NamesTheDead(s.words, s.entities, s.first, s.end, i)) {
      triggers.push_back({i, "OTHER", true});
      continue;
    }
    // "a hit and run that killed", not "the hit and run driver".
    if (const int length = HitAndRunLength(s, i);
        length > 0 && !OneOf(s.words.Lower(i + length), {"driver", "drivers", "suspect"})) {
      triggers.push_back({i, "OTHER", true});
      i += length - 1;
      continue;
    }
    bool is_noun = false;
    std::optional<std::string_view> type = ResolveTrigger(s, i, is_noun);
    if (!type) continue;
    if (*type == "ATTACK" && !is_noun && ByDisaster(s, i)) type = "OTHER";
    triggers.push_back({i, *type, is_noun});
  }
  return triggers;
}

// Adds the sentence's events for `triggers`; returns the triggers dropped as too vague.
std::vector<int> AddSentenceEvents(SentenceContext& s, const std::vector<Trigger>& triggers,
                                   std::vector<Event>& events, ChangedEvents& changed) {
  std::vector<int> trigger_tokens;
  trigger_tokens.reserve(triggers.size());
  for (const Trigger& t : triggers) trigger_tokens.push_back(t.token);
  const TriggerAttachment attachment(s.words, s.first, s.end, std::move(trigger_tokens));
  s.attachment = &attachment;
  const size_t sentence_events = events.size();
  std::vector<int> vague;
  for (const auto& [i, type, is_noun, state_verb] : triggers) {
    if (type == kStatement && s.has_full_quote) continue;
    if (!is_noun && state_verb < 0 && IsUnrealizedInfinitive(s, i)) continue;
    const bool repeats = state_verb >= 0 ? LeftByPrevious(s, events, state_verb)
                                         : RepeatsPrevious(s, events, i, type);
    EventActors actors;
    if (state_verb >= 0) {
      StateActors(s, i, state_verb, actors);
    } else if (is_noun) {
      NounActors(s, i, type, actors);
    } else {
      VerbActors(s, i, type, actors);
    }
    if (state_verb < 0) ParsedActors(s, i, type, is_noun, actors);
    const bool charged = type == "ATTACK" && state_verb < 0 && IsChargedHarm(s, i, is_noun);
    if (charged) actors.agents.clear();
    if (!is_noun && IsReflexiveObject(s, i)) {
      // "Jerry Barnes shot himself": the shooter is who was shot.
      actors.patients.insert(actors.patients.begin(), actors.agents.begin(), actors.agents.end());
      actors.agents.clear();
    }
    if (!is_noun && (IsUndergoVerb(s.words.Lower(i)) ||
                     (state_verb >= 0 && SuicideVerb(s.words, s.first, s.end, i) == state_verb))) {
      // Only people die: not the place of "A girl in Detroit dies", nor the group of "A
      // Mafia leader committed suicide".
      std::erase_if(actors.patients, [&](int e) { return s.entities[e].type != "PERSON"; });
    }
    // "A gunman in Greece killed three people": the place is where, not who. (The type is
    // copied because a lambda may not capture a structured binding before C++23 in clang.)
    const std::string_view event_type = type;
    for (const bool as_agent : {true, false}) {
      std::erase_if(as_agent ? actors.agents : actors.patients, [&](int e) {
        return IsWhereNotWho(s.words, s.entities, s.first, e, TokenAt(s, s.entities[e].span.start),
                             event_type, as_agent);
      });
    }
    NormalizeActors(type, actors);
    Event event = MakeEvent(s, i, type, actors, ContentOf(s, i, type, is_noun, actors));
    if (repeats) {
      MergeRepeated(event, events.back());
      continue;
    }
    // A state is planned, denied or hedged by the verb that reports it.
    const int verb = state_verb >= 0 ? state_verb : i;
    event.planned = IsPlanned(s, verb, is_noun);
    event.negated = IsNegated(s, verb, is_noun);
    // "global demand", "demand for oil": the market's, unless someone makes it.
    if (is_noun && type == "DEMAND" && s.words.Is(i, "demand") && actors.agents.empty()) continue;
    if (is_noun && !event.negated && IsAnaphoricMeeting(s, i, type) &&
        FoldIntoAntecedent(event, events, changed)) {
      continue;
    }
    const bool done =
        !event.planned && !event.negated && !IsHedged(s, verb) &&
        (is_noun ? IntroducesHarm(s, i, type) || CausedPassive(s, i, type) ||
                       DisasterActs(s, i, type) || charged
                 : (ReportedAsDone(s.words, verb) || IsFallVerb(s.words.Lower(verb)) ||
                    ContinuesPastClause(s, verb) || charged) &&
                       (type == "OTHER" || HitsPerson(s, i)));
    if (IsTooVague(event, is_noun, done)) {
      vague.push_back(i);
      continue;
    }
    if (!RepeatsStatement(events, sentence_events, event)) events.push_back(std::move(event));
  }
  s.attachment = nullptr;
  return vague;
}

// Times and places attach to triggers (event_attachment.h); a trigger too vague to be
// an event must not hold them ("rejected the offer in Doha": Doha is nearer "offer",
// which names no event of its own), so the sentence is read again without it.
void FindSentenceEvents(SentenceContext& s, std::vector<Event>& events) {
  std::vector<Trigger> triggers = SentenceTriggers(s);
  if (triggers.empty()) return;
  const size_t before = events.size();
  ChangedEvents changed;
  for (;;) {
    const std::vector<int> vague = AddSentenceEvents(s, triggers, events, changed);
    if (vague.empty()) return;
    std::erase_if(triggers, [&](const Trigger& t) {
      return std::find(vague.begin(), vague.end(), t.token) != vague.end();
    });
    // Back to the events as they were before the sentence, latest change undone first.
    for (auto it = changed.rbegin(); it != changed.rend(); ++it) {
      if (it->first < before) events[it->first] = std::move(it->second);
    }
    changed.clear();
    events.erase(events.begin() + long(before), events.end());
  }
}

// The dated statements of the sentences read so far, by the first letters of their
// trigger, so that a noun pointing back to one finds it without a scan of every earlier
// event. A statement's trigger, type and date no longer change once its sentence is
// read.
class DatedStatements {
 public:
  static constexpr size_t kStem = 5;

  // Adds the dated statements among events[from...].
  void Add(const std::vector<Event>& events, size_t from) {
    for (size_t e = from; e < events.size(); ++e) {
      const Event& event = events[e];
      if (event.type != kStatement || !event.time) continue;
      std::string lower = AsciiLower(event.trigger);
      if (lower.size() < kStem) continue;
      latest_[lower.substr(0, kStem)][std::move(lower)] = e;
    }
  }

  // The latest statement whose trigger shares `noun`'s first letters without being
  // `noun` ("announced" for "announcement"); nullopt when none does.
  std::optional<size_t> Referred(std::string_view noun) const {
    const auto stem = latest_.find(std::string(noun.substr(0, kStem)));
    if (stem == latest_.end()) return std::nullopt;
    std::optional<size_t> latest;
    for (const auto& [trigger, e] : stem->second) {
      if (trigger != noun && (!latest || e > *latest)) latest = e;
    }
    return latest;
  }

 private:
  // By stem, by lower-case trigger, the index of the latest such statement.
  std::unordered_map<std::string, std::unordered_map<std::string, size_t>> latest_;
};

// The dated statement a noun of the sentence points back to: "The announcement was made
// after ..." refers to "The White House announced on Thursday ...". The noun follows
// "the"/"this"/"that" and names the act of the statement's verb (the same first five
// letters: "announced"/"announcement", "stated"/"statement"); nullptr when none does.
const Event* ReferredStatement(const SentenceContext& s, const std::vector<Event>& events,
                               const DatedStatements& earlier) {
  for (int k = s.first + 1; k < s.end; ++k) {
    const std::string_view noun = s.words.Lower(k);
    if (noun.size() <= DatedStatements::kStem || !s.words.IsNoun(k) ||
        !OneOf(s.words.Lower(k - 1), {"the", "this", "that"})) {
      continue;
    }
    if (const std::optional<size_t> e = earlier.Referred(noun)) return &events[*e];
  }
  return nullptr;
}

// Undated events of a sentence that points back to a dated statement take its date:
// "The announcement was made after President Biden held a phone call" dates the call.
void DateFromReferredStatement(const SentenceContext& s, std::vector<Event>& events,
                               size_t sentence_events, const DatedStatements& earlier) {
  if (sentence_events == events.size()) return;
  const Event* statement = ReferredStatement(s, events, earlier);
  if (statement == nullptr) return;
  const std::string time = *statement->time;
  for (size_t e = sentence_events; e < events.size(); ++e) {
    if (!events[e].time) events[e].time = time;
  }
}

// Quakes, storms, floods: disasters nobody sets off.
bool IsNaturalDisasterWord(std::string_view lower_word) {
  return OneOf(lower_word,
               {"earthquake", "earthquakes", "quake", "quakes", "tremor", "temblor", "storm",
                "tornado", "hurricane", "typhoon", "cyclone", "flood", "floods", "flooding",
                "tsunami", "avalanche", "landslide", "mudslide", "eruption"});
}

// Words that name an attacker or a weapon: a harm near them is somebody's doing.
bool IsAttackerWord(std::string_view lower_word) {
  return OneOf(lower_word, {"gunman",   "gunmen",  "shooter",  "attacker", "attackers", "killer",
                            "suspect",  "gun",     "guns",     "gunfire",  "shot",      "shooting",
                            "knife",    "stabbed", "bomb",     "bombs",    "militants", "troops",
                            "soldiers", "murder",  "murdered", "police"});
}

// Whether the events of the sentence from `sentence_events` on follow a natural
// disaster: the article's latest harm before them (`latest_harm`) is a quake, storm or
// flood.
bool FollowsNaturalDisaster(const std::vector<Event>& events, int latest_harm) {
  if (latest_harm < 0) return false;
  const Event& harm = events[static_cast<size_t>(latest_harm)];
  return harm.type == "OTHER" && IsNaturalDisasterWord(AsciiLower(harm.trigger));
}

// Retypes as the disaster's (OTHER) the harm verbs of a sentence that goes on with a
// natural disaster just reported: "Earthquake Levels Villages on Iranian Island. Ten
// people are killed and about 50 hurt." The dead of a quake are its patients, not an
// attacker's; a harm with an agent, or in a sentence that names an attacker or a weapon,
// stays an attack.
void CreditNaturalDisaster(const SentenceContext& s, std::vector<Event>& events,
                           size_t sentence_events) {
  for (int k = s.first; k < s.end; ++k) {
    if (IsAttackerWord(s.words.Lower(k))) return;
  }
  for (size_t e = sentence_events; e < events.size(); ++e) {
    Event& event = events[e];
    const bool agent = std::any_of(event.actors.begin(), event.actors.end(),
                                   [](const EventActor& a) { return a.role == "agent"; });
    const std::optional<EventTriggerWord> verb =
        LookupEventTrigger(AsciiLower(event.trigger), TriggerWordClass::kVerb);
    if (event.type == "ATTACK" && !agent && verb && verb->type == "ATTACK") event.type = "OTHER";
  }
}

bool HasFullQuote(std::span<const Quote> quotes, Span sentence) {
  return std::any_of(quotes.begin(), quotes.end(), [&](const Quote& q) {
    return !q.partial && q.span.start < sentence.end && sentence.start < q.span.end;
  });
}

}  // namespace

std::vector<Event> FindEvents(std::string_view text, const TokenizedText& tokens,
                              std::span<const PosTag> tags, std::span<const Dependency> deps,
                              std::span<const EntityMention> entities,
                              std::span<const TimeExpression> times,
                              std::span<const Quote> quotes) {
  std::vector<Event> events;
  const EventWords words(text, tokens, tags, entities, times, deps);
  const PronounAntecedents antecedents(text, tokens, words, entities, quotes);
  const SpanIndex<TimeExpression> time_index(times);
  const SpanIndex<Quote> quote_index(quotes);
  DatedStatements dated_statements;
  const int token_count = words.size();
  // The article's latest harm (ATTACK or OTHER) and the sentence it was reported in.
  int latest_harm = -1;
  int latest_harm_sentence = -1;
  SentenceBounds latest_harm_bounds;
  constexpr int kDisasterSentences = 2;  // how far a disaster's dead are reported after it
  int latest_bomb_sentence = -1 - kBombSentences;  // the latest sentence that names a bomb
  for (int index = 0; index < static_cast<int>(tokens.sentences.size()); ++index) {
    const Sentence& sentence = tokens.sentences[static_cast<size_t>(index)];
    const int first = static_cast<int>(sentence.first_token);
    const int end = static_cast<int>(sentence.end_token);
    if (first < 0 || end > token_count || first >= end) continue;
    if (tokens.tokens[end - 1].end > text.size() || words.InWebAddress(first)) continue;
    const Span span = {tokens.tokens[first].start, tokens.tokens[end - 1].end};
    SentenceContext context{
        text,  tokens, words, entities, time_index.Around(span), quote_index.Around(span),
        first, end};
    context.antecedents = &antecedents;
    context.has_full_quote = HasFullQuote(context.quotes_around, span);
    const size_t sentence_events = events.size();
    FindSentenceEvents(context, events);
    if (index - latest_harm_sentence <= kDisasterSentences &&
        FollowsNaturalDisaster(events, latest_harm)) {
      CreditNaturalDisaster(context, events, sentence_events);
    }
    CreditBombBlasts(words, tokens, first, end, index - latest_bomb_sentence <= kBombSentences,
                     events, sentence_events);
    if (latest_harm >= 0 && index == latest_harm_sentence + 1) {
      NameNextSentenceVictim(
          words, tokens, entities, latest_harm_bounds, {first, end},
          std::span<const Event>(events.data() + sentence_events, events.size() - sentence_events),
          events[static_cast<size_t>(latest_harm)]);
    }
    if (NamesBomb(words, first, end)) latest_bomb_sentence = index;
    for (size_t e = sentence_events; e < events.size(); ++e) {
      if (events[e].type == "ATTACK" || events[e].type == "OTHER") {
        latest_harm = static_cast<int>(e);
        latest_harm_sentence = index;
        latest_harm_bounds = {first, end};
      }
    }
    NameIdentifiedVictim(words, tokens, entities, context.quotes_around, {first, end}, events,
                         sentence_events);
    DateFromReferredStatement(context, events, sentence_events, dated_statements);
    dated_statements.Add(events, sentence_events);
  }
  return events;
}

}  // namespace storyline
