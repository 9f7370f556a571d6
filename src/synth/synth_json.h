// Quotations, speaker groups and summaries in the JSON shapes of spec/CONTRACT.md and
// the story detail view, shared by `storyline quotes`, `storyline stories --story` and
// the HTTP API. Absent values are null.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "store/store.h"
#include "synth/quotes_by_speaker.h"
#include "synth/story_summary.h"

namespace storyline {

// {"text","start","end","speaker","speaker_entity","article","source","published"}.
nlohmann::json QuoteToJson(const StoredQuote& stored);
// {"quotes":[...]}.
nlohmann::json QuotesToJson(const std::vector<StoredQuote>& quotes);
// [{"speaker","speaker_entity","quotes":[{<quote>,"also_in":[ids]}]}].
nlohmann::json QuotesBySpeakerToJson(const std::vector<SpeakerQuotes>& groups);
// [{"text","article","source","start","end","published"}].
nlohmann::json SummaryToJson(const std::vector<SummarySentence>& summary);

}  // namespace storyline
