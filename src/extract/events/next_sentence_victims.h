// Crime news often names the victim a sentence after the harm: "A Woodville man died
// Sunday from a gunshot wound. Dakota Schriefer, 22, was comparing handguns ...",
// "Vermont State Police say a Montpelier teenager was shot ... Police say Cheyanne Green,
// 16, was hunting ...". The person the next sentence opens with, introduced by an
// apposition (an age, "a ..." or "of <place>"), is the patient of that harm when:
//   - the harm has no patient yet, and its sentence describes one victim by a word for
//     a person ("a man", "a teenager", "a 66-year-old woman"), but no one who did it: no
//     person before an active verb ("The San Diego man who killed his wife"), no charge
//     or suspect ("Son suspected of killing mother and sister");
//   - the name opens the sentence, or follows only who says so ("Police say X, 16,");
//   - the sentence tells of no charge, arrest or suspect ("Nelven Salas, 18, was
//     charged") and the person does nothing there the finder reads as an event ("John
//     Roe, 45, said he heard shots": a witness);
//   - an age the harm's sentence gives ("a 22-year-old man") is the apposition's age.
// Otherwise no patient is added: a wrong victim is worse than none.
#pragma once

#include <span>

#include "core/analysis.h"
#include "extract/events/event_words.h"
#include "text/token.h"

namespace storyline {

// Adds as patient of `harm`, reported in sentence `harm_sentence`, the victim that
// `next` (the sentence right after it) names, as above; `next_events` are the events
// found in `next`.
void NameNextSentenceVictim(const EventWords& words, const TokenizedText& tokens,
                            std::span<const EntityMention> entities, SentenceBounds harm_sentence,
                            SentenceBounds next, std::span<const Event> next_events, Event& harm);

}  // namespace storyline
