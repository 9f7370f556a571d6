// The quotations of an article as the statements they are, for the story clusterer to
// read as it reads STATEMENT events.
//
// The event finder leaves out the STATEMENT of a sentence that holds a whole quotation
// (the quotation says more than the verb), so "“Mission accomplished,” Arians said"
// reports no STATEMENT event, and an article whose statement tied it to a story would
// lose the tie when a quotation is found. Here each quotation that is a statement (not
// partial) and whose speaker is an entity becomes a STATEMENT: the speaker as agent, the
// quotation's span as what was said, the date its sentence names outside the marks ("...,”
// Arians said Sunday") when there is one.
//
// No utterance counts twice: a quotation continuing the speaker's quotation right before
// (the same speaker, no other statement between) is the same statement, and a quotation
// whose sentence already holds a STATEMENT event of the same speaker is that event's.
#pragma once

#include <optional>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"

namespace storyline {

// The STATEMENT events the quotations of `analysis` add to its events, in text order.
std::vector<Event> QuoteStatements(const Article& article, const Analysis& analysis);

// `analysis` with QuoteStatements added to its events (in text order); nothing when there
// are none to add, so the caller reads `analysis` as it is.
std::optional<Analysis> WithQuoteStatements(const Article& article, const Analysis& analysis);

}  // namespace storyline
