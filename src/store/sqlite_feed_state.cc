// SqliteStore's feeds and seen_urls tables (schema step 11): what `follow` keeps between
// polls. Each write is one statement, so one transaction of its own.
#include "store/sqlite_store.h"

namespace storyline {

std::optional<FeedState> SqliteStore::LoadFeed(std::string_view url) {
  SqliteStatement select(
      db_, "SELECT etag, last_modified, next_poll, failures_in_a_row FROM feeds WHERE url = ?");
  select.Bind(1, url);
  if (!select.Step()) return std::nullopt;
  FeedState feed;
  feed.url = url;
  feed.etag = select.ColumnText(0);
  feed.last_modified = select.ColumnText(1);
  feed.next_poll = select.ColumnInt(2);
  feed.failures_in_a_row = static_cast<int>(select.ColumnInt(3));
  return feed;
}

void SqliteStore::SaveFeed(const FeedState& feed) {
  SqliteStatement upsert(db_,
                         "INSERT OR REPLACE INTO feeds (url, etag, last_modified, next_poll, "
                         "failures_in_a_row) VALUES (?, ?, ?, ?, ?)");
  upsert.Bind(1, std::string_view(feed.url))
      .Bind(2, std::string_view(feed.etag))
      .Bind(3, std::string_view(feed.last_modified))
      .Bind(4, feed.next_poll)
      .Bind(5, int64_t{feed.failures_in_a_row})
      .Run();
}

std::optional<SeenUrl> SqliteStore::FindSeenUrl(std::string_view url) {
  SqliteStatement select(db_, "SELECT updated, article FROM seen_urls WHERE url = ?");
  select.Bind(1, url);
  if (!select.Step()) return std::nullopt;
  return SeenUrl{std::string(url), select.ColumnText(0), select.ColumnText(1)};
}

void SqliteStore::SaveSeenUrl(const SeenUrl& seen) {
  SqliteStatement upsert(
      db_, "INSERT OR REPLACE INTO seen_urls (url, updated, article) VALUES (?, ?, ?)");
  upsert.Bind(1, std::string_view(seen.url))
      .Bind(2, std::string_view(seen.updated))
      .Bind(3, std::string_view(seen.article))
      .Run();
}

}  // namespace storyline
