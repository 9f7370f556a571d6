// SqliteStore's entity_links table (schema step 3): the corpus entity linker's rows.
// InsertEntityLinks runs inside an article's savepoint (InsertArticle), so an article
// that is rolled back takes its rows with it.
#include "store/sqlite_store.h"

namespace storyline {

void SqliteStore::InsertEntityLinks(const std::vector<CorpusLinkRow>& rows) {
  if (rows.empty()) return;
  // A row an earlier article taught keeps its place: the linker learns each row once.
  SqliteStatement insert(db_,
                         "INSERT INTO entity_links (kind, name, expansion) VALUES (?, ?, ?) "
                         "ON CONFLICT (kind, name, expansion) DO NOTHING");
  for (const CorpusLinkRow& row : rows) {
    insert.Bind(1, std::string_view(row.kind))
        .Bind(2, std::string_view(row.name))
        .Bind(3, std::string_view(row.expansion))
        .Run();
  }
}

std::vector<CorpusLinkRow> SqliteStore::LoadEntityLinks() {
  SqliteStatement select(db_, "SELECT kind, name, expansion FROM entity_links ORDER BY ordinal");
  std::vector<CorpusLinkRow> rows;
  while (select.Step()) {
    rows.push_back({select.ColumnText(0), select.ColumnText(1), select.ColumnText(2)});
  }
  return rows;
}

}  // namespace storyline
