// The SQLite back end of Store: one database file in WAL mode, so readers (search,
// serve) run while an ingest writes, and a busy timeout instead of "database is locked"
// when two writers meet.
#pragma once

#include <memory>
#include <string>

#include "store/file_lock.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace storyline {

class SqliteStore : public Store {
 public:
  // Opens or creates the file and migrates its schema. Throws StoreError.
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;

  bool Contains(const ContentHash& hash) override;
  std::vector<AddResult> AddBatch(std::span<const PreparedArticle> batch) override;
  // In sqlite_entity_links.cc.
  std::vector<CorpusLinkRow> LoadEntityLinks() override;
  std::vector<SearchHit> Search(std::string_view query, int limit) override;
  std::optional<StoredArticle> FindArticle(std::string_view external_id) override;
  std::map<std::string, std::string> ArticleSources(
      const std::vector<std::string>& external_ids) override;
  StoreCounts Counts() override;
  std::vector<StoredQuote> LoadQuotes(const QuoteQuery& query) override;
  // In sqlite_story_tables.cc.
  std::string LoadStoryState() override;
  // Locks the file `<path>-stories.lock` beside the database (none for ":memory:").
  void ClaimStories(const std::function<void()>& on_wait) override;
  void SaveStoryChanges(std::string_view state, const StoryChanges& changes) override;
  std::vector<Story> LoadStories() override;
  std::vector<StorySplit> LoadStorySplits() override;

 private:
  struct Statements;

  std::optional<int64_t> FindByHash(const ContentHash& hash);
  std::optional<int64_t> FindFamily(const DuplicateFingerprint& fingerprint);
  int64_t SourceId(const std::string& name);
  AddResult InsertArticle(const PreparedArticle& prepared);
  void InsertAnalysis(int64_t article_id, const Analysis& analysis);
  void InsertEntityLinks(const std::vector<CorpusLinkRow>& rows);
  Analysis LoadAnalysis(int64_t article_id);

  std::string path_;
  SqliteDb db_;
  std::unique_ptr<Statements> statements_;
  std::unique_ptr<ExclusiveFileLock> stories_claim_;
};

}  // namespace storyline
