// The store's ingest rate on each back end, measured in one run on the same articles:
// N generated articles, each with an analysis the size of a real article's (about 40
// entity mentions, 10 times, 5 quantities, 5 quotes, 8 events of 2 actors), prepared
// once and added in batches (AddBatch, as `storyline ingest` does after analysing) to a
// new SQLite file and to a new database of a PostgreSQL server on loopback that the
// benchmark starts (fsync on). PostgreSQL runs twice: as the server is configured
// (synchronous_commit on: each batch waits for its WAL flush) and with
// synchronous_commit off for the session (PGOPTIONS), which is what SQLite's
// synchronous=NORMAL in WAL mode promises (atomic, the last commits lost on power
// failure). Prints articles/s for each, the ratios and the peak RSS of this process
// (the server's memory is its own).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "../../tests/support/pg_test_server.h"
#include "../process_memory.h"
#include "store/store.h"

namespace storyline {
namespace {

std::string Words(std::mt19937& random, int count) {
  static const std::vector<std::string> kVocabulary = [] {
    std::vector<std::string> words;
    for (const char* stem :
         {"talk",   "ceasefire", "minister", "border",  "aid",     "convoy", "vote",
          "harbor", "strike",    "market",   "court",   "council", "report", "storm",
          "rescue", "budget",    "election", "protest", "treaty",  "summit"}) {
      for (const char* ending : {"", "s", "ed", "ing", "er", "al"}) {
        words.push_back(std::string(stem) + ending);
      }
    }
    for (int i = 0; i < 2000; ++i) words.push_back(fmt::format("w{}x", i));
    return words;
  }();
  std::uniform_int_distribution<size_t> pick(0, kVocabulary.size() - 1);
  std::string text;
  for (int i = 0; i < count; ++i) {
    if (i > 0) text += (i % 17 == 0) ? ". " : " ";
    text += kVocabulary[pick(random)];
  }
  return text + ".";
}

std::vector<PreparedArticle> Generate(int count) {
  std::mt19937 random(42);
  std::vector<PreparedArticle> articles;
  for (int i = 0; i < count; ++i) {
    Article article;
    article.id = fmt::format("bench-{}", i);
    article.source = fmt::format("Outlet {}", i % 25);
    article.url = fmt::format("https://example.com/{}", i);
    article.published = fmt::format("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
    article.title = Words(random, 10);
    article.text = Words(random, 600);
    Analysis analysis;
    for (uint32_t k = 0; k < 40; ++k) {
      analysis.entities.push_back({{k * 10, k * 10 + 6},
                                   "Entity",
                                   "PERSON",
                                   fmt::format("person-{}", (i + k) % 500),
                                   fmt::format("Person {}", (i + k) % 500),
                                   "",
                                   ""});
    }
    for (uint32_t k = 0; k < 10; ++k) {
      analysis.times.push_back({{k, k + 6}, "Monday", "DATE", std::string("2024-08-19")});
    }
    for (uint32_t k = 0; k < 5; ++k) {
      analysis.quantities.push_back({{k, k + 3}, "150 trucks", 150, "truck", false});
      analysis.quotes.push_back({{k, k + 40},
                                 "We will keep talking until there is a deal.",
                                 std::string("Person 1"),
                                 std::string("person-1")});
    }
    for (uint32_t k = 0; k < 8; ++k) {
      Event event;
      event.span = {k, k + 5};
      event.type = "MEET";
      event.trigger = "met";
      event.actors = {{"agent", "person-1"}, {"partner", "person-2"}};
      event.time = "2024-08-19";
      analysis.events.push_back(event);
    }
    articles.push_back(PrepareArticle(std::move(article), std::move(analysis)));
  }
  return articles;
}

// Articles per second of adding `articles` to the store `db` names, in batches.
double IngestRate(const std::string& db, const std::vector<PreparedArticle>& articles,
                  size_t batch_size) {
  auto store = OpenStore(db);
  const auto start = std::chrono::steady_clock::now();
  for (size_t first = 0; first < articles.size(); first += batch_size) {
    const size_t end = std::min(articles.size(), first + batch_size);
    store->AddBatch(std::span(articles).subspan(first, end - first));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (store->Counts().articles != static_cast<int64_t>(articles.size())) {
    throw std::runtime_error("not every article was stored in " + db);
  }
  return articles.size() / seconds;
}

}  // namespace
}  // namespace storyline

int main(int argc, char** argv) {
  using namespace storyline;
  CLI::App app("Ingest into SQLite and PostgreSQL, the same articles");
  int count = 2000;
  size_t batch_size = 256;
  app.add_option("--articles", count, "Articles to generate");
  app.add_option("--batch", batch_size, "Articles per AddBatch (storyline ingest: 256)");
  std::string postgres;
  app.add_option("--postgres", postgres,
                 "A postgresql:// URL of an empty database to use instead of starting a server");
  CLI11_PARSE(app, argc, argv);

  const std::vector<PreparedArticle> articles = Generate(count);
  const std::filesystem::path sqlite = std::filesystem::temp_directory_path() /
                                       fmt::format("storyline-store-bench-{}.db", ::getpid());
  const double sqlite_rate = IngestRate(sqlite.string(), articles, batch_size);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite.string() + suffix);

  std::unique_ptr<storyline::testing::PgTestServer> server;
  if (postgres.empty()) {
    server = std::make_unique<storyline::testing::PgTestServer>(
        storyline::testing::PgTestServer::Options{.durable = true});
  }
  const double pg_rate =
      IngestRate(server ? server->NewDatabase("bench") : postgres, articles, batch_size);
  ::setenv("PGOPTIONS", "-c synchronous_commit=off", 1);
  const double pg_async_rate =
      server ? IngestRate(server->NewDatabase("bench_async"), articles, batch_size) : 0;

  fmt::print("articles: {}, batch: {}\n", count, batch_size);
  fmt::print("sqlite:                             {:8.0f} articles/s\n", sqlite_rate);
  fmt::print(
      "postgresql:                         {:8.0f} articles/s  (sqlite/postgresql {:.2f}x)\n",
      pg_rate, sqlite_rate / pg_rate);
  fmt::print(
      "postgresql, synchronous_commit off: {:8.0f} articles/s  (sqlite/postgresql {:.2f}x)\n",
      pg_async_rate, sqlite_rate / pg_async_rate);
  fmt::print("peak RSS of this process: {:.0f} MiB\n", bench::ProcessStatusMiB("VmHWM"));
}
