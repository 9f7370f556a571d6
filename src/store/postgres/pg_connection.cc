#include "store/postgres/pg_connection.h"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <charconv>

namespace storyline {
namespace {

// The server's messages end in a line break; a one-line error reads better.
std::string OneLineMessage(const char* message) {
  std::string line = message == nullptr ? "" : message;
  while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
  for (char& c : line) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return line;
}

// Who holds a connection, as another process waiting on its locks is told
// (pg_stat_activity.application_name).
std::string ApplicationName() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return fmt::format("storyline process {} on {}", ::getpid(), host.data());
}

void IgnoreNotice(void*, const char*) {}

template <typename Value>
std::string ElementsLiteral(std::span<const Value> values, auto write) {
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal.push_back(',');
    write(literal, values[i]);
  }
  literal.push_back('}');
  return literal;
}

void WriteQuoted(std::string& literal, std::string_view value) {
  literal.push_back('"');
  for (const char c : value) {
    if (c == '"' || c == '\\') literal.push_back('\\');
    literal.push_back(c);
  }
  literal.push_back('"');
}

}  // namespace

PgParams& PgParams::Add(std::string_view value) {
  values_.emplace_back(std::string(value));
  formats_.push_back(0);
  return *this;
}

PgParams& PgParams::Add(int64_t value) { return Add(std::string_view(std::to_string(value))); }

PgParams& PgParams::Add(double value) { return Add(std::string_view(fmt::format("{}", value))); }

PgParams& PgParams::Add(bool value) { return Add(std::string_view(value ? "t" : "f")); }

PgParams& PgParams::Add(const std::optional<std::string>& value) {
  return value ? Add(std::string_view(*value)) : AddNull();
}

PgParams& PgParams::AddBytes(std::span<const uint8_t> value) {
  values_.emplace_back(std::string(value.begin(), value.end()));
  formats_.push_back(1);
  return *this;
}

PgParams& PgParams::AddNull() {
  values_.emplace_back(std::nullopt);
  formats_.push_back(0);
  return *this;
}

std::vector<const char*> PgParams::Values() const {
  std::vector<const char*> values;
  for (const auto& value : values_) values.push_back(value ? value->data() : nullptr);
  return values;
}

std::vector<int> PgParams::Lengths() const {
  std::vector<int> lengths;
  for (const auto& value : values_) lengths.push_back(value ? static_cast<int>(value->size()) : 0);
  return lengths;
}

std::vector<int> PgParams::Formats() const { return formats_; }

std::string PgResult::Text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     PQgetlength(result_.get(), row, column));
}

std::optional<std::string> PgResult::OptionalText(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Text(row, column);
}

int64_t PgResult::Int(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  int64_t number = 0;
  std::from_chars(value, value + PQgetlength(result_.get(), row, column), number);
  return number;
}

std::optional<int64_t> PgResult::OptionalInt(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int(row, column);
}

double PgResult::Double(int row, int column) const {
  return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

bool PgResult::Bool(int row, int column) const {
  return PQgetvalue(result_.get(), row, column)[0] == 't';
}

std::vector<uint8_t> PgResult::Bytes(int row, int column) const {
  size_t size = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column)), &size);
  if (bytes == nullptr) throw PgError("", "cannot decode a bytea value");
  std::vector<uint8_t> value(bytes, bytes + size);
  PQfreemem(bytes);
  return value;
}

PgConnection::PgConnection(const std::string& url) {
  const std::string application = ApplicationName();
  // expand_dbname: `dbname` may be a whole URL or connection string; the keywords after
  // it fill in what it leaves out.
  const std::array<const char*, 4> keywords = {"dbname", "application_name", "client_encoding",
                                               nullptr};
  const std::array<const char*, 4> values = {url.c_str(), application.c_str(), "UTF8", nullptr};
  conn_ = PQconnectdbParams(keywords.data(), values.data(), 1);
  if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
    const std::string message =
        conn_ == nullptr ? "out of memory" : OneLineMessage(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw PgError("", fmt::format("cannot connect to the PostgreSQL server: {}", message));
  }
  PQsetNoticeProcessor(conn_, IgnoreNotice, nullptr);
}

PgConnection::~PgConnection() { PQfinish(conn_); }

PgResult PgConnection::Check(PGresult* raw, std::string_view sql) const {
  PgResult result(raw);
  const ExecStatusType status = PQresultStatus(raw);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* sqlstate = raw == nullptr ? nullptr : PQresultErrorField(raw, PG_DIAG_SQLSTATE);
  const char* message = raw == nullptr ? PQerrorMessage(conn_) : PQresultErrorMessage(raw);
  throw PgError(sqlstate == nullptr ? "" : sqlstate,
                fmt::format("{} (in: {})", OneLineMessage(message), sql.substr(0, 80)));
}

void PgConnection::Exec(std::string_view sql) {
  Check(PQexec(conn_, std::string(sql).c_str()), sql);
}

PgResult PgConnection::Query(const std::string& sql, const PgParams& params) {
  auto found = prepared_.find(sql);
  if (found == prepared_.end()) {
    const std::string name = fmt::format("s{}", prepared_.size());
    Check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), sql);
    found = prepared_.emplace(sql, name).first;
  }
  const std::vector<const char*> values = params.Values();
  const std::vector<int> lengths = params.Lengths();
  const std::vector<int> formats = params.Formats();
  return Check(PQexecPrepared(conn_, found->second.c_str(), params.size(), values.data(),
                              lengths.data(), formats.data(), 0),
               sql);
}

bool PgConnection::InTransaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

std::string RedactedUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t at = url.find('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme) {
    return std::string(url);
  }
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return fmt::format("{}:***{}", url.substr(0, colon), url.substr(at));
}

std::string ArrayLiteral(std::span<const std::optional<std::string>> values) {
  return ElementsLiteral(values, [](std::string& literal, const std::optional<std::string>& v) {
    if (v) {
      WriteQuoted(literal, *v);
    } else {
      literal += "NULL";
    }
  });
}

std::string ArrayLiteral(std::span<const std::string> values) {
  return ElementsLiteral(
      values, [](std::string& literal, const std::string& v) { WriteQuoted(literal, v); });
}

std::string ArrayLiteral(std::span<const int64_t> values) {
  return ElementsLiteral(values,
                         [](std::string& literal, int64_t v) { literal += std::to_string(v); });
}

}  // namespace storyline
