// What a verb of saying reports: the content span of a STATEMENT event in indirect
// speech.
//
//   - the clause before the comma when the subject follows it: "[Harris also joined the
//     call], the White House said". That clause must hold a finite verb, so a fronted
//     adverbial ("On Tuesday, Kirby said ...") is not taken for what was said;
//   - else the clause after the verb: after "that" when it comes within a few words
//     ("said on Tuesday that ...", "told Al Jazeera that ..."), else after the times
//     right after the verb ("announced on Thursday [a breakthrough ...]"); up to the end
//     of the sentence, or to the comma before a later verb of saying that repeats the
//     attribution ("said the [proposal ...], Hamas said in a statement").
#pragma once

#include <optional>

#include "core/analysis.h"
#include "extract/events/event_words.h"
#include "text/token.h"

namespace storyline {

// `verb` is a token of the sentence [first, end) of `tokens`; `subject` the first token
// of the statement's named subject, or -1. Nullopt when the verb reports nothing there.
std::optional<Span> StatementContent(const EventWords& words, const TokenizedText& tokens,
                                     int first, int end, int verb, int subject);

}  // namespace storyline
