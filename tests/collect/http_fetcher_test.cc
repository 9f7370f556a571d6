// The fetcher against a real HTTP server (cpp-httplib) on loopback, started per test.
#include "collect/http_fetcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "io/http_response.h"
#include "loopback_server.h"

namespace storyline {
namespace {

const std::string kPage =
    "<html><head><title>Council votes</title></head><body><p>The council voted on "
    "Tuesday.</p></body></html>";

FetchRequest Request(const std::string& url) {
  FetchRequest request;
  request.url = url;
  return request;
}

class LocalServer {
 public:
  LocalServer() {
    httplib::Server& server = http_.routes();
    server.Get("/page", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(kPage, "text/html; charset=utf-8");
    });
    server.Get("/feed", [this](const httplib::Request& req, httplib::Response& res) {
      ++feed_requests;
      if (req.get_header_value("If-None-Match") == "\"v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"v1\"");
      res.set_header("Last-Modified", "Wed, 21 Aug 2024 10:00:00 GMT");
      res.set_content("<rss/>", "application/rss+xml");
    });
    server.Get(R"(/hop/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
      const int left = std::stoi(req.matches[1]);
      if (left == 0) {
        res.set_content(kPage, "text/html");
      } else {
        res.set_redirect("/hop/" + std::to_string(left - 1), 302);
      }
    });
    server.Get("/loop-a", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/loop-b", 301);
    });
    server.Get("/loop-b", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/loop-a", 301);
    });
    server.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(std::chrono::seconds(3));
      res.set_content("late", "text/plain");
    });
    server.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(2 << 20, 'x'), "application/octet-stream");
    });
    server.Get("/chunked-big", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/html", [](size_t, httplib::DataSink& sink) {
        const std::string block(64 * 1024, 'y');
        for (int i = 0; i < 64; ++i) sink.write(block.data(), block.size());
        sink.done();
        return true;
      });
    });
    server.Get("/chunked", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/html", [](size_t, httplib::DataSink& sink) {
        sink.write(kPage.data(), 20);
        sink.write(kPage.data() + 20, kPage.size() - 20);
        sink.done();
        return true;
      });
    });
    server.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
      res.status = 429;
      res.set_header("Retry-After", "7");
    });
    server.Get("/missing",
               [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    http_.Start();
  }
  std::string Url(const std::string& path) const { return http_.Url("127.0.0.1", path); }

  std::atomic<int> feed_requests = 0;

 private:
  LoopbackServer http_;
};

class HttpFetcherTest : public testing::Test {
 protected:
  LocalServer server_;
  HttpFetcher fetcher_{FetchOptions{.user_agent = "storyline-test/1 (+https://example.org/bot)",
                                    .timeout_seconds = 30,
                                    .max_body_bytes = 1 << 20,
                                    .max_redirects = 5}};
};

TEST_F(HttpFetcherTest, APageDecodedWithItsExchangeKeptAsSent) {
  const FetchResult result = fetcher_.Fetch(Request(server_.Url("/page")));
  EXPECT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.body, kPage);
  EXPECT_EQ(result.content_type, "text/html; charset=utf-8");
  ASSERT_EQ(result.exchanges.size(), 1u);
  const HttpExchange& exchange = result.exchanges[0];
  EXPECT_EQ(exchange.url, server_.Url("/page"));
  EXPECT_EQ(exchange.ip_address, "127.0.0.1");
  EXPECT_TRUE(exchange.request_head.starts_with("GET /page HTTP/1.1\r\n"));
  EXPECT_NE(exchange.request_head.find("User-Agent: storyline-test/1 (+https://example.org/bot)"),
            std::string::npos);
  EXPECT_NE(exchange.request_head.find("Accept-Encoding: gzip, deflate, br"), std::string::npos);
  // The archived response decodes to the same page (the server may have compressed it).
  HttpResponse archived;
  EXPECT_EQ(ParseHttpResponse(exchange.response_head + exchange.response_body, 1 << 20, archived),
            "");
  EXPECT_EQ(archived.body, kPage);
}

TEST_F(HttpFetcherTest, ChunkedBodiesAreArchivedUnchunked) {
  const FetchResult result = fetcher_.Fetch(Request(server_.Url("/chunked")));
  EXPECT_TRUE(result.ok()) << result.error;
  EXPECT_EQ(result.body, kPage);
  ASSERT_EQ(result.exchanges.size(), 1u);
  EXPECT_NE(result.exchanges[0].response_head.find("X-Storyline-Transfer-Encoding: chunked"),
            std::string::npos);
}

TEST_F(HttpFetcherTest, ValidatorsTurnASecondPollIntoA304) {
  const FetchResult first = fetcher_.Fetch(Request(server_.Url("/feed")));
  ASSERT_TRUE(first.ok()) << first.error;
  EXPECT_EQ(first.etag, "\"v1\"");
  EXPECT_EQ(first.last_modified, "Wed, 21 Aug 2024 10:00:00 GMT");
  const FetchResult second =
      fetcher_.Fetch({server_.Url("/feed"), first.etag, first.last_modified});
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.error.empty()) << second.error;
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(server_.feed_requests, 2);
}

TEST_F(HttpFetcherTest, RedirectsFollowedUpToTheLimit) {
  const FetchResult five = fetcher_.Fetch(Request(server_.Url("/hop/5")));
  EXPECT_TRUE(five.ok()) << five.error;
  EXPECT_EQ(five.final_url, server_.Url("/hop/0"));
  EXPECT_EQ(five.exchanges.size(), 6u);
  const FetchResult six = fetcher_.Fetch(Request(server_.Url("/hop/6")));
  EXPECT_EQ(six.error, "more than 5 redirects");
}

TEST_F(HttpFetcherTest, ALoopIsNamedNotFollowed) {
  HttpFetcher fetcher({.max_redirects = 50});
  const FetchResult loop = fetcher.Fetch(Request(server_.Url("/loop-a")));
  EXPECT_EQ(loop.error, "redirect loop");
  EXPECT_FALSE(loop.MayComeBack());
  EXPECT_EQ(loop.exchanges.size(), 2u);
}

TEST_F(HttpFetcherTest, LimitsEndAFetchWithAPlainReason) {
  HttpFetcher impatient({.timeout_seconds = 1});
  const FetchResult slow = impatient.Fetch(Request(server_.Url("/slow")));
  EXPECT_EQ(slow.error, "no complete answer within 1 s");
  EXPECT_TRUE(slow.MayComeBack());
  const FetchResult big = fetcher_.Fetch(Request(server_.Url("/big")));
  EXPECT_EQ(big.error, "body over the limit of 1048576 bytes");
  EXPECT_FALSE(big.MayComeBack());
  // The server compresses 4 MiB of one letter to a few KiB: the decoded size is held too.
  EXPECT_EQ(fetcher_.Fetch(Request(server_.Url("/chunked-big"))).error,
            "compressed HTTP body inflates past the limit of 1048576 bytes");
  EXPECT_EQ(fetcher_.Fetch(Request("ftp://127.0.0.1/x")).error, "not an http or https address");
  const FetchResult refused = fetcher_.Fetch(Request("http://127.0.0.1:1/"));
  EXPECT_FALSE(refused.error.empty());
  EXPECT_EQ(refused.status, 0);
  EXPECT_TRUE(refused.MayComeBack());
}

TEST_F(HttpFetcherTest, StatusesAndRetryAfterAreReported) {
  const FetchResult busy = fetcher_.Fetch(Request(server_.Url("/busy")));
  EXPECT_EQ(busy.status, 429);
  EXPECT_FALSE(busy.ok());
  EXPECT_EQ(busy.retry_after, 7.0);
  EXPECT_TRUE(busy.MayComeBack());
  const FetchResult missing = fetcher_.Fetch(Request(server_.Url("/missing")));
  EXPECT_EQ(missing.status, 404);
  EXPECT_FALSE(missing.MayComeBack());
}

TEST_F(HttpFetcherTest, RobotsDecideEveryHop) {
  const auto no_hop_2 = [](const std::string& url) {
    return url.find("/hop/2") == std::string::npos;
  };
  EXPECT_EQ(fetcher_.Fetch(Request(server_.Url("/hop/4")), no_hop_2).error,
            "disallowed by robots.txt");
  EXPECT_TRUE(fetcher_.Fetch(Request(server_.Url("/hop/1")), no_hop_2).ok());
}

}  // namespace
}  // namespace storyline
