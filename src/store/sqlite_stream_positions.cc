// SqliteStore's stream_positions table (schema step 12): where the applier of a
// distributed ingest stands in each stream. Each write is one statement, so one
// transaction of its own.
#include "store/sqlite_store.h"

namespace storyline {

StreamPosition SqliteStore::LoadStreamPosition(std::string_view stream) {
  SqliteStatement select(
      db_, "SELECT applied_through, resume_from FROM stream_positions WHERE stream = ?");
  select.Bind(1, stream);
  StreamPosition position;
  if (!select.Step()) return position;
  position.applied_through = static_cast<uint64_t>(select.ColumnInt(0));
  position.resume_from = static_cast<uint64_t>(select.ColumnInt(1));
  return position;
}

void SqliteStore::SaveStreamPosition(std::string_view stream, const StreamPosition& position) {
  SqliteStatement upsert(db_,
                         "INSERT OR REPLACE INTO stream_positions (stream, applied_through, "
                         "resume_from) VALUES (?, ?, ?)");
  upsert.Bind(1, stream)
      .Bind(2, static_cast<int64_t>(position.applied_through))
      .Bind(3, static_cast<int64_t>(position.resume_from))
      .Run();
}

}  // namespace storyline
