// serve_bench: `storyline serve` answering the calls of the page's first views, on a store
// built beforehand (bench/store_builder: `store_builder --db PATH --articles 100000` writes
// generated articles, analyses and stories). The server runs in this process on a
// free loopback port with --threads workers. First the page's first view, as a browser
// loads it: the page and its three files one after another, then the story list and the
// stats at once; timed each and in all, on a fresh server, with the store's page cache
// dropped first (--cold: posix_fadvise DONTNEED on the database and its log, which needs no
// privilege) and then again on a second fresh server, page cache warm. Then one story, its
// comparison and a search, each once. Then --clients clients each sending requests back to
// back for --seconds per endpoint: the story list, one story, search, and a static file of
// the page as the ceiling of what the server can do. Every request says what a browser
// says, "Accept-Encoding: gzip, deflate, br" (--accept-encoding to change it; the bytes are
// not inflated: the clients share the server's process). Per endpoint: requests/s, median, 95th
// percentile, errors (any answer but 200 or no answer), each beside the static file's (the ratio),
// and the process's CPU time per request (server and clients); then peak resident memory and the
// machine's load average before and after each endpoint.
//
// usage: serve_bench --db PATH [--cold] [--clients N] [--seconds S] [--threads N]
//                    [--keep-alive-seconds S] [--keep-alive-requests N]
//                    [--accept-encoding CODINGS]
#include <fcntl.h>
#include <fmt/format.h>
#include <httplib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "../process_memory.h"
#include "../store_builder/generated_corpus.h"
#include "serve/web_server.h"

namespace {

using Clock = std::chrono::steady_clock;

// What every request says it takes (set once, before any request): a browser's
// "gzip, deflate, br" unless --accept-encoding says otherwise.
httplib::Headers request_headers = {{"Accept-Encoding", "gzip, deflate, br"}};

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(p * values.size()))];
}

struct Load {
  std::vector<double> latencies;
  int errors = 0;
  double seconds = 0;      // wall-clock, first request to last answer
  double cpu_seconds = 0;  // the whole process's: server and clients
};

double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The machine's 1-minute load average: how many processes shared its cores.
double LoadAverage() {
  double load = 0;
  return getloadavg(&load, 1) == 1 ? load : -1;
}

// Drops the page cache's copy of the store's files (the database, its log and shared
// memory), so the next reads come from the disk. Returns false when a file that exists
// could not be dropped.
bool DropPageCache(const std::string& db) {
  bool dropped = true;
  for (const std::string& path : {db, db + "-wal", db + "-shm"}) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) continue;
    dropped &= ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    ::close(fd);
  }
  return dropped;
}

httplib::Client BrowserClient(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(120, 0);
  client.set_tcp_nodelay(true);
  client.set_decompress(false);
  return client;
}

// The page's first view on a fresh server (nothing loaded or cached yet), as a browser
// loads it: the page and its files in turn, then its two API calls at once. Prints each
// request and the whole; returns the story list's body.
std::string FirstView(const storyline::ServeOptions& options, const std::string& label) {
  storyline::WebServer server(options);
  std::thread runner([&] { server.Run(); });
  const int port = server.port();
  const auto timed = [port](const std::string& path, std::string* body) {
    httplib::Client client = BrowserClient(port);
    client.set_decompress(true);
    const Clock::time_point start = Clock::now();
    const httplib::Result result = client.Get(path.c_str(), request_headers);
    const double ms = Millis(Clock::now() - start);
    if (body && result) *body = result->body;
    return fmt::format("  {:<48} {:>9.1f} ms  {}\n", path, ms, result ? result->status : -1);
  };
  fmt::print("first view, {} (a fresh server)\n", label);
  const Clock::time_point start = Clock::now();
  for (const char* path : {"/", "/style.css", "/timeline.js", "/app.js"}) {
    fmt::print("{}", timed(path, nullptr));
  }
  std::string stories;
  auto list =
      std::async(std::launch::async, timed, "/api/v1/stories?sort=date&limit=100", &stories);
  auto stats = std::async(std::launch::async, timed, "/api/v1/stats", nullptr);
  fmt::print("{}{}", list.get(), stats.get());
  fmt::print("  {:<48} {:>9.1f} ms\n", "the whole first view", Millis(Clock::now() - start));
  server.Stop();
  runner.join();
  return stories;
}

Load Hammer(int port, const std::vector<std::string>& paths, int clients, double seconds) {
  std::vector<Load> loads(clients);
  std::vector<std::thread> threads;
  const double cpu_start = ProcessCpuSeconds();
  const Clock::time_point start = Clock::now();
  const Clock::time_point stop = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                    std::chrono::duration<double>(seconds));
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client = BrowserClient(port);
      client.set_keep_alive(true);
      client.set_read_timeout(60, 0);
      for (size_t i = c; Clock::now() < stop; ++i) {
        const Clock::time_point start = Clock::now();
        const httplib::Result result = client.Get(paths[i % paths.size()].c_str(), request_headers);
        loads[c].latencies.push_back(Millis(Clock::now() - start));
        if (!result || result->status != 200) ++loads[c].errors;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  Load all;
  all.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  all.cpu_seconds = ProcessCpuSeconds() - cpu_start;
  for (Load& load : loads) {
    all.latencies.insert(all.latencies.end(), load.latencies.begin(), load.latencies.end());
    all.errors += load.errors;
  }
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"storyline serve under concurrent clients"};
  storyline::ServeOptions options;
  int clients = 64;
  double seconds = 30;
  bool cold = false;
  app.add_option("--db", options.db, "Store to serve")->required();
  std::string accept_encoding = request_headers.begin()->second;
  app.add_flag("--cold", cold, "Drop the store's page cache before the first view");
  app.add_option("--accept-encoding", accept_encoding,
                 "Accept-Encoding of every request (default a browser's; empty: none)");
  app.add_option("--clients", clients, "Concurrent clients");
  app.add_option("--seconds", seconds, "Seconds per endpoint");
  app.add_option("--threads", options.threads, "Server worker threads (default: serve's)");
  app.add_option("--keep-alive-seconds", options.keep_alive_seconds,
                 "Seconds a connection may sit idle (default: serve's)");
  app.add_option("--keep-alive-requests", options.keep_alive_requests,
                 "Requests one connection may send (default: serve's)");
  CLI11_PARSE(app, argc, argv);
  options.port = 0;
  request_headers.clear();
  if (!accept_encoding.empty()) request_headers.emplace("Accept-Encoding", accept_encoding);
  if (cold && !DropPageCache(options.db)) {
    fmt::print(stderr, "cannot drop the page cache of {}\n", options.db);
    return 1;
  }
  FirstView(options, cold ? "page cache dropped" : "page cache as found");
  const nlohmann::json stories =
      nlohmann::json::parse(FirstView(options, "page cache warm"), nullptr, false);

  storyline::WebServer server(options);
  std::thread runner([&] { server.Run(); });
  const int port = server.port();
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(120, 0);
  client.set_tcp_nodelay(true);
  const auto timed = [&](const std::string& path) {
    const Clock::time_point start = Clock::now();
    const httplib::Result result = client.Get(path.c_str(), request_headers);
    const double ms = Millis(Clock::now() - start);
    fmt::print("  {:<48} {:>9.1f} ms  {}\n", path, ms, result ? result->status : -1);
    return result ? nlohmann::json::parse(result->body, nullptr, false) : nlohmann::json();
  };
  fmt::print("a third fresh server: story list, stats, one story, its comparison, a search\n");
  timed("/api/v1/stories?sort=date&limit=100");
  const nlohmann::json stats = timed("/api/v1/stats");
  fmt::print("  store: {} articles, {} stories, {} outlets\n", stats.value("articles", 0),
             stats.value("stories", 0), stats.value("outlets", 0));
  std::vector<std::string> story_paths;
  if (stories.contains("stories")) {
    for (const auto& story : stories["stories"]) {
      story_paths.push_back(fmt::format("/api/v1/stories/{}", story["id"].get<int>()));
    }
  }
  if (story_paths.empty()) {
    fmt::print("the store has no stories\n");
    return 1;
  }
  timed(story_paths.front());
  timed(story_paths.front() + "/compare");
  // What people type, in the generated store's words (store_builder/generated_corpus.h): a
  // common word, middling and rare ones, two words, a person's name as a phrase, newest first.
  using storyline::bench::Word;
  const std::string person = storyline::bench::PersonName(7);
  const std::vector<std::string> searches = {"/api/v1/search?q=" + Word(3),
                                             "/api/v1/search?q=" + Word(900),
                                             "/api/v1/search?q=" + Word(1500),
                                             "/api/v1/search?q=" + Word(60'000),
                                             "/api/v1/search?q=" + Word(400) + "%20" + Word(2500),
                                             "/api/v1/search?q=%22" +
                                                 person.substr(0, person.find(' ')) + "%20" +
                                                 person.substr(person.find(' ') + 1) + "%22",
                                             "/api/v1/search?q=" + Word(1200) + "&sort=date",
                                             "/api/v1/search?q=" + Word(20) + "&sort=date"};
  timed(searches.front());

  fmt::print("\n{} clients for {} s each, {} server threads, keep-alive {} s / {} requests\n",
             clients, seconds, options.threads, options.keep_alive_seconds,
             options.keep_alive_requests);
  const std::vector<std::pair<std::string, std::vector<std::string>>> classes = {
      {"static /app.js", {"/app.js"}},
      {"story list", {"/api/v1/stories?sort=date&limit=100"}},
      {"one story", story_paths},
      {"search", searches}};
  fmt::print(
      "| endpoint | req/s | median ms | p95 ms | errors | req/s / static | p95 / static "
      "| CPU ms per request | load before, after |\n|---|---|---|---|---|---|---|---|---|\n");
  Load ceiling;
  for (const auto& [name, paths] : classes) {
    const double load_before = LoadAverage();
    const Load load = Hammer(port, paths, clients, seconds);
    if (name.starts_with("static")) ceiling = load;
    const double rate = load.latencies.size() / load.seconds;
    const double p95 = Percentile(load.latencies, 0.95);
    fmt::print(
        "| {} | {:.0f} | {:.2f} | {:.2f} | {} | {:.3f} | {:.1f} | {:.2f} | {:.1f}, {:.1f} |\n",
        name, rate, Percentile(load.latencies, 0.5), p95, load.errors,
        rate / (ceiling.latencies.size() / ceiling.seconds),
        p95 / Percentile(ceiling.latencies, 0.95),
        load.cpu_seconds * 1000 / std::max<size_t>(1, load.latencies.size()), load_before,
        LoadAverage());
  }
  fmt::print("\npeak RSS (VmHWM) {:.0f} MiB\n", storyline::bench::ProcessStatusMiB("VmHWM"));
  server.Stop();
  runner.join();
}
