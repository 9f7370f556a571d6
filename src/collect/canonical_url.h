// Web addresses as `follow` compares them. One page is often reached by several spellings
// of its address (host case, an explicit default port, "./" segments, a #fragment, the
// campaign parameters newsletters and social sites append); the canonical spelling lets
// the collector fetch and store such a page once. Built on uriparser (RFC 3986).
#pragma once

#include <string>
#include <string_view>

namespace storyline {

// What `reference` (a link as a feed or page writes it, relative or absolute, with
// surrounding whitespace) points to when read on the page at `base`, an absolute URL.
// Empty when either is not a URL or the result is not an http or https address.
std::string ResolveUrl(std::string_view base, std::string_view reference);

// The canonical spelling of an absolute http or https URL: scheme and host in lower case
// (the host without a trailing dot), no default port, dot segments resolved, percent-
// escapes normalised, "/" for an empty path, no fragment, and no tracking parameters
// (the other parameters keep their order). Empty when `url` is not such a URL.
std::string CanonicalUrl(std::string_view url);

// Whether a query parameter only records how a reader arrived (utm_source, fbclid, ...)
// and never changes the page served.
bool IsTrackingParameter(std::string_view name);

}  // namespace storyline
