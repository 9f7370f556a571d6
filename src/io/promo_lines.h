// Lines of a page's extracted text that are the site talking, not the article: teasers
// for other stories ("READ MORE: ...", a "DON'T MISS" or "You may also like..." heading
// and the headlines under it, links tagged "[VIDEO]"), calls to action ("Click here to
// get the app"), newsletter pitches and blog furniture ("Posted in News
// | Permalink | 10 Comments", "Comments are closed."). Markup does not always mark them
// (they sit in the article's own paragraphs), so they are recognised by how they read.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

// `text` (lines separated by '\n') without such lines.
std::string WithoutPromoLines(std::string_view text);

}  // namespace storyline
