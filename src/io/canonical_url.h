// Web addresses as `follow` and the WARC reader compare them. One page is often reached by
// several spellings of its address (host case, an explicit default port, "./" segments, a
// #fragment, the campaign parameters newsletters and social sites append); the canonical
// spelling lets the collector fetch and store such a page once, and names its article the
// same whether it comes from the web or back from an archive. Built on uriparser (RFC 3986).
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

// "https://example.com:8443" for any URL of that site; empty for what is not http(s).
std::string SiteOf(const std::string& url);

// The address that names the article on a page fetched from `fetched_url` (after any
// redirects) which states `own_url` as its own address (rel=canonical, og:url; may be
// empty or relative): the canonical spelling of `own_url` when it names a page of the
// same site (a "www." prefix aside) and is not the site's home page while the fetched page
// is not (templates that name the home page on every article), else that of
// `fetched_url`. So a page reached by several addresses is one article. Empty when
// `fetched_url` is not an http(s) address.
std::string PageAddress(const std::string& fetched_url, const std::string& own_url);

}  // namespace storyline
