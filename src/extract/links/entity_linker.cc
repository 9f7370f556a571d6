#include "extract/links/entity_linker.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "extract/entities/name_parts.h"

namespace storyline {
namespace {

// Words that make up titles and roles before a person's name. Matched case-sensitively
// (titles are capitalized there), so "general" in running text is never taken. Ranks of
// the police and the military are here too: local news names every officer by rank
// ("Cpl. Jane Roe", "Det. Sgt. John Doe"), and a rank left in the name splits one person
// into as many ids as ranks.
constexpr std::string_view kTitleWords[] = {"President",
                                            "Vice",
                                            "Prime",
                                            "Minister",
                                            "Secretary",
                                            "State",
                                            "Defense",
                                            "Defence",
                                            "Foreign",
                                            "Finance",
                                            "Interior",
                                            "Sen.",
                                            "Senator",
                                            "Rep.",
                                            "Representative",
                                            "Gov.",
                                            "Governor",
                                            "Mayor",
                                            "Mr.",
                                            "Mrs.",
                                            "Ms.",
                                            "Dr.",
                                            "Gen.",
                                            "General",
                                            "Lt.",
                                            "Col.",
                                            "Adm.",
                                            "Admiral",
                                            "King",
                                            "Queen",
                                            "Prince",
                                            "Princess",
                                            "Pope",
                                            "Chancellor",
                                            "Sheikh",
                                            "Emir",
                                            "Judge",
                                            "Justice",
                                            "Speaker",
                                            "Leader",
                                            "Chief",
                                            "Ambassador",
                                            "Spokesman",
                                            "Spokeswoman",
                                            "Spokesperson",
                                            "Commissioner",
                                            "Director",
                                            "CEO",
                                            "Chairman",
                                            "Chairwoman",
                                            "Rabbi",
                                            "Rev.",
                                            "Sgt.",
                                            "Capt.",
                                            "Captain",
                                            "Attorney",
                                            "Deputy",
                                            "Acting",
                                            "Former",
                                            "former",
                                            "of",
                                            "the",
                                            "U.S.",
                                            "US",
                                            "UN",
                                            "Majority",
                                            "Cpl.",
                                            "Pvt.",
                                            "Pfc.",
                                            "Spc.",
                                            "Sgt",
                                            "Sergeant",
                                            "Corporal",
                                            "Lieutenant",
                                            "Maj.",
                                            "Cmdr.",
                                            "Commander",
                                            "Colonel",
                                            "Det.",
                                            "Detective",
                                            "Officer",
                                            "Trooper",
                                            "Sheriff",
                                            "Undersheriff",
                                            "Marshal",
                                            "Constable",
                                            "Inspector",
                                            "Agent",
                                            "Special",
                                            "Assistant",
                                            "District",
                                            "County",
                                            "Police",
                                            "Fire",
                                            "Prosecutor",
                                            "Superintendent",
                                            "Coach",
                                            "Prof.",
                                            "Professor",
                                            "Councilman",
                                            "Councilwoman",
                                            "Councilmember",
                                            "Assemblyman",
                                            "Assemblywoman",
                                            "Patrolman",
                                            "Staff"};

bool IsTitleWord(std::string_view word) {
  return std::find(std::begin(kTitleWords), std::end(kTitleWords), word) != std::end(kTitleWords);
}

// Titles that are no one's name when they stand alone: a PERSON mention "Sheriff" or
// "Officer" is a role the recognizer took for a name, and as an entity it would make every
// county's sheriff one person. Titles that are also surnames ("King", "Judge", "General",
// "Marshal") are not among them.
bool IsRoleOnly(std::string_view word) {
  static constexpr std::string_view kRoles[] = {"President",      "Vice",          "Prime",
                                                "Minister",       "Secretary",     "Sen.",
                                                "Senator",        "Rep.",          "Gov.",
                                                "Governor",       "Mayor",         "Mr.",
                                                "Mrs.",           "Ms.",           "Dr.",
                                                "Gen.",           "Lt.",           "Col.",
                                                "Chancellor",     "Ambassador",    "Spokesman",
                                                "Spokeswoman",    "Spokesperson",  "Commissioner",
                                                "Director",       "CEO",           "Chairman",
                                                "Chairwoman",     "Sgt.",          "Capt.",
                                                "Attorney",       "Deputy",        "Cpl.",
                                                "Pvt.",           "Sergeant",      "Corporal",
                                                "Lieutenant",     "Det.",          "Detective",
                                                "Officer",        "Trooper",       "Sheriff",
                                                "Undersheriff",   "Inspector",     "Prosecutor",
                                                "Superintendent", "Coach",         "Professor",
                                                "Councilman",     "Councilwoman",  "Councilmember",
                                                "Assemblyman",    "Assemblywoman", "Patrolman",
                                                "Police",         "County",        "District",
                                                "Acting",         "Former"};
  return std::find(std::begin(kRoles), std::end(kRoles), word) != std::end(kRoles);
}

bool IsHonorific(std::string_view word) {
  return word == "Mr." || word == "Mrs." || word == "Ms." || word == "Dr.";
}

// "Israeli", "Egyptian", "American": nationality adjectives that may head a title
// ("Israeli Prime Minister"). Recognized by shape: capitalized, ending in a demonym suffix.
bool LooksLikeDemonym(std::string_view word) {
  if (word.size() < 4 || !std::isupper(static_cast<unsigned char>(word[0]))) return false;
  for (std::string_view suffix : {"an", "ian", "ese", "ish", "i", "ic"}) {
    if (word.ends_with(suffix)) return true;
  }
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The title written just before a person's name: "U.S. President" in "U.S. President Joe
// Biden", "Secretary of State" in "Secretary of State Antony Blinken". `title_follows` when
// the words from `start` on are already a title, so a demonym may begin this one ("Israeli"
// before a mention "Defense Minister Yoav Gallant").
std::string TitleBefore(std::string_view text, uint32_t start, bool title_follows) {
  std::vector<std::string_view> title;
  size_t end = start;
  for (int k = 0; k < 6; ++k) {
    size_t word_end = end;
    while (word_end > 0 && (text[word_end - 1] == ' ')) --word_end;
    if (word_end == 0 || IsSpace(text[word_end - 1])) break;
    size_t word_start = word_end;
    while (word_start > 0 && !IsSpace(text[word_start - 1])) --word_start;
    const std::string_view word = text.substr(word_start, word_end - word_start);
    const bool demonym_of_title =
        LooksLikeDemonym(word) && (title.empty() ? title_follows : IsTitleWord(title.front()));
    if (!IsTitleWord(word) && !demonym_of_title) break;
    title.insert(title.begin(), word);
    end = word_start;
  }
  while (!title.empty() && (title.front() == "of" || title.front() == "the")) {
    title.erase(title.begin());
  }
  return JoinNameWords(title);
}

// Drops a trailing possessive and, for people, leading title words (moving the span
// start with them); for organizations and places, a leading "the".
void CleanName(std::string_view text, EntityMention& mention) {
  std::string_view name = mention.text;
  for (std::string_view possessive : {"'s", "’s", "'", "’"}) {
    if (name.ends_with(possessive) && name.size() > possessive.size() + 1) {
      name.remove_suffix(possessive.size());
      mention.span.end -= uint32_t(possessive.size());
      break;
    }
  }
  while (!name.empty() && IsSpace(name.back())) {
    name.remove_suffix(1);
    --mention.span.end;
  }
  std::vector<std::string_view> words = SplitNameWords(name);
  if (mention.type == "PERSON") {
    const uint32_t written_start = mention.span.start;
    // A nationality word belongs to the title only when a title word follows it
    // ("Israeli Prime Minister ..."); otherwise it is likely a first name ("Joan Woodson").
    size_t titles = 0;
    while (titles + 1 < words.size() &&
           (IsTitleWord(words[titles]) ||
            (LooksLikeDemonym(words[titles]) && IsTitleWord(words[titles + 1])))) {
      ++titles;
    }
    if (titles > 0) {
      // Roles leave the span ("Secretary of State Antony Blinken" -> "Antony Blinken", as
      // the contract shows); a lone honorific stays, as news corpora annotate it
      // ("Dr. William Glennie").
      const bool honorific_only = titles == 1 && IsHonorific(words[0]);
      if (!honorific_only) mention.span.start += uint32_t(words[titles].data() - name.data());
      mention.title = JoinNameWords({words.begin(), words.begin() + titles});
      words.erase(words.begin(), words.begin() + titles);
    }
    // A title may begin before the mention ("U.S." of "U.S. Secretary of State Antony
    // Blinken" when the recognizer tagged only from "Secretary").
    const std::string before = TitleBefore(text, written_start, !mention.title.empty());
    if (!before.empty()) {
      mention.title = mention.title.empty() ? before : before + " " + mention.title;
    }
  } else if (words.size() > 1 && (words[0] == "the" || words[0] == "The")) {
    words.erase(words.begin());
  }
  // `words` point into the old text: join them before replacing it.
  mention.name = JoinNameWords(words);
  mention.text =
      std::string(text.substr(mention.span.start, mention.span.end - mention.span.start));
}

// True when every word of `short_name` occurs in `long_name` ("Biden" in "Joe Biden").
bool WordsContained(const std::vector<std::string_view>& short_name,
                    const std::vector<std::string_view>& long_name) {
  if (short_name.size() >= long_name.size()) return false;
  return std::all_of(short_name.begin(), short_name.end(), [&](std::string_view w) {
    return std::find(long_name.begin(), long_name.end(), w) != long_name.end();
  });
}

// The distinct names of an article's mentions, with where each occurs: the linking rules
// compare names, so comparing each distinct name once (through indexes by word and by
// initials) keeps their cost linear in the article's length where comparing mention with
// mention was quadratic in it. Views point into the mentions' names.
class ArticleNames {
 public:
  struct Name {
    std::string_view name;
    std::vector<std::string_view> words;
    std::vector<size_t> people;  // indices of the PERSON mentions with this name
    std::vector<size_t> others;  // indices of the other mentions with this name
  };

  explicit ArticleNames(const std::vector<EntityMention>& mentions) {
    std::unordered_map<std::string_view, size_t> index;
    for (size_t i = 0; i < mentions.size(); ++i) {
      const EntityMention& m = mentions[i];
      const auto [it, added] = index.emplace(m.name, names_.size());
      if (added) names_.push_back({m.name, SplitNameWords(m.name), {}, {}});
      Name& name = names_[it->second];
      (m.type == "PERSON" ? name.people : name.others).push_back(i);
    }
  }

  const std::vector<Name>& names() const { return names_; }

  // The indices, in text order, of the PERSON mentions whose name holds every word of
  // `name`'s and more words.
  std::vector<size_t> PeopleContaining(const Name& name) {
    if (!by_person_word_) IndexPersonWords();
    std::vector<size_t> found;
    // Candidates share the least common of the name's words (a name of no words is in
    // every longer one).
    const std::vector<size_t>* candidates = &people_with_words_;
    for (std::string_view word : name.words) {
      const auto it = by_person_word_->find(word);
      if (it == by_person_word_->end()) return found;
      if (it->second.size() < candidates->size()) candidates = &it->second;
    }
    for (size_t other : *candidates) {
      const Name& longer = names_[other];
      if (WordsContained(name.words, longer.words)) {
        found.insert(found.end(), longer.people.begin(), longer.people.end());
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  }

  // The indices, in text order, of the mentions other than PERSON with a longer name
  // whose initials are `acronym` ("Israel Defense Forces" for "IDF").
  std::vector<size_t> ExpansionsOf(std::string_view acronym, size_t length) {
    if (!by_initials_) IndexInitials();
    std::vector<size_t> found;
    const auto it = by_initials_->find(std::string(acronym));
    if (it == by_initials_->end()) return found;
    for (size_t other : it->second) {
      const Name& longer = names_[other];
      if (longer.name.size() > length) {
        found.insert(found.end(), longer.others.begin(), longer.others.end());
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  }

 private:
  void IndexPersonWords() {
    by_person_word_.emplace();
    for (size_t n = 0; n < names_.size(); ++n) {
      const Name& name = names_[n];
      if (name.people.empty() || name.words.empty()) continue;
      people_with_words_.push_back(n);
      for (size_t w = 0; w < name.words.size(); ++w) {
        const auto& words = name.words;
        if (std::find(words.begin(), words.begin() + long(w), words[w]) !=
            words.begin() + long(w)) {
          continue;  // a repeated word lists the name once
        }
        (*by_person_word_)[words[w]].push_back(n);
      }
    }
  }

  void IndexInitials() {
    by_initials_.emplace();
    for (size_t n = 0; n < names_.size(); ++n) {
      if (!names_[n].others.empty()) (*by_initials_)[NameInitials(names_[n].name)].push_back(n);
    }
  }

  std::vector<Name> names_;
  // Built on first use: names of people by each of their words; names of the others by
  // their initials. Both list names in the order of `names_`.
  std::optional<std::unordered_map<std::string_view, std::vector<size_t>>> by_person_word_;
  std::vector<size_t> people_with_words_;
  std::optional<std::unordered_map<std::string, std::vector<size_t>>> by_initials_;
};

// The largest of `sorted` below `i`, and the smallest above it.
void NearestAround(const std::vector<size_t>& sorted, size_t i, std::optional<size_t>& before,
                   std::optional<size_t>& after) {
  const auto above = std::upper_bound(sorted.begin(), sorted.end(), i);
  auto below = std::lower_bound(sorted.begin(), sorted.end(), i);
  if (below != sorted.begin() && (!before || *std::prev(below) > *before)) {
    before = *std::prev(below);
  }
  if (above != sorted.end() && (!after || *above < *after)) after = *above;
}

// The canonical name for each mention, by index: people's partial names resolve to the
// nearest preceding full name that contains them (else any later one), acronyms to a
// matching expansion.
std::vector<std::string> CanonicalNames(const std::vector<EntityMention>& mentions) {
  std::vector<std::string> canonical(mentions.size());
  ArticleNames names(mentions);
  for (const ArticleNames::Name& name : names.names()) {
    const std::string acronym = AcronymLetters(name.name);
    const std::vector<size_t> expansions =
        acronym.empty() ? std::vector<size_t>() : names.ExpansionsOf(acronym, name.name.size());
    const std::vector<size_t> full_names =
        name.people.empty() ? std::vector<size_t>() : names.PeopleContaining(name);
    auto resolve = [&](size_t i, const std::vector<size_t>* person_matches) {
      std::optional<size_t> before;  // the nearest match before mention i
      std::optional<size_t> after;   // the first match after it
      NearestAround(expansions, i, before, after);
      if (person_matches != nullptr) NearestAround(*person_matches, i, before, after);
      canonical[i] = before  ? mentions[*before].name
                     : after ? mentions[*after].name
                             : mentions[i].name;
    };
    for (size_t i : name.people) resolve(i, &full_names);
    for (size_t i : name.others) resolve(i, nullptr);
  }
  return canonical;
}

// One type per name within an article: the recognizer sometimes tags one mention of
// "Rafah" PERSON among several PLACE ones, or a person's surname alone ("Netanyahu") as
// a place. The majority type of identical names wins (ties: the first seen), and a
// single word that is the surname of a person named in full becomes that person.
void AgreeOnTypes(std::vector<EntityMention>& mentions) {
  std::unordered_set<std::string_view> surnames;
  for (const EntityMention& m : mentions) {
    const std::vector<std::string_view> words = SplitNameWords(m.name);
    if (m.type == "PERSON" && words.size() > 1) surnames.insert(words.back());
  }
  // Per name, the votes of its mentions by type, in the order the types are first seen.
  std::unordered_map<std::string_view, std::vector<std::pair<std::string_view, int>>> votes;
  for (const EntityMention& m : mentions) {
    auto& by_type = votes[m.name];
    auto it = std::find_if(by_type.begin(), by_type.end(),
                           [&](const auto& vote) { return vote.first == m.type; });
    if (it == by_type.end()) {
      by_type.emplace_back(m.type, 1);
    } else {
      ++it->second;
    }
  }
  std::vector<std::string> agreed(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const std::string& name = mentions[i].name;
    if (surnames.contains(name)) {
      agreed[i] = "PERSON";
      continue;
    }
    const auto& by_type = votes.at(name);
    agreed[i] = std::max_element(by_type.begin(), by_type.end(), [](const auto& a, const auto& b) {
                  return a.second < b.second;
                })->first;
  }
  for (size_t i = 0; i < mentions.size(); ++i) mentions[i].type = std::move(agreed[i]);
}

}  // namespace

std::string EntitySlug(std::string_view name) {
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()), utf8proc_ssize_t(name.size()),
      &folded, utf8proc_option_t(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
  const std::string_view source =
      length >= 0 ? std::string_view(reinterpret_cast<char*>(folded), length) : name;
  std::string slug;
  for (char c : source) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      slug += char(std::tolower(u));
    } else if (u >= 0x80) {
      slug += c;  // letters of non-Latin scripts stay as they are
    } else if (c == '.' || c == '\'') {
      continue;  // "U.S." -> "us", "O'Brien" -> "obrien"
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  std::free(folded);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

void LinkEntitiesInArticle(std::string_view text, std::vector<EntityMention>& mentions) {
  for (EntityMention& mention : mentions) CleanName(text, mention);
  std::erase_if(mentions, [](const EntityMention& mention) {
    const std::vector<std::string_view> words = SplitNameWords(mention.name);
    // "of" left of "Professor of": a person's name has a capital somewhere.
    const bool lower_case_person =
        mention.type == "PERSON" && std::all_of(words.begin(), words.end(), [](auto word) {
          return std::islower(static_cast<unsigned char>(word.front())) != 0;
        });
    return lower_case_person || std::all_of(words.begin(), words.end(), IsRoleOnly);
  });
  AgreeOnTypes(mentions);
  const std::vector<std::string> canonical = CanonicalNames(mentions);
  for (size_t i = 0; i < mentions.size(); ++i) {
    mentions[i].name = canonical[i];
    mentions[i].entity = EntitySlug(canonical[i]);
  }
}

}  // namespace storyline
