// `follow --nats` publishes the pages it fetches to the stream ARTICLES instead of
// ingesting them, keeps its feed state in the store, and a `worker` then stores them:
// a news site on loopback, a NATS server with JetStream and a SQLite store.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../cli/command_runner.h"
#include "../collect/loopback_server.h"
#include "../support/nats_test_server.h"
#include "dist/nats_client.h"
#include "store/store.h"

namespace storyline {
namespace {

using testing::CommandTest;
using testing::NatsTestServer;
using testing::RunStoryline;

std::string ArticlePage(const std::string& title, const std::string& topic) {
  std::string page =
      "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>";
  for (int i = 0; i < 4; ++i) {
    page += "<p>Officials in Harbor City said on Monday that the " + topic +
            " would continue for several more weeks, according to a statement released by the "
            "port authority after a long meeting with union leaders.</p>";
  }
  return page + "</article></body></html>";
}

class DistFollowTest : public CommandTest {};

TEST_F(DistFollowTest, FollowPublishesWhatItFetchesAndAWorkerStoresIt) {
  LoopbackServer site;
  site.routes().Get("/rss.xml", [&](const httplib::Request&, httplib::Response& res) {
    std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Herald</title>";
    for (const char* page : {"/news/strike", "/news/talks", "/news/vote"}) {
      xml += "<item><title>t</title><link>" + site.Url("127.0.0.1", page) + "</link></item>";
    }
    res.set_content(xml + "</channel></rss>", "application/xml");
  });
  site.routes().Get(R"(/news/(\w+))", [](const httplib::Request& req, httplib::Response& res) {
    const std::string topic = req.matches[1];
    res.set_content(ArticlePage("The " + topic + " goes on", topic + " at the port"),
                    "text/html; charset=utf-8");
  });
  site.Start();
  NatsTestServer nats;
  const std::string feeds = Input("feeds.txt", site.Url("127.0.0.1", "/rss.xml") + "\n");
  const std::string follow =
      "follow --db " + Db() + " --feeds " + feeds + " --once --host-delay 0 --nats " + nats.Url();

  const auto first = RunStoryline(follow);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("3 new articles"), std::string::npos) << first.err;
  NatsClient client(nats.Url());
  EXPECT_EQ(client.LastSequence(kArticlesStream), 3u);
  // Nothing is stored by follow itself, but what it fetched is seen: a second run
  // fetches and publishes nothing.
  EXPECT_EQ(OpenStore(Db(), OpenMode::kReadOnly)->Counts().articles, 0);
  const auto second = RunStoryline(follow);
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("0 pages fetched"), std::string::npos) << second.err;
  EXPECT_EQ(client.LastSequence(kArticlesStream), 3u);

  const auto worker =
      RunStoryline("worker --nats " + nats.Url() + " --db " + Db() + " --threads 1 --until-done");
  ASSERT_EQ(worker.status, 0) << worker.err;
  EXPECT_EQ(OpenStore(Db(), OpenMode::kReadOnly)->Counts().articles, 3);
  const auto stories = RunStoryline("stories --db " + Db() + " --json");
  EXPECT_NE(stories.out.find("127.0.0.1"), std::string::npos) << stories.out;
}

}  // namespace
}  // namespace storyline
