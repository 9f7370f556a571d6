// Numbers the outlets of a story give for the same thing, and where they disagree.
//
// Two quantities from different outlets make one claim when they count the same thing
// and say the same of it at the same place and time:
//   - the same unit or noun ("dockworker", "percent"; a count of "members of the
//     Dockworkers' Guild" also counts dockworkers, "117 of its citizens" counts citizens);
//   - a shared predicate: the word after the count ("4 people were shot", "Palestinians
//     who had sought refuge") or before it ("killed 40 people", "the release of 100
//     prisoners"), matched by its forms ("killed", "killing", "dead"): "1 million
//     Palestinians sought refuge" and "40 Palestinians killed" are two claims;
//   - the same subject named in its clause ("McDermott scored 23 points"), no two
//     different places named in their sentences, and for a measure ("9 percent", "seven
//     hours") two more content words around both;
//   - different values only from the same time: no two different dates named in their
//     sentences, not one looking back to an earlier time ("earlier this year", "last
//     month") where the other does not, a story event in common, published within a
//     month; and never a vague magnitude ("hundreds of").
// A count said of one person ("he scored six touchdowns"), a number modifying another noun
// ("an 86-yard run"), a total behind a part ("two of the three victims") and a stretch of
// a sequence ("their first two drives") are left out. A claim takes one figure per article, each
// linked to every other; it needs two outlets (an article of unknown source is none). A claim is a
// disagreement when two of its outlets give values that differ beyond rounding: exactly different,
// or more than 5% apart when either says "about", "more than" or the like.
#pragma once

#include <string>
#include <vector>

#include "story/story.h"
#include "synth/article_tokens.h"
#include "synth/citation.h"

namespace storyline {

struct NumberReport {
  Citation where;  // the quantity's span
  double value = 0;
  bool approximate = false;
  std::string sentence;  // the sentence it stands in, for reading the claim
};

struct NumberClaim {
  std::string unit;
  std::vector<std::string> context;   // content words most of its reports share
  std::vector<NumberReport> reports;  // in article order, then text order
  bool disagreement = false;
  // Two of the differing values were published the same day: outlets at odds
  // rather than a figure that grew as the story developed.
  bool same_day = false;
};

// Same-day disagreements first, then other disagreements, then the claims most outlets
// report. `events` are the story's: two articles that report none of the same events
// speak of different happenings, and their figures are never one claim.
std::vector<NumberClaim> FindNumberClaims(const std::vector<ArticleTokens>& articles,
                                          const std::vector<StoryEvent>& events = {});

// True when `a` and `b` state the same number, allowing for rounding when either is
// approximate.
bool SameNumber(const NumberReport& a, const NumberReport& b);

}  // namespace storyline
