#include "extract/events/event_attachment.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace storyline {
namespace {

bool IsClauseSeparator(const EventWords& words, int k) {
  if (words.InTime(k) || words.EntityAt(k) >= 0) return false;
  static constexpr std::string_view kSeparators[] = {
      ",", ";", ":", "(", ")", "\xE2\x80\x94" /* em dash */, "\xE2\x80\x93" /* en dash */, "--"};
  return std::find(std::begin(kSeparators), std::end(kSeparators), words.Lower(k)) !=
         std::end(kSeparators);
}

}  // namespace

TriggerAttachment::TriggerAttachment(const EventWords& words, int first, int end,
                                     std::vector<int> triggers)
    : first_(first), triggers_(std::move(triggers)) {
  clause_.reserve(std::max(0, end - first));
  int clause = 0;
  for (int k = first; k < end; ++k) {
    if (IsClauseSeparator(words, k)) ++clause;
    clause_.push_back(clause);
  }
}

int TriggerAttachment::OwnerOf(int k) const {
  if (k < first_ || k - first_ >= static_cast<int>(clause_.size())) return -1;
  const int clause = clause_[k - first_];
  int nearest_in_clause = -1;
  int next_after = -1;
  for (int trigger : triggers_) {
    if (clause_[trigger - first_] == clause &&
        (nearest_in_clause < 0 || std::abs(trigger - k) < std::abs(nearest_in_clause - k))) {
      nearest_in_clause = trigger;
    }
    if (trigger > k && next_after < 0) next_after = trigger;
  }
  return nearest_in_clause >= 0 ? nearest_in_clause : next_after;
}

}  // namespace storyline
