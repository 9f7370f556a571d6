#include "collect/http_fetcher.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <ctime>
#include <mutex>
#include <set>

#include "io/canonical_url.h"
#include "io/http_response.h"
#include "text/ascii.h"

namespace storyline {
namespace {

CURL* Handle(void* curl) { return static_cast<CURL*>(curl); }

bool IsRedirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// The value of header `name` in a response head, empty when absent.
std::string HeaderValue(std::string_view head, std::string_view name) {
  while (!head.empty()) {
    const size_t end = head.find("\r\n");
    const std::string_view line = head.substr(0, end);
    head.remove_prefix(end == std::string_view::npos ? head.size() : end + 2);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos &&
        AsciiLower(TrimAsciiSpace(line.substr(0, colon))) == name) {
      return std::string(TrimAsciiSpace(line.substr(colon + 1)));
    }
  }
  return {};
}

// libcurl undoes chunking before the body reaches us, so the archived head must not
// claim a chunked body any more (readers would try to undo it again). The header is
// kept under another name, as other archiving crawlers do.
std::string WithoutTransferEncoding(const std::string& head) {
  std::string out;
  size_t at = 0;
  while (at < head.size()) {
    const size_t end = std::min(head.find("\r\n", at), head.size());
    const std::string line = head.substr(at, end - at);
    const size_t colon = line.find(':');
    const bool transfer_encoding =
        colon != std::string::npos &&
        AsciiLower(TrimAsciiSpace(line.substr(0, colon))) == "transfer-encoding";
    out += transfer_encoding ? "X-Storyline-" + line : line;
    if (end < head.size()) out += "\r\n";
    at = end + 2;
  }
  return out;
}

void InitialiseCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One request and its response, as they went over the wire.
struct Hop {
  CURLcode code = CURLE_OK;
  long status = 0;
  bool too_large = false;
  size_t max_bytes = 0;
  std::string request_head;
  std::string response_head;
  std::string body;
  std::string ip;
  std::string location;
  std::optional<double> retry_after;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* hop = static_cast<Hop*>(user);
  if (hop->body.size() + size * count > hop->max_bytes) {
    hop->too_large = true;
    return 0;  // aborts the transfer
  }
  hop->body.append(data, size * count);
  return size * count;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* hop = static_cast<Hop*>(user);
  const std::string_view line(data, size * count);
  // A new status line (after "100 Continue") starts the head afresh.
  if (line.starts_with("HTTP/")) hop->response_head.clear();
  hop->response_head.append(line);
  return size * count;
}

int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) static_cast<Hop*>(user)->request_head.append(data, size);
  return 0;
}

// A GET of `url`, never following a redirect itself.
Hop Get(CURL* curl, const FetchOptions& options, const std::string& url,
        const FetchRequest& request) {
  curl_easy_reset(curl);  // keeps the open connections
  Hop hop;
  hop.max_bytes = options.max_body_bytes;
  curl_slist* headers = nullptr;
  if (!request.etag.empty())
    headers = curl_slist_append(headers, ("If-None-Match: " + request.etag).c_str());
  if (!request.last_modified.empty()) {
    headers = curl_slist_append(headers, ("If-Modified-Since: " + request.last_modified).c_str());
  }
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);  // archived as HTTP/1.1
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip, deflate, br");
  curl_easy_setopt(curl, CURLOPT_HTTP_CONTENT_DECODING, 0L);  // decoded by us, archived as sent
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, options.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(options.max_body_bytes));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &hop);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &hop);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, OnDebug);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &hop);
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);  // routes the request head to OnDebug
  hop.code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &hop.status);
  char* text = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_PRIMARY_IP, &text) == CURLE_OK && text != nullptr)
    hop.ip = text;
  text = nullptr;
  if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &text) == CURLE_OK && text != nullptr) {
    hop.location = text;
  }
  curl_off_t retry_after = 0;
  if (curl_easy_getinfo(curl, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
    hop.retry_after = static_cast<double>(retry_after);
  }
  return hop;
}

}  // namespace

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

HttpFetcher::HttpFetcher(FetchOptions options) : options_(std::move(options)) {
  InitialiseCurl();
  curl_ = curl_easy_init();
  if (curl_ == nullptr) throw std::runtime_error("cannot start libcurl");
}

HttpFetcher::~HttpFetcher() { curl_easy_cleanup(Handle(curl_)); }

FetchResult HttpFetcher::Fetch(const FetchRequest& request,
                               const std::function<bool(const std::string& url)>& allowed) {
  FetchResult result;
  result.url = request.url;
  std::set<std::string> visited;
  std::string url = request.url;
  for (int redirects = 0;; ++redirects) {
    result.final_url = url;
    const std::string canonical = CanonicalUrl(url);
    if (canonical.empty()) {
      result.error = "not an http or https address";
      return result;
    }
    if (!visited.insert(canonical).second) {
      result.error = "redirect loop";
      return result;
    }
    if (allowed && !allowed(url)) {
      result.error = "disallowed by robots.txt";
      return result;
    }
    Hop hop = Get(Handle(curl_), options_, url, request);
    result.status = static_cast<int>(hop.status);
    result.retry_after = hop.retry_after;
    if (hop.too_large || hop.code == CURLE_FILESIZE_EXCEEDED) {
      result.error = fmt::format("body over the limit of {} bytes", options_.max_body_bytes);
      return result;
    }
    if (hop.code == CURLE_OPERATION_TIMEDOUT) {
      result.error = fmt::format("no complete answer within {} s", options_.timeout_seconds);
      result.no_answer = true;
      return result;
    }
    if (hop.code != CURLE_OK) {
      result.error = curl_easy_strerror(hop.code);
      result.no_answer = true;
      return result;
    }
    const std::string head = WithoutTransferEncoding(hop.response_head);
    result.exchanges.push_back(
        {url, UtcNow(), hop.ip, std::move(hop.request_head), head, hop.body});
    if (IsRedirect(hop.status) && !hop.location.empty()) {
      if (redirects == options_.max_redirects) {
        result.error = fmt::format("more than {} redirects", options_.max_redirects);
        return result;
      }
      url = hop.location;
      continue;
    }
    result.etag = HeaderValue(head, "etag");
    result.last_modified = HeaderValue(head, "last-modified");
    HttpResponse response;
    result.error = ParseHttpResponse(head + hop.body, options_.max_body_bytes, response);
    result.content_type = response.content_type;
    result.body = std::move(response.body);
    return result;
  }
}

}  // namespace storyline
