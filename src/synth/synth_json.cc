#include "synth/synth_json.h"

namespace storyline {
namespace {

nlohmann::json OrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json QuoteToJson(const StoredQuote& stored) {
  const Quote& quote = stored.quote;
  return {{"text", quote.text},
          {"start", quote.span.start},
          {"end", quote.span.end},
          {"speaker", OrNull(quote.speaker)},
          {"speaker_entity", OrNull(quote.speaker_entity)},
          {"partial", quote.partial},
          {"article", stored.article},
          {"source", stored.source},
          {"published", OrNull(stored.published)}};
}

nlohmann::json QuotesToJson(const std::vector<StoredQuote>& quotes) {
  nlohmann::json list = nlohmann::json::array();
  for (const StoredQuote& stored : quotes) list.push_back(QuoteToJson(stored));
  return {{"quotes", std::move(list)}};
}

nlohmann::json QuotesBySpeakerToJson(const std::vector<SpeakerQuotes>& groups) {
  nlohmann::json list = nlohmann::json::array();
  for (const SpeakerQuotes& group : groups) {
    nlohmann::json quotes = nlohmann::json::array();
    for (const ReportedQuote& reported : group.quotes) {
      nlohmann::json quote = QuoteToJson(reported.first);
      quote["also_in"] = reported.also_in;
      quotes.push_back(std::move(quote));
    }
    list.push_back({{"speaker", OrNull(group.speaker)},
                    {"speaker_entity", OrNull(group.speaker_entity)},
                    {"quotes", std::move(quotes)}});
  }
  return list;
}

nlohmann::json SummaryToJson(const std::vector<SummarySentence>& summary) {
  nlohmann::json list = nlohmann::json::array();
  for (const SummarySentence& sentence : summary) {
    list.push_back({{"text", sentence.text},
                    {"article", sentence.article},
                    {"source", sentence.source},
                    {"start", sentence.span.start},
                    {"end", sentence.span.end},
                    {"published", OrNull(sentence.published)}});
  }
  return list;
}

}  // namespace storyline
