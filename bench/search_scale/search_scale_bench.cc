// search_scale_bench: `storyline search` on a store of up to 1,000,000 generated articles,
// beside a bare FTS5 MATCH on the same index.
//
// --build writes a new store at --db the way ingest writes it: every article goes through
// PrepareArticle and SqliteStore::AddBatch in batches of 1,000 (content hash, near-duplicate
// fingerprint and families, versions, the FTS5 index by its triggers, entity mentions), with
// a synthetic Analysis in place of the analyzer's, which is what makes ingest slow and what
// search never reads except the entity mentions. Stories are written by SQL into the story
// tables afterwards (the clusterer is not what is measured). The generator is deterministic
// in --seed and --articles:
//
//   words: a vocabulary of 1,000,000 pseudo-words (syllables, shortest first) drawn from a
//     Zipf-Mandelbrot law, p(rank) ~ 1 / (rank + 2.7), as word frequencies in news text go:
//     the top words are in every article, a word of rank 3,000 in about 1%, the tail in a
//     few dozen of a million;
//   articles: 150-900 words in sentences and paragraphs, a 6-12 word title, 2-6 named people
//     (from 20,000, Zipf-drawn: a few are in the news every day) with their mentions, one of
//     60 outlets, published in arrival order over three years with a few days of jitter
//     (1% undated); 5% are reprints of a recent article under another outlet and title, 1%
//     a new version of a recent article (same id, edited text);
//   stories: half the articles, in stories of about ten articles close in time.
//
// Without --build it runs the query set against the store at --db: per class, --queries
// queries that mimic what people type (see MakeQueries), each run --repeats times through
// SqliteStore::Search (the code `storyline search` runs) and through a bare FTS5 query (the
// same MATCH expression, ranked by FTS5's own `rank` with the same bm25 weights, first page
// and snippets: no filters, no joins, the ceiling of what the index can do). A query's
// time is the median of its repeats; each class prints the median, 95th percentile and
// maximum over its queries for both, and their ratio; then all queries together, and peak
// resident memory; once in wall-clock time and once in the querying thread's CPU time
// (what a query costs one core, whatever else the machine runs).
//
// usage: search_scale_bench --db PATH --build [--articles N] [--seed S]
//        search_scale_bench --db PATH [--articles N] [--seed S] [--queries Q] [--repeats R]
//                           [--class NAME]
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "../process_memory.h"
#include "store/search_query.h"
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"

namespace storyline {
namespace {

constexpr int kVocabulary = 1'000'000;
constexpr double kZipfShift = 2.7;
constexpr int kPeople = 20'000;
constexpr int kOutlets = 60;
constexpr int kDays = 3 * 365;
constexpr int kBatch = 1000;
constexpr int kArticlesPerStoryWindow = 500;
constexpr int kStoriesPerWindow = 25;

// Vose's alias table: draws index i with probability weight[i] / sum in O(1).
class AliasSampler {
 public:
  explicit AliasSampler(const std::vector<double>& weights) {
    const size_t n = weights.size();
    double sum = 0;
    for (double w : weights) sum += w;
    probability_.resize(n);
    alias_.resize(n);
    std::vector<double> scaled(n);
    std::vector<uint32_t> small, large;
    for (size_t i = 0; i < n; ++i) {
      scaled[i] = weights[i] * static_cast<double>(n) / sum;
      (scaled[i] < 1 ? small : large).push_back(static_cast<uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const uint32_t s = small.back(), l = large.back();
      small.pop_back();
      probability_[s] = static_cast<float>(scaled[s]);
      alias_[s] = l;
      scaled[l] -= 1 - scaled[s];
      if (scaled[l] < 1) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (uint32_t i : small) probability_[i] = 1;
    for (uint32_t i : large) probability_[i] = 1;
  }

  template <typename Rng>
  uint32_t Draw(Rng& rng) const {
    const uint32_t slot = static_cast<uint32_t>(rng() % probability_.size());
    const float coin = static_cast<float>(rng() >> 40) / static_cast<float>(1 << 24);
    return coin < probability_[slot] ? slot : alias_[slot];
  }

 private:
  std::vector<float> probability_;
  std::vector<uint32_t> alias_;
};

std::vector<double> ZipfWeights(int n, double shift) {
  std::vector<double> weights(n);
  for (int i = 0; i < n; ++i) weights[i] = 1.0 / (i + shift);
  return weights;
}

// The word of this frequency rank: one syllable for the 112 commonest, two for the next
// 12,544, three after, as frequent words are short.
std::string Word(uint32_t rank) {
  static constexpr std::string_view kConsonants = "bdfgklmnprstvz";
  static constexpr std::string_view kVowels = "aiou";
  constexpr uint32_t kSyllables = 14 * 4 * 2;
  int syllables = 1;
  uint32_t index = rank;
  if (index >= kSyllables) {
    index -= kSyllables;
    syllables = 2;
    if (index >= kSyllables * kSyllables) {
      index -= kSyllables * kSyllables;
      syllables = 3;
    }
  }
  std::string word;
  for (int s = 0; s < syllables; ++s) {
    const uint32_t syllable = index % kSyllables;
    index /= kSyllables;
    word.push_back(kConsonants[syllable % 14]);
    word.push_back(kVowels[syllable / 14 % 4]);
    if (syllable / 56) word.push_back('n');
  }
  return word;
}

std::string Capitalized(std::string word) {
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// Person e's name: two vocabulary words of middling rank, capitalized; its entity id is
// the same words in lower case joined by '-'.
std::string PersonName(int e) {
  return Capitalized(Word(2000 + 2 * e)) + " " + Capitalized(Word(2001 + 2 * e));
}
std::string PersonId(int e) { return Word(2000 + 2 * e) + "-" + Word(2001 + 2 * e); }

std::string Outlet(int k) { return fmt::format("Outlet {}", k + 1); }

std::string Day(int day) {
  const std::chrono::sys_days date =
      std::chrono::sys_days(std::chrono::year{2022} / 1 / 1) + std::chrono::days(day);
  const std::chrono::year_month_day ymd(date);
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

class Generator {
 public:
  Generator(int articles, uint64_t seed)
      : articles_(articles),
        seed_(seed),
        words_(ZipfWeights(kVocabulary, kZipfShift)),
        people_(ZipfWeights(kPeople, 1.0)),
        outlets_(ZipfWeights(kOutlets, 2.0)) {
    vocabulary_.reserve(kVocabulary);
    for (int rank = 0; rank < kVocabulary; ++rank) vocabulary_.push_back(Word(rank));
  }

  int articles() const { return articles_; }
  const std::string& WordOf(uint32_t rank) const { return vocabulary_[rank]; }
  std::mt19937_64 Rng(uint64_t salt) const {
    return std::mt19937_64(seed_ * 0x9E3779B97F4A7C15 + salt);
  }
  uint32_t DrawWord(std::mt19937_64& rng) const { return words_.Draw(rng); }
  uint32_t DrawPerson(std::mt19937_64& rng) const { return people_.Draw(rng); }
  int DrawOutlet(std::mt19937_64& rng) const { return static_cast<int>(outlets_.Draw(rng)); }

  // The i-th record of the stream, with its analysis.
  std::pair<Article, Analysis> Make(int i) const {
    std::mt19937_64 rng = Rng(static_cast<uint64_t>(i));
    const int kind = static_cast<int>(rng() % 100);
    const int earlier = std::max(0, i - 1 - static_cast<int>(rng() % 200));
    if (i > 0 && kind < 5) {  // a reprint of a recent article elsewhere
      auto [article, analysis] = Body(earlier);
      article.id = fmt::format("a{}", i);
      article.source = Outlet(DrawOutlet(rng));
      article.title = Title(rng);
      article.url = fmt::format("https://example.org/{}", i);
      return {article, analysis};
    }
    if (i > 0 && kind < 6) {  // a new version of a recent article: same id, edited text
      auto [article, analysis] = Body(earlier);
      article.text += "\n\nThis article has been updated.";
      return {article, analysis};
    }
    return Body(i);
  }

 private:
  std::string Title(std::mt19937_64& rng) const {
    std::string title;
    const int n = 6 + static_cast<int>(rng() % 7);
    for (int w = 0; w < n; ++w) {
      if (w > 0) title += ' ';
      title += WordOf(DrawWord(rng));
      if (w == 0) title[0] = static_cast<char>(title[0] - 'a' + 'A');
    }
    return title;
  }

  // Article `i` as first written.
  std::pair<Article, Analysis> Body(int i) const {
    std::mt19937_64 rng = Rng(static_cast<uint64_t>(i) + (uint64_t{1} << 40));
    Article article;
    article.id = fmt::format("a{}", i);
    article.source = Outlet(DrawOutlet(rng));
    article.url = fmt::format("https://example.org/{}", i);
    const int day = std::max(0, static_cast<int>(static_cast<int64_t>(i) * kDays / articles_) -
                                    static_cast<int>(rng() % 4));
    if (rng() % 100 != 0) {
      article.published = fmt::format("{}T{:02}:{:02}:00Z", Day(day), rng() % 24, rng() % 60);
    }
    article.title = Title(rng);
    std::vector<int> people(2 + rng() % 5);
    for (int& person : people) person = static_cast<int>(DrawPerson(rng));
    Analysis analysis;
    const int words = 150 + static_cast<int>(rng() % 751);
    int written = 0;
    int sentence = 0;
    while (written < words) {
      if (sentence > 0) article.text += sentence % 4 == 0 ? "\n\n" : " ";
      const int length = 8 + static_cast<int>(rng() % 18);
      if (rng() % 3 == 0) {  // a sentence that opens with a person's name
        const int person = people[rng() % people.size()];
        const std::string name = PersonName(person);
        EntityMention mention;
        mention.span = {static_cast<uint32_t>(article.text.size()),
                        static_cast<uint32_t>(article.text.size() + name.size())};
        mention.text = name;
        mention.type = "PERSON";
        mention.entity = PersonId(person);
        mention.name = name;
        analysis.entities.push_back(std::move(mention));
        article.text += name + " said";
      } else {
        const size_t first = article.text.size();
        article.text += WordOf(DrawWord(rng));
        article.text[first] = static_cast<char>(article.text[first] - 'a' + 'A');
      }
      for (int w = 1; w < length; ++w) {
        article.text += ' ';
        article.text += WordOf(DrawWord(rng));
      }
      article.text += '.';
      written += length;
      ++sentence;
    }
    article.origin = fmt::format("generated#{}", i);
    return {article, analysis};
  }

  int articles_;
  uint64_t seed_;
  AliasSampler words_, people_, outlets_;
  std::vector<std::string> vocabulary_;
};

// The stories: half the articles, each window of 500 in 25 stories.
void WriteStories(SqliteDb& db, const Generator& generator) {
  db.Exec("BEGIN");
  SqliteStatement story(db, "INSERT OR IGNORE INTO stories(id, label) VALUES (?, ?)");
  SqliteStatement member(db,
                         "INSERT INTO story_articles(story_id, ordinal, article) VALUES (?, ?, ?)");
  std::vector<int> ordinals;
  for (int i = 0; i < generator.articles(); ++i) {
    std::mt19937_64 rng = generator.Rng(static_cast<uint64_t>(i) + (uint64_t{2} << 40));
    if (rng() % 2) continue;
    const int id = i / kArticlesPerStoryWindow * kStoriesPerWindow +
                   static_cast<int>(rng() % kStoriesPerWindow) + 1;
    if (static_cast<size_t>(id) >= ordinals.size()) ordinals.resize(id + 1);
    story.Bind(1, int64_t{id}).Bind(2, std::string_view(fmt::format("story {}", id))).Run();
    member.Bind(1, int64_t{id})
        .Bind(2, int64_t{ordinals[id]++})
        .Bind(3, std::string_view(fmt::format("a{}", i)))
        .Run();
  }
  db.Exec("COMMIT");
}

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Every article through SqliteStore::AddBatch, as ingest stores them.
void AddThroughStore(const std::string& path, const Generator& generator) {
  SqliteStore store(path, false);
  std::vector<PreparedArticle> batch;
  for (int i = 0; i < generator.articles(); ++i) {
    auto [article, analysis] = generator.Make(i);
    batch.push_back(PrepareArticle(std::move(article), std::move(analysis)));
    if (batch.size() == kBatch || i + 1 == generator.articles()) {
      store.AddBatch(batch);
      batch.clear();
    }
  }
}

// The rows AddBatch writes that search reads (articles with their version marks, sources,
// entity mentions; the FTS5 index by the schema's own trigger), by SQL in transactions of
// 10,000 articles with sync off: a million articles through AddBatch take hours on a
// shared 2-core machine (near-duplicate fingerprints and LSH bands, which search never
// reads, are most of it). Every article is its own family; a new version supersedes the
// latest one of its id, as AddBatch does.
void AddInBulk(const std::string& path, const Generator& generator) {
  { SqliteStore create(path, false); }
  SqliteDb db(path, 60'000);
  db.Exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144");
  SqliteStatement insert_source(db, "INSERT INTO sources(id, name) VALUES (?, ?)");
  for (int k = 0; k < kOutlets; ++k) {
    insert_source.Bind(1, int64_t{k + 1}).Bind(2, std::string_view(Outlet(k))).Run();
  }
  SqliteStatement insert_article(
      db,
      "INSERT OR IGNORE INTO articles(id, external_id, source_id, published, url, title, author, "
      "language, text, origin, content_hash, text_hash, family_id, previous_version) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', 'en', ?7, ?8, ?9, 0, ?1, ?10)");
  SqliteStatement latest(db, "SELECT id FROM articles WHERE external_id = ? AND latest = 1");
  SqliteStatement supersede(db, "UPDATE articles SET latest = 0 WHERE id = ?");
  SqliteStatement insert_mention(
      db,
      "INSERT INTO entity_mentions(article_id, ordinal, start_byte, end_byte, text, type, "
      "entity, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  // The next block of articles is generated on another thread while this one is written.
  constexpr int kBlock = 10'000;
  constexpr int kProgressEvery = 100'000;
  const auto start = std::chrono::steady_clock::now();
  auto generate = [&generator](int first) {
    std::vector<std::pair<Article, Analysis>> block;
    for (int i = first; i < std::min(first + kBlock, generator.articles()); ++i) {
      block.push_back(generator.Make(i));
    }
    return block;
  };
  std::future<std::vector<std::pair<Article, Analysis>>> next =
      std::async(std::launch::async, generate, 0);
  std::vector<std::pair<Article, Analysis>> block;
  for (int i = 0; i < generator.articles(); ++i) {
    if (i % kBlock == 0) {
      block = next.get();
      next = std::async(std::launch::async, generate, i + kBlock);
      db.Exec("BEGIN");
    }
    const auto& [article, analysis] = block[i % kBlock];
    const int64_t id = i + 1;
    std::optional<int64_t> previous;
    latest.Bind(1, std::string_view(article.id));
    if (latest.Step()) previous = latest.ColumnInt(0);
    latest.Reset();
    const ContentHash hash = HashArticleContent(article);
    std::array<uint8_t, 16> hash_bytes{};
    for (int b = 0; b < 8; ++b) {
      hash_bytes[b] = static_cast<uint8_t>(hash.high >> (56 - 8 * b));
      hash_bytes[8 + b] = static_cast<uint8_t>(hash.low >> (56 - 8 * b));
    }
    insert_article.Bind(1, id)
        .Bind(2, std::string_view(article.id))
        .Bind(3, int64_t{std::stoi(article.source.substr(7))})
        .Bind(4, article.published)
        .Bind(5, std::string_view(article.url))
        .Bind(6, std::string_view(article.title))
        .Bind(7, std::string_view(article.text))
        .Bind(8, std::string_view(article.origin))
        .BindBlob(9, hash_bytes);
    if (previous) {
      insert_article.Bind(10, *previous);
    } else {
      insert_article.BindNull(10);
    }
    insert_article.Run();
    if (sqlite3_changes(db.handle()) == 0) {  // the same content again
      if ((i + 1) % kBlock == 0 || i + 1 == generator.articles()) db.Exec("COMMIT");
      continue;
    }
    if (previous) supersede.Bind(1, *previous).Run();
    for (size_t m = 0; m < analysis.entities.size(); ++m) {
      const EntityMention& mention = analysis.entities[m];
      insert_mention.Bind(1, id)
          .Bind(2, static_cast<int64_t>(m))
          .Bind(3, int64_t{mention.span.start})
          .Bind(4, int64_t{mention.span.end})
          .Bind(5, std::string_view(mention.text))
          .Bind(6, std::string_view(mention.type))
          .Bind(7, std::string_view(mention.entity))
          .Bind(8, std::string_view(mention.name))
          .Run();
    }
    if ((i + 1) % kBlock == 0 || i + 1 == generator.articles()) db.Exec("COMMIT");
    if ((i + 1) % kProgressEvery == 0) {  // a million take a while: say how far it is
      std::cerr << fmt::format("{} articles stored, {:.0f} s\n", i + 1, SecondsSince(start));
    }
  }
  next.wait();
}

void BuildStore(const std::string& path, const Generator& generator, bool through_store) {
  if (std::filesystem::exists(path)) {
    throw std::runtime_error(path + " exists: --build writes a new store");
  }
  const auto start = std::chrono::steady_clock::now();
  if (through_store) {
    AddThroughStore(path, generator);
  } else {
    AddInBulk(path, generator);
  }
  SqliteDb db(path, 60'000);
  WriteStories(db, generator);
  db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  std::cerr << "built " << path << " (" << generator.articles() << " articles) in "
            << fmt::format("{:.0f}", SecondsSince(start)) << " s, "
            << std::filesystem::file_size(path) / (1 << 20) << " MiB\n";
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
            << " MiB\n";
}

}  // namespace
}  // namespace storyline

int main(int argc, char** argv) {
  CLI::App app{"storyline search on a store of generated articles, beside bare FTS5"};
  std::string db;
  int articles = 1'000'000, queries = 20, repeats = 3;
  uint64_t seed = 1;
  bool build = false, through_store = false, stories_only = false;
  std::string only_class;
  app.add_option("--db", db, "the store")->required();
  app.add_option("--articles", articles, "articles in the store (the generator's, for queries)");
  app.add_option("--seed", seed, "generator and query seed");
  app.add_flag("--build", build, "write a new store of --articles generated articles");
  app.add_flag("--through-store", through_store,
               "with --build: every article through SqliteStore::AddBatch (slow)");
  app.add_flag("--stories", stories_only,
               "write the stories of the articles a stopped --build stored, then exit");
  app.add_option("--queries", queries, "queries per class");
  app.add_option("--repeats", repeats, "runs of each query; its time is their median");
  app.add_option("--class", only_class, "run only this class of queries");
  CLI11_PARSE(app, argc, argv);
  try {
    const storyline::Generator generator(articles, seed);
    if (stories_only) {
      storyline::SqliteDb store(db, 60'000);
      storyline::SqliteStatement count(store, "SELECT count(*) FROM articles");
      count.Step();
      storyline::WriteStories(store,
                              storyline::Generator(static_cast<int>(count.ColumnInt(0)), seed));
    } else if (build) {
      storyline::BuildStore(db, generator, through_store);
    } else {
      storyline::RunQueries(db, generator, queries, repeats, only_class, seed);
    }
  } catch (const std::exception& e) {
    std::cerr << "search_scale_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
