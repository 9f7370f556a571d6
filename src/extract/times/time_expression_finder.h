// Finds the time expressions of an article and normalizes them to ISO 8601 / TIMEX3
// values: dates at the precision the text gives ("2024", "2024-05", "2024-W27",
// "2024-08-19", "2024-SU", "2024-Q1", "199" for the 1990s, "FY2024"), times of day
// ("2024-08-19T14:00", "2024-08-20TNI"), durations ("PT3H", "P6W") and sets ("P1W").
//
// Relative expressions ("Friday", "last month", "two days ago") are resolved against the
// article's published date, in the direction the clause's tense points: "spoke on Friday"
// is the Friday before, "will meet on Friday" the one after (time_tense.h). When
// `published` is missing or not ISO, only the text's own dating stands in for it: a
// dateline's full date ("WASHINGTON, Aug. 21, 2024 -") or a publication stamp alone on
// one of the first lines ("Published: Aug. 21, 2024"). A date in a sentence or caption
// is what the news is about and an "Updated" stamp a later day, so neither does: without
// a published date or a stamp, relative expressions ("Monday", "yesterday", "last week")
// keep value nullopt rather than a guess. "the following week" and "the next day" count
// from the last date the text itself named.
//
// A hand-written scanner over light tokens (time_tokens.h): linear in the text, no
// allocation per word, safe on any bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

// `published` is an ISO date or date-time; anything else counts as unknown.
// Expressions come back in text order and never overlap.
std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const std::optional<std::string>& published);

}  // namespace storyline
