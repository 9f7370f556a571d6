// A story's quotations grouped by who said them, for "who said what": reprints of the
// same words are folded into the first report, and speakers with the most to say come
// first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace storyline {

// One quotation as first reported, and the later articles that repeat it word for word.
struct ReportedQuote {
  StoredQuote first;
  std::vector<std::string> also_in;  // external ids, in arrival order
};

struct SpeakerQuotes {
  std::optional<std::string> speaker;  // as the first quotation names them
  std::optional<std::string> speaker_entity;
  std::vector<ReportedQuote> quotes;  // in arrival order
};

// `quotes` in arrival order (as Store::LoadQuotes returns them). A speaker is their
// entity id when the quotation has one, else their name or descriptor. Groups come
// most quotations first, ties by first appearance; quotations with no known speaker
// form the last group. Partial quotations (scare quotes, fragments inside the writer's
// own sentence) are left out: they are not what anyone said as a statement.
std::vector<SpeakerQuotes> GroupQuotesBySpeaker(const std::vector<StoredQuote>& quotes);

}  // namespace storyline
