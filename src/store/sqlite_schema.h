// The SQLite schema as numbered migration steps. PRAGMA user_version records how many
// steps a database has had; opening it runs the missing ones in one transaction, so a
// database from any earlier build is brought up to date and a crash mid-migration
// leaves it at the version it had. Later stages (stories, events) add
// their tables as new steps at the end; a step, once released, is never edited.
#pragma once

#include "store/sqlite_db.h"

namespace storyline {

// The version a fully migrated database has.
int SqliteSchemaVersion();

// Runs the steps `db` has not had yet, up to `version` (tests build a store as an
// earlier build left it with a smaller one). Throws StoreError when the database is
// newer than this build knows.
void MigrateSqliteSchema(SqliteDb& db, int version = SqliteSchemaVersion());

// Throws StoreError when `db` is neither empty nor a storyline store (another
// application's database): a writer must not add its schema or change its journal mode.
void RefuseForeignDatabase(SqliteDb& db);

// For readers, who never migrate: throws StoreError unless `db` is a storyline store of
// exactly this build's schema (saying how to upgrade an older one).
void CheckReadableSchema(SqliteDb& db, const std::string& path);

}  // namespace storyline
