// store_builder: writes a store of N generated articles (generated_corpus.h) with their
// analyses and stories, for the benchmarks that need a large store (search_scale_bench,
// serve_bench) without running the analyzer, which is what makes `storyline ingest` slow
// (20,000 articles in 6 minutes on the shared machine; a million would take hours).
//
// Everything goes through the Store interface, so the rows are the ones ingest writes:
// SqliteStore::AddBatch in batches of 1,000 (articles with their versions, outlets, the
// FTS5 index by its triggers, entity mentions, times, quotes, events and their actors),
// then one SaveStoryChanges with every story (its articles, label, first and last day,
// one event per day). Left out, because no reader of a benchmark needs them and they are
// most of AddBatch's cost: near-duplicate fingerprints (every article is its own duplicate
// family; a reprint is not linked to its original) and the clusterer's state (the stories
// are final: ingesting into such a store starts its clustering afresh). The next block of
// records is generated on another thread while this one is stored.
//
// usage: store_builder --db PATH [--articles N] [--seed S]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "../bench_articles.h"
#include "../process_memory.h"
#include "generated_corpus.h"
#include "store/sqlite_store.h"

namespace storyline::bench {
namespace {

constexpr int kBatch = 1000;
constexpr int kBlock = 10'000;
constexpr int kProgressEvery = 100'000;

struct StoryMember {
  std::string article;
  std::optional<int> day;
  std::string title;
};

// What the store holds, per article: the figures the README compares with a real ingest.
struct Shape {
  int64_t articles = 0, words = 0, mentions = 0, times = 0, quotes = 0, events = 0;
};

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// A generated store's stories, as the clusterer would report them all at once: label the
// lead person, days the first and last of its articles, one event per day in date order
// (undated last) whose summary is its first article's title.
StoryChanges AllStories(const Generator& generator,
                        const std::map<int, std::vector<StoryMember>>& members) {
  StoryChanges changes;
  changes.complete = true;
  int next_event = 1;
  for (const auto& [id, articles] : members) {
    StoryUpdate update;
    update.id = id;
    update.replace = true;
    update.label = PersonName(generator.LeadOf(id));
    std::map<std::optional<int>, StoryEvent> by_day;  // nullopt sorts first: moved last below
    for (const StoryMember& member : articles) {
      update.new_articles.push_back(member.article);
      StoryEvent& event = by_day[member.day];
      if (event.articles.empty()) {
        event.type = "STATEMENT";
        if (member.day) event.date = Day(*member.day);
        event.actors = {PersonId(generator.LeadOf(id))};
        event.summary = member.title;
      }
      event.articles.push_back(member.article);
    }
    std::vector<StoryEvent> events;
    for (auto& [day, event] : by_day) events.push_back(std::move(event));
    if (!by_day.empty() && !by_day.begin()->first) {
      std::rotate(events.begin(), events.begin() + 1, events.end());
    }
    for (StoryEvent& event : events) {
      event.id = next_event++;
      if (event.date) {
        if (!update.first) update.first = event.date;
        update.last = event.date;
      }
      update.changed_events.emplace_back(update.changed_events.size(), std::move(event));
    }
    changes.changed.push_back(std::move(update));
  }
  return changes;
}

void Build(const std::string& path, const Generator& generator) {
  if (std::filesystem::exists(path)) {
    throw std::runtime_error(path + " exists: store_builder writes a new store");
  }
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  SqliteStore store(path, false);
  auto generate = [&generator](int first) {
    std::vector<GeneratedArticle> block;
    for (int i = first; i < std::min(first + kBlock, generator.articles()); ++i) {
      block.push_back(generator.Make(i));
    }
    return block;
  };
  std::future<std::vector<GeneratedArticle>> next = std::async(std::launch::async, generate, 0);
  std::map<int, std::vector<StoryMember>> stories;
  Shape shape;
  int64_t last_id = 0;
  std::vector<PreparedArticle> batch;
  std::vector<const GeneratedArticle*> records;
  for (int first = 0; first < generator.articles(); first += kBlock) {
    const std::vector<GeneratedArticle> block = next.get();
    if (first + kBlock < generator.articles()) {
      next = std::async(std::launch::async, generate, first + kBlock);
    }
    for (size_t b = 0; b < block.size(); b += kBatch) {
      batch.clear();
      records.clear();
      for (size_t r = b; r < std::min(b + kBatch, block.size()); ++r) {
        PreparedArticle prepared;
        prepared.article = block[r].article;
        prepared.analysis = block[r].analysis;
        prepared.content_hash = HashArticleContent(prepared.article);
        prepared.fingerprint.normalized_hash = prepared.content_hash.low;
        batch.push_back(std::move(prepared));
        records.push_back(&block[r]);
      }
      const std::vector<AddResult> results = store.AddBatch(batch);
      for (size_t r = 0; r < results.size(); ++r) {
        if (results[r].status != AddStatus::kAdded) continue;
        const GeneratedArticle& record = *records[r];
        last_id = std::max(last_id, results[r].article_id);
        if (record.story && !record.new_version) {
          stories[record.story].push_back({record.article.id, record.day, record.article.title});
        }
        if (record.new_version) continue;
        ++shape.articles;
        shape.words += WhitespaceWords(record.article.text);
        shape.mentions += static_cast<int64_t>(record.analysis.entities.size());
        shape.times += static_cast<int64_t>(record.analysis.times.size());
        shape.quotes += static_cast<int64_t>(record.analysis.quotes.size());
        shape.events += static_cast<int64_t>(record.analysis.events.size());
      }
    }
    if ((first + kBlock) % kProgressEvery == 0) {  // a million take a while: say how far it is
      std::cerr << fmt::format("{} records stored, {:.0f} s\n", first + kBlock, elapsed());
    }
  }
  store.SaveStoryChanges({"", last_id}, AllStories(generator, stories));
  int64_t story_articles = 0;
  for (const auto& [id, members] : stories) story_articles += members.size();
  const double articles = std::max<int64_t>(1, shape.articles);
  fmt::print(
      "built {}: {} records ({} articles, the rest new versions), {} stories, in {:.0f} s "
      "(CPU {:.0f} s), {} MiB, peak RSS {:.0f} MiB\n"
      "per article: {:.0f} words, {:.2f} entity mentions, {:.2f} times, {:.2f} quotes, "
      "{:.2f} events; {:.1f} articles per story\n",
      path, generator.articles(), shape.articles, stories.size(), elapsed(),
      CpuSeconds() - cpu_start, std::filesystem::file_size(path) / (1 << 20),
      ProcessStatusMiB("VmHWM"), shape.words / articles, shape.mentions / articles,
      shape.times / articles, shape.quotes / articles, shape.events / articles,
      static_cast<double>(story_articles) / std::max<size_t>(1, stories.size()));
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) {
  CLI::App app{"a store of generated articles, analyses and stories for benchmarks"};
  std::string db;
  int articles = 100'000;
  uint64_t seed = 1;
  app.add_option("--db", db, "the store to write (must not exist)")->required();
  app.add_option("--articles", articles, "records to generate");
  app.add_option("--seed", seed, "generator seed");
  CLI11_PARSE(app, argc, argv);
  try {
    storyline::bench::Build(db, storyline::bench::Generator(articles, seed));
  } catch (const std::exception& e) {
    std::cerr << "store_builder: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
