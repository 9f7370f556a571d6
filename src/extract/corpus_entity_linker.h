// Gives one id to one real-world entity across articles. Within an article,
// LinkEntitiesInArticle already ties "Biden" to "Joe Biden" when the article names him in
// full. This linker remembers the names the corpus has shown so far, in the order the
// articles arrive, and rewrites an article's mentions to them:
//   - a person's partial name of two words or more ("Joe Biden") takes the one full name
//     seen so far whose words contain it ("Joe Robinette Biden"); when two full names
//     contain it ("Joe Biden", "Hunter Biden") the article's own id stays;
//   - a person's one-word name that the article never ties to a full name ("Biden",
//     "James") is a weak clue: the corpus holds many people of one surname, and places and
//     companies of that name. It joins a corpus entity only when the context agrees: of the
//     full names ending in that word and the one-word organization of that name seen so
//     far ("Chrysler", which the recognizer sometimes reads as a surname), exactly one
//     shares people or organizations with this article (the people named in full and the
//     organizations most mentioned where the corpus saw it): kSharedContext for a person,
//     kSharedOrganizationContext for an organization, which is only a candidate when no
//     one of that surname is known. An organization found so takes the type ORG. Else the
//     mention takes the id an earlier article gave the same one-word name, when exactly
//     one such article shares kSharedContext with it. Otherwise the mention gets an id of
//     its own article, "<name>@<article id>", so a shooting victim called "James" is
//     never a basketball star, nor a village a person;
//   - an acronym ("GAO") takes its expansion: one an article spelled out for it
//     ("Government Accountability Office (GAO)") or else the one organization or place
//     seen so far with those initials;
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
#include "extract/corpus_link_row.h"
#include "extract/entity_aliases.h"

namespace storyline {

class CorpusEntityLinker {
 public:
  explicit CorpusEntityLinker(EntityAliases aliases = {});

  // People or organizations a one-word name's article and the corpus entity must share:
  // a person of that surname, or else (no one of that surname known) the organization of
  // that name.
  static constexpr size_t kSharedContext = 2;
  static constexpr size_t kSharedOrganizationContext = 1;

  // Rewrites `entity` and `name` (and, for a one-word name found to be an organization,
  // `type`) of one article's mentions (already linked within the article) to the corpus's
  // names, then learns the article's names for later articles. `article_id` makes the ids
  // of one-word names that stay the article's own.
  void Link(std::string_view article_id, std::vector<EntityMention>& mentions);

  // Links the analysis's entities and carries their new ids and names over to quote
  // speakers and event actors.
  void Link(std::string_view article_id, Analysis& analysis);

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
  // The corpus entity a one-word person name stands for in an article whose context ids are
  // `context`: {name, type}, or nullopt when none or several agree.
  std::optional<std::pair<std::string, std::string>> OneWordName(
      std::string_view word, const std::unordered_set<std::string>& context) const;
  // The id an earlier article gave the same one-word person name where the contexts agree
  // ("chrysler@118175"), or nullopt when none or several agree.
  std::optional<std::string> EarlierOneWordName(
      std::string_view word, const std::unordered_set<std::string>& context) const;
  // How many of `context` the articles naming `name` were much about.
  size_t SharedContext(const std::string& name,
                       const std::unordered_set<std::string>& context) const;
  std::optional<std::string> Expansion(std::string_view acronym) const;

  EntityAliases aliases_;
  std::vector<CorpusLinkRow> rows_;
  std::unordered_set<std::string> known_;  // "kind\tname\texpansion" of every row
  // Surname -> full person names ending in it.
  std::unordered_map<std::string, std::vector<std::string>> people_by_surname_;
  // Initials -> multi-word ORG/PLACE names with those initials.
  std::unordered_map<std::string, std::vector<std::string>> names_by_initials_;
  // Acronym -> expansions articles gave for it.
  std::unordered_map<std::string, std::vector<std::string>> spelled_out_;
  // One-word organization names.
  std::unordered_set<std::string> organizations_;
  // One-word person name -> the ids of their own that earlier articles gave it.
  std::unordered_map<std::string, std::vector<std::string>> one_word_ids_;
  // Full person name or one-word organization -> ids of the people and organizations
  // the articles naming it were most about.
  std::unordered_map<std::string, std::unordered_set<std::string>> contexts_;
};

}  // namespace storyline
