#include "extract/entities/demonyms.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/links/entity_linker.h"
#include "extract/entities/name_parts.h"
#include "extract/span_index.h"

namespace storyline {
namespace {

// At most this many common nouns between a demonym and the name it describes
// ("Egyptian intelligence chief Abbas Kamel").
constexpr int kMaxNounsBetween = 3;

// The ways a demonym is formed from a place's name: "Ostravan" from "Ostrava", "Israeli"
// from "Israel", "Italian" from "Italy" (the place's final vowel dropped).
constexpr std::string_view kDemonymEndings[] = {"n", "an", "ian", "i", "ese"};
constexpr std::string_view kVowels = "aeiouy";
constexpr size_t kMinPlaceBytes = 4;

// Resolves words to the entity id of the country they stand for, from the lexicon and,
// failing it, from the places and organizations the article names.
class CountryWords {
 public:
  CountryWords(const CountryLexicon& lexicon, const std::vector<EntityMention>& mentions)
      : lexicon_(lexicon) {
    std::vector<Place> places;
    for (const EntityMention& m : mentions) {
      const std::vector<std::string_view> words = SplitNameWords(m.name);
      if ((m.type == "PLACE" || m.type == "ORG") && !words.empty()) {
        places.push_back({words.front(), m.entity, words.size() == 1});
      }
    }
    // A place named by that word alone gives the id ("Ostrava", not "Ostrava Republic");
    // else the first place named with that word.
    std::stable_partition(places.begin(), places.end(),
                          [](const Place& place) { return place.whole_name; });
    for (size_t i = 0; i < places.size(); ++i) {
      if (places[i].word.size() >= kMinPlaceBytes) {
        first_place_.emplace(places[i].word, std::make_pair(i, std::move(places[i].entity)));
      }
    }
  }

  // "Israeli", "Israelis", "Ostravan" -> the country's id.
  std::optional<std::string> OfDemonym(std::string_view word) const {
    if (const auto country = lexicon_.CountryOfDemonym(word)) return EntitySlug(*country);
    if (word.size() < 5 || !std::isupper(static_cast<unsigned char>(word[0]))) return std::nullopt;
    const std::string_view singular = word.ends_with('s') ? word.substr(0, word.size() - 1) : word;
    // The places `singular` can be formed from, by each ending it may have: the stem
    // before the ending, or the stem and a vowel the ending replaced ("Ital" + "y"). Of
    // those the article names, the one first in the places' order gives the id.
    const std::pair<size_t, std::string>* best = nullptr;
    auto consider = [&](std::string_view place) {
      const auto it = first_place_.find(place);
      if (it != first_place_.end() && (best == nullptr || it->second.first < best->first)) {
        best = &it->second;
      }
    };
    std::string with_vowel;
    for (std::string_view ending : kDemonymEndings) {
      if (!singular.ends_with(ending)) continue;
      const std::string_view stem = singular.substr(0, singular.size() - ending.size());
      consider(stem);
      // A dropped vowel: the place is as long as the demonym's stem and a letter, still
      // shorter than the demonym.
      if (ending.size() < 2) continue;
      for (char vowel : kVowels) {
        with_vowel.assign(stem);
        with_vowel += vowel;
        consider(with_vowel);
      }
    }
    if (best == nullptr) return std::nullopt;
    return best->second;
  }

  // A demonym or another name of a country as the first word of a title ("U.S. President").
  std::optional<std::string> OfTitleWord(std::string_view word) const {
    if (auto country = OfDemonym(word)) return country;
    if (const auto country = lexicon_.CountryOfAlias(word)) return EntitySlug(*country);
    return std::nullopt;
  }

 private:
  // The first word of a place or organization the article names ("Ostrava" of "Ostrava
  // Republic"; the recognizer tags a country as either), pointing into the mention.
  struct Place {
    std::string_view word;
    std::string entity;
    bool whole_name;  // `word` is the whole name
  };

  const CountryLexicon& lexicon_;
  // By a place's word, its first place in the order above (whole names first) and the
  // id: looking up the places a demonym may come from, rather than trying each place
  // the article names, keeps the cost linear in the article's length.
  std::unordered_map<std::string_view, std::pair<size_t, std::string>> first_place_;
};

// The demonym before a mention, across at most kMaxNounsBetween lower-case common nouns.
std::optional<std::string> DemonymBefore(std::string_view text, const TokenizedText& tokens,
                                         const std::vector<PosTag>& tags, const CountryWords& words,
                                         uint32_t start) {
  const auto first =
      std::lower_bound(tokens.tokens.begin(), tokens.tokens.end(), start,
                       [](const Token& token, uint32_t offset) { return token.start < offset; });
  size_t k = size_t(first - tokens.tokens.begin());
  for (int nouns = 0; k > 0; ++nouns) {
    --k;
    const std::string_view word = tokens.tokens[k].In(text);
    const bool common_noun = k < tags.size() && tags[k].upos == "NOUN" &&
                             std::islower(static_cast<unsigned char>(word[0]));
    if (!common_noun || nouns == kMaxNounsBetween) return words.OfDemonym(word);
  }
  return std::nullopt;
}

std::optional<std::string> CountryOf(std::string_view text, const TokenizedText& tokens,
                                     const std::vector<PosTag>& tags, const CountryWords& words,
                                     const EntityMention& mention) {
  if (!mention.title.empty()) return words.OfTitleWord(SplitNameWords(mention.title).front());
  const std::vector<std::string_view> name = SplitNameWords(mention.name);
  if (name.size() > 1) {
    if (auto country = words.OfDemonym(name.front())) return country;
  }
  return DemonymBefore(text, tokens, tags, words, mention.span.start);
}

// True when `part`'s words end `whole`'s ("Foreign Minister" in "Valdorian Foreign Minister").
bool EndsWithWords(std::string_view whole, std::string_view part) {
  const std::vector<std::string_view> w = SplitNameWords(whole);
  const std::vector<std::string_view> p = SplitNameWords(part);
  return !p.empty() && p.size() <= w.size() && std::equal(p.begin(), p.end(), w.end() - p.size());
}

// A demonym alone, or the part of a demonym-led title that the recognizer split from the
// PERSON mention `next` it belongs to.
bool IsDemonymMention(std::string_view text, const CountryWords& words,
                      const EntityMention& mention, const EntityMention* next) {
  const std::vector<std::string_view> own = SplitNameWords(mention.text);
  if (own.size() == 1 && words.OfDemonym(own.front())) return true;
  if (next == nullptr || next->type != "PERSON" || next->title.empty() ||
      mention.span.end > next->span.start) {
    return false;
  }
  if (!words.OfDemonym(SplitNameWords(next->title).front())) return false;
  return EndsWithWords(next->title,
                       text.substr(mention.span.start, next->span.start - mention.span.start));
}

// Where the title written right before `person` starts in the text, when it is there
// word for word ("U.S. President" before "Joe Biden").
std::optional<uint32_t> TitleStart(std::string_view text, const EntityMention& person) {
  const size_t length = person.title.size() + 1;
  if (person.title.empty() || person.span.start < length) return std::nullopt;
  const uint32_t start = person.span.start - uint32_t(length);
  if (text.substr(start, length) != person.title + " ") return std::nullopt;
  return start;
}

// The country a title opens with is named there: "U.S." of "U.S. President Joe Biden" is
// a PLACE mention of its own, with the id the article's other mentions of it have.
void AddTitleCountries(std::string_view text, const CountryLexicon& lexicon,
                       std::vector<EntityMention>& mentions) {
  const SpanIndex<EntityMention> by_span(mentions);
  // Per text, the last mention other than a person's written so.
  std::unordered_map<std::string_view, const EntityMention*> last_named;
  for (const EntityMention& o : mentions) {
    if (o.type != "PERSON") last_named[o.text] = &o;
  }
  std::vector<EntityMention> found;
  for (const EntityMention& m : mentions) {
    if (m.type != "PERSON") continue;
    const std::optional<uint32_t> start = TitleStart(text, m);
    if (!start) continue;
    const std::string_view word = SplitNameWords(m.title).front();
    if (!lexicon.CountryOfAlias(word)) continue;
    const Span span{*start, *start + uint32_t(word.size())};
    const std::span<const EntityMention> around = by_span.Around(span);
    const bool covered = std::any_of(around.begin(), around.end(), [&](const EntityMention& o) {
      return o.span.start < span.end && span.start < o.span.end;
    });
    if (covered) continue;
    EntityMention& place = found.emplace_back();
    place.span = span;
    place.text = std::string(word);
    place.type = "PLACE";
    place.name = place.text;
    place.entity = EntitySlug(word);
    if (const auto named = last_named.find(place.text); named != last_named.end()) {
      place.name = named->second->name, place.entity = named->second->entity;
    }
  }
  mentions.insert(mentions.end(), found.begin(), found.end());
  std::stable_sort(
      mentions.begin(), mentions.end(),
      [](const EntityMention& a, const EntityMention& b) { return a.span.start < b.span.start; });
}

}  // namespace

void ApplyDemonyms(std::string_view text, const TokenizedText& tokens,
                   const std::vector<PosTag>& tags, const CountryLexicon& lexicon,
                   std::vector<EntityMention>& mentions) {
  const CountryWords words(lexicon, mentions);
  std::vector<bool> dropped(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention* next = i + 1 < mentions.size() ? &mentions[i + 1] : nullptr;
    dropped[i] = IsDemonymMention(text, words, mentions[i], next);
  }
  std::unordered_map<std::string, std::string> country_of_entity;
  for (size_t i = 0; i < mentions.size(); ++i) {
    EntityMention& m = mentions[i];
    if (dropped[i] || (m.type != "PERSON" && m.type != "ORG")) continue;
    if (auto country = CountryOf(text, tokens, tags, words, m)) {
      m.country = std::move(*country);
      country_of_entity.emplace(m.entity, m.country);
    }
  }
  std::vector<EntityMention> kept;
  kept.reserve(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (dropped[i]) continue;
    EntityMention& m = kept.emplace_back(std::move(mentions[i]));
    const auto it = country_of_entity.find(m.entity);
    if (m.country.empty() && it != country_of_entity.end()) m.country = it->second;
  }
  mentions = std::move(kept);
  AddTitleCountries(text, lexicon, mentions);
}

}  // namespace storyline
