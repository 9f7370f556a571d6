// The PostgreSQL back end of Store, for a database several machines share. It keeps the
// SQLite store's meaning table for table (postgres/pg_schema.cc) and its transactions:
// a batch is one transaction, each article inside it all-or-nothing (written by one
// statement a batch, postgres/pg_batch_writer.h); writers of a batch queue on an advisory
// lock, so store ids follow commit order as they do in SQLite
// (SavedStoryState::placed_through relies on it); readers never wait (MVCC).
#pragma once

#include <memory>
#include <string>

#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace storyline {

class PgStore : public Store {
 public:
  // Connects to `url` and migrates its schema; or, `read_only`, checks that it holds a
  // store of this build's schema and opens a session that cannot write. Throws
  // StoreError.
  PgStore(const std::string& url, bool read_only);
  ~PgStore() override;

  bool Contains(const ContentHash& hash) override;
  std::vector<AddResult> AddBatch(std::span<const PreparedArticle> batch) override;
  std::vector<CorpusLinkRow> LoadEntityLinks() override;
  using Store::Search;
  // In pg_search.cc.
  std::vector<SearchHit> Search(const SearchRequest& request) override;
  void CompactSearchIndex() override;
  std::optional<StoredArticle> FindArticle(std::string_view external_id) override;
  std::vector<StoredArticle> ArticleVersions(std::string_view external_id) override;
  std::vector<std::string> FamilyMembers(int64_t family_id) override;
  // In pg_story_tables.cc.
  std::optional<Story> StoryOfArticle(std::string_view external_id) override;
  std::map<std::string, std::string> ArticleSources(
      const std::vector<std::string>& external_ids) override;
  std::map<std::string, std::string> EntityNames(const std::vector<std::string>& ids) override;
  std::optional<std::string> LastStoredArticle() override;
  StoreCounts Counts() override;
  std::vector<StoredQuote> LoadQuotes(const QuoteQuery& query) override;
  // In pg_story_tables.cc.
  SavedStoryState LoadStoryState() override;
  // A session-level advisory lock, which the server drops when the connection ends,
  // however it ends.
  void ClaimStories(const std::function<void(const std::string& holder)>& on_wait,
                    std::chrono::seconds timeout) override;
  void SaveStoryChanges(const SavedStoryState& state, const StoryChanges& changes) override;
  void ForEachArticleAfter(int64_t after,
                           const std::function<void(StoredArticle&&)>& visit) override;
  std::vector<Story> LoadStories() override;
  std::vector<StorySplit> LoadStorySplits() override;
  std::optional<FeedState> LoadFeed(std::string_view url) override;
  void SaveFeed(const FeedState& feed) override;
  std::optional<SeenUrl> FindSeenUrl(std::string_view url) override;
  void SaveSeenUrl(const SeenUrl& seen) override;
  // In pg_stream_positions.cc.
  StreamPosition LoadStreamPosition(std::string_view stream) override;
  void SaveStreamPosition(std::string_view stream, const StreamPosition& position) override;
  // The newest store id (each stored article takes a new one) and the transaction that
  // last saved the stories (story_state's row, which every SaveStoryChanges rewrites),
  // read in one snapshot: no table or write of its own, and writers never wait on it.
  std::string ChangeToken() override;

 private:
  std::optional<int64_t> FindByHash(const ContentHash& hash);
  // The store ids of the batch's articles that are stored, by content hash (HashKey).
  std::map<std::vector<uint8_t>, int64_t> StoredIds(std::span<const PreparedArticle> batch);
  Analysis LoadAnalysis(int64_t article_id);
  // The articles of `rows`' columns as kSelectArticle reads them, with their analyses.
  std::vector<StoredArticle> ReadArticles(const PgResult& rows);
  // In pg_story_tables.cc: the story with this id as stored.
  Story LoadStory(int id, std::string label, std::optional<std::string> first,
                  std::optional<std::string> last);

  PgConnection db_;
  bool stories_claimed_ = false;
};

}  // namespace storyline
