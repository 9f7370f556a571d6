// Victims named by whoever identifies them, made the patients of the harm done to them.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "core/analysis.h"
#include "extract/events/event_words.h"
#include "text/token.h"

namespace storyline {

// Names the victim a sentence identifies: "Police identified the victim as Jose Nunez",
// "have identified the man shot and killed on Tuesday as Jose Nunez", "The dead woman
// was named as ...". The PERSON after "as" is the patient of the harm whose trigger
// stands between the verb and "as" (no longer agented by whoever identified), else of
// the article's latest harm, when that names no patient yet (the victim is often named
// a sentence after the harm). A victim word or such a harm must come before "as", and
// no word for an offender ("identified the suspect as"). A victim word with a name in
// apposition ("The victim, Emma Colmenares, is hospitalized") names one likewise.
//
// `sentence` is the sentence read last, `quotes` the article's quotations around it and
// events[sentence_events...] the events found in it.
void NameIdentifiedVictim(const EventWords& words, const TokenizedText& tokens,
                          std::span<const EntityMention> entities, std::span<const Quote> quotes,
                          SentenceBounds sentence, std::vector<Event>& events,
                          size_t sentence_events);

}  // namespace storyline
