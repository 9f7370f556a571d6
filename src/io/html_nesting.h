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
// Elements: the parsed tree costs some 800 bytes of memory per element with its text and
// attributes, and the extractor's flat copy of it 250 more, so a page of tiny elements
// (a 50 MB link farm) cost 25 times its size. A page with more elements than
// ElementBudget allows for its size is refused: at the budget, a page peaks at about 8
// times its size.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

inline constexpr int kMaxHtmlNesting = 256;
inline constexpr int kMaxHtmlAttributes = 128;
// News pages have one element per 60 bytes or more, and rarely 10,000 in all: the budget
// bites only on pages past 1.7 MB that are also that dense.
inline constexpr size_t kMinElementBudget = 20000;
inline constexpr size_t kBytesPerElement = 256;

size_t ElementBudget(size_t bytes);

// The page with nesting and attributes bounded; nullopt when it has too many elements.
std::optional<std::string> BoundHtmlForParser(std::string_view html);

// Only the nesting bound.
std::string LimitHtmlNesting(std::string_view html, int max_depth = kMaxHtmlNesting);

}  // namespace storyline
