// A photo credit names the photographer, a person, beside the agency, an organization:
// "(Chip Somodevilla/Getty Images)", "Evan Vucci/AP" on a line of its own, "(AP Photo/Evan
// Vucci)", "(Photo: Jane Roe)", "Photo by Jane Roe/Reuters". The recognizer, seeing a
// name beside a slash or a colon, often misses it.
//
// A credit is bracketed or fills its line: it runs from "(" or the start of a line to ")"
// or the end of the line. Inside it:
//   - "<person>/<agency>": capitalized words on each side of a slash; the person is two or
//     three words; when the left side ends in "Photo" or "Photos" ("AP Photo/Evan Vucci")
//     the sides swap;
//   - "Photo: <person>", "Photo by <person>", "Credit: <person>", "Photograph: <person>",
//     with an optional "/<agency>" after it.
// The person becomes a PERSON, replacing what the recognizer made of those words; the
// agency becomes an ORG when the recognizer found nothing there.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

// `mentions` in text order, kept in text order.
void TagPhotoCredits(std::string_view text, const TokenizedText& tokens,
                     std::vector<EntityMention>& mentions);

}  // namespace storyline
