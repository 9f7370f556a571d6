#include "extract/entities/entity_type_votes.h"

#include <array>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "extract/entities/mention_edits.h"
#include "extract/entities/name_parts.h"
#include "extract/links/entity_linker.h"

namespace storyline {
namespace {

// The words of the people the article names in two words or more.
std::set<std::string, std::less<>> WordsOfFullNames(const std::vector<EntityMention>& mentions) {
  std::set<std::string, std::less<>> words;
  for (const EntityMention& m : mentions) {
    if (m.type != "PERSON") continue;
    const std::vector<std::string_view> parts = SplitNameWords(m.text);
    if (parts.size() < 2) continue;
    for (std::string_view part : parts) words.emplace(part);
  }
  return words;
}

// Last words of organizations named for a person ("the Obama Administration", "the
// Clinton Foundation"): their first word is the person's name, no sign of a company.
constexpr std::array<std::string_view, 10> kNamedForPersonHeads = {
    "Administration", "Campaign", "Government", "Family",   "Presidency",
    "Foundation",     "Library",  "Center",     "Doctrine", "Institute"};

// The first word of an organization named in two capitalized words or more, when that
// word may be a company's short name: not a place the gazetteer knows ("Stockton Police
// Department" is the city's), and not the person an organization is named for.
std::string_view CompanyShortName(const EntityMention& m, const Gazetteer& gazetteer) {
  const std::vector<std::string_view> words = SplitNameWords(m.text);
  if (words.size() < 2 || InWordList(kNamedForPersonHeads, words.back())) return {};
  for (std::string_view word : words) {
    if (!StartsUpper(word)) return {};
  }
  if ((gazetteer.Lookup(words.front()) & kPlaceCategories) != 0) return {};
  return words.front();
}

bool IsLonePersonWord(const EntityMention& m) {
  return m.type == "PERSON" && m.title.empty() && SplitNameWords(m.text).size() == 1;
}

}  // namespace

void VoteEntityTypes(const Gazetteer& gazetteer, std::vector<EntityMention>& mentions) {
  // Per entity id, how many of its mentions the article types ORG and PLACE; an
  // organization named in two words or more counts for its first word too ("Carlyle"
  // of "the Carlyle Group"), which the linker joins to it across the corpus.
  std::map<std::string, std::pair<int, int>, std::less<>> other_types;
  std::map<std::string, int, std::less<>> named_orgs;  // ORG mentions by id, as written
  for (const EntityMention& m : mentions) {
    if (m.entity.empty()) continue;
    if (m.type == "ORG") {
      ++other_types[m.entity].first;
      ++named_orgs[m.entity];
      const std::string_view short_name = CompanyShortName(m, gazetteer);
      if (!short_name.empty()) ++other_types[EntitySlug(short_name)].first;
    }
    if (m.type == "PLACE") ++other_types[m.entity].second;
  }
  if (other_types.empty()) return;
  const std::set<std::string, std::less<>> full_name_words = WordsOfFullNames(mentions);
  for (EntityMention& m : mentions) {
    if (m.type == "PLACE") {
      // "sold to Airbus partners" among a dozen "Airbus" the article types ORG.
      const auto found = named_orgs.find(m.entity);
      if (found != named_orgs.end() && found->second >= 2 &&
          found->second > other_types[m.entity].second &&
          (gazetteer.Lookup(m.text) & kPlaceCategories) == 0 &&
          (gazetteer.Lookup(m.name) & kPlaceCategories) == 0) {
        m.type = "ORG";
      }
      continue;
    }
    if (!IsLonePersonWord(m) || full_name_words.contains(m.text)) continue;
    const auto found = other_types.find(m.entity);
    if (found == other_types.end()) continue;
    const auto [orgs, places] = found->second;
    if (orgs > places) {
      m.type = "ORG";
    } else if (places > orgs) {
      m.type = "PLACE";
    }
  }
}

}  // namespace storyline
