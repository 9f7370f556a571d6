#include "synth/quotes_by_speaker.h"

#include <algorithm>
#include <map>

namespace storyline {
namespace {

// Quotations by one entity share its id; without one, the written name is the key.
std::optional<std::string> SpeakerKey(const Quote& quote) {
  if (quote.speaker_entity && !quote.speaker_entity->empty()) return "e:" + *quote.speaker_entity;
  if (quote.speaker && !quote.speaker->empty()) return "n:" + *quote.speaker;
  return std::nullopt;
}

void AddToGroup(const StoredQuote& stored, SpeakerQuotes& group) {
  for (ReportedQuote& reported : group.quotes) {
    if (reported.first.quote.text == stored.quote.text) {
      if (reported.first.article != stored.article &&
          std::find(reported.also_in.begin(), reported.also_in.end(), stored.article) ==
              reported.also_in.end()) {
        reported.also_in.push_back(stored.article);
      }
      return;
    }
  }
  group.quotes.push_back({stored, {}});
}

}  // namespace

std::vector<SpeakerQuotes> GroupQuotesBySpeaker(const std::vector<StoredQuote>& quotes) {
  std::vector<SpeakerQuotes> groups;  // in order of first appearance
  std::map<std::optional<std::string>, size_t> group_of_key;
  for (const StoredQuote& stored : quotes) {
    if (stored.quote.partial) continue;
    const std::optional<std::string> key = SpeakerKey(stored.quote);
    auto [it, added] = group_of_key.try_emplace(key, groups.size());
    if (added) {
      SpeakerQuotes& group = groups.emplace_back();
      if (key) {
        group.speaker = stored.quote.speaker;
        group.speaker_entity = stored.quote.speaker_entity;
      }
    }
    AddToGroup(stored, groups[it->second]);
  }
  std::stable_sort(
      groups.begin(), groups.end(), [](const SpeakerQuotes& a, const SpeakerQuotes& b) {
        const bool a_known = a.speaker || a.speaker_entity, b_known = b.speaker || b.speaker_entity;
        if (a_known != b_known) return a_known;
        return a.quotes.size() > b.quotes.size();
      });
  return groups;
}

}  // namespace storyline
