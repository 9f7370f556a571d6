// Which event trigger of a sentence each of its words is attached to, so that a time or
// place goes to the event it belongs to and not to every event of the sentence:
// "Israel has destroyed 150 tunnels, Gallant said Wednesday" dates the statement, not
// the destruction; "a Hamas attack on Oct. 7, 2023, despite a resolution calling for a
// cease-fire" dates the attack, not the call for a cease-fire.
//
// A sentence falls into clauses at commas, semicolons, colons, dashes and brackets
// (not those inside a time expression or a name: "Oct. 7, 2023"). A word belongs to the
// nearest trigger in its own clause, the earlier one on a tie; a word in a clause with
// no trigger to the next trigger after it, as a fronted adverbial is ("Earlier this
// month, Hamas proposed ..."), and to none when no trigger follows ("dismissed the
// conditions, maintaining his troops will remain in Gaza"). No parse is used, so this
// is a position heuristic.
#pragma once

#include <vector>

#include "extract/events/event_words.h"

namespace storyline {

class TriggerAttachment {
 public:
  // `triggers` are the token indices of every trigger word in the sentence [first,
  // end), in text order, whether or not each becomes an event.
  TriggerAttachment(const EventWords& words, int first, int end, std::vector<int> triggers);

  // The trigger token that token `k` of the sentence is attached to; -1 when the
  // sentence has no trigger or `k` lies outside it.
  int OwnerOf(int k) const;

 private:
  int first_ = 0;
  std::vector<int> clause_;  // per token of the sentence, from `first`
  std::vector<int> triggers_;
};

}  // namespace storyline
