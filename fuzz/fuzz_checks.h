// The bodies of the fuzz targets: each feeds one input handler arbitrary bytes and checks
// the invariants its header promises (spans inside the text, in order, on UTF-8
// boundaries; limits respected; errors on one line). A broken invariant aborts, which
// libFuzzer reports as a crash.
//
// Header-only so that two kinds of binary share it: the libFuzzer targets in fuzz/
// (clang only) and tests/reliability/fuzz_regressions_test.cc, which replays every saved
// crasher in fuzz/regressions/<target>/ under any compiler.
#pragma once

#include <simdjson.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collect/feed_reader.h"
#include "core/analysis.h"
#include "extract/article_analyzer.h"
#include "extract/quantities/quantity_finder.h"
#include "extract/times/time_expression_finder.h"
#include "io/canonical_url.h"
#include "io/compressed_file.h"
#include "io/document_file_reader.h"
#include "io/html_extractor.h"
#include "io/http_response.h"
#include "io/input_reader.h"
#include "io/published_date.h"
#include "store/sqlite_store.h"
#include "text/tokenizer.h"

#define STORYLINE_FUZZ_CHECK(condition)                                                      \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

namespace storyline::fuzz {

using Bytes = std::span<const uint8_t>;

inline std::string_view AsText(Bytes data) {
  return {reinterpret_cast<const char*>(data.data()), data.size()};
}

inline bool IsUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

// True when `offset` does not fall inside a multi-byte UTF-8 character.
inline bool OnCharBoundary(std::string_view text, size_t offset) {
  return offset == text.size() || (static_cast<uint8_t>(text[offset]) & 0xC0) != 0x80;
}

// Spans lie inside the text, are non-empty, come in order without overlap, and (when
// the text is valid UTF-8) start and end on character boundaries.
template <typename Item>
void CheckSpans(std::string_view text, const std::vector<Item>& items) {
  const bool utf8 = IsUtf8(text);
  uint32_t previous_end = 0;
  for (const Item& item : items) {
    STORYLINE_FUZZ_CHECK(item.span.start < item.span.end);
    STORYLINE_FUZZ_CHECK(item.span.end <= text.size());
    STORYLINE_FUZZ_CHECK(item.span.start >= previous_end);
    if (utf8) {
      STORYLINE_FUZZ_CHECK(OnCharBoundary(text, item.span.start));
      STORYLINE_FUZZ_CHECK(OnCharBoundary(text, item.span.end));
    }
    previous_end = item.span.end;
  }
}

// The fuzz input as a file with the extension that picks the reader under test. One
// file per process, rewritten for every input; in /dev/shm when it exists, to stay off
// the disk.
inline std::string WriteInputFile(std::string_view data, std::string_view extension) {
  static const std::string directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  std::string path =
      directory + "/storyline-fuzz-" + std::to_string(getpid()) + std::string(extension);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(data.data(), data.size());
  return path;
}

// Small enough that the fuzzer reaches the limit with short inputs.
inline constexpr size_t kFuzzRecordLimit = size_t{1} << 16;

// Reads the input through ReadInputs as a file of the given extension: every article
// is valid UTF-8 with an id and an origin, every error is one line naming where.
inline void CheckReader(Bytes data, std::string_view extension) {
  const std::string path = WriteInputFile(AsText(data), extension);
  ReadOptions options;
  options.max_record_bytes = kFuzzRecordLimit;
  options.published = "2024-08-21";
  const std::string paths[] = {path};
  ReadInputs(
      paths, options,
      [](Article&& article) {
        STORYLINE_FUZZ_CHECK(!article.id.empty());
        STORYLINE_FUZZ_CHECK(!article.origin.empty());
        STORYLINE_FUZZ_CHECK(article.text.size() <= kFuzzRecordLimit);
        STORYLINE_FUZZ_CHECK(IsUtf8(article.text));
        STORYLINE_FUZZ_CHECK(IsUtf8(article.title));
      },
      [](const InputError& error) {
        STORYLINE_FUZZ_CHECK(!error.where.empty());
        STORYLINE_FUZZ_CHECK(!error.what.empty());
        STORYLINE_FUZZ_CHECK(error.Message().find('\n') == std::string::npos);
      });
  unlink(path.c_str());
}

inline void CheckJsonLines(Bytes data) { CheckReader(data, ".jsonl"); }
inline void CheckPlainText(Bytes data) { CheckReader(data, ".txt"); }
inline void CheckWarc(Bytes data) { CheckReader(data, ".warc"); }

inline void CheckHtml(Bytes data) {
  const ExtractedPage page = ExtractArticleFromHtml(AsText(data));
  STORYLINE_FUZZ_CHECK(IsUtf8(page.text));
  STORYLINE_FUZZ_CHECK(IsUtf8(page.title));
  STORYLINE_FUZZ_CHECK(IsUtf8(page.author));
  STORYLINE_FUZZ_CHECK(IsUtf8(page.site_name));
}

// The decompressor under every reader: whole-file and line-by-line reads never hold
// more than their limit, whatever the stream inflates to.
inline void CheckGzip(Bytes data) {
  const std::string path = WriteInputFile(AsText(data), ".gz");
  constexpr size_t kWholeLimit = size_t{1} << 20;
  std::string whole;
  const std::string error = ReadWholeFile(path, kWholeLimit, whole);
  STORYLINE_FUZZ_CHECK(whole.size() <= kWholeLimit);
  STORYLINE_FUZZ_CHECK(error.find('\n') == std::string::npos);

  constexpr size_t kLineLimit = 4096;
  CompressedFile file(path);
  ChunkReader reader(file, kLineLimit);
  std::string line;
  for (int lines = 0; lines < 100000; ++lines) {
    const ChunkReader::Status status = reader.NextLine(line);
    if (status == ChunkReader::Status::kEnd || status == ChunkReader::Status::kError) break;
    if (status == ChunkReader::Status::kOk) STORYLINE_FUZZ_CHECK(line.size() <= kLineLimit);
  }
  unlink(path.c_str());
}

// The first two bytes choose the body limit; the rest is the raw response.
inline void CheckHttpResponse(Bytes data) {
  if (data.size() < 2) return;
  const size_t max_bytes = 1 + (size_t{data[0]} | size_t{data[1]} << 8) * 4;
  HttpResponse response;
  const std::string error = ParseHttpResponse(AsText(data.subspan(2)), max_bytes, response);
  if (error.empty()) STORYLINE_FUZZ_CHECK(response.body.size() <= max_bytes);
  for (char c : response.content_type) STORYLINE_FUZZ_CHECK(c < 'A' || c > 'Z');
}

// Tokens are non-empty, in order, without overlap, on character boundaries; sentences
// cover token ranges in order.
inline void CheckTokenization(std::string_view text, const TokenizedText& tokenized) {
  const bool utf8 = IsUtf8(text);
  uint32_t previous_end = 0;
  for (const Token& token : tokenized.tokens) {
    STORYLINE_FUZZ_CHECK(token.start < token.end);
    STORYLINE_FUZZ_CHECK(token.end <= text.size());
    STORYLINE_FUZZ_CHECK(token.start >= previous_end);
    if (utf8) {
      STORYLINE_FUZZ_CHECK(OnCharBoundary(text, token.start));
      STORYLINE_FUZZ_CHECK(OnCharBoundary(text, token.end));
    }
    previous_end = token.end;
  }
  uint32_t previous_sentence_end = 0;
  for (const Sentence& sentence : tokenized.sentences) {
    STORYLINE_FUZZ_CHECK(sentence.first_token < sentence.end_token);
    STORYLINE_FUZZ_CHECK(sentence.first_token >= previous_sentence_end);
    STORYLINE_FUZZ_CHECK(sentence.end_token <= tokenized.tokens.size());
    previous_sentence_end = sentence.end_token;
  }
}

inline void CheckTokenizer(Bytes data) {
  const std::string_view text = AsText(data);
  for (bool split_hyphens : {false, true}) {
    const TokenizedText tokenized = Tokenizer({.split_hyphens = split_hyphens}).Tokenize(text);
    CheckTokenization(text, tokenized);
    for (const Token& token : tokenized.tokens) {
      const std::string shape = WordShape(token.In(text));
      if (IsUtf8(token.In(text))) STORYLINE_FUZZ_CHECK(IsUtf8(shape));
    }
  }
}

// The first line is the published date (empty: unknown), the rest the article text.
inline void SplitPublished(Bytes data, std::optional<std::string>& published,
                           std::string_view& text) {
  text = AsText(data);
  const size_t newline = text.find('\n');
  if (newline == std::string_view::npos) return;
  if (newline > 0) published = std::string(text.substr(0, newline));
  text.remove_prefix(newline + 1);
}

inline void CheckTimeExpressions(std::string_view text, const std::vector<TimeExpression>& times) {
  CheckSpans(text, times);
  for (const TimeExpression& time : times) {
    STORYLINE_FUZZ_CHECK(time.text ==
                         text.substr(time.span.start, time.span.end - time.span.start));
    STORYLINE_FUZZ_CHECK(!time.kind.empty());
    if (time.value) STORYLINE_FUZZ_CHECK(!time.value->empty());
  }
}

inline void CheckTimes(Bytes data) {
  std::optional<std::string> published;
  std::string_view text;
  SplitPublished(data, published, text);
  CheckTimeExpressions(text, FindTimeExpressions(text, published));
}

inline void CheckQuantities(Bytes data) {
  std::optional<std::string> published;
  std::string_view text;
  SplitPublished(data, published, text);
  const TokenizedText tokens = Tokenizer().Tokenize(text);
  const std::vector<TimeExpression> times = FindTimeExpressions(text, published);
  const std::vector<Quantity> quantities = FindQuantities(text, tokens, {}, times);
  CheckSpans(text, quantities);
  for (const Quantity& quantity : quantities) {
    STORYLINE_FUZZ_CHECK(quantity.text ==
                         text.substr(quantity.span.start, quantity.span.end - quantity.span.start));
    STORYLINE_FUZZ_CHECK(quantity.value == quantity.value);  // not NaN
  }
}

// Spans that may nest or repeat (quotes, event triggers): each inside the text, on
// character boundaries.
template <typename Item>
void CheckInside(std::string_view text, const std::vector<Item>& items) {
  const bool utf8 = IsUtf8(text);
  for (const Item& item : items) {
    STORYLINE_FUZZ_CHECK(item.span.start < item.span.end);
    STORYLINE_FUZZ_CHECK(item.span.end <= text.size());
    if (utf8) {
      STORYLINE_FUZZ_CHECK(OnCharBoundary(text, item.span.start));
      STORYLINE_FUZZ_CHECK(OnCharBoundary(text, item.span.end));
    }
  }
}

// The whole analyzer (entities and their linking, times, quantities, quotes, events)
// with the committed models, loaded once per process.
inline void CheckAnalysis(Bytes data) {
  static const ArticleAnalyzer analyzer(DefaultModelsDir());
  Article article;
  std::string_view text;
  SplitPublished(data, article.published, text);
  article.text = std::string(text);
  article.language = "en";
  const Analysis analysis = analyzer.Analyze(article);
  CheckSpans(text, analysis.entities);
  for (const EntityMention& mention : analysis.entities) {
    STORYLINE_FUZZ_CHECK(mention.text ==
                         text.substr(mention.span.start, mention.span.end - mention.span.start));
    STORYLINE_FUZZ_CHECK(!mention.type.empty() && !mention.entity.empty());
  }
  CheckTimeExpressions(text, analysis.times);
  CheckSpans(text, analysis.quantities);
  CheckInside(text, analysis.quotes);
  CheckInside(text, analysis.events);
  for (const Event& event : analysis.events) {
    STORYLINE_FUZZ_CHECK(!event.type.empty());
    if (event.content) STORYLINE_FUZZ_CHECK(event.content->end <= text.size());
  }
}

// An in-memory store with a few articles, built once per process.
inline SqliteStore& SearchStore() {
  static SqliteStore* store = [] {
    auto* created = new SqliteStore(":memory:", /*read_only=*/false);
    const char* texts[][2] = {
        {"ceasefire", "Biden and Netanyahu spoke by phone about the cease-fire talks in Cairo."},
        {"hostages", "Hamas said seven hostages would be released on Monday, officials said."},
        {"aid", "Aid trucks crossed the Rafah crossing into Gaza; 150 tunnels were found."},
        {"unicode",
         "Le président a déclaré «nous négocions» — a dash, 東京 and emoji 🙂."},
    };
    std::vector<PreparedArticle> batch;
    for (const auto& [id, text] : texts) {
      Article article;
      article.id = id;
      article.source = "Wire";
      article.title = std::string("About ") + id;
      article.text = text;
      batch.push_back(PrepareArticle(std::move(article), Analysis{}));
    }
    created->AddBatch(batch);
    return created;
  }();
  return *store;
}

// A user's query goes straight to FTS5 MATCH: any bytes either parse (hits best first,
// within the limit, from stored articles) or raise SearchQueryError, and the store
// answers the next query normally either way.
inline void CheckSearch(Bytes data) {
  SqliteStore& store = SearchStore();
  constexpr int kLimit = 3;
  try {
    const std::vector<SearchHit> hits = store.Search(AsText(data), kLimit);
    STORYLINE_FUZZ_CHECK(hits.size() <= kLimit);
    for (size_t i = 0; i < hits.size(); ++i) {
      STORYLINE_FUZZ_CHECK(!hits[i].article.empty());
      if (i > 0) STORYLINE_FUZZ_CHECK(hits[i - 1].score >= hits[i].score);
    }
  } catch (const SearchQueryError& e) {
    STORYLINE_FUZZ_CHECK(std::string_view(e.what()).find('\n') == std::string_view::npos);
  }
  STORYLINE_FUZZ_CHECK(store.Search("hostages", kLimit).size() == 1);
}

// A feed body: every item links to an http(s) page whose canonical address is stable
// (canonicalising twice changes nothing), dates are normalised ISO 8601, text is UTF-8,
// and what is no feed raises FeedError with a one-line message.
inline void CheckFeed(Bytes data) {
  const auto check_date = [](const std::string& date) {
    STORYLINE_FUZZ_CHECK(date.empty() || NormalizePublishedDate(date) == date);
  };
  try {
    const Feed feed = ReadFeed(AsText(data), "https://feeds.example.com/news/rss.xml");
    STORYLINE_FUZZ_CHECK(IsUtf8(feed.title));
    for (const FeedItem& item : feed.items) {
      const std::string canonical = CanonicalUrl(item.url);
      STORYLINE_FUZZ_CHECK(!canonical.empty());
      STORYLINE_FUZZ_CHECK(CanonicalUrl(canonical) == canonical);
      STORYLINE_FUZZ_CHECK(IsUtf8(item.title) && IsUtf8(item.id));
      check_date(item.published);
      check_date(item.updated);
    }
    for (const std::string& sitemap : feed.sitemaps)
      STORYLINE_FUZZ_CHECK(!CanonicalUrl(sitemap).empty());
  } catch (const FeedError& e) {
    STORYLINE_FUZZ_CHECK(std::string_view(e.what()).find('\n') == std::string_view::npos);
  }
}

struct Target {
  const char* name;
  void (*check)(Bytes);
};

// Every target, by the name of its folder under fuzz/corpus and fuzz/regressions.
inline const std::vector<Target>& AllTargets() {
  static const std::vector<Target> targets = {
      {"jsonl", CheckJsonLines},     {"text", CheckPlainText},   {"html", CheckHtml},
      {"warc", CheckWarc},           {"gzip", CheckGzip},        {"http", CheckHttpResponse},
      {"tokenizer", CheckTokenizer}, {"time", CheckTimes},       {"quantity", CheckQuantities},
      {"search", CheckSearch},       {"analyze", CheckAnalysis}, {"feed", CheckFeed},
  };
  return targets;
}

}  // namespace storyline::fuzz
