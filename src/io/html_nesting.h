// Bounds the work of the HTML5 parser before a page reaches it. Real pages stay far
// below every bound; pages within them come back unchanged.
//
// Nesting: Gumbo's tree builder scans the stack of open elements for many start and end
// tags, so its time grows with the square of the nesting depth (a 20,000-deep page takes
// seconds) and its tree teardown recurses once per level. Past `max_depth`, further
// container start tags and the end tags that would close them are removed.
//
// Attributes: Gumbo checks each new attribute of an element against all the ones before
// it, so 200,000 attributes on one element take minutes. Past kMaxHtmlAttributes (real
// pages use a few dozen at most), an element's further attributes are removed.
//
// Elements: the parsed tree and the extractor's view of it cost some 600 bytes of memory
// per element, so a page of tiny elements (a 50 MB link farm) costs 25 times its size. A
// page with more elements than ElementBudget allows for its size is refused.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

inline constexpr int kMaxHtmlNesting = 256;
inline constexpr int kMaxHtmlAttributes = 128;
// Real news pages have one element per 60 bytes or more, and rarely 10,000 in all.
inline constexpr size_t kMinElementBudget = 20000;
inline constexpr size_t kBytesPerElement = 128;

size_t ElementBudget(size_t bytes);

// The page with nesting and attributes bounded; nullopt when it has too many elements.
std::optional<std::string> BoundHtmlForParser(std::string_view html);

// Only the nesting bound.
std::string LimitHtmlNesting(std::string_view html, int max_depth = kMaxHtmlNesting);

}  // namespace storyline
