// Gives one id to one real-world entity across articles. Within an article,
// LinkEntitiesInArticle already ties "Biden" to "Joe Biden" when the article names him in
// full; an article that only says "Biden" gets the id "biden". This linker remembers the
// names the corpus has shown so far, in the order the articles arrive, and rewrites an
// article's mentions to them:
//   - a person's partial name ("Biden", "Joe Biden") takes the one full name seen so far
//     whose words contain it ("Joe Robinette Biden"); when two full names contain it
//     ("Joe Biden", "Hunter Biden") the article's own id stays. A name of one word takes
//     it only when the article shares an organization or a person named in full with
//     an article that named that person in full (the context rows), or its other lone
//     surnames stand for such people, or it carries the title that article gave them
//     ("President Biden"): "Monroe" the witness of a shooting is not the basketball
//     player Donavan Monroe. A country, an international organization or an institution
//     every story names ("United Nations", "Police") is no shared context, and a name
//     joining two people ("Salvatore and Andrew") is no full name;
//   - an acronym ("GAO") takes its expansion: one an article spelled out for it
//     ("Government Accountability Office (GAO)") or else, for three letters or more, the
//     one organization or place seen so far with those initials ("DC" is not the
//     Department of Corrections);
//   - another name of a country or international organization ("U.S.", "Britain",
//     "U.N.", "EU") takes its canonical name from the alias tables (ORG and PLACE
//     mentions), and so does such a name opening an organization's name ("UN Security
//     Council" -> "United Nations Security Council");
//   - a company's name drops its legal form ("Apple Inc." -> "Apple", "Ford Motor
//     Company" -> "Ford").
// The result depends only on the articles and their order, never on threads or timing:
// link articles one at a time in input order. The state is a table of rows (Rows, Save,
// Load) so a store can keep it between runs; RowsTaughtBy says which rows one article
// taught, so a store can keep them with that article and drop them if it is not stored.
#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/analysis.h"
#include "extract/links/corpus_link_row.h"
#include "extract/links/entity_aliases.h"

namespace storyline {

class CorpusEntityLinker {
 public:
  explicit CorpusEntityLinker(EntityAliases aliases = {});

  // Rewrites `entity` and `name` of one article's mentions (already linked within the
  // article) to the corpus's names, then learns the article's names for later articles.
  void Link(std::vector<EntityMention>& mentions);

  // Links the analysis's entities and carries their new ids and names over to quote
  // speakers and event actors.
  void Link(Analysis& analysis);

  // The rows an article's mentions, once linked, teach: what Link learns from them, in
  // the order it learns them, including rows already known.
  static std::vector<CorpusLinkRow> RowsTaughtBy(const std::vector<EntityMention>& mentions);

  // Everything learned, in the order it was learned. Restore replaces the state with
  // `rows`: after other.Restore(Rows()), `other` links exactly as this linker does.
  const std::vector<CorpusLinkRow>& Rows() const { return rows_; }
  void Restore(const std::vector<CorpusLinkRow>& rows);

  // Rows as `kind<TAB>name<TAB>expansion` lines. Load adds to the current state and throws
  // std::runtime_error naming `source` and the line when a line is malformed.
  void Save(std::ostream& out) const;
  void Load(std::istream& in, std::string_view source);

 private:
  void Learn(const CorpusLinkRow& row);
  std::optional<std::string> FullPersonName(std::string_view name) const;
  std::optional<std::string> Expansion(std::string_view acronym) const;
  // A country or international organization acting ("Greece", "United Nations") or an
  // institution every story has ("Police", "Government"): no evidence that two articles
  // share what they are about.
  bool IsCommonOrganization(const EntityMention& mention) const;
  // Whether the article names `full_name` (once linked), or its organizations (not common
  // ones) and people named in full include one that an article naming `full_name` was
  // about.
  bool SharesContext(const std::string& full_name,
                     const std::vector<EntityMention>& mentions) const;

  EntityAliases aliases_;
  std::vector<CorpusLinkRow> rows_;
  std::unordered_set<std::string> known_;  // "kind\tname\texpansion" of every row
  // Surname -> full person names ending in it.
  std::unordered_map<std::string, std::vector<std::string>> people_by_surname_;
  // Initials -> multi-word ORG/PLACE names with those initials.
  std::unordered_map<std::string, std::vector<std::string>> names_by_initials_;
  // Acronym -> expansions articles gave for it.
  std::unordered_map<std::string, std::vector<std::string>> spelled_out_;
  // Person's full name -> ids of the organizations and people the articles naming them
  // were most about.
  std::unordered_map<std::string, std::unordered_set<std::string>> contexts_;
};

}  // namespace storyline
