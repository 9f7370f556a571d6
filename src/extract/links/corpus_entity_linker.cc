#include "extract/links/corpus_entity_linker.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <stdexcept>

#include "extract/links/entity_linker.h"
#include "extract/entities/name_parts.h"
#include "extract/entities/organization_heads.h"

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

// A person's name of one word ("Monroe"): the article named no one in full whose name
// holds it, or the article's linker would have given it that name.
bool IsOneWordPerson(const EntityMention& mention) {
  return mention.type == "PERSON" && SplitNameWords(mention.name).size() == 1;
}

// Whether a mention tells what an article is about well enough to tell two articles
// apart: an organization or a person named in full. Places are left out: unrelated
// stories happen in one city.
bool IsContextMention(const EntityMention& mention) {
  return !mention.entity.empty() &&
         (mention.type == "ORG" ||
          (mention.type == "PERSON" && SplitNameWords(mention.name).size() > 1));
}

// Institutions every kind of story names, written as one word ("Police", "Government",
// "Army", "Parliament"): a shared one says nothing of what two articles are about.
bool IsGenericInstitution(std::string_view name) {
  static constexpr std::string_view kInstitutions[] = {"Police", "Government", "Congress",
                                                       "Senate", "Cabinet",    "Military"};
  return IsOrganizationHeadNoun(name) ||
         std::find(std::begin(kInstitutions), std::end(kInstitutions), name) !=
             std::end(kInstitutions);
}

// "Salvatore and Andrew", "Tom & Jerry": a list of people, not one person's name.
bool NamesSeveralPeople(const std::vector<std::string_view>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](std::string_view word) { return word == "and" || word == "&"; });
}

// The ids of the organizations and people an article is most about, the most mentioned
// first (ties: the first mentioned), at most this many: what a person's full name is
// remembered with.
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

// The word a title ends in, lower-cased: "U.S. President" and "President" give
// "president".
std::string TitleHead(std::string_view title) {
  const std::vector<std::string_view> words = SplitNameWords(title);
  std::string head = words.empty() ? "" : std::string(words.back());
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head;
}

// An acronym of two letters ("DC", "OH", "MD", "DA") stands for too many names to be
// read from the initials of the one name the corpus happens to have shown.
constexpr size_t kMinInitials = 3;

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

std::optional<std::string> CorpusEntityLinker::Expansion(std::string_view acronym) const {
  const std::string letters = AcronymLetters(acronym);
  if (letters.empty()) return std::nullopt;
  if (const std::vector<std::string>* spelled = Find(spelled_out_, letters)) return Unique(spelled);
  if (letters.size() < kMinInitials) return std::nullopt;
  return Unique(Find(names_by_initials_, letters));
}

bool CorpusEntityLinker::IsCommonOrganization(const EntityMention& mention) const {
  if (mention.type != "ORG") return false;
  const bool country_or_union = aliases_.IsCanonicalName(mention.name) ||
                                aliases_.Canonical(mention.name).has_value() ||
                                (!mention.country.empty() && mention.country == mention.entity);
  return country_or_union || IsGenericInstitution(mention.name);
}

bool CorpusEntityLinker::SharesContext(const std::string& full_name,
                                       const std::vector<EntityMention>& mentions) const {
  const std::string id = EntitySlug(full_name);
  const auto known = contexts_.find(full_name);
  return std::any_of(mentions.begin(), mentions.end(), [&](const EntityMention& mention) {
    if (mention.entity == id) return true;  // the article names them in full too
    return known != contexts_.end() && IsContextMention(mention) &&
           !IsCommonOrganization(mention) && known->second.contains(mention.entity);
  });
}

void CorpusEntityLinker::Link(std::vector<EntityMention>& mentions) {
  std::vector<EntityMention*> one_word_people;
  for (EntityMention& mention : mentions) {
    std::optional<std::string> name;
    if (IsOneWordPerson(mention)) {
      one_word_people.push_back(&mention);
      continue;
    }
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
  // Surname -> ids of the people the article names in full with it: a lone surname the
  // article also gives someone else ("Chela Ortiz", "Rosa Ortiz" beside "Ortiz") was left
  // alone by the article's own linker, and another article's full name does not say which
  // member of the family it is.
  std::unordered_map<std::string, std::unordered_set<std::string>> named_in_full;
  for (const EntityMention& mention : mentions) {
    const std::vector<std::string_view> words = SplitNameWords(mention.name);
    if (mention.type == "PERSON" && words.size() > 1) {
      named_in_full[std::string(Surname(words))].insert(mention.entity);
    }
  }
  // A lone surname is as likely another person's ("Monroe" the witness, not the
  // basketball player Donavan Monroe): it takes the full name only where the article
  // shares an organization or a person with an article that named that person in full.
  // Surnames the article writes alone count as context by the full names they stand for:
  // "Biden" beside "Netanyahu" is Joe Biden where an article named Joe Biden with
  // Benjamin Netanyahu.
  std::vector<std::string> people;
  for (const EntityMention* mention : one_word_people) {
    if (const auto name = FullPersonName(mention->name)) people.push_back(EntitySlug(*name));
  }
  for (EntityMention* mention : one_word_people) {
    std::optional<std::string> name = FullPersonName(mention->name);
    if (!name) continue;
    const std::string id = EntitySlug(*name);
    const auto family = named_in_full.find(mention->name);
    if (family != named_in_full.end() &&
        std::any_of(family->second.begin(), family->second.end(),
                    [&](const std::string& other) { return other != id; })) {
      continue;
    }
    const auto known = contexts_.find(*name);
    const bool with_person =
        known != contexts_.end() &&
        std::any_of(people.begin(), people.end(), [&](const std::string& other) {
          return other != id && known->second.contains(other);
        });
    // "President Biden" is the Joe Biden an article called "U.S. President Joe Biden".
    const bool same_title = known != contexts_.end() && !mention->title.empty() &&
                            known->second.contains("title:" + TitleHead(mention->title));
    if (!with_person && !same_title && !SharesContext(*name, mentions)) continue;
    mention->name = std::move(*name);
    mention->entity = EntitySlug(mention->name);
  }
  for (const CorpusLinkRow& row : RowsTaughtBy(mentions)) Learn(row);
}

void CorpusEntityLinker::Link(Analysis& analysis) {
  std::unordered_map<std::string, const EntityMention*> relinked;  // old id -> new mention
  std::vector<std::string> old_ids;
  old_ids.reserve(analysis.entities.size());
  for (const EntityMention& mention : analysis.entities) old_ids.push_back(mention.entity);
  Link(analysis.entities);
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
  for (const EntityMention& mention : mentions) {
    if (!Storable(mention.name) || !Storable(mention.text)) continue;
    const size_t words = SplitNameWords(mention.name).size();
    if (mention.type == "PERSON") {
      if (words > 1 && !NamesSeveralPeople(SplitNameWords(mention.name))) {
        rows.push_back({"person", mention.name, ""});
        for (const std::string& id : context) {
          if (id != mention.entity && Storable(id)) rows.push_back({"context", mention.name, id});
        }
        const std::string title = TitleHead(mention.title);
        if (!title.empty() && Storable(title)) {
          rows.push_back({"context", mention.name, "title:" + title});
        }
      }
      continue;
    }
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
    const bool valid =
        !row.name.empty() &&
        (((row.kind == "person" || row.kind == "name") && row.expansion.empty()) ||
         ((row.kind == "acronym" || row.kind == "context") && !row.expansion.empty()));
    if (!valid) {
      throw std::runtime_error(std::string(source) + ":" + std::to_string(number) +
                               ": expected 'person|name|acronym|context<TAB>name<TAB>expansion'");
    }
    Learn(row);
  }
}

}  // namespace storyline
