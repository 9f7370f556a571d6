// search_scale_bench: `storyline search` on a store of up to 1,000,000 generated articles,
// beside a bare FTS5 MATCH on the same index. The store is written beforehand by
// bench/store_builder (`store_builder --db PATH --articles N`), whose generator
// (store_builder/generated_corpus.h) the queries are drawn from: pass the same --articles
// and --seed.
//
// Per class, --queries queries that mimic what people type (see MakeQueries), each run
// --repeats times through SqliteStore::Search (the code `storyline search` runs) and through
// a bare FTS5 query (the same MATCH expression, ranked by FTS5's own `rank` with the same
// bm25 weights, first page and snippets: no filters, no joins, the ceiling of what the
// index can do). A query's time is the median of its repeats; each class prints the median,
// 95th percentile and maximum over its queries for both, and their ratio; then all queries
// together, peak resident memory and the machine's load average; once in wall-clock time
// and once in the querying thread's CPU time (what a query costs one core, whatever else
// the machine runs).
//
// usage: search_scale_bench --db PATH [--articles N] [--seed S] [--queries Q] [--repeats R]
//                           [--class NAME]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "../process_memory.h"
#include "../store_builder/generated_corpus.h"
#include "store/search_query.h"
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"

namespace storyline {
namespace {

using bench::Day;
using bench::Generator;
using bench::kArticlesPerStoryWindow;
using bench::kDays;
using bench::kStoriesPerWindow;
using bench::Outlet;
using bench::PersonId;
using bench::PersonName;
using bench::Word;

// The machine's 1, 5 and 15 minute load averages: how many processes shared its cores.
std::string LoadAverage() {
  double load[3] = {};
  if (getloadavg(load, 3) != 3) return "unknown";
  return fmt::format("{:.2f} {:.2f} {:.2f}", load[0], load[1], load[2]);
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct BenchQuery {
  std::string name;  // its class
  SearchRequest request;
};

// A word of frequency rank drawn log-uniformly from [low, high).
std::string WordBetween(std::mt19937_64& rng, double low, double high) {
  std::uniform_real_distribution<double> u(std::log(low), std::log(high));
  return Word(static_cast<uint32_t>(std::exp(u(rng))));
}

// Per class, `count` queries as people type them. Ranks: common words are in most
// articles (rank < 50), middling ones in 0.1-2% (300-3,000), rare ones in a few dozen to
// a few thousand of a million (20,000-500,000).
// `stored`: how many of the generator's articles the store holds (all but for a build that
// was stopped early): dates and stories are drawn from those.
std::vector<BenchQuery> MakeQueries(const Generator& generator, int stored, int count,
                                    uint64_t seed) {
  std::mt19937_64 rng(seed * 7919 + 17);
  auto common = [&] { return WordBetween(rng, 1, 50); };
  auto middling = [&] { return WordBetween(rng, 300, 3000); };
  auto rare = [&] { return WordBetween(rng, 20'000, 500'000); };
  std::vector<BenchQuery> queries;
  auto add = [&](std::string name, std::string query, auto&& narrow) {
    BenchQuery q{std::move(name), {}};
    q.request.query = std::move(query);
    narrow(q.request);
    queries.push_back(std::move(q));
  };
  auto plain = [](SearchRequest&) {};
  for (int k = 0; k < count; ++k) {
    add("common word", common(), plain);
    add("middling word", middling(), plain);
    add("rare word", rare(), plain);
    add("two words", middling() + " " + (k % 2 ? common() : middling()), plain);
    add("person, phrase", "\"" + PersonName(static_cast<int>(generator.DrawPerson(rng))) + "\"",
        plain);
    std::string stem = WordBetween(rng, 12'700, 200'000);
    stem.resize(std::max<size_t>(4, stem.size() - 2));
    add("prefix*", stem + "*", plain);
    add("a OR b", middling() + " OR " + middling(), plain);
    add("a -b", common() + " -" + middling(), plain);
    const int days = std::max(31, static_cast<int>(int64_t{kDays} * stored / generator.articles()));
    const int from = static_cast<int>(rng() % (days - 30));
    add("--from --to (a month)", middling(), [&](SearchRequest& r) {
      r.from = Day(from);
      r.to = Day(from + 30);
    });
    add("--source", middling(),
        [&](SearchRequest& r) { r.source = Outlet(generator.DrawOutlet(rng)); });
    add("--entity", common(), [&](SearchRequest& r) {
      r.entity = PersonId(static_cast<int>(generator.DrawPerson(rng)));
    });
    const int windows = std::max(1, stored / kArticlesPerStoryWindow);
    add("--story", common(), [&](SearchRequest& r) {
      r.story = static_cast<int>(rng() % windows) * kStoriesPerWindow +
                static_cast<int>(rng() % kStoriesPerWindow) + 1;
    });
    add("--sort date", k % 2 ? common() : middling(),
        [&](SearchRequest& r) { r.newest_first = true; });
    add("--offset 100-1000", k % 2 ? common() : middling(),
        [&](SearchRequest& r) { r.offset = 100 * (1 + static_cast<int>(rng() % 10)); });
  }
  return queries;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t index =
      std::min(values.size() - 1, static_cast<size_t>(std::ceil(p * values.size())) - (p > 0));
  return values[index];
}

double Median(std::vector<double> values) { return Percentile(std::move(values), 0.5); }

// The bare FTS5 page for `fts_query`: FTS5's own ranking and snippets, nothing else.
int BareFts5(SqliteDb& db, const std::string& fts_query, int limit, int offset) {
  SqliteStatement page(db,
                       "SELECT rowid, snippet(articles_fts, -1, '[', ']', '…', 24) "
                       "FROM articles_fts WHERE articles_fts MATCH ?1 "
                       "AND rank MATCH 'bm25(4.0, 1.0)' ORDER BY rank LIMIT ?2 OFFSET ?3");
  page.Bind(1, std::string_view(fts_query)).Bind(2, int64_t{limit}).Bind(3, int64_t{offset});
  int rows = 0;
  while (page.Step()) ++rows;
  return rows;
}

std::string Ms(double seconds) { return fmt::format("{:.1f}", seconds * 1000); }

void RunQueries(const std::string& path, const Generator& generator, int count, int repeats,
                const std::string& only_class, uint64_t seed) {
  const std::string load_before = LoadAverage();
  SqliteStore store(path, true);
  SqliteDb bare(path, 60'000, SqliteDb::Access::kReadOnly);
  SqliteStatement occurs(bare, "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1");
  const PhraseOccurs phrase_occurs = [&occurs](std::string_view first, std::string_view second) {
    occurs.Bind(1, std::string_view(fmt::format("\"{} {}\"", first, second)));
    const bool found = occurs.Step();
    occurs.Reset();
    return found;
  };
  SqliteStatement last(bare, "SELECT count(*) FROM articles");
  last.Step();
  const int stored = static_cast<int>(last.ColumnInt(0));
  std::cout << "store " << path << ": " << stored << " articles, "
            << std::filesystem::file_size(path) / (1 << 20) << " MiB\n\n";
  std::vector<BenchQuery> queries = MakeQueries(generator, stored, count, seed);
  if (!only_class.empty()) {
    std::erase_if(queries, [&](const BenchQuery& q) { return q.name != only_class; });
  }
  std::vector<std::string> classes;
  // Per query, wall-clock and CPU seconds (this thread's: what the query cost one core,
  // whatever else the machine runs), for storyline and for bare FTS5.
  std::vector<double> ours(queries.size()), theirs(queries.size());
  std::vector<double> ours_cpu(queries.size()), theirs_cpu(queries.size());
  std::vector<size_t> hits(queries.size());
  for (size_t q = 0; q < queries.size(); ++q) {
    const BenchQuery& query = queries[q];
    if (std::find(classes.begin(), classes.end(), query.name) == classes.end()) {
      classes.push_back(query.name);
    }
    const std::string fts_query = ToFts5Query(query.request.query, phrase_occurs);
    std::vector<double> ours_runs, theirs_runs, ours_cpu_runs, theirs_cpu_runs;
    for (int r = 0; r < repeats; ++r) {
      auto start = std::chrono::steady_clock::now();
      double cpu = ThreadCpuSeconds();
      hits[q] = store.Search(query.request).size();
      ours_cpu_runs.push_back(ThreadCpuSeconds() - cpu);
      ours_runs.push_back(SecondsSince(start));
      start = std::chrono::steady_clock::now();
      cpu = ThreadCpuSeconds();
      BareFts5(bare, fts_query, query.request.limit, query.request.offset);
      theirs_cpu_runs.push_back(ThreadCpuSeconds() - cpu);
      theirs_runs.push_back(SecondsSince(start));
    }
    ours[q] = Median(ours_runs);
    theirs[q] = Median(theirs_runs);
    ours_cpu[q] = Median(ours_cpu_runs);
    theirs_cpu[q] = Median(theirs_cpu_runs);
    std::cerr << query.name << " | " << query.request.query << " | " << hits[q] << " hits | "
              << Ms(ours[q]) << " ms (CPU " << Ms(ours_cpu[q]) << ") | FTS5 " << Ms(theirs[q])
              << " ms (CPU " << Ms(theirs_cpu[q]) << ")\n";
  }
  auto table = [&](const std::string& what, const std::vector<double>& a_times,
                   const std::vector<double>& b_times) {
    std::cout << "\n"
              << what << "\n\n| class | queries | with hits | storyline median ms | p95 "
              << "| max | FTS5 median ms | p95 | max | median ratio |\n"
              << "|---|---|---|---|---|---|---|---|---|---|\n";
    auto row = [&](const std::string& name, auto&& member) {
      std::vector<double> a, b;
      int with_hits = 0;
      for (size_t q = 0; q < queries.size(); ++q) {
        if (!member(queries[q])) continue;
        a.push_back(a_times[q]);
        b.push_back(b_times[q]);
        with_hits += hits[q] > 0;
      }
      std::cout << "| " << name << " | " << a.size() << " | " << with_hits << " | " << Ms(Median(a))
                << " | " << Ms(Percentile(a, 0.95)) << " | " << Ms(Percentile(a, 1.0)) << " | "
                << Ms(Median(b)) << " | " << Ms(Percentile(b, 0.95)) << " | "
                << Ms(Percentile(b, 1.0)) << " | "
                << fmt::format("{:.2f}", Median(a) / std::max(1e-9, Median(b))) << " |\n";
    };
    for (const std::string& name : classes) {
      row(name, [&](const BenchQuery& q) { return q.name == name; });
    }
    row("**all**", [](const BenchQuery&) { return true; });
  };
  table("Wall-clock time:", ours, theirs);
  table("CPU time of the querying thread (one core's work, whatever the load):", ours_cpu,
        theirs_cpu);
  std::cout << "\npeak RSS (VmHWM) " << fmt::format("{:.0f}", bench::ProcessStatusMiB("VmHWM"))
            << " MiB; load average before " << load_before << ", after " << LoadAverage() << "\n";
}

}  // namespace
}  // namespace storyline

int main(int argc, char** argv) {
  CLI::App app{"storyline search on a store of generated articles, beside bare FTS5"};
  std::string db;
  int articles = 1'000'000, queries = 20, repeats = 3;
  uint64_t seed = 1;
  std::string only_class;
  app.add_option("--db", db, "the store (bench/store_builder)")->required();
  app.add_option("--articles", articles, "the store_builder --articles it was written with");
  app.add_option("--seed", seed, "the store_builder --seed it was written with");
  app.add_option("--queries", queries, "queries per class");
  app.add_option("--repeats", repeats, "runs of each query; its time is their median");
  app.add_option("--class", only_class, "run only this class of queries");
  CLI11_PARSE(app, argc, argv);
  try {
    const storyline::bench::Generator generator(articles, seed);
    storyline::RunQueries(db, generator, queries, repeats, only_class, seed);
  } catch (const std::exception& e) {
    std::cerr << "search_scale_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
