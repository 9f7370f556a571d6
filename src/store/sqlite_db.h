// A thin RAII layer over the sqlite3 C API: a connection and prepared statements that
// throw StoreError with SQLite's message when a call fails.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/store.h"

namespace storyline {

class SqliteDb {
 public:
  enum class Access {
    kReadWrite,  // creating the file if needed
    kReadOnly,   // never writes the database file
    kImmutable,  // read-only on read-only media: no locks, no -wal or -shm files (nobody
                 // may be writing it)
  };

  // Opens the database file; waits up to `busy_timeout_ms` for a lock held by another
  // connection instead of failing with SQLITE_BUSY.
  SqliteDb(const std::string& path, int busy_timeout_ms, Access access = Access::kReadWrite);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without results.
  void Exec(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

class SqliteStatement {
 public:
  SqliteStatement(SqliteDb& db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Binders take 1-based parameter indices, like sqlite3_bind_*. Text and blobs are
  // copied (SQLITE_TRANSIENT) so callers need not keep them alive.
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& Bind(int index, double value);
  SqliteStatement& Bind(int index, std::string_view value);
  SqliteStatement& Bind(int index, const std::optional<std::string>& value);
  SqliteStatement& BindBlob(int index, std::span<const uint8_t> value);
  SqliteStatement& BindNull(int index);

  // Advances to the next row; false when done. Throws StoreError on failure, with the
  // SQLite error code available from the exception.
  bool Step();
  // Steps a statement that returns no rows, then resets it for reuse.
  void Run();
  // Clears bindings and rewinds, ready for new parameters.
  void Reset();

  int64_t ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }
  double ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }
  bool ColumnIsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string ColumnText(int column) const;
  std::optional<std::string> ColumnOptionalText(int column) const;
  std::span<const uint8_t> ColumnBlob(int column) const;

 private:
  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Thrown for failures SQLite reports; `code` is the primary SQLite result code.
class SqliteError : public StoreError {
 public:
  SqliteError(int code, const std::string& message) : StoreError(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

}  // namespace storyline
