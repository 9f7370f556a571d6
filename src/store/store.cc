#include "store/store.h"

#include <fmt/format.h>
#include <xxhash.h>

#include <filesystem>

#include "store/postgres/pg_store.h"
#include "store/sqlite_store.h"

namespace storyline {
namespace {

// Each field is length-prefixed so that moving text between fields changes the hash.
void HashField(XXH3_state_t* state, std::string_view field) {
  const uint64_t size = field.size();
  XXH3_128bits_update(state, &size, sizeof(size));
  XXH3_128bits_update(state, field.data(), field.size());
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

ContentHash HashArticleContent(const Article& article) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  HashField(state, article.source);
  HashField(state, article.id);
  HashField(state, article.url);
  HashField(state, article.title);
  HashField(state, article.text);
  const XXH128_hash_t hash = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return {hash.high64, hash.low64};
}

PreparedArticle PrepareArticle(Article article, Analysis analysis) {
  PreparedArticle prepared;
  prepared.content_hash = HashArticleContent(article);
  prepared.fingerprint = FingerprintText(article.text);
  prepared.article = std::move(article);
  prepared.analysis = std::move(analysis);
  return prepared;
}

std::unique_ptr<Store> OpenStore(const std::string& db, OpenMode mode) {
  if (StartsWith(db, "postgresql://") || StartsWith(db, "postgres://")) {
    // A server's database: kMustExist and kReadOnly need no check here, as connecting
    // fails for a database that is not there.
    return std::make_unique<PgStore>(db, mode == OpenMode::kReadOnly);
  }
  if (db.empty()) throw StoreError("--db is empty: give a SQLite file path");
  if (db == ":memory:" || StartsWith(db, "file::memory:")) {
    throw StoreError(fmt::format(
        "an in-memory database ({}) keeps nothing after the command: give --db a file path", db));
  }
  std::error_code error;
  if (mode != OpenMode::kCreateIfMissing && !std::filesystem::exists(db, error)) {
    throw StoreError(
        fmt::format("no store at {}: run `storyline ingest --db {} INPUT...` first", db, db));
  }
  return std::make_unique<SqliteStore>(db, mode == OpenMode::kReadOnly);
}

}  // namespace storyline
