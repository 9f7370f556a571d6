// Numbers the outlets of a story give for the same thing, and where they disagree.
//
// Two quantities from different articles make one claim when they count the same unit
// or noun ("dockworker", "percent", "home"; a count of "members of the Dockworkers'
// Guild" also counts dockworkers, and "117 of its citizens" counts citizens) and share at
// least two content words in the words around them in their sentence ("strike",
// "walked", "destroyed"), or, when the unit is a counted noun rather than a measure, one
// word around them or two anywhere in their sentences. A claim takes one figure per article, each
// linked to at least half of the claim's others; it needs two outlets. A claim is a disagreement
// when two of its outlets give values that differ beyond rounding: exactly different, or more than
// 5% apart when either says "about", "more than" or the like.
#pragma once

#include <string>
#include <vector>

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
// report.
std::vector<NumberClaim> FindNumberClaims(const std::vector<ArticleTokens>& articles);

// True when `a` and `b` state the same number, allowing for rounding when either is
// approximate.
bool SameNumber(const NumberReport& a, const NumberReport& b);

}  // namespace storyline
