// SqliteStore's change token: when the database file and its write-ahead log were last
// written, and their sizes. A commit writes the log (and a checkpoint the file), so the
// token changes with every write any process commits, and it reads no page of the store.
// PRAGMA data_version would not do: its value is its connection's own, and a reader's
// stores are many connections.
#include <fmt/format.h>

#include <filesystem>

#include "store/sqlite_store.h"

namespace storyline {

std::string SqliteStore::ChangeToken() {
  std::string token;
  for (const std::string& path : {path_, path_ + "-wal"}) {
    std::error_code time_error, size_error;
    const auto time = std::filesystem::last_write_time(path, time_error);
    const auto size = std::filesystem::file_size(path, size_error);
    token += fmt::format("{:x}.{:x}.",
                         time_error ? 0 : static_cast<uint64_t>(time.time_since_epoch().count()),
                         size_error ? 0 : size);
  }
  token.pop_back();
  return token;
}

}  // namespace storyline
