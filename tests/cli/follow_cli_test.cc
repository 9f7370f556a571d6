// `storyline follow` end to end against a real news site on loopback: every feed format
// (RSS 2.0 and Atom with conditional GET, RSS 1.0, news sitemaps and sitemap indexes),
// article pages, updates, hostile pages (redirect loops, slow, endless, wrongly labelled),
// failures that are retried, and runs that are stopped or killed.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../collect/loopback_server.h"
#include "../support/test_paths.h"
#include "command_runner.h"
#include "io/canonical_url.h"
#include "store/store.h"

extern char** environ;

namespace storyline {
namespace {

using testing::CommandTest;
using testing::RunStoryline;

// A page the extractor reads as an article: a headline and a few paragraphs about `topic`.
std::string ArticlePage(const std::string& title, const std::string& topic,
                        const std::string& canonical = {}) {
  std::string page = "<html><head><title>" + title + "</title>";
  if (!canonical.empty()) page += "<link rel=\"canonical\" href=\"" + canonical + "\">";
  page += "</head><body><article><h1>" + title + "</h1>";
  for (int i = 0; i < 4; ++i) {
    page += "<p>Officials in Harbor City said on Monday that the " + topic +
            " would continue for several more weeks, according to a statement released by the "
            "port authority after a long meeting with union leaders and city council members.</p>";
  }
  return page + "</article></body></html>";
}

// A news site: an RSS feed and an Atom feed (both answering If-None-Match with 304), and
// article pages, each optionally slow. Counts the requests of each path.
class NewsSite {
 public:
  NewsSite() {
    server_.routes().Get(
        R"(/(rss|atom)\.xml)", [this](const httplib::Request& req, httplib::Response& res) {
          const std::lock_guard lock(mutex_);
          ++hits_[req.path];
          const std::string body =
              req.path == "/rss.xml" ? (rss_body_.empty() ? Rss() : rss_body_) : Atom();
          const std::string etag = "\"" + std::to_string(std::hash<std::string>{}(body)) + "\"";
          if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
          }
          res.set_header("ETag", etag);
          res.set_content(body, "application/xml");
        });
    server_.routes().Get("/robots.txt", [this](const httplib::Request&, httplib::Response& res) {
      const std::lock_guard lock(mutex_);
      if (robots_.empty()) {
        res.status = 404;
        return;
      }
      res.set_content(robots_, "text/plain");
    });
    server_.routes().Get(R"(/news/(.*))",
                         [this](const httplib::Request& req, httplib::Response& res) {
                           std::string body;
                           std::string content_type = "text/html; charset=utf-8";
                           std::string redirect;
                           int status = 0;
                           int delay_ms = page_delay_ms_;
                           {
                             const std::lock_guard lock(mutex_);
                             ++hits_[req.path];
                             hit_times_[req.path].push_back(std::chrono::steady_clock::now());
                             body = pages_[req.path];
                             status = statuses_[req.path];
                             if (const auto failure = failures_.find(req.path);
                                 failure != failures_.end() && failure->second.times > 0) {
                               --failure->second.times;
                               status = failure->second.status;
                               res.set_header("Retry-After", failure->second.retry_after);
                             }
                             if (content_types_.contains(req.path)) {
                               content_type = content_types_[req.path];
                             }
                             redirect = redirects_[req.path];
                             if (delays_.contains(req.path)) delay_ms = delays_[req.path];
                           }
                           std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
                           if (!redirect.empty()) {
                             res.set_redirect(redirect, 302);
                             return;
                           }
                           if (status != 0 || body.empty()) {
                             res.status = status != 0 ? status : 404;
                             return;
                           }
                           res.set_content(body, content_type);
                         });
    // Feeds of any format, as set.
    server_.routes().Get(R"(/feeds/(.*))",
                         [this](const httplib::Request& req, httplib::Response& res) {
                           const std::lock_guard lock(mutex_);
                           ++hits_[req.path];
                           const auto feed = feeds_.find(req.path);
                           if (feed == feeds_.end()) {
                             res.status = 404;
                             return;
                           }
                           res.set_content(feed->second.first, feed->second.second);
                         });
    // A link to something huge (a video a feed lists as an item): 100 MB, sent as asked for.
    server_.routes().Get("/endless", [this](const httplib::Request& req, httplib::Response& res) {
      {
        const std::lock_guard lock(mutex_);
        ++hits_[req.path];
      }
      res.set_chunked_content_provider("video/mp4", [](size_t, httplib::DataSink& sink) {
        std::mt19937 random(7);
        std::string block(64 * 1024, ' ');
        for (char& c : block) c = static_cast<char>('a' + random() % 26);
        for (int sent = 0; sent < 1600; ++sent) {  // 1600 x 64 KiB = 100 MiB
          if (!sink.write(block.data(), block.size())) return false;
        }
        sink.done();
        return true;
      });
    });
    server_.Start();
  }

  std::string Url(const std::string& path) const { return server_.Url("127.0.0.1", path); }

  void SetPage(const std::string& path, std::string html) {
    const std::lock_guard lock(mutex_);
    pages_[path] = std::move(html);
  }
  // Every request of `path` is answered with `status` and no page.
  void SetPageStatus(const std::string& path, int status) {
    const std::lock_guard lock(mutex_);
    statuses_[path] = status;
  }
  // The next `times` requests of `path` are answered with `status` and Retry-After.
  void SetPageFailures(const std::string& path, int status, int times,
                       const std::string& retry_after) {
    const std::lock_guard lock(mutex_);
    failures_[path] = {status, times, retry_after};
  }
  void SetContentType(const std::string& path, std::string content_type) {
    const std::lock_guard lock(mutex_);
    content_types_[path] = std::move(content_type);
  }
  void SetRedirect(const std::string& path, std::string target) {
    const std::lock_guard lock(mutex_);
    redirects_[path] = std::move(target);
  }
  void SetSlowPage(const std::string& path, int ms) {
    const std::lock_guard lock(mutex_);
    delays_[path] = ms;
  }
  // A feed at /feeds/NAME (`path`), any format.
  void SetFeed(const std::string& path, std::string body, std::string content_type) {
    const std::lock_guard lock(mutex_);
    feeds_[path] = {std::move(body), std::move(content_type)};
  }
  // The RSS feed's body as given instead of one built from its items.
  void SetRssBody(std::string body) {
    const std::lock_guard lock(mutex_);
    rss_body_ = std::move(body);
  }
  // robots.txt; none (a 404) when empty.
  void SetRobots(std::string robots) {
    const std::lock_guard lock(mutex_);
    robots_ = std::move(robots);
  }
  void SetRssItems(std::vector<std::string> links) {
    const std::lock_guard lock(mutex_);
    rss_links_ = std::move(links);
  }
  // Atom entries: link and updated time.
  void SetAtomEntries(std::vector<std::pair<std::string, std::string>> entries) {
    const std::lock_guard lock(mutex_);
    atom_entries_ = std::move(entries);
  }
  void SetPageDelay(int ms) { page_delay_ms_ = ms; }
  int Hits(const std::string& path) {
    const std::lock_guard lock(mutex_);
    return hits_[path];
  }
  // Seconds between the first two requests of `path`; 0 when there were fewer.
  double SecondsBetweenFirstTwoHits(const std::string& path) {
    const std::lock_guard lock(mutex_);
    const auto& times = hit_times_[path];
    return times.size() < 2 ? 0 : std::chrono::duration<double>(times[1] - times[0]).count();
  }
  int PageHits() {
    const std::lock_guard lock(mutex_);
    int total = 0;
    for (const auto& [path, count] : hits_) total += path.starts_with("/news/") ? count : 0;
    return total;
  }

 private:
  std::string Rss() const {
    std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Herald</title>";
    for (const std::string& link : rss_links_) {
      xml += "<item><title>t</title><link>" + link + "</link></item>";
    }
    return xml + "</channel></rss>";
  }
  std::string Atom() const {
    std::string xml =
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Gazette</title>";
    for (const auto& [link, updated] : atom_entries_) {
      xml += "<entry><title>t</title><id>" + link + "</id><link href=\"" + link + "\"/><updated>" +
             updated + "</updated></entry>";
    }
    return xml + "</feed>";
  }

  struct Failures {
    int status = 0;
    int times = 0;
    std::string retry_after;
  };

  std::mutex mutex_;
  std::map<std::string, std::string> pages_;
  std::map<std::string, int> hits_;
  std::map<std::string, std::vector<std::chrono::steady_clock::time_point>> hit_times_;
  std::map<std::string, int> statuses_;
  std::map<std::string, Failures> failures_;
  std::map<std::string, std::string> content_types_;
  std::map<std::string, std::string> redirects_;
  std::map<std::string, int> delays_;
  std::map<std::string, std::pair<std::string, std::string>> feeds_;  // body, content type
  std::string rss_body_;
  std::string robots_;
  std::vector<std::string> rss_links_;
  std::vector<std::pair<std::string, std::string>> atom_entries_;
  std::atomic<int> page_delay_ms_{0};
  LoopbackServer server_;  // last: stops before what its handlers use
};

class FollowTest : public CommandTest {
 protected:
  std::string Db() const { return (dir_ / "store.db").string(); }
  // The feed list: the RSS and Atom feeds unless `feed_paths` names others.
  std::string FeedList() {
    const std::string path = (dir_ / "feeds.txt").string();
    std::ofstream list(path);
    if (!feed_paths_.empty()) {
      for (const std::string& feed : feed_paths_) list << site_.Url(feed) << "\n";
      return path;
    }
    list << "# the site's feeds\n"
         << site_.Url("/rss.xml") << "\n\n"
         << site_.Url("/atom.xml") << "  # Atom\n";
    return path;
  }
  std::string FollowArgs(const std::string& extra = {}) {
    return "follow --db " + Db() + " --feeds " + FeedList() + " --host-delay 0 --threads 2 " +
           extra;
  }

  std::unique_ptr<Store> OpenForReading() { return OpenStore(Db(), OpenMode::kReadOnly); }

  // How many stories list `id`, over all stories.
  int StoriesListing(Store& store, const std::string& id) {
    int count = 0;
    for (const Story& story : store.LoadStories()) {
      for (const std::string& article : story.articles) count += article == id;
    }
    return count;
  }

  // Starts `storyline ARGS` without waiting; stderr goes to `err_path`.
  pid_t Spawn(const std::string& args, const std::string& err_path) {
    const std::string command = "exec " + std::string(storyline::test_paths::StorylineBinary()) +
                                " " + args + " 2>" + err_path + " </dev/null";
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    pid_t pid = 0;
    posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ);
    return pid;
  }

  static int ExitStatus(pid_t pid) {
    int raw = 0;
    waitpid(pid, &raw, 0);
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -WTERMSIG(raw);
  }

  static int CountLines(const std::string& path, const std::string& needle) {
    std::ifstream in(path);
    int count = 0;
    for (std::string line; std::getline(in, line);) count += line.find(needle) != std::string::npos;
    return count;
  }

  // Publishes `count` article pages /news/p0, /news/p1, ... in the RSS feed; their links.
  std::vector<std::string> PublishNumberedPages(int count) {
    std::vector<std::string> links;
    for (int i = 0; i < count; ++i) {
      site_.SetPage("/news/p" + std::to_string(i),
                    ArticlePage("Report " + std::to_string(i), "strike day " + std::to_string(i)));
      links.push_back(site_.Url("/news/p" + std::to_string(i)));
    }
    site_.SetRssItems(links);
    return links;
  }

  // Starts a follow run and returns once it has logged `articles` stored articles (or
  // after 30 s); stderr goes to `err_path`.
  pid_t SpawnFollowUntilStored(int articles, const std::string& err_path) {
    const pid_t pid = Spawn(FollowArgs(), err_path);
    for (int i = 0; i < 600 && CountLines(err_path, "article ") < articles; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return pid;
  }

  NewsSite site_;
  std::vector<std::string> feed_paths_;
};

TEST_F(FollowTest, OnceStoresTheFeedsArticlesAndTheirStoriesThenFetchesNothingNew) {
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike at Harbor City", "strike"));
  site_.SetPage("/news/talks", ArticlePage("Port talks resume", "round of talks"));
  site_.SetPage("/news/ferry", ArticlePage("Ferry service cut", "ferry shutdown"));
  // The same page twice in one feed (once with a tracking parameter) and again in the
  // other feed: fetched once.
  site_.SetRssItems({site_.Url("/news/strike"), site_.Url("/news/talks?utm_source=rss"),
                     site_.Url("/news/strike#comments")});
  site_.SetAtomEntries({{site_.Url("/news/ferry"), "2024-05-06T10:00:00Z"},
                        {site_.Url("/news/talks"), "2024-05-06T10:00:00Z"}});

  const auto first = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(site_.Hits("/news/strike"), 1);
  EXPECT_EQ(site_.Hits("/news/talks"), 1);
  EXPECT_EQ(site_.Hits("/news/ferry"), 1);
  {
    auto store = OpenForReading();
    EXPECT_EQ(store->Counts().articles, 3);
    for (const char* path : {"/news/strike", "/news/talks", "/news/ferry"}) {
      const std::string id = site_.Url(path);
      ASSERT_TRUE(store->FindArticle(id).has_value()) << id << "\n" << first.err;
      EXPECT_EQ(StoriesListing(*store, id), 1) << id;
    }
  }

  const auto second = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(site_.PageHits(), 3) << second.err;  // no page fetched again
  EXPECT_EQ(site_.Hits("/rss.xml"), 2);
  EXPECT_NE(second.err.find(" 304 " + site_.Url("/rss.xml")), std::string::npos) << second.err;
  EXPECT_EQ(OpenForReading()->Counts().articles, 3);
}

TEST_F(FollowTest, AnItemItsFeedSaysWasUpdatedBecomesANewVersion) {
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  site_.SetAtomEntries({{site_.Url("/news/strike"), "2024-05-06T10:00:00Z"}});
  ASSERT_EQ(RunStoryline(FollowArgs("--once")).status, 0);

  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike ends", "end of the strike"));
  site_.SetAtomEntries({{site_.Url("/news/strike"), "2024-05-07T08:00:00Z"}});
  const auto second = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(site_.Hits("/news/strike"), 2);
  auto store = OpenForReading();
  const auto versions = store->ArticleVersions(site_.Url("/news/strike"));
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1].article.title, "Dockworkers strike ends");
  EXPECT_EQ(StoriesListing(*store, site_.Url("/news/strike")), 1);
}

TEST_F(FollowTest, APageNamingItsOwnAddressIsStoredUnderIt) {
  // Reached by an alias, the page names its canonical address: one article, that id.
  site_.SetPage("/news/a1", ArticlePage("Harbor strike", "strike", site_.Url("/news/strike")));
  site_.SetRssItems({site_.Url("/news/a1")});
  ASSERT_EQ(RunStoryline(FollowArgs("--once")).status, 0);
  auto store = OpenForReading();
  EXPECT_TRUE(store->FindArticle(site_.Url("/news/strike")).has_value());
  EXPECT_FALSE(store->FindArticle(site_.Url("/news/a1")).has_value());
}

TEST_F(FollowTest, SigtermFinishesThePageInHandAndExitsZero) {
  site_.SetPageDelay(300);
  PublishNumberedPages(20);
  const std::string err = (dir_ / "follow.err").string();
  const pid_t pid = SpawnFollowUntilStored(2, err);
  kill(pid, SIGTERM);
  EXPECT_EQ(ExitStatus(pid), 0);
  auto store = OpenForReading();
  const int fetched = CountLines(err, "article ");
  EXPECT_GE(fetched, 2);
  EXPECT_LT(fetched, 20);
  // Every page fetched was stored and placed before the exit.
  EXPECT_EQ(store->Counts().articles, fetched);
  int placed = 0;
  for (const Story& story : store->LoadStories()) placed += story.articles.size();
  EXPECT_EQ(placed, fetched);
}

TEST_F(FollowTest, KilledMidRunThenResumedLosesNothingAndDoublesNothing) {
  site_.SetPageDelay(200);
  const std::vector<std::string> links = PublishNumberedPages(12);
  const std::string err = (dir_ / "follow.err").string();
  const pid_t pid = SpawnFollowUntilStored(4, err);
  kill(pid, SIGKILL);
  ExitStatus(pid);
  const int hits_at_kill = site_.PageHits();
  ASSERT_LT(hits_at_kill, 12);
  const int stored_at_kill = static_cast<int>(OpenForReading()->Counts().articles);

  site_.SetPageDelay(0);
  const auto resumed = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  // The resumed run fetches exactly the pages not stored at the kill: those in hand
  // then, and those never fetched.
  EXPECT_EQ(site_.PageHits(), hits_at_kill + 12 - stored_at_kill) << resumed.err;
  auto store = OpenForReading();
  EXPECT_EQ(store->Counts().articles, 12);
  EXPECT_EQ(store->Counts().earlier_versions, 0);
  for (const std::string& link : links) EXPECT_EQ(StoriesListing(*store, link), 1) << link;
}

TEST_F(FollowTest, TheArchiveReadBackGivesTheSameArticles) {
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  // Reached by an alias with a campaign parameter, the page names its own address.
  site_.SetPage("/news/f1",
                ArticlePage("Ferry service cut", "ferry shutdown", site_.Url("/news/ferry")));
  site_.SetRssItems({site_.Url("/news/strike"), site_.Url("/news/f1?utm_source=rss")});
  const std::string warc = (dir_ / "warc").string();
  ASSERT_EQ(RunStoryline(FollowArgs("--once --warc-dir " + warc)).status, 0);
  const std::string rebuilt = (dir_ / "rebuilt.db").string();
  const auto ingest = RunStoryline("ingest --db " + rebuilt + " " + warc);
  ASSERT_EQ(ingest.status, 0) << ingest.err;
  // The same articles under the same ids, so an analysis can be rebuilt from the archive.
  const auto articles_by_id = [](Store& store) {
    std::map<std::string, std::vector<std::string>> articles;
    store.ForEachArticleAfter(0, [&](StoredArticle&& stored) {
      articles[stored.article.id] = {stored.article.url, stored.article.title, stored.article.text};
    });
    return articles;
  };
  auto live = OpenForReading();
  auto archived = OpenStore(rebuilt, OpenMode::kReadOnly);
  const auto live_articles = articles_by_id(*live);
  ASSERT_EQ(live_articles.size(), 2u);
  EXPECT_TRUE(live_articles.contains(CanonicalUrl(site_.Url("/news/ferry"))));
  EXPECT_EQ(articles_by_id(*archived), live_articles);
}

TEST_F(FollowTest, PagesRobotsTxtDisallowsAreNeverFetched) {
  site_.SetRobots("User-agent: *\nDisallow: /news/private\n");
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  site_.SetPage("/news/private-talks", ArticlePage("Port talks resume", "round of talks"));
  site_.SetRssItems({site_.Url("/news/strike"), site_.Url("/news/private-talks")});
  const auto result = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(site_.Hits("/news/private-talks"), 0);
  EXPECT_EQ(site_.Hits("/news/strike"), 1);
  auto store = OpenForReading();
  EXPECT_EQ(store->Counts().articles, 1);
  EXPECT_FALSE(store->FindArticle(CanonicalUrl(site_.Url("/news/private-talks"))));
}

// A page that is gone (404) is not asked for again; one that may come back (a 500, a 429)
// is, at the next poll that lists it (an unchanged feed's 304 lists nothing). None stops the run or
// the pages beside it.
TEST_F(FollowTest, FailedPagesAreAskedAgainOnlyWhenTheyMayComeBack) {
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  site_.SetPageStatus("/news/broken", 500);
  site_.SetPageStatus("/news/busy", 429);
  site_.SetRssItems({site_.Url("/news/gone"), site_.Url("/news/broken"), site_.Url("/news/busy"),
                     site_.Url("/news/strike")});
  const auto first = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(OpenForReading()->Counts().articles, 1);
  const int gone = site_.Hits("/news/gone");
  const int broken = site_.Hits("/news/broken");
  const int busy = site_.Hits("/news/busy");
  EXPECT_GE(gone, 1);
  EXPECT_GE(broken, 1);
  EXPECT_GE(busy, 1);
  site_.SetPage("/news/talks", ArticlePage("Port talks resume", "round of talks"));
  site_.SetRssItems({site_.Url("/news/gone"), site_.Url("/news/broken"), site_.Url("/news/busy"),
                     site_.Url("/news/strike"), site_.Url("/news/talks")});
  const auto second = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(site_.Hits("/news/gone"), gone);
  EXPECT_GT(site_.Hits("/news/broken"), broken);
  EXPECT_GT(site_.Hits("/news/busy"), busy);
  EXPECT_EQ(site_.Hits("/news/strike"), 1);
  EXPECT_EQ(OpenForReading()->Counts().articles, 2);
}

TEST_F(FollowTest, AMalformedFeedFailsAloneAndIsPolledAgain) {
  site_.SetRssBody("Service temporarily unavailable, please try again later.");
  site_.SetPage("/news/ferry", ArticlePage("Ferry service cut", "ferry shutdown"));
  site_.SetAtomEntries({{site_.Url("/news/ferry"), "2026-03-02T10:00:00Z"}});
  const auto first = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("1 failed"), std::string::npos) << first.err;
  EXPECT_EQ(OpenForReading()->Counts().articles, 1);
  site_.SetRssBody({});
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  site_.SetRssItems({site_.Url("/news/strike")});
  const auto second = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(site_.Hits("/rss.xml"), 2);
  EXPECT_EQ(OpenForReading()->Counts().articles, 2);
}

TEST_F(FollowTest, AFeedListWithoutFeedsIsBadInput) {
  const std::string path = (dir_ / "empty.txt").string();
  std::ofstream(path) << "# nothing\nnot a url\n";
  const auto result = RunStoryline("follow --once --db " + Db() + " --feeds " + path);
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.err.find("empty.txt:2: not an http(s) address"), std::string::npos)
      << result.err;
}

TEST_F(FollowTest, RetryAndTimeoutValuesOutOfRangeAreBadInput) {
  const std::string path = (dir_ / "feeds.txt").string();
  std::ofstream(path) << site_.Url("/rss.xml") << "\n";
  for (const std::string flag :
       {"--retries -1", "--retries many", "--retry-delay -5", "--timeout 0", "--timeout soon"}) {
    const auto result =
        RunStoryline("follow --once --db " + Db() + " --feeds " + path + " " + flag);
    EXPECT_NE(result.status, 0) << flag;
    const std::string name = flag.substr(0, flag.find(' '));
    EXPECT_NE(result.err.find(name), std::string::npos) << flag << ": " << result.err;
    EXPECT_EQ(site_.Hits("/rss.xml"), 0) << flag;  // nothing fetched
  }
}

TEST_F(FollowTest, EveryFeedFormatIsFollowed) {
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  site_.SetPage("/news/talks", ArticlePage("Port talks resume", "round of talks"));
  site_.SetPage("/news/ferry", ArticlePage("Ferry service cut", "ferry shutdown"));
  site_.SetPage("/news/bridge", ArticlePage("Bridge closed", "bridge closure"));
  site_.SetFeed("/feeds/rdf.xml",
                R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about=")" +
                    site_.Url("/feeds/rdf.xml") + R"("><title>Herald</title></channel>
  <item rdf:about=")" +
                    site_.Url("/news/strike") + R"("><title>Strike</title><link>)" +
                    site_.Url("/news/strike") + R"(</link></item>
</rdf:RDF>)",
                "application/rdf+xml");
  // The news sitemap lists the RSS 1.0 feed's page again: fetched once.
  site_.SetFeed("/feeds/news.xml",
                R"(<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>)" + site_.Url("/news/talks") +
                    R"(</loc><news:news><news:title>Talks</news:title></news:news></url>
  <url><loc>)" + site_.Url("/news/strike?utm_medium=sitemap") +
                    R"(</loc></url>
</urlset>)",
                "application/xml");
  // A sitemap index: its child sitemaps are read in the same run.
  site_.SetFeed("/feeds/index.xml",
                R"(<?xml version="1.0"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>)" + site_.Url("/feeds/child-1.xml") +
                    R"(</loc></sitemap>
  <sitemap><loc>child-2.xml</loc></sitemap>
</sitemapindex>)",
                "application/xml");
  for (const auto& [child, page] : {std::pair{"/feeds/child-1.xml", "/news/ferry"},
                                    std::pair{"/feeds/child-2.xml", "/news/bridge"}}) {
    site_.SetFeed(child,
                  R"(<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>)" +
                      site_.Url(page) + "</loc></url></urlset>",
                  "application/xml");
  }
  feed_paths_ = {"/feeds/rdf.xml", "/feeds/news.xml", "/feeds/index.xml"};

  const auto result = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(result.status, 0) << result.err;
  for (const char* format : {"RSS 1.0 feed, 1 items", "news sitemap feed, 2 items",
                             "sitemap index feed", "sitemap feed, 1 items"}) {
    EXPECT_NE(result.err.find(format), std::string::npos) << format << "\n" << result.err;
  }
  for (const char* page : {"/news/strike", "/news/talks", "/news/ferry", "/news/bridge"}) {
    EXPECT_EQ(site_.Hits(page), 1) << page;
  }
  EXPECT_EQ(site_.Hits("/feeds/child-2.xml"), 1);
  EXPECT_EQ(OpenForReading()->Counts().articles, 4);
}

// A redirect loop, a server slower than the timeout, and a body that never ends each
// cost only their own page, once: the run goes on and exits 0.
TEST_F(FollowTest, HostilePagesCostOnlyThemselves) {
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  site_.SetRedirect("/news/loop-a", "/news/loop-b");
  site_.SetRedirect("/news/loop-b", "/news/loop-a");
  site_.SetPage("/news/slow", ArticlePage("Port talks resume", "round of talks"));
  site_.SetSlowPage("/news/slow", 5000);
  site_.SetRssItems({site_.Url("/news/loop-a"), site_.Url("/news/slow"), site_.Url("/endless"),
                     site_.Url("/news/strike")});
  const auto result = RunStoryline(FollowArgs("--once --timeout 3"));
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.err.find("(redirect loop) " + site_.Url("/news/loop-a")), std::string::npos)
      << result.err;
  EXPECT_EQ(site_.Hits("/news/loop-a"), 1);
  EXPECT_EQ(site_.Hits("/news/loop-b"), 1);
  EXPECT_NE(result.err.find("(no complete answer within 3 s) " + site_.Url("/news/slow")),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("(body over the limit of 16777216 bytes) " + site_.Url("/endless")),
            std::string::npos)
      << result.err;
  EXPECT_EQ(site_.Hits("/endless"), 1);
  EXPECT_NE(result.err.find("4 pages fetched (3 failed), 1 new articles"), std::string::npos)
      << result.err;
  auto store = OpenForReading();
  EXPECT_EQ(store->Counts().articles, 1);
  EXPECT_TRUE(store->FindArticle(site_.Url("/news/strike")).has_value());
}

// Pages in windows-1252 that say nothing of it, or say they are UTF-8, and a feed whose
// HTTP header names the wrong charset: every article is stored as the UTF-8 of what its
// bytes say.
TEST_F(FollowTest, WrongCharsetsAreReadAsTheBytesSay) {
  const std::string cp1252_page =
      "<html><head><title>Caf\xE9 owners protest</title></head><body><article>"
      "<h1>Caf\xE9 owners protest</h1><p>Owners of the caf\xE9s on the harbour front said on "
      "Monday that the new \x93night "
      "tax\x94 would close half of them before the summer, according to a letter sent to "
      "the city council.</p><p>The council said it would answer the letter next week after a "
      "meeting with the owners and the port authority about the new rules.</p>"
      "</article></body></html>";
  site_.SetPage("/news/undeclared", cp1252_page);
  site_.SetContentType("/news/undeclared", "text/html");
  std::string mislabelled = cp1252_page;
  mislabelled.insert(mislabelled.find("<title>"), "<meta charset=\"utf-8\">");
  site_.SetPage("/news/mislabelled", mislabelled);
  site_.SetFeed("/feeds/latin1.xml",
                "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel>"
                "<title>Caf\xE9 news</title><item><title>Caf\xE9s</title><link>" +
                    site_.Url("/news/undeclared") + "</link></item><item><link>" +
                    site_.Url("/news/mislabelled") + "</link></item></channel></rss>",
                "application/rss+xml; charset=utf-8");
  feed_paths_ = {"/feeds/latin1.xml"};
  const auto result = RunStoryline(FollowArgs("--once"));
  ASSERT_EQ(result.status, 0) << result.err;
  auto store = OpenForReading();
  EXPECT_EQ(store->Counts().articles, 2);
  for (const char* page : {"/news/undeclared", "/news/mislabelled"}) {
    const auto article = store->FindArticle(site_.Url(page));
    ASSERT_TRUE(article.has_value()) << page << "\n" << result.err;
    EXPECT_EQ(article->article.title, "Caf\u00e9 owners protest") << page;
    EXPECT_NE(article->article.text.find("\u201cnight tax\u201d"), std::string::npos)
        << page << ": " << article->article.text;
  }
}

// A page that failed but may come back is asked again while the run lasts, after the
// retry delay doubling each time and never before the server's Retry-After, at most
// --retries times; its unchanged feed is not polled again meanwhile.
TEST_F(FollowTest, FailedPagesAreRetriedWithBackoffABoundedNumberOfTimes) {
  site_.SetPage("/news/strike", ArticlePage("Dockworkers strike", "strike"));
  site_.SetPageFailures("/news/strike", 503, 1, "2");
  site_.SetPageStatus("/news/broken", 500);
  site_.SetRssItems({site_.Url("/news/strike"), site_.Url("/news/broken")});
  const std::string err = (dir_ / "follow.err").string();
  const pid_t pid = Spawn(FollowArgs("--interval 3600 --retries 2 --retry-delay 0.2"), err);
  // The broken page's tries end 0.2 + 0.4 s after its first; the strike page's retry
  // waits for Retry-After.
  for (int i = 0; i < 300 && (CountLines(err, "article ") < 1 || site_.Hits("/news/broken") < 3);
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // no fourth try comes
  kill(pid, SIGTERM);
  EXPECT_EQ(ExitStatus(pid), 0);
  EXPECT_EQ(site_.Hits("/news/broken"), 3);
  EXPECT_EQ(CountLines(err, "retry 2 of 2 in 0.4 s"), 1);
  EXPECT_EQ(CountLines(err, "asked again when a changed feed lists it"), 1);
  EXPECT_EQ(site_.Hits("/news/strike"), 2);
  EXPECT_GE(site_.SecondsBetweenFirstTwoHits("/news/strike"), 1.9);
  EXPECT_EQ(site_.Hits("/rss.xml"), 1);
  EXPECT_TRUE(OpenForReading()->FindArticle(site_.Url("/news/strike")).has_value());
}

}  // namespace
}  // namespace storyline
