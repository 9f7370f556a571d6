// PgStore's stream_positions table (schema step 2): where the applier of a distributed
// ingest stands in each stream. Each write is one statement, so one transaction of its
// own.
#include "store/postgres/pg_store.h"

namespace storyline {

StreamPosition PgStore::LoadStreamPosition(std::string_view stream) {
  const PgResult row =
      db_.Query("SELECT applied_through, resume_from FROM stream_positions WHERE stream = $1",
                PgParams().Add(stream));
  StreamPosition position;
  if (row.rows() == 0) return position;
  position.applied_through = static_cast<uint64_t>(row.Int(0, 0));
  position.resume_from = static_cast<uint64_t>(row.Int(0, 1));
  return position;
}

void PgStore::SaveStreamPosition(std::string_view stream, const StreamPosition& position) {
  db_.Query(
      "INSERT INTO stream_positions (stream, applied_through, resume_from) VALUES ($1, $2, $3) "
      "ON CONFLICT (stream) DO UPDATE SET applied_through = excluded.applied_through, "
      "resume_from = excluded.resume_from",
      PgParams()
          .Add(stream)
          .Add(static_cast<int64_t>(position.applied_through))
          .Add(static_cast<int64_t>(position.resume_from)));
}

}  // namespace storyline
