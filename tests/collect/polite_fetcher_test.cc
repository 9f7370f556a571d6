// The polite fetcher against real HTTP servers on loopback. "127.0.0.1" and "localhost"
// on one port are two sites to the fetcher, which is how one server plays two.
#include "collect/polite_fetcher.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <thread>

#include "io/canonical_url.h"
#include "loopback_server.h"

namespace storyline {
namespace {

using Clock = std::chrono::steady_clock;

// A server that records, per Host header, when each request arrived and how many were
// being served at once.
class RecordingServer {
 public:
  explicit RecordingServer(std::string robots, int robots_status = 200) {
    httplib::Server& server = http_.routes();
    server.Get("/robots.txt",
               [this, robots, robots_status](const httplib::Request& req, httplib::Response& res) {
                 Enter(req);
                 res.status = robots_status;
                 if (robots_status == 200) res.set_content(robots, "text/plain");
                 Leave(req);
               });
    server.Get(R"(/(page|private)/(\d+))", [this](const httplib::Request& req,
                                                  httplib::Response& res) {
      Enter(req);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      res.set_content("<html><body>page " + req.matches[2].str() + "</body></html>", "text/html");
      Leave(req);
    });
    server.Get("/meet", [this](const httplib::Request& req, httplib::Response& res) {
      // Answers only once a request for the other site is in too: proof of parallel sites.
      Enter(req);
      std::unique_lock lock(mutex_);
      ++meeting_;
      met_.notify_all();
      const bool both =
          met_.wait_for(lock, std::chrono::seconds(10), [this] { return meeting_ >= 2; });
      lock.unlock();
      res.set_content(both ? "met" : "alone", "text/plain");
      Leave(req);
    });
    server.Get("/busy", [this](const httplib::Request& req, httplib::Response& res) {
      Enter(req);
      res.status = 429;
      res.set_header("Retry-After", req.get_param_value("wait"));
      Leave(req);
    });
    http_.Start();
  }

  std::string Url(const std::string& host, const std::string& path) const {
    return http_.Url(host, path);
  }
  std::vector<std::pair<std::string, Clock::time_point>> Arrivals(const std::string& host) {
    std::lock_guard lock(mutex_);
    return arrivals_[host];
  }
  int MostAtOnce(const std::string& host) {
    std::lock_guard lock(mutex_);
    return most_at_once_[host];
  }

 private:
  static std::string HostName(const httplib::Request& req) {
    const std::string host = req.get_header_value("Host");
    return host.substr(0, host.find(':'));
  }
  void Enter(const httplib::Request& req) {
    std::lock_guard lock(mutex_);
    const std::string host = HostName(req);
    arrivals_[host].emplace_back(req.path, Clock::now());
    most_at_once_[host] = std::max(most_at_once_[host], ++at_once_[host]);
  }
  void Leave(const httplib::Request& req) {
    std::lock_guard lock(mutex_);
    --at_once_[HostName(req)];
  }

  std::mutex mutex_;
  std::condition_variable met_;
  int meeting_ = 0;
  std::map<std::string, std::vector<std::pair<std::string, Clock::time_point>>> arrivals_;
  std::map<std::string, int> at_once_;
  std::map<std::string, int> most_at_once_;
  LoopbackServer http_;
};

std::vector<FetchRequest> Requests(const std::vector<std::string>& urls) {
  std::vector<FetchRequest> requests;
  for (const std::string& url : urls) {
    FetchRequest request;
    request.url = url;
    requests.push_back(request);
  }
  return requests;
}

std::map<std::string, FetchResult> FetchAll(PoliteFetcher& fetcher,
                                            const std::vector<std::string>& urls) {
  std::map<std::string, FetchResult> results;
  fetcher.FetchAll(Requests(urls), [&](FetchResult&& r) { results[r.url] = std::move(r); });
  return results;
}

PoliteOptions Options(double host_delay) {
  PoliteOptions options;
  options.fetch.timeout_seconds = 15;
  options.host_delay = host_delay;
  return options;
}

TEST(PoliteFetcherTest, RobotsReadOnceAndObeyed) {
  RecordingServer server("User-agent: *\nDisallow: /private/\n");
  std::vector<std::string> archived;
  PoliteFetcher fetcher(Options(0), [&](const HttpExchange& e) { archived.push_back(e.url); });
  auto results = FetchAll(
      fetcher, {server.Url("127.0.0.1", "/page/1"), server.Url("127.0.0.1", "/private/2")});
  EXPECT_TRUE(results[server.Url("127.0.0.1", "/page/1")].ok());
  EXPECT_EQ(results[server.Url("127.0.0.1", "/private/2")].error, "disallowed by robots.txt");
  results = FetchAll(fetcher, {server.Url("127.0.0.1", "/page/3")});
  EXPECT_TRUE(results[server.Url("127.0.0.1", "/page/3")].ok());
  const auto arrivals = server.Arrivals("127.0.0.1");
  ASSERT_EQ(arrivals.size(), 3u);  // robots.txt once, then the two allowed pages
  EXPECT_EQ(arrivals[0].first, "/robots.txt");
  EXPECT_EQ(archived, (std::vector<std::string>{server.Url("127.0.0.1", "/robots.txt"),
                                                server.Url("127.0.0.1", "/page/1"),
                                                server.Url("127.0.0.1", "/page/3")}));
}

TEST(PoliteFetcherTest, OneRequestAtATimePerSiteWithTheDelayBetween) {
  RecordingServer server("");
  PoliteFetcher fetcher(Options(0.2), nullptr);
  std::vector<std::string> urls;
  for (int i = 0; i < 4; ++i) urls.push_back(server.Url("127.0.0.1", "/page/" + std::to_string(i)));
  const auto results = FetchAll(fetcher, urls);
  for (const auto& [url, result] : results) EXPECT_TRUE(result.ok()) << url << result.error;
  const auto arrivals = server.Arrivals("127.0.0.1");
  ASSERT_EQ(arrivals.size(), 5u);
  EXPECT_EQ(server.MostAtOnce("127.0.0.1"), 1);
  for (size_t i = 1; i < arrivals.size(); ++i) {
    // The delay runs from the end of one request to the start of the next, so the gap
    // between arrivals is at least the delay.
    EXPECT_GE(arrivals[i].second - arrivals[i - 1].second, std::chrono::milliseconds(200));
  }
}

TEST(PoliteFetcherTest, SitesAreFetchedInParallel) {
  RecordingServer server("");
  PoliteFetcher fetcher(Options(0), nullptr);
  const auto results =
      FetchAll(fetcher, {server.Url("127.0.0.1", "/meet"), server.Url("localhost", "/meet")});
  ASSERT_EQ(results.size(), 2u);
  for (const auto& [url, result] : results) EXPECT_EQ(result.body, "met") << url;
}

TEST(PoliteFetcherTest, NoRobotsAllowsAllAnUnreachableOneNothing) {
  RecordingServer missing("", 404);
  PoliteFetcher fetcher(Options(0), nullptr);
  EXPECT_TRUE(FetchAll(fetcher, {missing.Url("127.0.0.1", "/page/1")}).begin()->second.ok());

  RecordingServer failing("", 503);
  PoliteFetcher other(Options(0), nullptr);
  const auto results = FetchAll(other, {failing.Url("127.0.0.1", "/page/1")});
  EXPECT_EQ(results.begin()->second.error, "disallowed by robots.txt");
  EXPECT_EQ(failing.Arrivals("127.0.0.1").size(), 1u);  // the page itself was never asked for
}

TEST(PoliteFetcherTest, RetryAfterHoldsTheSiteBack) {
  RecordingServer server("");
  PoliteFetcher fetcher(Options(0), nullptr);
  auto results = FetchAll(
      fetcher, {server.Url("127.0.0.1", "/busy?wait=1"), server.Url("127.0.0.1", "/page/1")});
  EXPECT_EQ(results[server.Url("127.0.0.1", "/busy?wait=1")].status, 429);
  EXPECT_TRUE(results[server.Url("127.0.0.1", "/page/1")].ok());
  const auto arrivals = server.Arrivals("127.0.0.1");
  ASSERT_EQ(arrivals.size(), 3u);
  EXPECT_GE(arrivals[2].second - arrivals[1].second, std::chrono::seconds(1));

  // A wait past max_wait ends the site's turn: the page is not asked for this time.
  results = FetchAll(
      fetcher, {server.Url("127.0.0.1", "/busy?wait=3600"), server.Url("127.0.0.1", "/page/2")});
  EXPECT_EQ(results[server.Url("127.0.0.1", "/page/2")].error, "the site asked to wait 3600 s");
  EXPECT_EQ(server.Arrivals("127.0.0.1").size(), 4u);
}

TEST(PoliteFetcherTest, AStopEndsTheRunBetweenRequests) {
  RecordingServer server("");
  PoliteFetcher fetcher(Options(0), nullptr);
  int delivered = 0;
  fetcher.FetchAll(
      Requests({server.Url("127.0.0.1", "/page/1"), server.Url("127.0.0.1", "/page/2")}),
      [&](FetchResult&&) { ++delivered; }, [&] { return delivered >= 1; });
  EXPECT_EQ(delivered, 1);
}

TEST(PoliteFetcherTest, SitesAreSchemeHostAndPort) {
  EXPECT_EQ(SiteOf("HTTPS://News.Example.com/a/b?c=1"), "https://news.example.com");
  EXPECT_EQ(SiteOf("http://news.example.com:8080/"), "http://news.example.com:8080");
  EXPECT_EQ(SiteOf("https://news.example.com:443/x"), "https://news.example.com");
  EXPECT_EQ(SiteOf("mailto:x@example.com"), "");
}

}  // namespace
}  // namespace storyline
