// Deaths that news tells without a verb of harm or dying: a suicide ("hanged himself",
// "committed suicide", "took his own life"), a death named by its noun ("over the deaths
// of Benjamin Nzeribe and Funke Adedoyin") and the words of a death found as a state
// ("was found dead", "the body of John Roe was discovered"). All are OTHER: a death, not
// an attack, with the dead as its patients.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "extract/events/event_words.h"

namespace storyline {

// The verb that reports a suicide at token i, whose subject is the dead, or -1: i itself
// for a reflexive hanging ("hanged himself", "hung herself"), "committed" before
// "suicide" at i, "took" at i for "took his own life". A shooting or killing of oneself
// ("shot himself") is an attack done to its subject, found with the attack verbs.
int SuicideVerb(const EventWords& words, int first, int end, int i);

// Whether "death" or "deaths" at token i names the death of people by name: "the death
// of Madeline Kafoury", "over the deaths of Benjamin Nzeribe and Funke Adedoyin". Every
// entity of the phrase after "of" must be a PERSON. Not after a harm noun, which is the
// event itself ("the shooting death of"), nor for an anniversary, which dates the
// remembrance, not the death.
bool NamesTheDead(const EventWords& words, std::span<const EntityMention> entities, int first,
                  int end, int i);

// The PERSON a "who" at token `who` stands for when it opens a relative clause right
// after the name and a comma, an age between them or not: "striking Anderson, who died
// at the scene", "Kimani Gray, 16, who was shot dead". Empty otherwise.
std::vector<int> PersonBeforeWho(const EventWords& words, std::span<const EntityMention> entities,
                                 int first, int who);

// Verbs that report a death found as a state: "was found dead", "leaves woman dead",
// "is presumed dead" (a death without a body).
bool IsDeathStateVerb(std::string_view lower_word);

// Verbs of falling to one's death: "fell", "plunged".
bool IsFallVerb(std::string_view lower_word);

// Verbs that report a body found: "the body of a man was discovered".
bool IsBodyFoundVerb(std::string_view lower_word);

// The people whose bodies were found, named between "of" at token `first` - 1 and the
// verb at token `verb` that reports the finding: every PERSON there ("The bodies of Alice
// McMeekin, 58, and Kathryn Jenkin, 20, were found"), up to a relative clause or "by",
// which may name others ("the body of a woman who was stabbed by John Roe").
std::vector<int> BodyOwners(const EventWords& words, std::span<const EntityMention> entities,
                            int first, int verb);

}  // namespace storyline
