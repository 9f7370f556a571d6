// Fetches many pages across many sites the way a good citizen of the web does:
//
// - Sites in parallel (up to `parallel_hosts` at once), but one request at a time per
//   site, with at least `host_delay` seconds between the end of one request and the
//   start of the next (or the site's Crawl-delay when longer, up to `max_wait`).
// - robots.txt read once per site and kept for a day: a 2xx is obeyed; a 4xx (no
//   robots.txt) allows everything; a 5xx or no answer allows nothing, and is asked again
//   after `unreachable_robots_retry` seconds (RFC 9309, section 2.3.1).
// - A 429 or 503 with Retry-After holds the site back that long; a wait longer than
//   `max_wait` ends the site's turn (its other pages report the wait and are asked for
//   again next time). Errors back off: each failure in a row doubles the site's delay,
//   up to 32 times; a success resets it.
//
// The state of each site (robots rules, when it may next be asked, backoff) lives as long
// as the fetcher, across calls of FetchAll, so a follow loop stays polite between polls.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "collect/http_fetcher.h"
#include "collect/robots_rules.h"

namespace storyline {

struct PoliteOptions {
  FetchOptions fetch;
  std::string robots_token = "storyline";  // the product token robots.txt groups name
  double host_delay = 1.0;
  int parallel_hosts = 8;
  double max_wait = 600;
  double unreachable_robots_retry = 600;
};

class PoliteFetcher {
 public:
  // `archive` (may be null) sees every exchange made, robots.txt included, one at a time.
  PoliteFetcher(PoliteOptions options, std::function<void(const HttpExchange&)> archive);

  // Fetches every request and hands each result to `on_result` (one call at a time, from
  // the worker threads) as it finishes. `stop` (may be null) is asked between requests;
  // once it says true, requests not yet started are dropped without a result.
  void FetchAll(const std::vector<FetchRequest>& requests,
                const std::function<void(FetchResult&&)>& on_result,
                const std::function<bool()>& stop = nullptr);

 private:
  using Clock = std::chrono::steady_clock;
  struct Site {
    std::optional<RobotsRules> robots;
    Clock::time_point robots_expire;
    Clock::time_point next_request;
    int failures_in_a_row = 0;
  };

  void FetchSite(const std::string& site, const std::vector<const FetchRequest*>& requests,
                 HttpFetcher& fetcher, const std::function<void(FetchResult&&)>& on_result,
                 const std::function<bool()>& stop);
  const RobotsRules& Robots(const std::string& site, HttpFetcher& fetcher,
                            const std::function<bool()>& stop);
  // Sleeps until the site may be asked again; false if `stop` said so meanwhile.
  bool WaitTurn(const std::string& site, const std::function<bool()>& stop);
  // Records the outcome of a request: when the site may be asked next.
  void AfterRequest(const std::string& site, const FetchResult& result);
  void Archive(const FetchResult& result);
  Site& SiteState(const std::string& site);

  PoliteOptions options_;
  std::function<void(const HttpExchange&)> archive_;
  std::mutex mutex_;  // guards sites_ and the calls of archive_ and on_result
  std::map<std::string, Site> sites_;
};

}  // namespace storyline
