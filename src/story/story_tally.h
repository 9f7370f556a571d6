// Counts how often each story id comes up among the posting entries one article looks
// up (a few hundred), for the story clusterer's candidates (step 2 of story_clusterer.h).
// Open addressing in a table kept between articles and cleared slot by slot, so that
// counting costs the same for every article and allocates nothing: a hash map spent a
// node allocation per entry, a sort n log n.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace storyline {

class StoryTally {
 public:
  // Room for `max_ids` distinct ids (story ids are > 0), the table at most half full.
  explicit StoryTally(size_t max_ids);

  void Add(int32_t id);
  // Appends (count, id) for every id added since the last call, in no particular order,
  // and forgets them. Adding more than `max_ids` distinct ids in between is an error.
  void Drain(std::vector<std::pair<int, int32_t>>& out);

 private:
  struct Slot {
    int32_t id = 0;  // 0: empty
    int count = 0;
  };
  size_t max_ids_;
  std::vector<Slot> slots_;       // a power of two
  int shift_;                     // 32 - log2(slots_.size())
  std::vector<uint32_t> filled_;  // indices of the slots in use
};

}  // namespace storyline
