#include "extract/events/event_lexicon.h"

#include <string>
#include <unordered_map>

namespace storyline {
namespace {

struct LexiconEntry {
  std::string_view word;
  std::string_view type;
  TriggerCue cue;
};

constexpr LexiconEntry kVerbs[] = {
    {"called", "CALL", TriggerCue::kCallVerb},
    {"call", "CALL", TriggerCue::kCallVerb},
    {"calls", "CALL", TriggerCue::kCallVerb},
    {"calling", "CALL", TriggerCue::kCallVerb},
    {"phoned", "CALL", TriggerCue::kNone},
    {"spoke", "CALL", TriggerCue::kSpeakVerb},
    {"speak", "CALL", TriggerCue::kSpeakVerb},
    {"speaks", "CALL", TriggerCue::kSpeakVerb},
    {"speaking", "CALL", TriggerCue::kSpeakVerb},
    {"spoken", "CALL", TriggerCue::kSpeakVerb},
    {"talked", "CALL", TriggerCue::kSpeakVerb},
    {"talk", "CALL", TriggerCue::kSpeakVerb},
    {"met", "MEET", TriggerCue::kMeetVerb},
    {"meet", "MEET", TriggerCue::kMeetVerb},
    {"meets", "MEET", TriggerCue::kMeetVerb},
    {"meeting", "MEET", TriggerCue::kMeetVerb},
    {"visited", "MEET", TriggerCue::kNone},
    {"visit", "MEET", TriggerCue::kNone},
    {"visits", "MEET", TriggerCue::kNone},
    {"visiting", "MEET", TriggerCue::kNone},
    {"said", "STATEMENT", TriggerCue::kNone},
    {"says", "STATEMENT", TriggerCue::kNone},
    {"announced", "STATEMENT", TriggerCue::kNone},
    {"announces", "STATEMENT", TriggerCue::kNone},
    {"say", "STATEMENT", TriggerCue::kNone},
    {"told", "STATEMENT", TriggerCue::kNone},
    {"tells", "STATEMENT", TriggerCue::kNone},
    {"stated", "STATEMENT", TriggerCue::kNone},
    {"declared", "STATEMENT", TriggerCue::kNone},
    {"confirmed", "STATEMENT", TriggerCue::kNone},
    {"proposed", "PROPOSE", TriggerCue::kNone},
    {"propose", "PROPOSE", TriggerCue::kNone},
    {"proposes", "PROPOSE", TriggerCue::kNone},
    {"offered", "PROPOSE", TriggerCue::kNone},
    {"offers", "PROPOSE", TriggerCue::kNone},
    {"demanded", "DEMAND", TriggerCue::kNone},
    {"demand", "DEMAND", TriggerCue::kNone},
    {"demands", "DEMAND", TriggerCue::kNone},
    {"demanding", "DEMAND", TriggerCue::kNone},
    {"urged", "DEMAND", TriggerCue::kNone},
    {"urges", "DEMAND", TriggerCue::kNone},
    {"accepted", "ACCEPT", TriggerCue::kNone},
    {"accept", "ACCEPT", TriggerCue::kNone},
    {"accepts", "ACCEPT", TriggerCue::kNone},
    {"agreed", "ACCEPT", TriggerCue::kNone},
    {"agrees", "ACCEPT", TriggerCue::kNone},
    {"approved", "ACCEPT", TriggerCue::kNone},
    {"endorsed", "ACCEPT", TriggerCue::kNone},
    {"rejected", "REJECT", TriggerCue::kNone},
    {"reject", "REJECT", TriggerCue::kNone},
    {"rejects", "REJECT", TriggerCue::kNone},
    {"refused", "REJECT", TriggerCue::kNone},
    {"refuses", "REJECT", TriggerCue::kNone},
    {"dismissed", "REJECT", TriggerCue::kNone},
    {"rebuffed", "REJECT", TriggerCue::kNone},
    {"released", "RELEASE", TriggerCue::kCaptives},
    {"release", "RELEASE", TriggerCue::kCaptives},
    {"releases", "RELEASE", TriggerCue::kCaptives},
    {"freed", "RELEASE", TriggerCue::kCaptives},
    {"free", "RELEASE", TriggerCue::kCaptives},
    {"struck", "ATTACK", TriggerCue::kNone},
    {"strike", "ATTACK", TriggerCue::kStrike},
    {"killed", "ATTACK", TriggerCue::kNone},
    {"kill", "ATTACK", TriggerCue::kNone},
    {"kills", "ATTACK", TriggerCue::kNone},
    {"bombed", "ATTACK", TriggerCue::kNone},
    {"bombarded", "ATTACK", TriggerCue::kNone},
    {"shelled", "ATTACK", TriggerCue::kOutVerb},
    {"destroyed", "ATTACK", TriggerCue::kNone},
    {"attacked", "ATTACK", TriggerCue::kAttackVerb},
    {"attack", "ATTACK", TriggerCue::kAttackVerb},
    {"attacks", "ATTACK", TriggerCue::kAttackVerb},
    {"raided", "ATTACK", TriggerCue::kNone},
    {"assassinated", "ATTACK", TriggerCue::kNone},
    {"shot", "ATTACK", TriggerCue::kShotVerb},
    {"shoots", "ATTACK", TriggerCue::kShotVerb},
    {"shoot", "ATTACK", TriggerCue::kShotVerb},
    {"shooting", "ATTACK", TriggerCue::kShotVerb},
    {"wounded", "ATTACK", TriggerCue::kShotVerb},
    {"stabbed", "ATTACK", TriggerCue::kNone},
    {"stabbing", "ATTACK", TriggerCue::kShotVerb},
    {"killing", "ATTACK", TriggerCue::kShotVerb},
    {"murdering", "ATTACK", TriggerCue::kShotVerb},
    {"murdered", "ATTACK", TriggerCue::kNone},
    {"executed", "ATTACK", TriggerCue::kExecuteVerb},
    {"slain", "ATTACK", TriggerCue::kNone},
    {"gunned", "ATTACK", TriggerCue::kNone},
    {"gunning", "ATTACK", TriggerCue::kShotVerb},
    {"died", "OTHER", TriggerCue::kUndergoVerb},
    {"dies", "OTHER", TriggerCue::kUndergoVerb},
    {"die", "OTHER", TriggerCue::kUndergoVerb},
    {"withdrew", "WITHDRAW", TriggerCue::kWithdrawVerb},
    {"withdraw", "WITHDRAW", TriggerCue::kWithdrawVerb},
    {"withdraws", "WITHDRAW", TriggerCue::kWithdrawVerb},
    {"withdrawn", "WITHDRAW", TriggerCue::kWithdrawVerb},
    {"pulled", "WITHDRAW", TriggerCue::kPullVerb},
    {"pull", "WITHDRAW", TriggerCue::kPullVerb},
    {"pulls", "WITHDRAW", TriggerCue::kPullVerb},
    {"delivered", "AID", TriggerCue::kDeliverAid},
    {"airdropped", "AID", TriggerCue::kNone},
};

constexpr LexiconEntry kNouns[] = {
    {"call", "CALL", TriggerCue::kCallNoun},
    {"calls", "CALL", TriggerCue::kCallNoun},
    {"phone-call", "CALL", TriggerCue::kNone},
    {"phonecall", "CALL", TriggerCue::kNone},
    {"meeting", "MEET", TriggerCue::kNone},
    {"meetings", "MEET", TriggerCue::kNone},
    {"talks", "MEET", TriggerCue::kNone},
    {"visit", "MEET", TriggerCue::kNone},
    {"summit", "MEET", TriggerCue::kNone},
    {"proposal", "PROPOSE", TriggerCue::kNone},
    {"proposals", "PROPOSE", TriggerCue::kNone},
    {"offer", "PROPOSE", TriggerCue::kNone},
    {"demand", "DEMAND", TriggerCue::kNone},
    {"demands", "DEMAND", TriggerCue::kNone},
    {"acceptance", "ACCEPT", TriggerCue::kNone},
    {"rejection", "REJECT", TriggerCue::kNone},
    {"refusal", "REJECT", TriggerCue::kNone},
    {"release", "RELEASE", TriggerCue::kCaptives},
    {"strike", "ATTACK", TriggerCue::kStrike},
    {"strikes", "ATTACK", TriggerCue::kStrike},
    {"airstrike", "ATTACK", TriggerCue::kNone},
    {"airstrikes", "ATTACK", TriggerCue::kNone},
    {"air-strike", "ATTACK", TriggerCue::kNone},
    {"attack", "ATTACK", TriggerCue::kNone},
    {"attacks", "ATTACK", TriggerCue::kNone},
    {"bombing", "ATTACK", TriggerCue::kNone},
    {"bombings", "ATTACK", TriggerCue::kNone},
    {"killing", "ATTACK", TriggerCue::kNone},
    {"killings", "ATTACK", TriggerCue::kNone},
    {"raid", "ATTACK", TriggerCue::kNone},
    {"raids", "ATTACK", TriggerCue::kNone},
    {"assassination", "ATTACK", TriggerCue::kNone},
    {"assassinations", "ATTACK", TriggerCue::kNone},
    {"shooting", "ATTACK", TriggerCue::kShootingNoun},
    {"shootings", "ATTACK", TriggerCue::kShootingNoun},
    {"stabbing", "ATTACK", TriggerCue::kNone},
    {"stabbings", "ATTACK", TriggerCue::kNone},
    {"murder", "ATTACK", TriggerCue::kNone},
    {"murders", "ATTACK", TriggerCue::kNone},
    {"homicide", "ATTACK", TriggerCue::kNone},
    {"slaying", "ATTACK", TriggerCue::kNone},
    {"slayings", "ATTACK", TriggerCue::kNone},
    {"massacre", "ATTACK", TriggerCue::kNone},
    {"earthquake", "OTHER", TriggerCue::kNone},
    {"quake", "OTHER", TriggerCue::kNone},
    {"crash", "OTHER", TriggerCue::kNone},
    {"fire", "OTHER", TriggerCue::kFireNoun},
    {"blaze", "OTHER", TriggerCue::kFireNoun},
    {"wildfire", "OTHER", TriggerCue::kFireNoun},
    {"blast", "OTHER", TriggerCue::kBlastNoun},
    {"explosion", "OTHER", TriggerCue::kBlastNoun},
    {"withdrawal", "WITHDRAW", TriggerCue::kNone},
    {"pullout", "WITHDRAW", TriggerCue::kNone},
    {"aid", "AID", TriggerCue::kAidNoun},
    {"delivery", "AID", TriggerCue::kDeliverAid},
    {"deliveries", "AID", TriggerCue::kDeliverAid},
    {"airdrop", "AID", TriggerCue::kNone},
    {"airdrops", "AID", TriggerCue::kNone},
    {"convoy", "AID", TriggerCue::kDeliverAid},
    {"convoys", "AID", TriggerCue::kDeliverAid},
    {"trucks", "AID", TriggerCue::kDeliverAid},
};

using Lexicon = std::unordered_map<std::string_view, EventTriggerWord>;

template <size_t N>
Lexicon BuildLexicon(const LexiconEntry (&entries)[N]) {
  Lexicon lexicon;
  for (const LexiconEntry& entry : entries) {
    lexicon.emplace(entry.word, EventTriggerWord{entry.type, entry.cue});
  }
  return lexicon;
}

}  // namespace

std::optional<EventTriggerWord> LookupEventTrigger(std::string_view lower_word,
                                                   TriggerWordClass word_class) {
  static const Lexicon verbs = BuildLexicon(kVerbs);
  static const Lexicon nouns = BuildLexicon(kNouns);
  const Lexicon& lexicon = word_class == TriggerWordClass::kVerb ? verbs : nouns;
  const auto found = lexicon.find(lower_word);
  if (found == lexicon.end()) return std::nullopt;
  return found->second;
}

bool IsCaptiveWord(std::string_view lower_word) {
  static constexpr std::string_view kCaptiveWords[] = {
      "hostage",   "hostages", "prisoner", "prisoners", "detainee",     "detainees",
      "captive",   "captives", "abductee", "abductees", "palestinians", "israelis",
      "civilians", "soldiers", "women",    "children",  "journalist",   "journalists",
      "people",    "men",      "elderly",  "wounded"};
  for (std::string_view word : kCaptiveWords) {
    if (word == lower_word) return true;
  }
  return false;
}

bool IsUnambiguousVerbForm(std::string_view lower_word) {
  static constexpr std::string_view kIrregularForms[] = {
      "met",  "spoke", "spoken", "struck", "withdrew", "withdrawn", "said",
      "told", "freed", "shot",   "slain",  "dies",     "died",      "kills"};
  for (std::string_view form : kIrregularForms) {
    if (form == lower_word) return true;
  }
  return lower_word.size() > 4 && lower_word.ends_with("ed");
}

bool IsLightVerb(std::string_view lower_word) {
  static constexpr std::string_view kLightVerbs[] = {
      "held",    "hold",    "holds",  "holding", "had",       "has",     "have",      "having",
      "made",    "make",    "makes",  "making",  "conducted", "conduct", "launched",  "launch",
      "carried", "carry",   "staged", "joined",  "join",      "put",     "presented", "submitted",
      "sent",    "allowed", "allow",  "began",   "started",   "resumed", "announced"};
  for (std::string_view verb : kLightVerbs) {
    if (verb == lower_word) return true;
  }
  return false;
}

bool IsDisasterWord(std::string_view lower_word) {
  static constexpr std::string_view kDisasterWords[] = {
      "fire",       "fires",     "blaze",    "wildfire",  "flames",    "earthquake", "quake",
      "tremor",     "storm",     "tornado",  "hurricane", "typhoon",   "cyclone",    "flood",
      "floods",     "flooding",  "tsunami",  "avalanche", "landslide", "mudslide",   "eruption",
      "explosion",  "blast",     "blasts",   "crash",     "collision", "accident",   "wreck",
      "derailment", "collapse",  "outbreak", "epidemic",  "plague",    "disease",    "virus",
      "heat",       "lightning", "fall",     "falls",     "stampede",  "stampedes"};
  for (std::string_view word : kDisasterWords) {
    if (word == lower_word) return true;
  }
  return false;
}

bool IsVehicleWord(std::string_view lower_word) {
  static constexpr std::string_view kVehicleWords[] = {
      "car", "cars",  "vehicle", "vehicles", "truck",   "trucks",   "suv",       "van",
      "bus", "train", "tram",    "driver",   "drivers", "motorist", "motorcycle"};
  for (std::string_view word : kVehicleWords) {
    if (word == lower_word) return true;
  }
  return false;
}

bool IsPersonWord(std::string_view lower_word) {
  static constexpr std::string_view kPersonWords[] = {
      "man",         "men",       "woman",        "women",     "boy",           "boys",
      "girl",        "girls",     "child",        "children",  "kid",           "kids",
      "baby",        "toddler",   "teen",         "teens",     "teenager",      "teenagers",
      "son",         "daughter",  "stepdaughter", "stepson",   "father",        "mother",
      "wife",        "husband",   "girlfriend",   "boyfriend", "ex-girlfriend", "ex-wife",
      "friend",      "neighbor",  "neighbour",    "brother",   "sister",        "cousin",
      "uncle",       "nephew",    "niece",        "grandson",  "granddaughter", "grandmother",
      "grandfather", "parents",   "officer",      "officers",  "deputy",        "trooper",
      "victim",      "victims",   "person",       "people",    "student",       "students",
      "clerk",       "driver",    "suspect",      "resident",  "customer",      "guard",
      "himself",     "herself",   "themselves",   "him",       "them",          "me",
      "us",          "dozens",    "several",      "two",       "three",         "four",
      "five",        "one",       "teammate",     "classmate", "roommate",      "coworker",
      "co-worker",   "employee",  "worker",       "bystander", "pedestrian",    "passenger",
      "infant",      "youth",     "mom",          "dad",       "ex-boyfriend",  "ex-husband",
      "workers",     "coworkers", "co-workers",   "employees", "teammates",     "classmates"};
  for (std::string_view word : kPersonWords) {
    if (word == lower_word) return true;
  }
  return false;
}

}  // namespace storyline
