// Stories and their events as the clusterer reports them and the store keeps them: the
// shape of `storyline stories --json` (see spec/CONTRACT.md).
#pragma once

#include <optional>
#include <string>
#include <utility>
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

// What a live story gained since its saved copy: enough to bring that copy up to date
// without rewriting what it already holds (a story of years is copied once, not at every
// save it takes an article in).
struct StoryUpdate {
  int id = 0;
  std::string label;
  std::optional<std::string> first, last;
  // The saved copy goes first, and `new_articles` and `changed_events` are then the whole
  // story: a new story, or one a split took articles from.
  bool replace = false;
  // Articles after the `first_new_article` the saved copy holds, in arrival order.
  size_t first_new_article = 0;
  std::vector<std::string> new_articles;
  // Events that took an article or moved into this story, whole, with their place in the
  // story's date order; then every other event whose place in that order moved.
  std::vector<std::pair<size_t, StoryEvent>> changed_events;
  std::vector<std::pair<size_t, int>> moved_events;  // (place, event id)

  // What `saved` (the story as last saved, or empty for a new story) becomes. The
  // reference for stores: `saved` after every update since equals the story as
  // StoryClusterer::Stories reports it.
  void ApplyTo(Story& saved) const;
};

// What clustering changed since the changes were last taken
// (StoryClusterer::TakeChanges): what a store applies to bring its copy up to date, at a
// cost that follows the articles added, not the corpus.
struct StoryChanges {
  // Live stories that took an article, merged another in, split or were split off, by id.
  std::vector<StoryUpdate> changed;
  // Stories retired since (story_clusterer.h, step 5), in their final form, by id. Each
  // is handed out once: they never change again, and the clusterer no longer holds them.
  std::vector<Story> retired;
  // Stories folded into another, or left with no article when one was withdrawn (ids,
  // ascending): their saved copies go. A folded story's events are among the changed
  // events of the story it was folded into.
  std::vector<int> merged_away;
  // Merges and splits since, in the order they happened, to append to those saved.
  std::vector<StoryMerge> merges;
  std::vector<StorySplit> splits;
  // True when these are not changes but every story, merge and split there is, to replace
  // all that was saved: the first changes of a clusterer resumed from a state saved before
  // changes were tracked (version 1 to 4), whose store copy it cannot vouch for. Every
  // update then replaces.
  bool complete = false;
};

}  // namespace storyline
