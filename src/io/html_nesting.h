// Bounds the element nesting of an HTML document before it reaches the HTML5 parser.
// Gumbo's tree builder scans the stack of open elements for many start and end tags, so
// its time grows with the square of the nesting depth (a 20,000-deep page takes
// seconds) and its tree teardown recurses once per level. Real pages stay far below a
// few hundred levels; past `max_depth`, further container start tags and the end tags
// that would close them are removed. Pages within the limit come back unchanged.
#pragma once

#include <string>
#include <string_view>

namespace storyline {

inline constexpr int kMaxHtmlNesting = 256;

std::string LimitHtmlNesting(std::string_view html, int max_depth = kMaxHtmlNesting);

}  // namespace storyline
