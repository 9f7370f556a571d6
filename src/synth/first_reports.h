// Which outlet reported each event of a story first, and which events each outlet carried.
// Order is by the article's published date and time: a date-only stamp ties with any time
// on the same day, and undated articles come after every dated one (they cannot be
// first unless no article of the event is dated).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "story/story.h"

namespace storyline {

struct EventReport {
  std::string source;
  std::string article;
  std::optional<std::string> published;
};

struct EventFirstReport {
  int event = 0;  // StoryEvent::id
  std::string type;
  std::optional<std::string> date;
  std::string summary;
  std::vector<std::string> first;    // outlets tied for the earliest report
  std::vector<EventReport> reports;  // earliest first
};

struct OutletEvents {
  std::string source;
  std::vector<int> events;  // event ids it carried
  int first = 0;            // how many of them it reported first (ties count for each)
};

struct FirstReports {
  std::vector<EventFirstReport> events;  // in the story's event order
  std::vector<OutletEvents> outlets;     // most events first
};

// `articles` maps external id to the stored article; events' articles missing from it
// are skipped.
FirstReports FindFirstReports(const Story& story,
                              const std::map<std::string, const StoredArticle*>& articles);

// -1, 0 or 1 as `a` was published before, at the same time as (or cannot be told apart
// from), or after `b`; nullopt (undated) sorts last.
int ComparePublished(const std::optional<std::string>& a, const std::optional<std::string>& b);

}  // namespace storyline
