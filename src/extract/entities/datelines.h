// A dateline opens a report with the place it was filed from, written in capitals:
// "WASHINGTON—The White House said", "LONDON (Reuters) - Britain's", "GAZA CITY, Gaza Strip
// (AP) — Israeli", "KYIV, Ukraine, March 3 —". The recognizer reads an all-capitals word
// by its shape alone and calls it a person or nothing.
//
// At the start of the text or of a line, a run of one to four all-capitals words one
// space apart is a PLACE when the gazetteer knows it, in any case, as a country,
// subdivision, city or other geographic name, and a dateline's punctuation follows it: a
// dash (em, en, or "-" and "--" after a space), an opening bracket (the wire's name) or a
// comma. After the comma, a capitalized name the gazetteer knows as a place ("Gaza
// Strip", "Ukraine") is a PLACE too. The dateline's mentions replace whatever the
// recognizer made of those words.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/gazetteer.h"
#include "text/token.h"

namespace storyline {

// `mentions` in text order, kept in text order.
void TagDatelines(std::string_view text, const TokenizedText& tokens, const Gazetteer& gazetteer,
                  std::vector<EntityMention>& mentions);

}  // namespace storyline
