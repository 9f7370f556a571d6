#include "extract/corpus_entity_linker.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <stdexcept>

#include "extract/entity_linker.h"
#include "extract/name_parts.h"
#include "extract/organization_heads.h"

namespace storyline {
namespace {

bool IsGenerationSuffix(std::string_view word) {
  return word == "Jr." || word == "Jr" || word == "Sr." || word == "Sr" || word == "II" ||
         word == "III" || word == "IV";
}

// "Martin Luther King Jr." -> "King": the word a person is called by alone.
std::string_view Surname(const std::vector<std::string_view>& words) {
  if (words.size() > 2 && IsGenerationSuffix(words.back())) return words[words.size() - 2];
  return words.back();
}

// True when `part` is shorter than `full` and its words occur in `full` in order
// ("Joe Biden" in "Joe Robinette Biden").
bool IsPartOf(const std::vector<std::string_view>& part,
              const std::vector<std::string_view>& full) {
  if (part.size() >= full.size()) return false;
  size_t next = 0;
  for (std::string_view word : part) {
    while (next < full.size() && full[next] != word) ++next;
    if (next == full.size()) return false;
    ++next;
  }
  return true;
}

// Words that name a company's legal form or its place in a group rather than the company:
// "General Motors Corporation", "Apple Inc.", "Chrysler Group" and "Ford Motor Company"
// are the companies news calls "General Motors", "Apple", "Chrysler" and "Ford".
bool IsCompanyFormWord(std::string_view word) {
  static constexpr std::string_view kForms[] = {
      "Inc", "Inc.",   "Corp", "Corp.", "Corporation", "Co",    "Co.",     "Company",
      "LLC", "L.L.C.", "Ltd",  "Ltd.",  "Limited",     "plc",   "PLC",     "AG",
      "SA",  "S.A.",   "NV",   "N.V.",  "GmbH",        "Group", "Holding", "Holdings"};
  return std::find(std::begin(kForms), std::end(kForms), word) != std::end(kForms);
}

// The company's name without trailing form words, and without a "Motor" that only came
// before one ("Ford Motor Company", "Toyota Motor Corp."); nullopt when nothing is dropped.
std::optional<std::string> WithoutCompanyForm(std::string_view name) {
  std::vector<std::string_view> words = SplitNameWords(name);
  const size_t original = words.size();
  while (words.size() > 1 && IsCompanyFormWord(words.back())) words.pop_back();
  if (words.size() < original && words.size() > 1 && words.back() == "Motor") words.pop_back();
  if (words.size() == original) return std::nullopt;
  std::string out;
  for (std::string_view word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// "UN Security Council" -> "United Nations Security Council", "U.S. Army" -> "United
// States Army": a name that opens with another name of a country or organization and
// ends in an organization's head noun (not "US Airways") takes the canonical form of its
// first word; nullopt when it does not.
std::optional<std::string> WithCanonicalPrefix(const EntityAliases& aliases,
                                               std::string_view name) {
  const std::vector<std::string_view> words = SplitNameWords(name);
  if (words.size() < 2 || !IsOrganizationHeadNoun(words.back())) return std::nullopt;
  const std::optional<std::string_view> prefix = aliases.Canonical(words.front());
  if (!prefix) return std::nullopt;
  std::string out(*prefix);
  for (size_t i = 1; i < words.size(); ++i) out.append(" ").append(words[i]);
  return out;
}

// The one value of `values` (whose entries are distinct), or nullopt when there is none
// or several.
std::optional<std::string> Unique(const std::vector<std::string>* values) {
  if (values == nullptr || values->size() != 1) return std::nullopt;
  return values->front();
}

template <typename Map>
const std::vector<std::string>* Find(const Map& map, const std::string& key) {
  const auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

// A person's name of one word ("James"): the recognizer found no first name beside it and
// the article named no one in full whose name holds it.
bool IsOneWordPerson(const EntityMention& mention) {
  return mention.type == "PERSON" && SplitNameWords(mention.name).size() == 1;
}

// Whether a mention tells what an article is about well enough to tell two articles
// apart: a person named in full or an organization. Places are left out: two unrelated
// shootings happen in one city.
// Ids of one-word names of people that joined no corpus entity: "james@<article id>".
bool IsArticleLocal(std::string_view id) { return id.find('@') != std::string_view::npos; }

bool IsContextMention(const EntityMention& mention) {
  if (mention.entity.empty() || IsArticleLocal(mention.entity)) return false;
  return mention.type == "ORG" ||
         (mention.type == "PERSON" && SplitNameWords(mention.name).size() > 1);
}

// The ids of the people and organizations an article is most about: the most mentioned
// first (ties: the first mentioned), at most this many.
constexpr size_t kContextIdsLearned = 6;

std::vector<std::string> MainContextIds(const std::vector<EntityMention>& mentions) {
  std::vector<std::pair<std::string, int>> counts;  // in order of first mention
  for (const EntityMention& mention : mentions) {
    if (!IsContextMention(mention)) continue;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [&](const auto& count) { return count.first == mention.entity; });
    if (it == counts.end()) {
      counts.emplace_back(mention.entity, 1);
    } else {
      ++it->second;
    }
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> ids;
  for (size_t i = 0; i < counts.size() && i < kContextIdsLearned; ++i) {
    ids.push_back(counts[i].first);
  }
  return ids;
}

// Names go into a tab-separated table: one with a tab or line break cannot be stored.
bool Storable(std::string_view name) {
  return name.find_first_of("\t\r\n") == std::string_view::npos;
}

}  // namespace

CorpusEntityLinker::CorpusEntityLinker(EntityAliases aliases) : aliases_(std::move(aliases)) {}

std::optional<std::string> CorpusEntityLinker::FullPersonName(std::string_view name) const {
  const std::vector<std::string_view> part = SplitNameWords(name);
  if (part.empty()) return std::nullopt;
  const std::vector<std::string>* candidates = Find(people_by_surname_, std::string(Surname(part)));
  if (candidates == nullptr) return std::nullopt;
  std::vector<std::string> containing;
  for (const std::string& full : *candidates) {
    if (IsPartOf(part, SplitNameWords(full))) containing.push_back(full);
  }
  if (containing.empty()) return std::nullopt;
  // "Joe Biden" and "Joe Robinette Biden" are one person: the fullest name stands for
  // names that are parts of it, and only unrelated full names make `name` ambiguous.
  const auto fullest = std::max_element(
      containing.begin(), containing.end(), [](const std::string& a, const std::string& b) {
        return SplitNameWords(a).size() < SplitNameWords(b).size();
      });
  const std::vector<std::string_view> fullest_words = SplitNameWords(*fullest);
  for (const std::string& full : containing) {
    if (full != *fullest && !IsPartOf(SplitNameWords(full), fullest_words)) return std::nullopt;
  }
  return *fullest;
}

size_t CorpusEntityLinker::SharedContext(const std::string& name,
                                         const std::unordered_set<std::string>& context) const {
  const auto it = contexts_.find(name);
  if (it == contexts_.end()) return 0;
  size_t shared = 0;
  for (const std::string& id : it->second) shared += context.contains(id);
  return shared;
}

std::optional<std::pair<std::string, std::string>> CorpusEntityLinker::OneWordName(
    std::string_view word, const std::unordered_set<std::string>& context) const {
  std::vector<std::string> people;
  if (const std::vector<std::string>* full_names = Find(people_by_surname_, std::string(word))) {
    for (const std::string& full : *full_names) {
      if (SharedContext(full, context) >= kSharedContext) people.push_back(full);
    }
    // A known surname makes the word a person's rather than a company's.
    if (people.empty() && !full_names->empty()) return std::nullopt;
  }
  const bool organization = organizations_.contains(std::string(word)) &&
                            SharedContext(std::string(word), context) >= kSharedOrganizationContext;
  if (organization) {
    if (!people.empty()) return std::nullopt;
    return std::pair{std::string(word), std::string("ORG")};
  }
  if (people.empty()) return std::nullopt;
  // Names that are parts of one fuller name ("Joe Biden", "Joe Robinette Biden") are one
  // person, who takes the fullest.
  const auto fullest = std::max_element(
      people.begin(), people.end(), [](const std::string& a, const std::string& b) {
        return SplitNameWords(a).size() < SplitNameWords(b).size();
      });
  const std::vector<std::string_view> fullest_words = SplitNameWords(*fullest);
  for (const std::string& full : people) {
    if (full != *fullest && !IsPartOf(SplitNameWords(full), fullest_words)) return std::nullopt;
  }
  return std::pair{*fullest, std::string("PERSON")};
}

std::optional<std::string> CorpusEntityLinker::EarlierOneWordName(
    std::string_view word, const std::unordered_set<std::string>& context) const {
  const std::vector<std::string>* earlier = Find(one_word_ids_, std::string(word));
  if (earlier == nullptr) return std::nullopt;
  std::optional<std::string> agreeing;
  for (const std::string& id : *earlier) {
    if (SharedContext(id, context) < kSharedContext) continue;
    if (agreeing) return std::nullopt;
    agreeing = id;
  }
  return agreeing;
}

std::optional<std::string> CorpusEntityLinker::Expansion(std::string_view acronym) const {
  const std::string letters = AcronymLetters(acronym);
  if (letters.empty()) return std::nullopt;
  if (const std::vector<std::string>* spelled = Find(spelled_out_, letters)) return Unique(spelled);
  return Unique(Find(names_by_initials_, letters));
}

void CorpusEntityLinker::Link(std::string_view article_id, std::vector<EntityMention>& mentions) {
  for (EntityMention& mention : mentions) {
    if (IsOneWordPerson(mention)) continue;
    std::optional<std::string> name;
    if (mention.type == "PERSON") {
      name = FullPersonName(mention.name);
    } else {
      if (mention.type == "ORG" || mention.type == "PLACE") {
        if (const auto canonical = aliases_.Canonical(mention.name)) name = std::string(*canonical);
        if (!name) name = WithCanonicalPrefix(aliases_, mention.name);
      }
      if (!name && mention.type == "ORG") name = WithoutCompanyForm(mention.name);
      if (!name) name = Expansion(mention.name);
    }
    if (!name) continue;
    mention.name = std::move(*name);
    mention.entity = EntitySlug(mention.name);
  }
  // One-word names read against the article's other names, once those are linked.
  std::unordered_set<std::string> context;
  for (const EntityMention& mention : mentions) {
    if (IsContextMention(mention)) context.insert(mention.entity);
  }
  for (EntityMention& mention : mentions) {
    if (!IsOneWordPerson(mention)) continue;
    const std::vector<std::string_view> word = SplitNameWords(mention.name);
    // The article's own full name holding the word wins ("King" beside "Martin King").
    const auto in_article = std::find_if(mentions.begin(), mentions.end(), [&](const auto& m) {
      return m.type == "PERSON" && IsPartOf(word, SplitNameWords(m.name));
    });
    if (in_article != mentions.end()) {
      mention.name = in_article->name;
      mention.entity = in_article->entity;
    } else if (auto found = OneWordName(mention.name, context)) {
      mention.name = std::move(found->first);
      mention.type = std::move(found->second);
      mention.entity = EntitySlug(mention.name);
    } else if (auto earlier = EarlierOneWordName(mention.name, context)) {
      mention.entity = std::move(*earlier);
    } else {
      mention.entity = EntitySlug(mention.name) + '@' + EntitySlug(article_id);
    }
  }
  for (const CorpusLinkRow& row : RowsTaughtBy(mentions)) Learn(row);
}

void CorpusEntityLinker::Link(std::string_view article_id, Analysis& analysis) {
  std::unordered_map<std::string, const EntityMention*> relinked;  // old id -> new mention
  std::vector<std::string> old_ids;
  old_ids.reserve(analysis.entities.size());
  for (const EntityMention& mention : analysis.entities) old_ids.push_back(mention.entity);
  Link(article_id, analysis.entities);
  for (size_t i = 0; i < old_ids.size(); ++i) {
    if (analysis.entities[i].entity != old_ids[i]) relinked[old_ids[i]] = &analysis.entities[i];
  }
  if (relinked.empty()) return;
  for (Quote& quote : analysis.quotes) {
    if (!quote.speaker_entity) continue;
    const auto it = relinked.find(*quote.speaker_entity);
    if (it == relinked.end()) continue;
    quote.speaker_entity = it->second->entity;
    quote.speaker = it->second->name;
  }
  for (Event& event : analysis.events) {
    for (EventActor& actor : event.actors) {
      const auto it = relinked.find(actor.entity);
      if (it != relinked.end()) actor.entity = it->second->entity;
    }
  }
}

std::vector<CorpusLinkRow> CorpusEntityLinker::RowsTaughtBy(
    const std::vector<EntityMention>& mentions) {
  std::vector<CorpusLinkRow> rows;
  const std::vector<std::string> context = MainContextIds(mentions);
  std::vector<std::string> taught_context;  // names whose context rows are written
  for (const EntityMention& mention : mentions) {
    if (!Storable(mention.name) || !Storable(mention.text)) continue;
    const size_t words = SplitNameWords(mention.name).size();
    const bool person = mention.type == "PERSON" && words > 1;
    const bool organization = mention.type == "ORG" && words == 1;
    const bool one_word_person = IsOneWordPerson(mention) && IsArticleLocal(mention.entity);
    // Contexts are kept by name, and for one-word names of people by their id.
    const std::string& key = one_word_person ? mention.entity : mention.name;
    if ((person || organization || one_word_person) &&
        std::find(taught_context.begin(), taught_context.end(), key) == taught_context.end()) {
      taught_context.push_back(key);
      if (one_word_person) {
        rows.push_back({"one-word", mention.name, mention.entity});
      } else {
        rows.push_back({person ? "person" : "organization", mention.name, ""});
      }
      for (const std::string& id : context) {
        if (id != mention.entity) rows.push_back({"context", key, id});
      }
    }
    if (mention.type == "PERSON") continue;
    if (words > 1 && NameInitials(mention.name).size() >= 2) {
      rows.push_back({"name", mention.name, ""});
    }
    const std::string letters = AcronymLetters(mention.text);
    if (!letters.empty() && words > 1) rows.push_back({"acronym", letters, mention.name});
  }
  return rows;
}

void CorpusEntityLinker::Learn(const CorpusLinkRow& row) {
  if (!known_.insert(row.kind + '\t' + row.name + '\t' + row.expansion).second) return;
  rows_.push_back(row);
  if (row.kind == "person") {
    people_by_surname_[std::string(Surname(SplitNameWords(row.name)))].push_back(row.name);
  } else if (row.kind == "name") {
    names_by_initials_[NameInitials(row.name)].push_back(row.name);
  } else if (row.kind == "organization") {
    organizations_.insert(row.name);
  } else if (row.kind == "one-word") {
    one_word_ids_[row.name].push_back(row.expansion);
  } else if (row.kind == "context") {
    contexts_[row.name].insert(row.expansion);
  } else {
    spelled_out_[row.name].push_back(row.expansion);
  }
}

void CorpusEntityLinker::Restore(const std::vector<CorpusLinkRow>& rows) {
  rows_.clear();
  known_.clear();
  people_by_surname_.clear();
  names_by_initials_.clear();
  spelled_out_.clear();
  organizations_.clear();
  one_word_ids_.clear();
  contexts_.clear();
  for (const CorpusLinkRow& row : rows) Learn(row);
}

void CorpusEntityLinker::Save(std::ostream& out) const {
  for (const CorpusLinkRow& row : rows_) {
    out << row.kind << '\t' << row.name << '\t' << row.expansion << '\n';
  }
}

void CorpusEntityLinker::Load(std::istream& in, std::string_view source) {
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const size_t first = line.find('\t');
    const size_t second = first == std::string::npos ? first : line.find('\t', first + 1);
    CorpusLinkRow row;
    if (second != std::string::npos && line.find('\t', second + 1) == std::string::npos) {
      row = {line.substr(0, first), line.substr(first + 1, second - first - 1),
             line.substr(second + 1)};
    }
    const bool plain = row.kind == "person" || row.kind == "name" || row.kind == "organization";
    const bool expanded = row.kind == "acronym" || row.kind == "context" || row.kind == "one-word";
    const bool valid = !row.name.empty() &&
                       ((plain && row.expansion.empty()) || (expanded && !row.expansion.empty()));
    if (!valid) {
      throw std::runtime_error(
          std::string(source) + ":" + std::to_string(number) +
          ": expected 'person|name|organization|one-word|acronym|context<TAB>name<TAB>expansion'");
    }
    Learn(row);
  }
}

}  // namespace storyline
