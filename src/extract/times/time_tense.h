// The tense of the clause around a time expression, from nearby words alone ("will",
// "is expected to", "said", "-ed" verbs). Relative dates use it to pick a direction:
// "spoke on Friday" is the Friday before the article, "will meet on Friday" the one after.
// The cues are plain words so that POS tags can replace them later without changing
// callers.
#pragma once

#include <cstddef>
#include <vector>

#include "extract/times/time_tokens.h"

namespace storyline {

enum class Tense { kUnknown, kPast, kPresent, kFuture };

// Tense of the clause holding tokens [begin, end): the nearest cue before the span in
// its sentence, else the nearest after it; kUnknown when there is none.
Tense TenseAround(const std::vector<TimeToken>& tokens, size_t begin, size_t end);

// True when token `index` starts a new sentence (after ". ! ?" or a line break).
bool StartsSentence(const std::vector<TimeToken>& tokens, size_t index);

}  // namespace storyline
