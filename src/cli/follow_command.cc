// `storyline follow --db PATH --feeds FILE [--once] [--interval S] [--warc-dir DIR]
// [--contact URL] [--host-delay S] [--timeout S] [--retries N] [--retry-delay S]`: polls news feeds
// (RSS, Atom, news sitemaps), fetches each new item's page politely (collect/polite_fetcher.h) and
// ingests it through the ingest pipeline (pipeline/ingest_pipeline.h), so stories grow while it
// runs.
//
// - A round polls every feed that is due (every feed with --once), sending the
//   validators of its last 200 so an unchanged feed costs a 304; a feed that fails stays
//   in the rotation. A sitemap index's child sitemaps are read in the same round.
// - Dedup before fetching: an item whose canonical address (io/canonical_url.h) was
//   fetched before, or is a stored article's id, is not fetched again, unless its feed
//   now says it was updated at another time than when it was fetched.
// - An article's id is the canonical spelling of the page's own address (its
//   rel=canonical or og:url when that names a page of the same site, else the address
//   the fetch ended at; PageAddress in io/canonical_url.h), so the same page reached by
//   several addresses is one article, a page fetched again with changed text is that
//   article's new version, and the archive read back names it the same.
// - The page's article is stored in a transaction of its own, and only then are its
//   addresses recorded as seen; a feed's validators and next poll time are saved once
//   the round has stored or seen every item it listed. So a run killed at any moment
//   loses at most the articles in hand, which the next run fetches again (and a page
//   stored but not yet recorded is found stored and not doubled).
// - A page that may come back (a 5xx, a 429, a 408, no answer) is asked again while the
//   run lasts, at most --retries times, the first after --retry-delay seconds and each
//   next after twice as long, never before the server's Retry-After; a feed that lists
//   it again meanwhile does not add a fetch. After the last try it is asked again only
//   when a changed feed lists it. --once makes no retries (the run ends first).
// - SIGINT and SIGTERM: the pages being fetched are finished and stored, the stories
//   saved, and the run exits 0. A log line per fetch when stderr is not a terminal.
// - With --nats URL, each page's article is published to the JetStream stream ARTICLES
//   (dist/nats_client.h) for `storyline worker`s to analyze and store, instead of being
//   ingested here; its addresses are recorded as seen once the stream has it. The store
//   keeps the feed state as without it, and the stories' claim stays with the workers.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "collect/feed_reader.h"
#include "collect/polite_fetcher.h"
#include "collect/warc_writer.h"
#include "dist/nats_client.h"
#include "dist/record_codec.h"
#include "io/canonical_url.h"
#include "io/web_page_article.h"
#include "pipeline/ingest_pipeline.h"
#include "pipeline/stop_signals.h"

namespace storyline {
namespace {

struct FollowOptions {
  std::string db;
  std::string feeds_file;
  bool once = false;
  double interval = 900;
  std::string warc_dir;
  std::string contact;
  double host_delay = 1.0;
  double timeout = 30;
  int retries = 3;
  double retry_delay = 60;
  std::string models_dir;
  int threads = 0;
  std::string nats_url;  // publish to ARTICLES instead of ingesting; empty: ingest
};

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The feed addresses of FILE: one a line, blank lines and `#` comments ignored. A line
// that is no http(s) address is reported and skipped; `bad_lines` counts them.
std::vector<std::string> ReadFeedList(const std::string& path, size_t& bad_lines) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the feed list");
  std::vector<std::string> feeds;
  std::set<std::string> listed;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    line = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
    const std::string url = CanonicalUrl(line);
    if (url.empty()) {
      std::fprintf(stderr, "storyline: %s:%d: not an http(s) address: %s\n", path.c_str(), number,
                   line.c_str());
      ++bad_lines;
      continue;
    }
    if (listed.insert(url).second) feeds.push_back(url);
  }
  return feeds;
}

// The charset parameter of a Content-Type, empty when none.
std::string CharsetOf(const std::string& content_type) {
  const size_t at = content_type.find("charset=");
  if (at == std::string::npos) return {};
  std::string charset = content_type.substr(at + 8);
  charset = charset.substr(0, charset.find_first_of("; "));
  if (charset.size() >= 2 && charset.front() == '"')
    charset = charset.substr(1, charset.size() - 2);
  return charset;
}

// A page address to fetch, with what its feed said.
struct PendingItem {
  std::string url;  // canonical
  std::string updated;
};

// A page that failed but may come back, waiting for its next try.
struct PageRetry {
  std::string updated;  // what its feed said
  int tries = 0;        // retries made so far
  std::chrono::steady_clock::time_point due;
};

struct FollowTally {
  size_t feeds_polled = 0;
  size_t feeds_failed = 0;
  size_t pages_fetched = 0;
  size_t pages_failed = 0;
};

class Follower {
 public:
  Follower(const FollowOptions& options, IngestPipelineOptions pipeline_options)
      : options_(options), on_terminal_(isatty(STDERR_FILENO) == 1) {
    pipeline_options.on_result = [this](const Article& article, const AddResult& result) {
      Stored(article, result);
    };
    if (options.nats_url.empty()) {
      pipeline_ = std::make_unique<IngestPipeline>(std::move(pipeline_options));
    } else {
      nats_ = std::make_unique<NatsClient>(options.nats_url);
      store_ = OpenStore(options.db);
    }
    if (!options.warc_dir.empty()) warc_ = std::make_unique<WarcWriter>(options.warc_dir);
    PoliteOptions polite;
    polite.fetch.user_agent = "storyline/0.1";
    if (!options.contact.empty()) polite.fetch.user_agent += " (+" + options.contact + ")";
    polite.host_delay = options.host_delay;
    polite.fetch.timeout_seconds = static_cast<long>(std::ceil(options.timeout));
    fetcher_ = std::make_unique<PoliteFetcher>(
        polite, [this](const HttpExchange& exchange) { Archive(exchange); });
  }

  // Stored articles an interrupted run left out of the stories, placed now.
  size_t replayed() const { return pipeline_ ? pipeline_->replayed() : 0; }
  // With --nats, `added` counts articles published and `unchanged` those the stream had.
  const IngestTally& ingest_tally() const { return pipeline_ ? pipeline_->tally() : published_; }
  // Stores and places what is in hand (nothing, with --nats: a page is published as it
  // comes); the store's error, if any.
  std::optional<std::string> Finish() {
    if (pipeline_) return pipeline_->Finish();
    return store_error_;
  }
  const FollowTally& tally() const { return tally_; }
  bool failed() const { return store_error_.has_value() || warc_error_; }

  // Polls the feeds that are due (all of them when `all`) and fetches and stores what is
  // new. False when the store or the archive failed.
  bool Round(const std::vector<std::string>& feeds, bool all) {
    const int64_t now = UnixNow();
    std::vector<FetchRequest> requests;
    for (const std::string& url : feeds) {
      const std::optional<FeedState> state = store().LoadFeed(url);
      if (!all && state && state->next_poll > now) continue;
      FetchRequest request{url, {}, {}};
      if (state) {
        request.etag = state->etag;
        request.last_modified = state->last_modified;
      }
      requests.push_back(std::move(request));
    }
    std::vector<PendingItem> items;
    std::set<std::string> listed;
    // Feeds, then the child sitemaps of sitemap indexes among them (one level more).
    for (int level = 0; level < 2 && !requests.empty() && StopSignal() == 0; ++level) {
      std::vector<FetchResult> results;
      fetcher_->FetchAll(
          requests, [&](FetchResult&& result) { results.push_back(std::move(result)); },
          [] { return StopSignal() != 0; });
      requests.clear();
      for (FetchResult& result : results) {
        for (std::string& child : ReadFeedResult(result, now, items, listed)) {
          requests.push_back(FetchRequest{std::move(child), {}, {}});
        }
      }
    }
    std::vector<FetchRequest> pages;
    for (const PendingItem& item : items) {
      pages.push_back(FetchRequest{item.url, {}, {}});
      updated_[item.url] = item.updated;
    }
    const auto steady_now = std::chrono::steady_clock::now();
    for (const auto& [url, retry] : retries_) {
      if (retry.due > steady_now || listed.contains(url)) continue;
      pages.push_back(FetchRequest{url, {}, {}});
      updated_[url] = retry.updated;
    }
    fetcher_->FetchAll(
        pages, [&](FetchResult&& result) { ReadPage(result); },
        [this] { return StopSignal() != 0 || store_error_.has_value() || warc_error_; });
    if (const std::optional<std::string> error = Commit()) store_error_ = error;
    // The feeds' new validators only once every item they listed is stored or seen: a
    // round stopped short polls them again in full next time (the seen addresses keep
    // what was stored from being fetched again).
    if (StopSignal() == 0 && !store_error_ && !warc_error_) {
      for (const FeedState& state : polled_) {
        SaveState([&] { store().SaveFeed(state); });
      }
    }
    polled_.clear();
    updated_.clear();
    return !failed();
  }

  // Seconds until the first feed or page retry is due.
  double SecondsToNextPoll(const std::vector<std::string>& feeds) {
    int64_t next = UnixNow() + static_cast<int64_t>(options_.interval);
    for (const std::string& url : feeds) {
      const std::optional<FeedState> state = store().LoadFeed(url);
      next = std::min(next, state ? state->next_poll : 0);
    }
    double wait = static_cast<double>(next - UnixNow());
    const auto steady_now = std::chrono::steady_clock::now();
    for (const auto& [url, retry] : retries_) {
      wait = std::min(wait, std::chrono::duration<double>(retry.due - steady_now).count());
    }
    return std::max(0.0, wait);
  }

  const std::optional<std::string>& store_error() const { return store_error_; }

 private:
  // Records the poll and collects the feed's new items; returns a sitemap index's
  // children.
  std::vector<std::string> ReadFeedResult(const FetchResult& result, int64_t now,
                                          std::vector<PendingItem>& items,
                                          std::set<std::string>& listed) {
    ++tally_.feeds_polled;
    FeedState state = store()
                          .LoadFeed(result.url)
                          .value_or(FeedState{.url = result.url, .etag = {}, .last_modified = {}});
    state.next_poll = now + static_cast<int64_t>(options_.interval);
    std::vector<std::string> children;
    std::string outcome;
    if (result.status == 304) {
      outcome = "feed unchanged";
      state.failures_in_a_row = 0;
    } else if (!result.ok()) {
      outcome = "feed failed";
      ++state.failures_in_a_row;
      ++tally_.feeds_failed;
    } else {
      try {
        const Feed feed = ReadFeed(result.body, result.final_url, CharsetOf(result.content_type));
        size_t fresh = 0;
        for (const FeedItem& item : feed.items) fresh += Collect(item, items, listed);
        children = feed.sitemaps;
        state.etag = result.etag;
        state.last_modified = result.last_modified;
        state.failures_in_a_row = 0;
        outcome = std::string(FeedFormatName(feed.format)) + " feed, " +
                  std::to_string(feed.items.size()) + " items, " + std::to_string(fresh) +
                  " to fetch";
      } catch (const FeedError& e) {
        outcome = std::string("no feed: ") + e.what();
        ++state.failures_in_a_row;
        ++tally_.feeds_failed;
      }
    }
    Log(result, outcome);
    polled_.push_back(std::move(state));
    return children;
  }

  // Adds the item when it is to be fetched; true when it is.
  bool Collect(const FeedItem& item, std::vector<PendingItem>& items,
               std::set<std::string>& listed) {
    const std::string url = CanonicalUrl(item.url);
    if (url.empty() || !listed.insert(url).second) return false;
    if (retries_.contains(url)) return false;  // asked again when its retry is due
    if (const std::optional<SeenUrl> seen = store().FindSeenUrl(url)) {
      if (item.updated.empty() || item.updated == seen->updated) return false;
    } else if (store().FindArticle(url)) {
      return false;  // stored by a run killed before it recorded the address
    }
    items.push_back({url, item.updated});
    return true;
  }

  // Called from the fetcher's threads, one at a time.
  void ReadPage(const FetchResult& result) {
    ++tally_.pages_fetched;
    const auto item = updated_.find(result.url);
    const std::string updated = item != updated_.end() ? item->second : "";
    const auto retry = retries_.find(result.url);
    const int tries = retry != retries_.end() ? retry->second.tries : 0;
    if (retry != retries_.end()) retries_.erase(retry);
    if (!result.ok()) {
      ++tally_.pages_failed;
      // A page that is gone is not asked for again; one that may come back (a 5xx, a
      // 429, no answer) is retried; any other failure (a redirect loop, a page too large)
      // is asked again at a poll of a changed feed that lists it.
      const bool gone = result.error.empty() && result.status >= 400 && result.status < 500 &&
                        !result.MayComeBack();
      if (gone) {
        Log(result, "page gone");
        SaveState([&] { store().SaveSeenUrl({result.url, updated, ""}); });
      } else if (result.MayComeBack() && !options_.once && tries < options_.retries) {
        const double delay =
            std::max(options_.retry_delay * std::pow(2.0, tries), result.retry_after.value_or(0.0));
        retries_[result.url] = {updated, tries + 1,
                                std::chrono::steady_clock::now() +
                                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double>(delay))};
        char when[96];
        std::snprintf(when, sizeof when, "page failed, retry %d of %d in %.1f s", tries + 1,
                      options_.retries, delay);
        Log(result, when);
      } else {
        Log(result, "page failed, asked again when a changed feed lists it");
      }
      return;
    }
    Article article;
    ReadOptions read_options;
    read_options.detect_language = false;
    if (const std::string error =
            ArticleFromWebPage(result.body, read_options, article, result.final_url);
        !error.empty()) {
      Log(result, "no article: " + error);
      SaveState([&] { store().SaveSeenUrl({result.url, updated, ""}); });
      return;
    }
    article.id = PageAddress(result.final_url, article.url);
    article.url = article.id;
    article.origin = result.final_url;
    Log(result, "article " + article.id);
    waiting_[article.id].push_back({result.url, updated, article.id});
    if (article.id != result.url) waiting_[article.id].push_back({article.id, updated, article.id});
    if (nats_) {
      Publish(std::move(article));
    } else if (!pipeline_->Add(std::move(article)) && !store_error_) {
      store_error_ = pipeline_->Commit().value_or("the store failed");
    }
  }

  // --nats: the article goes to ARTICLES; once the stream has it, it counts as stored.
  void Publish(Article&& article) {
    try {
      AddResult result;
      result.status = nats_->Publish(kArticlesSubject, EncodeArticleRecord(article),
                                     ArticleMessageId(HashArticleContent(article)))
                          ? AddStatus::kAlreadyStored
                          : AddStatus::kAdded;
      ++published_.read;
      ++(result.status == AddStatus::kAdded ? published_.added : published_.unchanged);
      Stored(article, result);
    } catch (const NatsError& e) {
      if (!store_error_) store_error_ = e.what();
    }
  }

  Store& store() { return pipeline_ ? pipeline_->store() : *store_; }
  std::optional<std::string> Commit() { return pipeline_ ? pipeline_->Commit() : std::nullopt; }

  // The pipeline's word on an article: once it is stored, its addresses are seen.
  void Stored(const Article& article, const AddResult& result) {
    const auto waiting = waiting_.find(article.id);
    if (waiting == waiting_.end()) return;
    if (result.status == AddStatus::kFailed) {
      std::fprintf(stderr, "storyline: %s: cannot store: %s\n", article.origin.c_str(),
                   result.error.c_str());
    } else {
      for (const SeenUrl& seen : waiting->second) {
        SaveState([&] { store().SaveSeenUrl(seen); });
      }
    }
    waiting_.erase(waiting);
  }

  template <typename Write>
  void SaveState(const Write& write) {
    try {
      write();
    } catch (const StoreError& e) {
      if (!store_error_) store_error_ = e.what();
    }
  }

  void Archive(const HttpExchange& exchange) {
    if (!warc_ || warc_error_) return;
    try {
      warc_->WriteExchange(exchange);
    } catch (const WarcWriteError& e) {
      std::fprintf(stderr, "storyline: %s: %s\n", options_.warc_dir.c_str(), e.what());
      warc_error_ = true;
    }
  }

  void Log(const FetchResult& result, const std::string& outcome) {
    const std::lock_guard lock(log_mutex_);
    if (on_terminal_) {
      const IngestTally& t = ingest_tally();
      std::fprintf(stderr, "\r\033[K%zu feeds polled, %zu pages fetched, %zu new, %zu updated",
                   tally_.feeds_polled, tally_.pages_fetched, t.added, t.updated);
      std::fflush(stderr);
      return;
    }
    std::string status = result.status != 0 ? std::to_string(result.status) : "error";
    if (!result.error.empty()) status += " (" + result.error + ")";
    std::fprintf(stderr, "%s %s %s: %s\n", UtcNow().c_str(), status.c_str(), result.url.c_str(),
                 outcome.c_str());
  }

  const FollowOptions& options_;
  const bool on_terminal_;
  std::unique_ptr<IngestPipeline> pipeline_;  // null with --nats
  std::unique_ptr<NatsClient> nats_;          // --nats only
  std::unique_ptr<Store> store_;              // --nats only: the feed state's store
  IngestTally published_;                     // --nats only
  std::unique_ptr<WarcWriter> warc_;
  std::unique_ptr<PoliteFetcher> fetcher_;
  FollowTally tally_;
  std::vector<FeedState> polled_;               // this round's feeds, as they are to be saved
  std::map<std::string, std::string> updated_;  // page address -> its item's `updated`
  std::map<std::string, PageRetry> retries_;    // page address -> its next try
  // Article id -> the addresses to record as seen once the pipeline has stored it.
  std::map<std::string, std::vector<SeenUrl>> waiting_;
  std::optional<std::string> store_error_;
  bool warc_error_ = false;
  std::mutex log_mutex_;
};

void RunFollow(const FollowOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  size_t bad_lines = 0;
  std::vector<std::string> feeds;
  std::unique_ptr<Follower> follower;
  try {
    feeds = ReadFeedList(options.feeds_file, bad_lines);
    if (feeds.empty()) throw std::runtime_error(options.feeds_file + ": lists no feed");
    IngestPipelineOptions pipeline_options;
    pipeline_options.db = options.db;
    pipeline_options.models_dir = options.models_dir;
    pipeline_options.threads = options.threads > 0
                                   ? options.threads
                                   : int(std::max(1u, std::thread::hardware_concurrency()));
    // Each page is stored as it arrives: a kill loses at most the pages in hand.
    pipeline_options.batch_size = 1;
    pipeline_options.on_lock_wait = [&](const std::string& holder) {
      std::fprintf(stderr, "storyline: %s is being written by another ingest (%s); waiting\n",
                   options.db.c_str(), holder.c_str());
    };
    follower = std::make_unique<Follower>(options, std::move(pipeline_options));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
  if (follower->replayed() > 0) {
    std::fprintf(stderr,
                 "storyline: placed %zu stored articles an interrupted run left out of the "
                 "stories\n",
                 follower->replayed());
  }
  StopOnSignals();
  while (StopSignal() == 0) {
    if (!follower->Round(feeds, options.once) || options.once) break;
    for (double wait = follower->SecondsToNextPoll(feeds); wait > 0 && StopSignal() == 0;
         wait -= 0.1) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  const std::optional<std::string> store_error = follower->Finish();
  if (isatty(STDERR_FILENO) == 1) std::fputs("\r\033[K", stderr);
  if (store_error) {
    std::fprintf(stderr, "storyline: %s: %s\n", options.db.c_str(), store_error->c_str());
  }
  const FollowTally& f = follower->tally();
  const IngestTally& t = follower->ingest_tally();
  std::fprintf(stderr,
               "followed %zu feeds (%zu polls, %zu failed): %zu pages fetched (%zu failed), %zu "
               "new articles, %zu updated, %zu unchanged in %.1f s\n",
               feeds.size(), f.feeds_polled, f.feeds_failed, f.pages_fetched, f.pages_failed,
               t.added, t.updated, t.unchanged,
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  if (follower->failed() || store_error || bad_lines > 0) throw CLI::RuntimeError(1);
}

}  // namespace

void AddFollowCommand(CLI::App& app) {
  auto options = std::make_shared<FollowOptions>();
  CLI::App* command =
      app.add_subcommand("follow", "Poll news feeds, fetch new articles politely, ingest them");
  command->add_option("--db", options->db, "SQLite file (created if missing) or postgresql:// URL")
      ->required();
  command->add_option("--feeds", options->feeds_file, "File of feed URLs, one a line (# comments)")
      ->required();
  command->add_flag("--once", options->once, "Poll every feed once, fetch what is new, and exit");
  command->add_option("--interval", options->interval, "Seconds between polls of a feed")
      ->check(CLI::Range(1.0, 86400.0 * 30));
  command->add_option("--warc-dir", options->warc_dir, "Archive every fetch as .warc.gz here");
  command->add_option("--contact", options->contact, "A URL for site owners, in the User-Agent");
  command->add_option("--host-delay", options->host_delay, "Seconds between requests to one site")
      ->check(CLI::Range(0.0, 3600.0));
  command->add_option("--timeout", options->timeout, "Seconds a fetch may take")
      ->check(CLI::Range(1.0, 3600.0));
  command
      ->add_option("--retries", options->retries,
                   "Tries more for a page that failed but may come back (5xx, 429, no answer)")
      ->check(CLI::Range(0, 20));
  command
      ->add_option("--retry-delay", options->retry_delay,
                   "Seconds before a failed page's first retry; each next waits twice as long")
      ->check(CLI::Range(0.0, 86400.0));
  command->add_option("--models", options->models_dir,
                      "Model directory (default: $STORYLINE_MODELS or models/)");
  command->add_option("--threads", options->threads, "Analysis threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  command->add_option("--nats", options->nats_url,
                      "Publish articles to NATS JetStream for `storyline worker`s instead of "
                      "ingesting them here");
  command->callback([options] { RunFollow(*options); });
}

}  // namespace storyline
