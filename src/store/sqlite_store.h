// The SQLite back end of Store: one database file in WAL mode, so readers (search,
// serve) run while an ingest writes, and a busy timeout instead of "database is locked"
// when two writers meet.
#pragma once

#include <memory>
#include <string>

#include "store/file_lock.h"
#include "store/search_rank.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace storyline {

class SqliteStore : public Store {
 public:
  // Opens or creates the file and migrates its schema; or, `read_only`, opens an
  // existing store of this build's schema without writing to it. Throws StoreError.
  SqliteStore(const std::string& path, bool read_only);
  ~SqliteStore() override;

  bool Contains(const ContentHash& hash) override;
  std::vector<AddResult> AddBatch(std::span<const PreparedArticle> batch) override;
  // In sqlite_entity_links.cc.
  std::vector<CorpusLinkRow> LoadEntityLinks() override;
  using Store::Search;
  // In sqlite_search.cc.
  std::vector<SearchHit> Search(const SearchRequest& request) override;
  void CompactSearchIndex() override;
  std::optional<StoredArticle> FindArticle(std::string_view external_id) override;
  std::vector<StoredArticle> ArticleVersions(std::string_view external_id) override;
  std::vector<std::string> FamilyMembers(int64_t family_id) override;
  // In sqlite_story_tables.cc.
  std::optional<Story> StoryOfArticle(std::string_view external_id) override;
  std::map<std::string, std::string> ArticleSources(
      const std::vector<std::string>& external_ids) override;
  std::map<std::string, std::string> EntityNames(const std::vector<std::string>& ids) override;
  std::optional<std::string> LastStoredArticle() override;
  StoreCounts Counts() override;
  StoreCounts HeaderCounts() override;
  std::vector<StoredQuote> LoadQuotes(const QuoteQuery& query) override;
  // In sqlite_story_tables.cc.
  SavedStoryState LoadStoryState() override;
  // Locks the file `<path>-stories.lock` beside the database.
  void ClaimStories(const std::function<void(const std::string& holder)>& on_wait,
                    std::chrono::seconds timeout) override;
  void SaveStoryChanges(const SavedStoryState& state, const StoryChanges& changes) override;
  void ForEachArticleAfter(int64_t after,
                           const std::function<void(StoredArticle&&)>& visit) override;
  std::vector<Story> LoadStories() override;
  std::vector<StorySplit> LoadStorySplits() override;
  // In sqlite_feed_state.cc.
  std::optional<FeedState> LoadFeed(std::string_view url) override;
  void SaveFeed(const FeedState& feed) override;
  std::optional<SeenUrl> FindSeenUrl(std::string_view url) override;
  void SaveSeenUrl(const SeenUrl& seen) override;
  // In sqlite_stream_positions.cc.
  StreamPosition LoadStreamPosition(std::string_view stream) override;
  void SaveStreamPosition(std::string_view stream, const StreamPosition& position) override;
  // In sqlite_change_token.cc.
  std::string ChangeToken() override;

 private:
  struct Statements;

  std::optional<int64_t> FindByHash(const ContentHash& hash);
  std::optional<int64_t> FindFamily(const DuplicateFingerprint& fingerprint);
  // The store id of the latest version of the article with this external id.
  std::optional<int64_t> LatestVersion(std::string_view external_id);
  int64_t SourceId(const std::string& name);
  AddResult InsertArticle(const PreparedArticle& prepared);
  void InsertAnalysis(int64_t article_id, const Analysis& analysis);
  void InsertEntityLinks(const std::vector<CorpusLinkRow>& rows);
  Analysis LoadAnalysis(int64_t article_id);
  // The article `query` (bound, not stepped) finds first, with its analysis.
  std::optional<StoredArticle> ReadArticle(SqliteStatement& query);
  // In sqlite_story_tables.cc: the story with this id as stored (without checking it is).
  Story LoadStory(int id, std::string label, std::optional<std::string> first,
                  std::optional<std::string> last);

  std::string path_;
  SqliteDb db_;
  SearchRank search_rank_{db_};  // storyline_bm25 on db_, for Search
  std::unique_ptr<Statements> statements_;
  std::unique_ptr<ExclusiveFileLock> stories_claim_;
};

}  // namespace storyline
