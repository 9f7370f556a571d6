#include "extract/entities/descriptor_organizations.h"

#include <algorithm>
#include <array>

#include "extract/entities/mention_edits.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr size_t kMaxNameWords = 5;

constexpr std::array<std::string_view, 36> kOrganizationNouns = {
    "group",     "groups",       "organization", "organizations", "organisation", "organisations",
    "charity",   "charities",    "agency",       "agencies",      "movement",     "movements",
    "militia",   "militias",     "company",      "companies",     "firm",         "firms",
    "nonprofit", "network",      "union",        "coalition",     "alliance",     "faction",
    "factions",  "broadcaster",  "newspaper",    "airline",       "automaker",    "carmaker",
    "startup",   "manufacturer", "retailer",     "insurer",       "conglomerate", "bank"};

constexpr std::array<std::string_view, 19> kDates = {
    "Monday",  "Tuesday",   "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday",
    "January", "February",  "March",     "April",    "May",     "June",     "July",
    "August",  "September", "October",   "November", "December"};

bool IsProperNoun(std::string_view text, const TokenizedText& tokens,
                  const std::vector<PosTag>& tags, size_t i) {
  return StartsUpper(tokens.tokens[i].In(text)) &&
         (tags[i].upos == "PROPN" || tags[i].xpos == "NNP" || tags[i].xpos == "NNPS");
}

bool Has(const Gazetteer& gazetteer, std::string_view word, GazetteerCategory category) {
  return (gazetteer.Lookup(word) & CategoryBit(category)) != 0;
}

// The first token of the name after the organization noun at `noun`, past "such as",
// "like", "including" and "the".
size_t NameStart(std::string_view text, const TokenizedText& tokens, size_t noun) {
  size_t at = noun + 1;
  auto word = [&](size_t i) {
    return i < tokens.tokens.size() ? tokens.tokens[i].In(text) : std::string_view();
  };
  if (word(at) == "such" && word(at + 1) == "as") {
    at += 2;
  } else if (word(at) == "like" || word(at) == "including") {
    ++at;
  }
  if (word(at) == "the") ++at;
  return at;
}

}  // namespace

void TagDescriptorOrganizations(std::string_view text, const TokenizedText& tokens,
                                const std::vector<PosTag>& tags, const Gazetteer& gazetteer,
                                std::vector<EntityMention>& mentions) {
  MentionEditor editor(text, tokens, mentions);
  for (size_t noun = 0; noun + 1 < tokens.tokens.size(); ++noun) {
    if (!InWordList(kOrganizationNouns, tokens.tokens[noun].In(text))) continue;
    size_t first = NameStart(text, tokens, noun);
    if (first >= tokens.tokens.size() || !IsProperNoun(text, tokens, tags, first)) continue;
    if (Has(gazetteer, tokens.tokens[first].In(text), GazetteerCategory::kDemonym)) ++first;
    size_t end = first;
    bool blocked = false;
    while (end < tokens.tokens.size() && end - first <= kMaxNameWords &&
           IsProperNoun(text, tokens, tags, end) &&
           (end == first || FollowsBySpace(text, tokens, end))) {
      const std::string_view word = tokens.tokens[end].In(text);
      blocked =
          blocked || InWordList(kDates, word) || Has(gazetteer, word, GazetteerCategory::kTitle);
      ++end;
    }
    if (end == first || end - first > kMaxNameWords || blocked ||
        editor.ReachesOutside(first, end)) {
      continue;
    }
    editor.Put(first, end, "ORG");
    noun = end - 1;
  }
}

}  // namespace storyline
