// The PostgreSQL store's schema: numbered steps recorded in a schema_version table. The
// first step is the meaning of the SQLite schema at its step 11 (store/sqlite_schema.cc):
// a new PostgreSQL database starts there, with no SQLite history to replay.
#pragma once

#include <string>

#include "store/postgres/pg_connection.h"

namespace storyline {

// The step this build writes and reads.
int PgSchemaVersion();

// Brings the database up to PgSchemaVersion() in one transaction; of two processes
// migrating at once, one waits for the other and finds the work done. Throws StoreError
// when the database holds another application's tables or a newer schema.
void MigratePgSchema(PgConnection& db);

// Throws StoreError unless the database holds a storyline store of this build's schema:
// readers never write schema.
void CheckReadablePgSchema(PgConnection& db, const std::string& url);

}  // namespace storyline
