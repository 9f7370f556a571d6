// A thin RAII layer over libpq: a connection, its results, and statements that take
// their values only as parameters (never spliced into the SQL text). Failures throw
// PgError with the server's SQLSTATE, so callers can tell one bad record from a broken
// connection.
//
// Why libpq and not libpqxx: libpq is the C library every PostgreSQL client links in the
// end, Debian ships it beside the server (libpq-dev), and the store needs little of what
// libpqxx adds; the same small wrapper shape as store/sqlite_db.h keeps both back ends
// alike to read.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace storyline {

// Thrown for failures the server or libpq reports; `sqlstate` is the five-character
// SQLSTATE ("23505"), empty when the connection itself failed.
class PgError : public StoreError {
 public:
  PgError(std::string sqlstate, const std::string& message)
      : StoreError(message), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

// A statement's values, in order ($1, $2, ...): text, or bytes sent in binary.
class PgParams {
 public:
  PgParams& Add(std::string_view value);
  PgParams& Add(const char* value) { return Add(std::string_view(value)); }
  PgParams& Add(int64_t value);
  PgParams& Add(double value);
  PgParams& Add(bool value);
  PgParams& Add(const std::optional<std::string>& value);
  PgParams& AddBytes(std::span<const uint8_t> value);
  PgParams& AddNull();

  int size() const { return static_cast<int>(values_.size()); }
  std::vector<const char*> Values() const;
  std::vector<int> Lengths() const;
  std::vector<int> Formats() const;

 private:
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;
};

// A query's rows, in text form.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}

  int rows() const { return PQntuples(result_.get()); }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column); }
  std::string Text(int row, int column) const;
  std::optional<std::string> OptionalText(int row, int column) const;
  int64_t Int(int row, int column) const;
  std::optional<int64_t> OptionalInt(int row, int column) const;
  double Double(int row, int column) const;
  bool Bool(int row, int column) const;
  std::vector<uint8_t> Bytes(int row, int column) const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_;
};

class PgConnection {
 public:
  // Connects to `url` (a postgresql:// URL or a libpq connection string). Throws
  // PgError, whose message never holds the URL's password.
  explicit PgConnection(const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs one or more statements without parameters or results (DDL, BEGIN, SAVEPOINT).
  void Exec(std::string_view sql);
  // Runs one statement with `params`. The statement is prepared on the server the first
  // time this connection runs its text, so a statement in a loop is parsed once.
  PgResult Query(const std::string& sql, const PgParams& params = {});
  // True while a transaction is open (or failed and not yet rolled back).
  bool InTransaction() const;

 private:
  PgResult Check(PGresult* result, std::string_view sql) const;

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
};

// `url` with its password, if any, replaced by "***": for messages.
std::string RedactedUrl(std::string_view url);

// The text of a PostgreSQL array literal of these values (NULL for nullopt), passed as
// one parameter: many rows go in one statement, and still as values, not SQL.
std::string ArrayLiteral(std::span<const std::optional<std::string>> values);
std::string ArrayLiteral(std::span<const std::string> values);
std::string ArrayLiteral(std::span<const int64_t> values);

}  // namespace storyline
