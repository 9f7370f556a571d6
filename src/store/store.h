// The corpus store: articles with their analyses, duplicate families and full-text
// search, behind one interface with a back end per kind of database. OpenStore picks it
// from the --db string: a file path is SQLite (the default, zero set-up), a
// postgresql:// URL is a server.
//
// Ingest is idempotent and transactional: a record is identified by its content hash
// (XXH3-128 over source, id, url, title and text), so adding it again changes nothing;
// a batch is one transaction, and inside it each article is all-or-nothing, so neither
// a crash nor a bad record leaves half an article behind. An article is identified by
// its external id: a record with a stored id but other content is that article's new
// version, which every query shows in place of the earlier ones (kept as history).
//
// A Store object is used from one thread at a time; open one per thread or process.
// Several processes may use one database at once: readers never wait for writers.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "extract/links/corpus_link_row.h"
#include "story/near_duplicate.h"
#include "story/story.h"

namespace storyline {

// A failure of the database itself (cannot open, disk full, schema too new).
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A search query the query syntax cannot parse: bad input, not a broken store.
class SearchQueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ContentHash {
  uint64_t high = 0;
  uint64_t low = 0;
  bool operator==(const ContentHash&) const = default;
};

ContentHash HashArticleContent(const Article& article);

// An article ready to store: what the workers compute in parallel before the single
// writer takes over.
struct PreparedArticle {
  Article article;
  Analysis analysis;
  ContentHash content_hash;
  DuplicateFingerprint fingerprint;
  // What linking this article's entities taught the corpus linker
  // (CorpusEntityLinker::RowsTaughtBy); stored with the article, or not at all.
  std::vector<CorpusLinkRow> entity_links;
};

PreparedArticle PrepareArticle(Article article, Analysis analysis);

enum class AddStatus {
  kAdded,          // new article stored
  kAlreadyStored,  // same content hash already present: nothing written
  kFailed,         // this article was rolled back; the rest of the batch stands
};

struct AddResult {
  AddStatus status = AddStatus::kAdded;
  int64_t article_id = 0;         // store id of the new or existing article; 0 when failed
  std::optional<int64_t> dup_of;  // family's first-seen member, when a duplicate of one
  // When the store held the article's external id with other content: the store id of
  // that earlier version, which the new one replaces in every command's view.
  std::optional<int64_t> previous_version;
  std::string error;  // when failed
};

// An article as stored, with the duplicate family it belongs to.
struct StoredArticle {
  int64_t id = 0;
  Article article;
  Analysis analysis;
  std::optional<int64_t> dup_of;
  int64_t family_id = 0;  // id of the family's first-seen member (its own id when first)
  std::optional<int64_t> previous_version;  // the version it replaced, if any
};

// The story clusterer's state as saved with the stories it reported. Placement is as
// durable as the articles: every stored article with a store id above `placed_through`
// is one the state has not seen (an ingest stopped before its save), and the next
// StoryUpdater places it from what the store holds.
struct SavedStoryState {
  std::string blob;  // StoryClusterer::Save's bytes; empty when nothing was saved yet
  int64_t placed_through = 0;
};

struct StoreCounts {
  int64_t articles = 0;          // latest versions
  int64_t earlier_versions = 0;  // kept as history
  int64_t sources = 0;
  int64_t duplicates = 0;  // articles linked to an earlier family member
  int64_t entity_mentions = 0;
  int64_t times = 0;
  int64_t quantities = 0;
  int64_t quotes = 0;
  int64_t events = 0;
};

// A stored quotation with the article it came from.
struct StoredQuote {
  std::string article;  // the article's external id
  std::string source;   // its outlet; empty when unknown
  std::optional<std::string> published;
  Quote quote;
};

// Which quotations LoadQuotes returns; every filter that is set must hold.
struct QuoteQuery {
  // Matches the speaker's canonical name or entity id, whole or a run of its words,
  // ignoring ASCII case and '-' / '_' between words: "blinken", "Antony Blinken" and
  // "antony-blinken" all find "Antony Blinken". Empty: every quotation.
  std::string speaker;
  std::optional<int> story;  // only quotations in this story's articles
  std::optional<int> limit;  // at most this many
};

// A full-text search: the query as people type it (store/search_query.h) and the
// filters a reader narrows it with; every filter that is set must hold.
struct SearchRequest {
  std::string query;
  int limit = 10;
  int offset = 0;                     // hits skipped first, for paging
  bool newest_first = false;          // by publication date instead of relevance
  std::optional<std::string> from;    // published on or after this ISO date
  std::optional<std::string> to;      // published on or before this ISO date
  std::optional<std::string> source;  // outlet name, any case
  std::optional<std::string> entity;  // an entity id or canonical name the article mentions
  std::optional<int> story;           // only this story's articles
  // Best first, when more articles than this match (after the filters): the best of the
  // newest this many stored, which keeps a common word's query fast on a large store.
  // Newest first is exact at any number.
  int ranked_matches = 20'000;
  // The same with an outlet or entity filter: the best of its newest this many matches.
  // Finding each such match costs a lookup or a test against the filter's set, some ten
  // times what reading a plain match costs, so the window is ten times smaller; for a
  // filtered query that is months of an outlet's or a person's news.
  int ranked_filtered_matches = 2'000;

  // How many matches best first ranks: ranked_filtered_matches or ranked_matches.
  int RankedWindow() const { return source || entity ? ranked_filtered_matches : ranked_matches; }
};

struct SearchHit {
  std::string article;  // the article's external id
  std::string title;
  std::string source;
  double score = 0;     // higher is better
  std::string snippet;  // matched terms wrapped in [ ]
};

// A feed `follow` polls, as it left it (schema step 11).
struct FeedState {
  std::string url;
  std::string etag;  // validators of the last 200, sent with the next poll
  std::string last_modified;
  int64_t next_poll = 0;      // Unix seconds: not polled again before then (but by --once)
  int failures_in_a_row = 0;  // polls that got no feed, since the last that did
};

// A page address `follow` fetched (canonical, io/canonical_url.h), so it is not
// fetched again unless its feed says the item was updated since.
struct SeenUrl {
  std::string url;
  std::string updated;  // what the feed said when it was fetched (FeedItem::updated)
  std::string article;  // the external id of the article it gave; empty when none
};

// How far the one applier of a distributed ingest (dist/ordered_applier.h) has come
// through a stream of analyses (schema step 12): every source sequence up to
// `applied_through` is stored, and a restart reads the stream again from stream sequence
// `resume_from`, the first message that may hold one not applied yet.
struct StreamPosition {
  uint64_t applied_through = 0;
  uint64_t resume_from = 1;
};

class Store {
 public:
  virtual ~Store() = default;

  // True when an article with this content hash is stored; lets ingest skip analysing
  // articles it already has.
  virtual bool Contains(const ContentHash& hash) = 0;

  // Stores the batch in one transaction, in order; results match the batch one to one.
  // Each new article is linked to an earlier exact or near duplicate (its family) if
  // there is one. Throws StoreError if the transaction as a whole fails (then nothing
  // of the batch is stored).
  virtual std::vector<AddResult> AddBatch(std::span<const PreparedArticle> batch) = 0;

  // The corpus entity linker's state: the entity_links of every stored article, each row
  // once, in the order the articles were stored. CorpusEntityLinker::Restore resumes
  // from it.
  virtual std::vector<CorpusLinkRow> LoadEntityLinks() = 0;

  // Full-text search over titles and texts, best first. Throws SearchQueryError for a
  // query that cannot be parsed.
  virtual std::vector<SearchHit> Search(const SearchRequest& request) = 0;
  // Rewrites the full-text index as compactly as the back end keeps it, for after a
  // backfill: SQLite's FTS5 index then holds one segment instead of dozens, so looking up
  // one article (what a search with an outlet or entity filter does) costs a fraction.
  // Takes about as long as writing the index did; readers may search meanwhile.
  virtual void CompactSearchIndex() = 0;
  std::vector<SearchHit> Search(std::string_view query, int limit) {
    SearchRequest request;
    request.query = query;
    request.limit = limit;
    return Search(request);
  }

  // The latest version of the article with this external id, with its analysis.
  virtual std::optional<StoredArticle> FindArticle(std::string_view external_id) = 0;

  // Every stored version of the article with this external id, oldest first, each with
  // its analysis; empty when there is none.
  virtual std::vector<StoredArticle> ArticleVersions(std::string_view external_id) = 0;

  // The external ids of the latest articles in duplicate family `family_id`
  // (StoredArticle::family_id), in the order their first versions arrived.
  virtual std::vector<std::string> FamilyMembers(int64_t family_id) = 0;

  // The story that lists this article (external id), when one does.
  virtual std::optional<Story> StoryOfArticle(std::string_view external_id) = 0;

  // The outlet of each of these articles (external ids) that is stored with one.
  virtual std::map<std::string, std::string> ArticleSources(
      const std::vector<std::string>& external_ids) = 0;

  // The name to show for each of these entity ids that any stored mention carries: the
  // canonical name its first mentions (a few hundred at most, so the cost is bounded)
  // give most often (the mention's words where the analyzer gave none), ties by order.
  virtual std::map<std::string, std::string> EntityNames(const std::vector<std::string>& ids) = 0;

  // The external id of the article stored last (the latest version of any article), when
  // any is: the store keeps no time of ingest, so this is what says how recent it is.
  virtual std::optional<std::string> LastStoredArticle() = 0;

  virtual StoreCounts Counts() = 0;
  // Counts' articles, sources and quotes only (its other fields 0): what a page's header
  // shows, each counted from the smallest index that holds it rather than over the tables
  // Counts reads, which on a cold page cache costs seconds at 100,000 articles. By
  // default, Counts itself.
  virtual StoreCounts HeaderCounts() { return Counts(); }

  // The quotations that match `query`, in article arrival order, then text order.
  virtual std::vector<StoredQuote> LoadQuotes(const QuoteQuery& query) = 0;

  // Story clustering (story/story_updater.h): the clusterer's saved state (an empty blob
  // when none yet), and the stories it reports. SaveStoryChanges applies a change set in
  // one transaction: each changed story's rows brought up to date as StoryUpdate::ApplyTo
  // says, retired stories' rows replaced, merged-away stories' rows deleted, the new
  // merges and splits appended (everything replaced when the changes are complete), and
  // the state replaced by `state`. Its cost follows what changed, not what is stored.
  virtual SavedStoryState LoadStoryState() = 0;
  // Makes this store the one that clusters into its database until it is closed: one
  // state is loaded, added to and saved at a time, so a second ingest into the same
  // database waits here (after `on_wait`, when set, says so and who holds the claim) for
  // the first to finish and then clusters on top of what it saved. Without the claim, two
  // ingests would each save stories the other never saw. Throws StoreError when the claim
  // is still held by another process after `timeout`. Taking it again through the same
  // store is a no-op.
  virtual void ClaimStories(const std::function<void(const std::string& holder)>& on_wait,
                            std::chrono::seconds timeout) = 0;
  virtual void SaveStoryChanges(const SavedStoryState& state, const StoryChanges& changes) = 0;
  // Calls `visit` with every stored article whose store id is above `after`, with its
  // analysis, in the order they were stored: the articles a saved story state has not
  // placed yet (SavedStoryState::placed_through).
  virtual void ForEachArticleAfter(int64_t after,
                                   const std::function<void(StoredArticle&&)>& visit) = 0;
  virtual std::vector<Story> LoadStories() = 0;
  // Splits in the order they happened.
  virtual std::vector<StorySplit> LoadStorySplits() = 0;

  // `follow`'s state: each write is its own transaction, made after the article it
  // concerns is stored, so a killed run loses at most the article in hand.
  virtual std::optional<FeedState> LoadFeed(std::string_view url) = 0;
  virtual void SaveFeed(const FeedState& feed) = 0;
  virtual std::optional<SeenUrl> FindSeenUrl(std::string_view url) = 0;
  virtual void SaveSeenUrl(const SeenUrl& seen) = 0;

  // The distributed ingest's place in stream `stream` (a default StreamPosition when it
  // has none); the save is its own transaction, made after the articles it counts are
  // stored, so a crash leaves it behind them, never ahead.
  virtual StreamPosition LoadStreamPosition(std::string_view stream) = 0;
  virtual void SaveStreamPosition(std::string_view stream, const StreamPosition& position) = 0;

  // A token that changes whenever articles or stories written into the store commit, by
  // this process or another, and that every Store open on the same database gives alike:
  // a reader may keep what it read until the token changes (serve's caches). Cheap enough
  // to ask before every request. Throws StoreError when the store cannot be read.
  virtual std::string ChangeToken() = 0;
};

enum class OpenMode {
  kCreateIfMissing,  // ingest: a new path starts an empty store, an older one is upgraded
  kMustExist,        // upgrade: as kCreateIfMissing, but a mistyped path is an error
  kReadOnly,         // readers: an existing storyline store, opened without writing to it
};

// Opens the store named by `db`; the writing modes bring its schema up to date. Throws
// StoreError when it cannot: missing (but with kCreateIfMissing), not a database, not a
// storyline store or of an older schema (kReadOnly: readers never write schema into a
// file they read), schema newer than this build, `:memory:` (nothing would be kept),
// back end not available.
std::unique_ptr<Store> OpenStore(const std::string& db, OpenMode mode = OpenMode::kCreateIfMissing);

}  // namespace storyline
