// Stories and their events as the clusterer reports them and the store keeps them: the
// shape of `storyline stories --json` (see spec/CONTRACT.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace storyline {

// One real-world happening on one date: every article that reports it.
struct StoryEvent {
  int id = 0;
  std::string type;                 // most frequent event type of its articles, else "OTHER"
  std::optional<std::string> date;  // ISO day of the happening, when known
  std::vector<std::string> actors;  // entity ids, most mentioned first
  std::optional<std::string> place;
  std::vector<std::string> articles;  // in arrival order
  std::string summary;                // the headline of its first article
};

// A developing real-world thread: its articles and the events they report.
struct Story {
  int id = 0;
  std::string label;                  // a few distinctive names or terms
  std::vector<std::string> articles;  // in arrival order
  std::optional<std::string> first;   // earliest and latest event day of its articles
  std::optional<std::string> last;
  std::vector<StoryEvent> events;  // in date order, undated last
};

// A record that story `from` was folded into story `into` when article `article` made
// them alike.
struct StoryMerge {
  int into = 0;
  int from = 0;
  std::string article;
};

// A record that article `article` showed one of story `from`'s events (with the articles
// that report it) to be another thread, moved out into the new story `into`.
struct StorySplit {
  int from = 0;
  int into = 0;
  std::string article;
};

}  // namespace storyline
