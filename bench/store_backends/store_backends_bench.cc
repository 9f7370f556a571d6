// The store's ingest rate on each back end, measured in one run on the same articles:
// N generated articles, each with an analysis the size of a real article's (about 40
// entity mentions, 10 times, 5 quantities, 5 quotes, 8 events of 2 actors), prepared
// once and added in batches (AddBatch, as `storyline ingest` does after analysing) to a
// new SQLite file and to a new database of a PostgreSQL server on loopback that the
// benchmark starts (fsync on). PostgreSQL runs twice: as the server is configured
// (synchronous_commit on: each batch waits for its WAL flush) and with
// synchronous_commit off for the session (PGOPTIONS), which is what SQLite's
// synchronous=NORMAL in WAL mode promises (atomic, the last commits lost on power
// failure). Prints for each: articles/s and the ratio to SQLite's; the CPU an article
// cost this process (the client; for SQLite, all of the work) and the server's backend
// that served the store's connection (read from /proc, so only for the server the
// benchmark starts): on a loaded machine the CPU per article is the steadier figure;
// and the store's growth per article (SQLite: the file; PostgreSQL: every table with
// its indexes and TOAST, pg_total_relation_size). Then the load average and the peak
// RSS of this process (the server's memory is its own).
#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>

#include "../../tests/support/pg_test_server.h"
#include "../process_memory.h"
#include "store/postgres/pg_connection.h"
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

double SelfCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// User and system CPU seconds of process `pid` (utime and stime of /proc/PID/stat).
std::optional<double> ProcessCpuSeconds(int64_t pid) {
  std::ifstream file(fmt::format("/proc/{}/stat", pid));
  std::string stat((std::istreambuf_iterator<char>(file)), {});
  const size_t name_end = stat.rfind(')');
  if (name_end == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(name_end + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) utime = std::stod(field);
    if (i == 15) stime = std::stod(field);
  }
  return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// The server process serving the store's connection, when the server runs here.
std::optional<int64_t> StoreBackend(PgConnection& db) {
  const PgResult rows = db.Query(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
      "backend_type = 'client backend' AND pid <> pg_backend_pid()");
  if (rows.rows() != 1) return std::nullopt;
  return rows.Int(0, 0);
}

// Bytes the store takes: SQLite's file, or PostgreSQL's tables with their indexes.
int64_t StoreBytes(const std::string& db, PgConnection* server) {
  if (server == nullptr) return static_cast<int64_t>(std::filesystem::file_size(db));
  return server
      ->Query(
          "SELECT sum(pg_total_relation_size(oid))::bigint FROM pg_class WHERE relkind = 'r' "
          "AND relnamespace = current_schema()::regnamespace")
      .Int(0, 0);
}

struct Ingest {
  double rate = 0;                   // articles per second
  double client_cpu = 0;             // seconds per article, this process
  std::optional<double> server_cpu;  // seconds per article, the store's server backend
  double bytes = 0;                  // growth of the store per article
};

// Adds `articles` to the store `db` names, in batches.
Ingest IngestInto(const std::string& db, const std::vector<PreparedArticle>& articles,
                  size_t batch_size) {
  const bool postgres = db.starts_with("postgres");
  auto store = OpenStore(db);
  std::unique_ptr<PgConnection> server;
  std::optional<int64_t> backend;
  if (postgres) {
    server = std::make_unique<PgConnection>(db);
    backend = StoreBackend(*server);
  }
  const int64_t bytes_before = StoreBytes(db, server.get());
  const std::optional<double> server_before = backend ? ProcessCpuSeconds(*backend) : std::nullopt;
  const double client_before = SelfCpuSeconds();
  const auto start = std::chrono::steady_clock::now();
  for (size_t first = 0; first < articles.size(); first += batch_size) {
    const size_t end = std::min(articles.size(), first + batch_size);
    store->AddBatch(std::span(articles).subspan(first, end - first));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double n = static_cast<double>(articles.size());
  Ingest ingest;
  ingest.rate = n / seconds;
  ingest.client_cpu = (SelfCpuSeconds() - client_before) / n;
  if (const std::optional<double> after = backend ? ProcessCpuSeconds(*backend) : std::nullopt;
      after && server_before) {
    ingest.server_cpu = (*after - *server_before) / n;
  }
  if (store->Counts().articles != static_cast<int64_t>(articles.size())) {
    throw std::runtime_error("not every article was stored in " + db);
  }
  store.reset();  // SQLite folds its log into the file when the last connection closes
  ingest.bytes = static_cast<double>(StoreBytes(db, server.get()) - bytes_before) / n;
  return ingest;
}

std::string LoadAverage() {
  std::ifstream file("/proc/loadavg");
  double one_minute = 0;
  file >> one_minute;
  return fmt::format("{:.1f}", one_minute);
}

void PrintRow(std::string_view name, const Ingest& ingest, const Ingest* sqlite) {
  const std::string server =
      ingest.server_cpu ? fmt::format("{:6.2f} ms", *ingest.server_cpu * 1e3) : "        -";
  const std::string ratio =
      sqlite ? fmt::format("  (sqlite's time {:.2f}x, its CPU {:.2f}x)", sqlite->rate / ingest.rate,
                           (ingest.client_cpu + ingest.server_cpu.value_or(0)) / sqlite->client_cpu)
             : "";
  fmt::print(
      "{:<36}{:8.0f} articles/s  cpu/article: client {:6.2f} ms, server {}  {:8.0f} "
      "bytes/article{}\n",
      name, ingest.rate, ingest.client_cpu * 1e3, server, ingest.bytes, ratio);
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
  const std::string load_before = LoadAverage();
  const Ingest sqlite_ingest = IngestInto(sqlite.string(), articles, batch_size);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite.string() + suffix);

  std::unique_ptr<storyline::testing::PgTestServer> server;
  if (postgres.empty()) {
    server = std::make_unique<storyline::testing::PgTestServer>(
        storyline::testing::PgTestServer::Options{.durable = true});
  }
  const Ingest pg_ingest =
      IngestInto(server ? server->NewDatabase("bench") : postgres, articles, batch_size);
  std::optional<Ingest> pg_async_ingest;
  if (server) {
    ::setenv("PGOPTIONS", "-c synchronous_commit=off", 1);
    pg_async_ingest = IngestInto(server->NewDatabase("bench_async"), articles, batch_size);
  }

  fmt::print("articles: {}, batch: {}\n", count, batch_size);
  PrintRow("sqlite:", sqlite_ingest, nullptr);
  PrintRow("postgresql:", pg_ingest, &sqlite_ingest);
  if (pg_async_ingest) {
    PrintRow("postgresql, synchronous_commit off:", *pg_async_ingest, &sqlite_ingest);
  }
  fmt::print("load average (1 minute): {} before, {} after\n", load_before, LoadAverage());
  fmt::print("peak RSS of this process: {:.0f} MiB\n", bench::ProcessStatusMiB("VmHWM"));
}
