#include "extract/entities/entity_senses.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>

#include "extract/links/entity_linker.h"
#include "extract/entities/name_parts.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr std::array<std::string_view, 16> kLocativePrepositions = {
    "in",     "to",     "from",    "at",     "near",    "into", "outside", "inside",
    "around", "across", "through", "toward", "towards", "via",  "within",  "throughout"};

bool IsLocative(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return std::find(kLocativePrepositions.begin(), kLocativePrepositions.end(), lower) !=
         kLocativePrepositions.end();
}

// Index of the first token that starts at or after `offset`.
size_t TokenAt(const TokenizedText& tokens, uint32_t offset) {
  return size_t(std::lower_bound(tokens.tokens.begin(), tokens.tokens.end(), offset,
                                 [](const Token& token, uint32_t at) { return token.start < at; }) -
                tokens.tokens.begin());
}

// Verbs a government does: it speaks, decides, negotiates, pressures, weighs, and uses
// force, law and money on others. A capital that is the subject of another verb is the
// city things happen to ("As Athens burned", "London has been fighting dirty air").
constexpr std::string_view kGovernmentVerbs[] = {
    "say", "announce", "demand", "accuse", "sign", "agree", "warn", "urge", "press", "reject",
    "deny", "insist", "threaten", "condemn", "respond", "claim", "refuse", "approve", "ratify",
    "impose", "sanction", "recognize", "recognise", "vow", "pledge", "promise", "offer", "propose",
    "request", "seek", "expel", "summon", "recall", "order", "decide", "back", "support", "oppose",
    "criticize", "criticise", "welcome", "argue", "acknowledge", "admit", "blame", "retaliate",
    "negotiate", "veto", "dismiss", "suspend", "invite", "send", "deploy", "ban", "abstain",
    "protest", "call", "ask", "tell", "declare", "confirm", "vote", "pressure", "push", "defend",
    "denounce", "halt", "resume", "accept", "want",
    // It weighs, fears and intends.
    "believe", "hope", "fear", "expect", "intend", "consider", "regard", "worry", "concern", "balk",
    "hesitate", "calculate", "ensure", "guarantee", "express",
    // It uses force, law and money on others.
    "invade", "attack", "bomb", "withdraw", "revoke", "grant", "strip", "extradite", "detain",
    "release", "lift", "tighten", "lend", "purchase"};

// Irregular forms of kGovernmentVerbs, to their base.
constexpr std::pair<std::string_view, std::string_view> kIrregularForms[] = {
    {"said", "say"},  {"sought", "seek"},       {"sent", "send"},         {"told", "tell"},
    {"lent", "lend"}, {"withdrew", "withdraw"}, {"withdrawn", "withdraw"}};

bool IsGovernmentVerb(std::string_view word) {
  const std::string lower = AsciiLower(word);
  const auto listed = [](std::string_view base) {
    return std::ranges::find(kGovernmentVerbs, base) != std::end(kGovernmentVerbs);
  };
  for (const auto& [form, base] : kIrregularForms) {
    if (lower == form) return listed(base);
  }
  if (listed(lower)) return true;
  // Regular inflections: "warns", "presses", "urged", "agreed", "denies", "denied".
  const std::string_view w = lower;
  for (const std::string_view suffix : {"s", "es", "d", "ed", "ing"}) {
    if (w.ends_with(suffix) && listed(w.substr(0, w.size() - suffix.size()))) return true;
  }
  for (const std::string_view suffix : {"ed", "ing"}) {
    if (!w.ends_with(suffix)) continue;
    const std::string_view stem = w.substr(0, w.size() - suffix.size());
    if (suffix == "ing" && listed(std::string(stem) + "e")) return true;  // "urging"
    // A doubled last consonant: "stripped", "banning".
    if (stem.size() > 2 && stem.back() == stem[stem.size() - 2] &&
        listed(stem.substr(0, stem.size() - 1))) {
      return true;
    }
  }
  for (const std::string_view suffix : {"ies", "ied"}) {
    if (w.ends_with(suffix) && listed(std::string(w.substr(0, w.size() - 3)) + "y")) return true;
  }
  return false;
}

// Reads the words after a mention to tell whether it is the subject of a verb.
class Clause {
 public:
  Clause(std::string_view text, const TokenizedText& tokens, const std::vector<PosTag>& tags,
         const std::vector<EntityMention>& mentions)
      : text_(text), tokens_(tokens), tags_(tags) {
    for (const EntityMention& m : mentions) mention_end_[m.span.start] = m.span.end;
  }

  // "Washington's proposal".
  bool PossessiveAt(uint32_t offset) const {
    const std::string_view rest = text_.substr(offset);
    return rest.starts_with("'s") || rest.starts_with("’s");
  }

  // True when the mention ending at `offset` is followed, across a list of other
  // mentions ("and Moscow", ", Moscow and Tehran"), adverbs and auxiliaries, by a verb
  // of kGovernmentVerbs that has it as subject.
  bool GovernmentSubjectEndingAt(uint32_t offset) const {
    size_t k = SkipListedMentions(TokenAt(tokens_, offset));
    k = Skip(k, {"ADV", "PART"});
    if (k >= tokens_.tokens.size() || k >= tags_.size()) return false;
    if (tags_[k].upos == "AUX") {
      k = Skip(k, {"AUX", "ADV", "PART"});
      return k < tags_.size() && tags_[k].upos == "VERB" && IsGovernmentVerb(Word(k));
    }
    const std::string_view xpos = tags_[k].xpos;
    return tags_[k].upos == "VERB" && (xpos == "VBD" || xpos == "VBZ" || xpos == "VBP") &&
           IsGovernmentVerb(Word(k));
  }

 private:
  std::string_view Word(size_t k) const { return tokens_.tokens[k].In(text_); }

  size_t Skip(size_t k, std::initializer_list<std::string_view> upos) const {
    while (k < tags_.size() && std::find(upos.begin(), upos.end(), tags_[k].upos) != upos.end()) {
      ++k;
    }
    return k;
  }

  size_t SkipListedMentions(size_t k) const {
    while (k + 1 < tokens_.tokens.size() && (Word(k) == "and" || Word(k) == ",")) {
      const auto next = mention_end_.find(tokens_.tokens[k + 1].start);
      if (next == mention_end_.end()) break;
      k = TokenAt(tokens_, next->second);
    }
    return k;
  }

  std::string_view text_;
  const TokenizedText& tokens_;
  const std::vector<PosTag>& tags_;
  std::unordered_map<uint32_t, uint32_t> mention_end_;  // start -> end of each mention
};

// "in Washington", "to Moscow": the city.
bool AfterLocative(std::string_view text, const TokenizedText& tokens, uint32_t start) {
  const size_t k = TokenAt(tokens, start);
  return k > 0 && IsLocative(tokens.tokens[k - 1].In(text));
}

// Nouns of what a city has or holds, not a state: "Athens police chiefs", "Tehran's
// seismologic center", "the Paris jewellery thieves", "Ashgabat's voting precincts".
constexpr std::array<std::string_view, 30> kCityNouns = {
    "police",   "mayor",      "airport",  "residents", "streets",      "municipality",
    "council",  "university", "hospital", "hospitals", "center",       "centre",
    "precinct", "precincts",  "protest",  "protests",  "protesters",   "march",
    "vigil",    "thieves",    "robbers",  "subway",    "metro",        "zoo",
    "suburb",   "suburbs",    "district", "districts", "neighborhood", "neighbourhood"};

// Whether a noun of kCityNouns follows the mention ending at `offset`, after its
// possessive and at most two modifiers ("seismologic", "jewellery").
bool CityNounAfter(std::string_view text, const TokenizedText& tokens,
                   const std::vector<PosTag>& tags, uint32_t offset) {
  const std::string_view rest = text.substr(offset);
  if (rest.starts_with("'s")) offset += 2;
  if (rest.starts_with("’s")) offset += 4;  // the apostrophe is three bytes
  size_t k = TokenAt(tokens, offset);
  for (size_t seen = 0; k < tokens.tokens.size() && k < tags.size() && seen < 3; ++k, ++seen) {
    const std::string lower = AsciiLower(tokens.tokens[k].In(text));
    if (std::find(kCityNouns.begin(), kCityNouns.end(), lower) != kCityNouns.end()) return true;
    if (tags[k].upos != "ADJ" && tags[k].upos != "NOUN") return false;
  }
  return false;
}

// "Denzel Washington" with only the surname tagged.
bool AfterProperNoun(const TokenizedText& tokens, const std::vector<PosTag>& tags, uint32_t start) {
  const size_t k = TokenAt(tokens, start);
  return k > 0 && k - 1 < tags.size() && tags[k - 1].upos == "PROPN";
}

// "a plan rejected by Tehran": the agent of a passive verb.
bool PassiveAgent(std::string_view text, const TokenizedText& tokens,
                  const std::vector<PosTag>& tags, uint32_t start) {
  const size_t k = TokenAt(tokens, start);
  return k > 1 && k - 2 < tags.size() && tokens.tokens[k - 1].In(text) == "by" &&
         tags[k - 2].xpos == "VBN";
}

// Last words of the people the article names in full ("Washington" of "George Washington").
std::vector<std::string_view> Surnames(const std::vector<EntityMention>& mentions) {
  std::vector<std::string_view> surnames;
  for (const EntityMention& m : mentions) {
    const std::vector<std::string_view> words = SplitNameWords(m.name);
    if (m.type == "PERSON" && words.size() > 1) surnames.push_back(words.back());
  }
  return surnames;
}

}  // namespace

void ResolveCapitalSenses(std::string_view text, const TokenizedText& tokens,
                          const std::vector<PosTag>& tags, const CountryLexicon& lexicon,
                          std::vector<EntityMention>& mentions) {
  const Clause clause(text, tokens, tags, mentions);
  const std::vector<std::string_view> surnames = Surnames(mentions);
  for (EntityMention& m : mentions) {
    const auto country = lexicon.CountryOfCapital(m.text);
    if (!country || AfterProperNoun(tokens, tags, m.span.start)) continue;
    // A capital alone is a person only as the surname of someone the article names in
    // full; otherwise the recognizer's PERSON tag comes from the word's shape.
    if (m.type == "PERSON" &&
        std::find(surnames.begin(), surnames.end(), m.text) != surnames.end()) {
      continue;
    }
    if (AfterLocative(text, tokens, m.span.start) ||
        CityNounAfter(text, tokens, tags, m.span.end)) {
      m.type = "PLACE";
    } else if (clause.PossessiveAt(m.span.end) || clause.GovernmentSubjectEndingAt(m.span.end) ||
               PassiveAgent(text, tokens, tags, m.span.start)) {
      m.type = "ORG";
      m.name = std::string(*country);
      m.entity = EntitySlug(m.name);
      m.country = m.entity;
    }
  }
}

}  // namespace storyline
