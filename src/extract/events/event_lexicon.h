// The words that name an event ("met", "talks", "strike", "proposal") and the event type
// each one names. Lookups take the word lower-cased (ASCII).
//
// A trigger is a verb or a noun; the part of speech tells which reading is meant
// ("strikes" the noun is an attack, "strikes a deal" the verb is not), so each entry says
// which one it needs. A few words name an event only next to a cue that the finder checks
// (event_finder.cc): "spoke" is a CALL only "by phone" or "with" someone, "called" is a
// CALL with a named object and a DEMAND before "for" or "on", a "strike" is no attack
// when workers walk out, "shot" is an attack only on someone.
//
// Crime news names its happening with its own words ("was shot", "the stabbing", "a
// murder-suicide"): shootings, stabbings and murders are ATTACKs. Disasters, accidents
// and deaths ("the quake", "a crash", "the blaze", "died") are OTHER: they hurt people
// but no one attacks (the finder also makes OTHER of an attack verb whose subject or cause is one:
// "the fire destroyed 20 homes", "was killed in a crash").
#pragma once

#include <optional>
#include <string_view>

namespace storyline {

enum class TriggerWordClass { kVerb, kNoun };

// What a cue-dependent trigger needs before it counts (see the finder).
enum class TriggerCue {
  kNone,
  kCallVerb,      // "called": CALL with a named object, DEMAND before "for"/"on"
  kCallNoun,      // "call(s)": CALL, but DEMAND before "for"/"on" ("calls for a ceasefire")
  kSpeakVerb,     // "spoke", "talked": CALL only "by phone" or with a named partner
  kMeetVerb,      // "meet": not before "demands", "conditions", "needs" ...
  kAidNoun,       // "aid": not before "workers", "groups", "agencies" ...
  kWithdrawVerb,  // "withdraw": forces, not "its demands" or "support"
  kPullVerb,      // "pulled": WITHDRAW only before "out"
  kCaptives,      // "released": RELEASE only with hostages, prisoners ... nearby, not software
  kStrike,        // "strike(s)": ATTACK, not a labour strike ("went on strike", "port strike")
  kShotVerb,      // "shot", "wounded": ATTACK done to someone, not "shot a video", "shot up"
  kShootingNoun,  // "shooting": ATTACK, not "shooting range" or "a photo shooting"
  kFireNoun,      // "fire", "blaze": OTHER; ATTACK in "opened fire"; none in "under fire"
  kBlastNoun,     // "blast", "explosion": OTHER; ATTACK for a bomb's; none in "had a blast"
  kDeliverAid,    // "delivered", "delivery", "convoy": AID only with aid or supplies nearby
  kOutVerb,       // "shelled": ATTACK, not "shelled out $300 million"
  kAttackVerb,    // "attacked": ATTACK, not "attacked the problem" or "each other's policies"
  kUndergoVerb,   // "died": its subject is who it happened to (patient), not an agent
  kExecuteVerb,   // "executed": ATTACK on a person named as its object, not "executed the plan"
};

struct EventTriggerWord {
  std::string_view type;  // CALL, MEET, STATEMENT, ... (CONTRACT.md)
  TriggerCue cue = TriggerCue::kNone;
};

// The event a word names in the given word class, if any.
std::optional<EventTriggerWord> LookupEventTrigger(std::string_view lower_word,
                                                   TriggerWordClass word_class);

// Words for people who are held and set free: "hostages", "prisoners", "detainees".
bool IsCaptiveWord(std::string_view lower_word);

// Past forms that are verbs whatever the tagger says ("Israel struck Rafah" is tagged
// as a noun by a tagger trained on little news): regular "-ed" forms and irregular ones
// such as "met", "spoke", "struck", "withdrew".
bool IsUnambiguousVerbForm(std::string_view lower_word);

// Verbs that take an event noun as their object and lend it their subject: "Biden held a
// call", "Israel carried out strikes", "Hamas made a proposal".
bool IsLightVerb(std::string_view lower_word);

// Words for disasters and accidents, which hurt and destroy without an attacker: "fire",
// "quake", "crash", "storm", "explosion", "fall".
bool IsDisasterWord(std::string_view lower_word);

// Words for vehicles and those who drive them: what hits a person in a road accident
// ("struck by a vehicle", "a car killed", "the driver who killed"), though a person may
// also be shot in one.
bool IsVehicleWord(std::string_view lower_word);

// Words for people an attack is done to: "man", "girlfriend", "officer", "teenager".
bool IsPersonWord(std::string_view lower_word);

}  // namespace storyline
