// `storyline serve` end to end: the real server on a free loopback port over a store
// built by ingesting the seed articles (and one hostile article), asked over HTTP. Each
// endpoint's body must equal the matching command's --json (fields the API adds for the
// page aside), and every bad request must get a 4xx with a JSON error.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "../cli/command_runner.h"
#include "../support/test_paths.h"
#include "hostile_article.h"
#include "serve/web_server.h"

namespace storyline {
namespace {

using nlohmann::json;
using testing::kHostileArticle;
using testing::RunStoryline;

// `text` as a query parameter's value: every byte but letters and digits %-escaped.
std::string Escaped(const std::string& text) {
  std::string escaped;
  for (const unsigned char c : text) {
    escaped += std::isalnum(c) ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
  }
  return escaped;
}

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                     ("storyline-serve-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*dir_);
    std::filesystem::create_directories(*dir_);
    const std::string input = (*dir_ / "hostile.jsonl").string();
    std::ofstream(input) << kHostileArticle << "\n";
    const auto ingest =
        RunStoryline("ingest --db " + Db() + " " + storyline::test_paths::SharedDir() +
                     "/seeds/seeds.jsonl " + input);
    ASSERT_EQ(ingest.status, 0) << ingest.err;
    ServeOptions options;
    options.db = Db();
    options.port = 0;
    options.threads = 4;
    server_ = new WebServer(options);
    thread_ = new std::thread([] { server_->Run(); });
  }

  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete server_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static std::string Db() { return (*dir_ / "store.db").string(); }

  static httplib::Client Client() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30, 0);
    return client;
  }

  static httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    return Client().Get(path.c_str(), headers);
  }

  // The body of a 200 answer to `path`, parsed.
  static json GetJson(const std::string& path) {
    const httplib::Result result = Get(path);
    EXPECT_TRUE(result) << path;
    if (!result) return nullptr;
    EXPECT_EQ(result->status, 200) << path << ": " << result->body;
    return json::parse(result->body);
  }

  static json CommandJson(const std::string& args) {
    const auto result = RunStoryline(args + " --db " + Db() + " --json");
    EXPECT_EQ(result.status, 0) << args << ": " << result.err;
    return json::parse(result.out);
  }

  // A bad request: a 4xx status with {"error": {"status", "message"}}.
  static void ExpectRefused(const std::string& path, int status) {
    const httplib::Result result = Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, status) << path << ": " << result->body;
    const json body = json::parse(result->body, nullptr, false);
    ASSERT_FALSE(body.is_discarded()) << path << ": " << result->body;
    EXPECT_EQ(body["error"]["status"], status) << path;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty()) << path;
  }

  static json Without(json object, std::initializer_list<const char*> keys) {
    for (const char* key : keys) object.erase(key);
    return object;
  }

  static int FirstStory() {
    const json stories = CommandJson("stories")["stories"];
    EXPECT_FALSE(stories.empty());
    return stories.empty() ? 0 : stories[0]["id"].get<int>();
  }

  static inline std::filesystem::path* dir_ = nullptr;
  static inline WebServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
};

TEST_F(ServeApiTest, StoriesAreTheCommandsStoriesWithTheirOutlets) {
  const json command = CommandJson("stories");
  for (const std::string path : {"/api/v1/stories?limit=500", "/api/stories?limit=500"}) {
    const json api = GetJson(path);
    EXPECT_EQ(api["total"], command["stories"].size());
    ASSERT_EQ(api["stories"].size(), command["stories"].size());
    for (size_t i = 0; i < api["stories"].size(); ++i) {
      EXPECT_TRUE(api["stories"][i]["outlets"].is_array());
      EXPECT_EQ(Without(api["stories"][i], {"outlets"}), command["stories"][i]);
    }
  }
}

TEST_F(ServeApiTest, StoriesArePagedSortedAndFiltered) {
  const json all = GetJson("/api/v1/stories?sort=date&limit=500")["stories"];
  ASSERT_GE(all.size(), 2u);
  const json second = GetJson("/api/v1/stories?sort=date&limit=1&offset=1");
  ASSERT_EQ(second["stories"].size(), 1u);
  EXPECT_EQ(second["stories"][0]["id"], all[1]["id"]);
  EXPECT_EQ(second["total"], all.size());
  EXPECT_TRUE(GetJson("/api/v1/stories?offset=100000")["stories"].empty());
  // Each answer is held in a variable: a loop over a part of a temporary would read it
  // after its end.
  const json since = GetJson("/api/v1/stories?since=2024-08-01&limit=500");
  for (const json& story : since["stories"]) {
    EXPECT_GE(story["last"].get<std::string>().substr(0, 10), "2024-08-01");
  }
  const json by_outlet = GetJson("/api/v1/stories?outlet=newsmax&limit=500");
  for (const json& story : by_outlet["stories"]) {
    EXPECT_NE(std::find(story["outlets"].begin(), story["outlets"].end(), "Newsmax"),
              story["outlets"].end());
  }
  const std::string label = all[0]["label"];
  const json by_label = GetJson("/api/v1/stories?q=" + Escaped(label));
  ASSERT_FALSE(by_label["stories"].empty());
  EXPECT_EQ(by_label["stories"][0]["label"], label);
}

TEST_F(ServeApiTest, OneStoryIsTheCommandsStoryWithItsOutlets) {
  const int id = FirstStory();
  const json command = CommandJson("stories --story " + std::to_string(id));
  const json api = GetJson("/api/v1/stories/" + std::to_string(id));
  EXPECT_EQ(
      Without(api["story"], {"outlets", "unknown_source_articles", "sources", "entity_names"}),
      command["story"]);
  EXPECT_EQ(GetJson("/api/stories/" + std::to_string(id)), api);
  EXPECT_EQ(GetJson("/api/v1/stories/" + std::to_string(id) + "/compare"),
            CommandJson("compare --story " + std::to_string(id)));
}

TEST_F(ServeApiTest, EventsQuotesAndSearchAreTheCommands) {
  const int id = FirstStory();
  const json timeline = CommandJson("timeline --story " + std::to_string(id));
  EXPECT_EQ(GetJson("/api/timeline?story=" + std::to_string(id))["events"], timeline["events"]);
  EXPECT_EQ(GetJson("/api/v1/events?entity=netanyahu")["events"],
            CommandJson("timeline --entity netanyahu")["events"]);
  EXPECT_EQ(GetJson("/api/v1/quotes"), CommandJson("quotes"));
  EXPECT_EQ(GetJson("/api/quotes?speaker=doe"), CommandJson("quotes --speaker doe"));
  EXPECT_EQ(GetJson("/api/v1/search?q=ceasefire&limit=5"),
            CommandJson("search ceasefire --limit 5"));
  EXPECT_EQ(GetJson("/api/search?q=Netanyahu&sort=date&from=2024-01-01"),
            CommandJson("search Netanyahu --sort date --from 2024-01-01"));
}

TEST_F(ServeApiTest, ArticleIsTheCommandsArticleWithEveryFactsSpan) {
  for (const std::string id : {"000", "hostile"}) {
    EXPECT_EQ(GetJson("/api/v1/articles/" + id), CommandJson("article " + id));
    EXPECT_EQ(GetJson("/api/articles/" + id + "?versions=1"),
              CommandJson("article " + id + " --versions"));
  }
  const json article = GetJson("/api/v1/articles/hostile")["article"];
  EXPECT_NE(article["title"].get<std::string>().find("<script>"), std::string::npos);
  const httplib::Result raw = Get("/api/v1/articles/hostile");
  EXPECT_EQ(raw->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(raw->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST_F(ServeApiTest, EntitiesAreRankedAndOneEntityHasItsStoriesAndQuotes) {
  const json entities = GetJson("/api/v1/entities?limit=5")["entities"];
  ASSERT_FALSE(entities.empty());
  for (size_t i = 1; i < entities.size(); ++i) {
    EXPECT_GE(entities[i - 1]["events"], entities[i]["events"]);
  }
  const std::string id = entities[0]["id"];
  const json entity = GetJson("/api/v1/entities/" + id)["entity"];
  EXPECT_EQ(entity["id"], id);
  EXPECT_FALSE(entity["stories"].empty());
  EXPECT_EQ(entity["events"].size(), entities[0]["events"].get<size_t>());
  EXPECT_TRUE(entity["quotes"].is_array());
  EXPECT_TRUE(entity["co_occurring"].is_array());
  ExpectRefused("/api/v1/entities/no-such-entity", 404);
}

TEST_F(ServeApiTest, EntitiesAreShownByTheNamesTheirMentionsGive) {
  const json entities = GetJson("/api/v1/entities?q=netanyahu")["entities"];
  ASSERT_FALSE(entities.empty());
  EXPECT_EQ(entities[0]["id"], "benjamin-netanyahu");
  EXPECT_EQ(entities[0]["name"], "Benjamin Netanyahu");
  const json entity = GetJson("/api/v1/entities/benjamin-netanyahu")["entity"];
  EXPECT_EQ(entity["name"], "Benjamin Netanyahu");
  ASSERT_FALSE(entity["co_occurring"].empty());
  for (const json& other : entity["co_occurring"]) {
    ASSERT_TRUE(other["name"].is_string()) << other;
    EXPECT_FALSE(other["name"].get<std::string>().empty()) << other;
  }
  // Every actor and place of a story's events, and of a page of events, has its name.
  const int id = FirstStory();
  for (const std::string path :
       {"/api/v1/stories/" + std::to_string(id), "/api/v1/events?story=" + std::to_string(id)}) {
    const json answer = GetJson(path);
    const json& events = answer.contains("story") ? answer["story"]["events"] : answer["events"];
    const json& names =
        answer.contains("story") ? answer["story"]["entity_names"] : answer["entity_names"];
    ASSERT_FALSE(events.empty()) << path;
    for (const json& event : events) {
      for (const json& actor : event["actors"]) EXPECT_TRUE(names.contains(actor)) << actor;
      if (event["place"].is_string()) EXPECT_TRUE(names.contains(event["place"]));
    }
  }
}

TEST_F(ServeApiTest, StatsCountTheStoreAndSayWhatWasStoredLast) {
  const json stats = GetJson("/api/v1/stats");
  EXPECT_EQ(stats["articles"], 6);
  EXPECT_EQ(stats["stories"], CommandJson("stories")["stories"].size());
  EXPECT_GE(stats["outlets"], 4);
  EXPECT_EQ(GetJson("/api/v1/changes")["version"], stats["version"]);
  // The store keeps no ingest time: the article stored last (the hostile one, ingested
  // after the seeds) and when the store's files were last written stand for it.
  EXPECT_EQ(stats["last_stored"]["id"], "hostile");
  EXPECT_EQ(stats["last_stored"]["source"], "Test Wire");
  EXPECT_EQ(stats["last_stored"]["published"], "2024-05-02");
  ASSERT_TRUE(stats["changed"].is_string());
  EXPECT_EQ(stats["changed"].get<std::string>().size(), 20u) << stats["changed"];
}

TEST_F(ServeApiTest, AnUnchangedAnswerIsNotSentAgain) {
  const httplib::Result first = Get("/api/v1/stories");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache");
  const httplib::Result again = Get("/api/v1/stories", {{"If-None-Match", etag}});
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(Get("/app.js", {{"If-None-Match", Get("/app.js")->get_header_value("ETag")}})->status,
            304);
  EXPECT_EQ(Get("/api/v1/stories", {{"If-None-Match", "\"stale\""}})->status, 200);
}

// A browser asks for "gzip, deflate, br": it gets the gzip form made once per answer (not
// brotli made per request, which cost 600 ms of CPU per story list), under its own ETag.
TEST_F(ServeApiTest, ABrowserGetsTheAnswerGzipped) {
  const httplib::Headers browser = {{"Accept-Encoding", "gzip, deflate, br"}};
  for (const std::string path : {"/api/v1/stories", "/app.js"}) {
    const httplib::Result plain = Get(path);
    const httplib::Result gzip = Get(path, browser);
    ASSERT_TRUE(plain && gzip) << path;
    EXPECT_EQ(plain->get_header_value("Content-Encoding"), "") << path;
    EXPECT_EQ(gzip->get_header_value("Content-Encoding"), "gzip") << path;
    EXPECT_EQ(gzip->get_header_value("Vary"), "Accept-Encoding") << path;
    EXPECT_EQ(gzip->body, plain->body) << path;  // as the client inflated it
    const std::string etag = gzip->get_header_value("ETag");
    EXPECT_NE(etag, plain->get_header_value("ETag")) << path;
    httplib::Headers again = browser;
    again.emplace("If-None-Match", etag);
    EXPECT_EQ(Get(path, again)->status, 304) << path;
  }
  const httplib::Result refused =
      Get("/api/v1/stories", {{"Accept-Encoding", "gzip;q=0, identity"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->get_header_value("Content-Encoding"), "");
}

TEST_F(ServeApiTest, BadRequestsGetA4xxWithAJsonError) {
  for (const std::string path :
       {"/api/v1/stories?limit=abc", "/api/v1/stories?limit=0", "/api/v1/stories?limit=99999",
        "/api/v1/stories?offset=-1", "/api/v1/stories?since=2024-13-01",
        "/api/v1/stories?since=yesterday", "/api/v1/stories?sort=random",
        "/api/v1/stories?colour=red", "/api/v1/stories?limit=1&limit=2", "/api/v1/stories/abc",
        "/api/v1/stories/1e3", "/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%21%21%21",
        "/api/v1/search?q=x&to=2024-02-30x", "/api/v1/events?story=zero", "/api/v1/quotes?limit=-5",
        "/api/v1/articles/1?versions=2", "/api/v1/stories/1/compare?x=1"}) {
    ExpectRefused(path, 400);
  }
  for (const std::string path : {"/api/v1/stories/999999", "/api/v1/stories/999999/compare",
                                 "/api/v1/articles/no-such-article", "/api/v1/quotes?story=999999",
                                 "/api/v1/nothing", "/api/v1/", "/api/v1/stories/1/2/3"}) {
    ExpectRefused(path, 404);
  }
  ExpectRefused("/api/v1/search?q=" + std::string(5000, 'a'), 400);
  ExpectRefused("/api/v1/stories?q=" + std::string(20000, 'a'), 414);
  // An unbalanced quote is closed at the end, as the search command reads it.
  EXPECT_EQ(GetJson("/api/v1/search?q=%22cease-fire")["hits"],
            CommandJson("search '\"cease-fire'")["hits"]);
}

TEST_F(ServeApiTest, NoPathOutsideTheAssetsIsServed) {
  for (const std::string path :
       {"/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/web/app.js",
        "/..%2f..%2f..%2fetc%2fpasswd", "/index.html/../../CMakeLists.txt", "/CMakeLists.txt",
        "/api/../../etc/passwd", "//etc/passwd", "/%00"}) {
    const httplib::Result result = Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_GE(result->status, 400) << path;
    EXPECT_LT(result->status, 500) << path;
    EXPECT_EQ(result->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(result->body.find("cmake_minimum_required"), std::string::npos) << path;
  }
}

TEST_F(ServeApiTest, TheServerIsReadOnlyAndBoundsWhatItReads) {
  httplib::Client client = Client();
  const httplib::Result post = client.Post("/api/v1/stories", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(json::parse(post->body)["error"]["status"], 405);
  const httplib::Result big =
      client.Post("/api/v1/stories", std::string(1 << 20, 'x'), "application/octet-stream");
  if (big) {
    EXPECT_EQ(big->status, 413);  // or the connection is closed on it
  }
  const httplib::Result headers =
      client.Get("/api/v1/stats", {{"X-Filler", std::string(20000, 'h')}});
  if (headers) {
    EXPECT_GE(headers->status, 400);
  }
  EXPECT_EQ(GetJson("/api/v1/stats")["articles"], 6);  // still answering
}

// A worker serves one connection while it is kept alive, so a client may not hold one
// for long: the connection closes after a few requests or a short idle time, and the
// clients queued behind it get the worker.
TEST_F(ServeApiTest, AKeptAliveConnectionIsHandedOnAfterAFewRequests) {
  httplib::Client client = Client();
  client.set_keep_alive(true);
  for (int i = 1; i <= kServeKeepAliveRequests; ++i) {
    const httplib::Result result = client.Get("/api/v1/stats");
    ASSERT_TRUE(result);
    if (i < kServeKeepAliveRequests) {
      EXPECT_EQ(result->get_header_value("Keep-Alive"),
                "timeout=" + std::to_string(kServeKeepAliveSeconds) +
                    ", max=" + std::to_string(kServeKeepAliveRequests));
    } else {
      EXPECT_EQ(result->get_header_value("Connection"), "close");
    }
  }
}

TEST_F(ServeApiTest, ThePageIsEmbeddedAndAllowsNoInlineScript) {
  const httplib::Result page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const std::string policy = page->get_header_value("Content-Security-Policy");
  EXPECT_NE(policy.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
  EXPECT_NE(page->body.find(R"(<script src="/app.js")"), std::string::npos);
  EXPECT_EQ(page->body.find("<script>"), std::string::npos);
  for (const std::string path : {"/app.js", "/style.css", "/api/v1/openapi.json"}) {
    const httplib::Result asset = Get(path);
    ASSERT_TRUE(asset) << path;
    EXPECT_EQ(asset->status, 200) << path;
  }
  EXPECT_EQ(GetJson("/api/v1/openapi.json")["openapi"], "3.0.3");
  // The script puts data into the page as text only.
  EXPECT_EQ(Get("/app.js")->body.find("innerHTML"), std::string::npos);
}

}  // namespace
}  // namespace storyline
