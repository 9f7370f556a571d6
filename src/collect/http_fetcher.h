// One HTTP client for one host at a time, with libcurl: a GET that follows redirects
// itself (at most `max_redirects`, never in a loop, each hop checked against robots.txt
// through `allowed`), asks for compressed bodies as browsers do (gzip, deflate, br) and
// keeps what came over the wire for the archive, sends the validators of a previous
// fetch (If-None-Match, If-Modified-Since) so an unchanged feed costs a 304, and gives
// up past `timeout_seconds` or `max_body_bytes` (compressed or decoded).
//
// Politeness across requests (one at a time per host, the delay, backoff, Retry-After)
// belongs to the caller (collect/polite_fetcher.h); this class only reports what the
// server asked for. Not thread-safe: one fetcher per thread (it keeps its connections).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "collect/warc_writer.h"

namespace storyline {

struct FetchOptions {
  std::string user_agent = "storyline/0.1";
  long timeout_seconds = 30;
  size_t max_body_bytes = 16u << 20;
  int max_redirects = 5;
};

struct FetchRequest {
  std::string url;
  std::string etag;           // from the previous fetch, to send as If-None-Match
  std::string last_modified;  // from the previous fetch, to send as If-Modified-Since
};

struct FetchResult {
  std::string url;           // as requested
  std::string final_url;     // after redirects
  int status = 0;            // of the last response; 0 when none came
  std::string error;         // why there is no usable response; empty when status says it all
  std::string content_type;  // lower-cased, with its parameters ("text/html; charset=utf-8")
  std::string etag;
  std::string last_modified;
  std::optional<double> retry_after;    // seconds the server asked to wait (429, 503)
  std::string body;                     // decoded
  std::vector<HttpExchange> exchanges;  // every hop as received, for the archive
  // No answer came, for a reason that may pass: a timeout, a connection that failed, a
  // site that asked us to wait.
  bool no_answer = false;

  bool ok() const { return error.empty() && status == 200; }
  // Whether asking again later may succeed: no answer came, or the server said it is
  // failing or busy for now (a 5xx, 429, 408). Not for a page that is gone, refused by
  // robots.txt, in a redirect loop or too large.
  bool MayComeBack() const {
    return no_answer || (error.empty() && (status >= 500 || status == 429 || status == 408));
  }
};

class HttpFetcher {
 public:
  explicit HttpFetcher(FetchOptions options);
  ~HttpFetcher();
  HttpFetcher(const HttpFetcher&) = delete;
  HttpFetcher& operator=(const HttpFetcher&) = delete;

  // `allowed` says whether robots.txt lets us fetch a URL; null allows everything.
  FetchResult Fetch(const FetchRequest& request,
                    const std::function<bool(const std::string& url)>& allowed = nullptr);

 private:
  FetchOptions options_;
  void* curl_;  // CURL*, kept between requests so connections are reused
};

// The current time as WARC-Date and log lines write it: "2024-08-21T10:00:00Z".
std::string UtcNow();

}  // namespace storyline
