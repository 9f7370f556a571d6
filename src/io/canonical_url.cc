#include "io/canonical_url.h"

#include <uriparser/Uri.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace storyline {
namespace {

// A URL parsed by uriparser. The parse points into `text`, which it therefore owns.
class ParsedUrl {
 public:
  explicit ParsedUrl(std::string text) : text_(std::move(text)) {
    const char* error_at = nullptr;
    ok_ = uriParseSingleUriA(&uri_, text_.c_str(), &error_at) == URI_SUCCESS;
  }
  ~ParsedUrl() {
    if (ok_) uriFreeUriMembersA(&uri_);
  }
  ParsedUrl(const ParsedUrl&) = delete;
  ParsedUrl& operator=(const ParsedUrl&) = delete;

  bool ok() const { return ok_; }
  UriUriA* uri() { return &uri_; }

 private:
  std::string text_;
  UriUriA uri_{};
  bool ok_ = false;
};

std::string Text(const UriTextRangeA& range) {
  if (range.first == nullptr || range.afterLast == nullptr) return {};
  return std::string(range.first, range.afterLast);
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool IsHttpScheme(const UriUriA& uri) {
  const std::string scheme = Lower(Text(uri.scheme));
  return scheme == "http" || scheme == "https";
}

std::string ToString(const UriUriA& uri) {
  int chars = 0;
  if (uriToStringCharsRequiredA(&uri, &chars) != URI_SUCCESS) return {};
  std::string out(static_cast<size_t>(chars) + 1, '\0');
  if (uriToStringA(out.data(), &uri, chars + 1, nullptr) != URI_SUCCESS) return {};
  out.resize(static_cast<size_t>(chars));
  return out;
}

// Links in feeds arrive with the line breaks and indentation of the XML around them, and
// now and then with a raw space inside, which RFC 3986 does not allow.
std::string CleanReference(std::string_view reference) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!reference.empty() && is_space(reference.front())) reference.remove_prefix(1);
  while (!reference.empty() && is_space(reference.back())) reference.remove_suffix(1);
  std::string out;
  out.reserve(reference.size());
  for (const char c : reference) {
    if (c == ' ') {
      out += "%20";
    } else if (c != '\r' && c != '\n' && c != '\t') {
      out += c;
    }
  }
  return out;
}

// The query without tracking parameters and empty items, the rest in their order.
std::string QueryWithoutTracking(std::string_view query) {
  std::string kept;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (item.empty() || IsTrackingParameter(item.substr(0, item.find('=')))) continue;
    if (!kept.empty()) kept += '&';
    kept += item;
  }
  return kept;
}

std::string Path(const UriUriA& uri) {
  std::string path;
  for (const UriPathSegmentA* segment = uri.pathHead; segment != nullptr; segment = segment->next) {
    path += '/';
    path += Text(segment->text);
  }
  return path.empty() ? "/" : path;
}

std::string Host(const UriUriA& uri) {
  std::string host = Lower(Text(uri.hostText));
  if (uri.hostData.ip6 != nullptr || uri.hostData.ipFuture.first != nullptr) {
    return "[" + host + "]";
  }
  while (!host.empty() && host.back() == '.') host.pop_back();
  return host;
}

std::string HostWithoutWww(const std::string& url) {
  std::string site = SiteOf(url);
  const size_t scheme_end = site.find("://");
  if (scheme_end != std::string::npos) site = site.substr(scheme_end + 3);
  if (site.starts_with("www.")) site = site.substr(4);
  return site;
}

bool IsSiteRoot(const std::string& canonical_url) {
  return canonical_url == SiteOf(canonical_url) + "/";
}

}  // namespace

bool IsTrackingParameter(std::string_view name) {
  static constexpr std::array<std::string_view, 18> kNames = {
      "fbclid", "gclid", "gclsrc", "dclid",  "msclkid", "twclid",  "yclid", "igshid", "mc_cid",
      "mc_eid", "_ga",   "_gl",    "_hsenc", "_hsmi",   "mkt_tok", "ocid",  "cmpid",  "smid"};
  const std::string lower = Lower(std::string(name));
  if (lower.starts_with("utm_")) return true;
  return std::find(kNames.begin(), kNames.end(), lower) != kNames.end();
}

std::string SiteOf(const std::string& url) {
  const std::string canonical = CanonicalUrl(url);
  if (canonical.empty()) return {};
  const size_t path = canonical.find('/', canonical.find("://") + 3);
  return canonical.substr(0, path);
}

std::string PageAddress(const std::string& fetched_url, const std::string& own_url) {
  const std::string fetched = CanonicalUrl(fetched_url);
  if (fetched.empty() || own_url.empty()) return fetched;
  const std::string own = CanonicalUrl(ResolveUrl(fetched_url, own_url));
  if (own.empty() || HostWithoutWww(own) != HostWithoutWww(fetched)) return fetched;
  if (IsSiteRoot(own) && !IsSiteRoot(fetched)) return fetched;
  return own;
}

std::string ResolveUrl(std::string_view base, std::string_view reference) {
  ParsedUrl base_url(CleanReference(base));
  ParsedUrl reference_url(CleanReference(reference));
  if (!base_url.ok() || !reference_url.ok() || base_url.uri()->scheme.first == nullptr) {
    return {};
  }
  UriUriA resolved{};
  if (uriAddBaseUriA(&resolved, reference_url.uri(), base_url.uri()) != URI_SUCCESS) return {};
  // "https:/=/x" resolves to an http(s) address with no host: no web address either.
  const bool web = IsHttpScheme(resolved) && resolved.hostText.first != resolved.hostText.afterLast;
  const std::string out = web ? ToString(resolved) : std::string();
  uriFreeUriMembersA(&resolved);
  return out;
}

std::string CanonicalUrl(std::string_view url) {
  ParsedUrl parsed(CleanReference(url));
  if (!parsed.ok()) return {};
  UriUriA& uri = *parsed.uri();
  if (!IsHttpScheme(uri) || uri.hostText.first == uri.hostText.afterLast) return {};
  if (uriNormalizeSyntaxA(&uri) != URI_SUCCESS) return {};
  const std::string scheme = Lower(Text(uri.scheme));
  std::string out = scheme + "://";
  if (uri.userInfo.first != nullptr) out += Text(uri.userInfo) + "@";
  out += Host(uri);
  const std::string port = Text(uri.portText);
  const bool default_port =
      port.empty() || (scheme == "http" && port == "80") || (scheme == "https" && port == "443");
  if (!default_port) out += ":" + port;
  out += Path(uri);
  const std::string query = QueryWithoutTracking(Text(uri.query));
  if (!query.empty()) out += "?" + query;
  return out;
}

}  // namespace storyline
