// Words of a web page's furniture that the reader left in an article's text: buttons,
// bylines and captions ("Skip Ad", "Buy Photo", "Posted by", "Share this", "Read more",
// "Hide caption"). The recognizer, seeing capitals, reads them as names ("Skip Ad Ad",
// "Buy Photo Police"), and as entities they would be linked across every article of the
// site.
//
// A mention is dropped when its words, with the word after it, hold one of those phrases
// with at least one of its words inside the mention, or when every word of it is a
// furniture word of its own ("Advertisement", "Sponsored", "Subscribe", "Share", "Ad").
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.h"

namespace storyline {

// `text` is what the mentions' spans point into.
void DropPageFurniture(std::string_view text, std::vector<EntityMention>& mentions);

}  // namespace storyline
