#include "extract/events/event_words.h"

#include <algorithm>
#include <initializer_list>
#include <optional>

#include "extract/events/event_lexicon.h"

namespace storyline {
namespace {

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// ASCII lower case, with the curly apostrophe of clitics folded to the straight one so
// that "’s" and "'s" look alike.
std::string FoldWord(std::string_view word) {
  std::string folded(word);
  for (char& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  // The tokenizer splits clitics off, so only whole clitic tokens carry the apostrophe.
  if (folded == "\xE2\x80\x99s") return "'s";
  if (folded == "n\xE2\x80\x99t") return "n't";
  return folded;
}

bool IsActorType(std::string_view type) {
  return type == "PERSON" || type == "ORG" || type == "PLACE";
}

// Heads that stand for the entity named right before them: "Hamas negotiators",
// "Israeli forces", "Biden administration officials".
bool IsGroupNoun(std::string_view lower_word) {
  static constexpr std::string_view kGroupNouns[] = {
      "officials",   "official",  "negotiators", "negotiator",   "representatives",
      "delegation",  "delegates", "leaders",     "leader",       "forces",
      "troops",      "military",  "army",        "government",   "administration",
      "team",        "envoy",     "envoys",      "aides",        "advisers",
      "advisors",    "spokesman", "spokeswoman", "spokesperson", "ministry",
      "office",      "cabinet",   "militants",   "fighters",     "police",
      "authorities", "jets",      "warplanes",   "drones"};
  return std::find(std::begin(kGroupNouns), std::end(kGroupNouns), lower_word) !=
         std::end(kGroupNouns);
}

// Marks with `value` every token inside [start, end) and returns nothing; tokens are in
// text order, so the first one is found by binary search.
template <typename Marks, typename Value>
void MarkTokens(const std::vector<Token>& tokens, Span span, Marks& marks, Value value) {
  auto it = std::partition_point(tokens.begin(), tokens.end(),
                                 [&](const Token& t) { return t.start < span.start; });
  for (; it != tokens.end() && it->end <= span.end; ++it) marks[it - tokens.begin()] = value;
}

// Words that Title Case capitalises or not as it likes, which say nothing about it.
bool IsMinorTitleWord(std::string_view lower_word) {
  return OneOf(lower_word, {"a", "an", "the", "and", "or", "of", "in", "on", "at", "by", "for",
                            "to", "with", "from", "as", "vs"});
}

bool EndsWithStop(std::string_view lower_word) {
  return OneOf(lower_word, {".", "!", "?", "...", "\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99", ")"});
}

// The longest line without a final stop that still reads as a headline.
constexpr int kMaxHeadlineTokens = 25;

// The tag a function word of a Title-Case headline has in prose, or nullopt.
std::optional<PosTag> FunctionWordTag(std::string_view lower_word) {
  if (OneOf(lower_word, {"of", "in", "by", "at", "on", "for", "after", "near", "with", "from",
                         "over", "during", "into", "outside", "inside", "amid"})) {
    return PosTag{"ADP", "IN"};
  }
  if (OneOf(lower_word, {"and", "or", "&"})) return PosTag{"CCONJ", "CC"};
  if (OneOf(lower_word, {"is", "are"})) return PosTag{"AUX", "VBZ"};
  if (OneOf(lower_word, {"was", "were"})) return PosTag{"AUX", "VBD"};
  if (lower_word == "to") return PosTag{"PART", "TO"};
  return std::nullopt;
}

// The tag a lexicon word of a headline has in prose, or nullopt to keep the tagger's:
// see the constructor's contract in the header.
std::optional<PosTag> HeadlineWordTag(std::string_view lower_word, std::string_view xpos,
                                      bool title_case) {
  if (!xpos.starts_with("NN")) return std::nullopt;
  const bool proper = xpos == "NNP" || xpos == "NNPS";
  if (title_case && proper) {
    if (LookupEventTrigger(lower_word, TriggerWordClass::kNoun)) return PosTag{"NOUN", "NN"};
    if (const std::optional<PosTag> tag = FunctionWordTag(lower_word)) return tag;
  }
  // A headline's verb of saying ("White House Announces Breakthrough") repeats the
  // statement its article reports, dated and with its words: only the article's counts.
  const std::optional<EventTriggerWord> verb =
      LookupEventTrigger(lower_word, TriggerWordClass::kVerb);
  if (!verb || verb->type == "STATEMENT") return std::nullopt;
  if (!IsUnambiguousVerbForm(lower_word) && !(title_case && proper)) return std::nullopt;
  if (lower_word.ends_with("s")) return PosTag{"VERB", "VBZ"};
  if (lower_word.ends_with("ed") || IsUnambiguousVerbForm(lower_word)) {
    return PosTag{"VERB", "VBN"};
  }
  return PosTag{"VERB", "VB"};
}

}  // namespace

EventWords::EventWords(std::string_view text, const TokenizedText& tokens,
                       std::span<const PosTag> tags, std::span<const EntityMention> entities,
                       std::span<const TimeExpression> times, std::span<const Dependency> deps)
    : own_tags_(tags.size() == tokens.tokens.size() ? std::vector<PosTag>(tags.begin(), tags.end())
                                                    : std::vector<PosTag>()),
      tags_(own_tags_),
      entities_(entities),
      deps_(deps.size() == tokens.tokens.size() ? deps : std::span<const Dependency>()),
      entity_of_token_(tokens.tokens.size(), -1),
      in_time_(tokens.tokens.size(), false),
      headline_(tokens.tokens.size(), false),
      title_case_(tokens.tokens.size(), false),
      web_address_(tokens.tokens.size(), false) {
  lower_.reserve(tokens.tokens.size());
  for (const Token& token : tokens.tokens) {
    lower_.push_back(token.end <= text.size() && token.start <= token.end ? FoldWord(token.In(text))
                                                                          : std::string());
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    if (!IsActorType(entities[e].type) || entities[e].entity.empty()) continue;
    MarkTokens(tokens.tokens, entities[e].span, entity_of_token_, static_cast<int>(e));
  }
  // Durations stay inside noun phrases ("a 30-minute call"); dates and clock times end
  // them ("met Netanyahu Monday").
  for (const TimeExpression& time : times) {
    if (time.kind != "DURATION") MarkTokens(tokens.tokens, time.span, in_time_, true);
  }
  ReadHeadlines(text, tokens);
}

void EventWords::ReadHeadlines(std::string_view text, const TokenizedText& tokens) {
  for (const Sentence& sentence : tokens.sentences) {
    const int first = static_cast<int>(sentence.first_token);
    const int end = static_cast<int>(sentence.end_token);
    if (first < 0 || end > size() || first >= end) continue;
    if (OneOf(Lower(first), {"http", "https", "www"})) {
      std::fill(web_address_.begin() + first, web_address_.begin() + end, true);
      continue;
    }
    int words = 0;
    int capitalized = 0;
    for (int k = first; k < end; ++k) {
      const Token& token = tokens.tokens[k];
      if (token.end > text.size() || token.start >= token.end) continue;
      const char c = text[token.start];
      const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (!letter || IsMinorTitleWord(Lower(k))) continue;
      ++words;
      if (c >= 'A' && c <= 'Z') ++capitalized;
    }
    constexpr int kMinTitleWords = 3;
    const bool title_case = words >= kMinTitleWords && capitalized * 4 >= words * 3;
    const bool unstopped = !EndsWithStop(Lower(end - 1)) && end - first <= kMaxHeadlineTokens;
    if (!title_case && !unstopped) continue;
    for (int k = first; k < end; ++k) {
      headline_[k] = true;
      title_case_[k] = title_case;
      if (own_tags_.empty() || EntityAt(k) >= 0) continue;
      if (const std::optional<PosTag> tag =
              HeadlineWordTag(Lower(k), own_tags_[k].xpos, title_case)) {
        own_tags_[k] = *tag;
      }
    }
    for (int k = first + 1; k + 1 < end; ++k) {
      if (IsHarmBetweenPeople(k, end)) own_tags_[k] = PosTag{"VERB", "VBZ"};
    }
  }
}

bool EventWords::NamesPersonAt(int k) const {
  if (EntityAt(k) >= 0) return entities_[static_cast<size_t>(EntityAt(k))].type == "PERSON";
  return IsPersonWord(Lower(k));
}

bool EventWords::IsHarmBetweenPeople(int k, int end) const {
  if (own_tags_.empty() || EntityAt(k) >= 0 || own_tags_[k].xpos != "NNS") return false;
  const std::optional<EventTriggerWord> verb =
      LookupEventTrigger(Lower(k), TriggerWordClass::kVerb);
  if (!verb || verb->type != "ATTACK" || !NamesPersonAt(k - 1)) return false;
  constexpr int kReach = 6;  // "shoots 8-year - old boy"
  for (int j = k + 1; j < end && j <= k + kReach; ++j) {
    if (NamesPersonAt(j)) return true;
    const std::string_view upos = own_tags_[j].upos;
    if (upos != "DET" && upos != "NUM" && upos != "ADJ" && upos != "NOUN" && upos != "PROPN" &&
        upos != "PRON" && own_tags_[j].xpos != "HYPH") {
      return false;
    }
  }
  return false;
}

int EventWords::Dependent(int head, std::string_view label, int first, int end) const {
  for (int k = first; k < end; ++k) {
    if (Parsed(k) && Head(k) == head && Label(k) == label) return k;
  }
  return -1;
}

std::string_view EventWords::CaseOf(int d, int first, int end) const {
  const int marker = Dependent(d, "case", first, end);
  return marker < 0 ? std::string_view() : Lower(marker);
}

std::vector<int> EventWords::DependentEntities(int d, int first, int end) const {
  std::vector<int> found;
  const auto add_head = [&](int head) {
    int entity = HeadEntity(head);
    for (std::string_view label : {"appos", "flat"}) {
      if (entity >= 0) break;
      if (const int name = Dependent(head, label, first, end); name >= 0) entity = EntityAt(name);
    }
    if (entity >= 0 && std::find(found.begin(), found.end(), entity) == found.end()) {
      found.push_back(entity);
    }
  };
  add_head(d);
  if (found.empty()) return found;
  // Conjuncts count only in a coordination with "and"/"or" on its last conjunct: a
  // parser may join a dateline to the subject by conj ("SAINT AUBIN, Temsa — Valdoria").
  std::vector<int> conjuncts;
  for (int k = d + 1; k < end; ++k) {
    if (Parsed(k) && Head(k) == d && Label(k) == "conj") conjuncts.push_back(k);
  }
  if (conjuncts.empty() || Dependent(conjuncts.back(), "cc", first, end) < 0) return found;
  for (int k : conjuncts) add_head(k);
  return found;
}

bool EventWords::IsVerb(int i) const { return !HasTags() || Xpos(i).starts_with("VB"); }

bool EventWords::IsNoun(int i) const {
  if (!HasTags() || Xpos(i) == "NN" || Xpos(i) == "NNS") return true;
  return title_case_[i] && (Xpos(i) == "NNP" || Xpos(i) == "NNPS");
}

bool EventWords::IsPunctuation(int i) const {
  if (HasTags()) return Upos(i) == "PUNCT";
  const std::string_view w = Lower(i);
  return w.size() == 1 && (w[0] == ',' || w[0] == ';' || w[0] == ':' || w[0] == '.');
}

bool EventWords::InNounPhrase(int i) const {
  if (InTime(i)) return false;
  if (EntityAt(i) >= 0 || Lower(i) == "'s") return true;
  if (!HasTags()) return Lower(i) == "the" || Lower(i) == "a" || Lower(i) == "an";
  const std::string_view upos = Upos(i);
  return upos == "DET" || upos == "ADJ" || upos == "NOUN" || upos == "PROPN" || upos == "NUM" ||
         Xpos(i) == "HYPH";
}

int EventWords::HeadEntity(int head) const {
  if (EntityAt(head) >= 0) return EntityAt(head);
  int i = head;
  while (i >= 0 && head - i < 2 && IsGroupNoun(Lower(i))) --i;
  if (i == head || i < 0) return -1;
  // "Hamilton police say": the force speaks and acts, not the town it serves.
  if (Lower(head) == "police" && EntityAt(i) >= 0 && entities_[EntityAt(i)].type == "PLACE") {
    return -1;
  }
  return EntityAt(i);
}

std::vector<int> EventWords::PhraseEntitiesFrom(int first, int end) const {
  std::vector<int> found;
  constexpr int kMaxPhrase = 10;
  while (first < end) {
    int last = -1;
    for (int i = first; i < end && i - first < kMaxPhrase && InNounPhrase(i); ++i) last = i;
    if (last < 0) break;
    const int entity = HeadEntity(last);
    if (entity < 0 || (!found.empty() && found.back() == entity)) break;
    found.push_back(entity);
    if (!Is(last + 1, "and")) break;
    first = last + 2;
  }
  return found;
}

std::vector<int> EventWords::PhraseEntitiesEndingAt(int last, int begin) const {
  std::vector<int> found;
  while (last >= begin && InNounPhrase(last)) {
    const int entity = HeadEntity(last);
    if (entity < 0) break;
    found.insert(found.begin(), entity);
    const int start = PhraseStart(last, begin);
    if (!Is(start - 1, "and") || start - 2 < begin) break;
    last = start - 2;
  }
  return found;
}

int EventWords::PhraseStart(int last, int begin) const {
  constexpr int kMaxPhrase = 10;
  int start = last;
  while (start - 1 >= begin && last - start < kMaxPhrase && InNounPhrase(start - 1)) --start;
  return start;
}

}  // namespace storyline
