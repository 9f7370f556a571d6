#include "synth/entity_descriptors.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "extract/entities/name_parts.h"
#include "synth/word_keys.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr size_t kMaxModifiers = 3;
constexpr size_t kMaxAppositiveTokens = 10;
constexpr size_t kReferenceReachSentences = 3;

// The entity type a head noun can stand for.
std::string HeadType(std::string_view word) {
  static const std::map<std::string, std::string, std::less<>> kHeads = {
      {"group", "ORG"},          {"movement", "ORG"},
      {"organization", "ORG"},   {"organisation", "ORG"},
      {"militia", "ORG"},        {"faction", "ORG"},
      {"party", "ORG"},          {"union", "ORG"},
      {"guild", "ORG"},          {"association", "ORG"},
      {"company", "ORG"},        {"firm", "ORG"},
      {"agency", "ORG"},         {"authority", "ORG"},
      {"government", "ORG"},     {"administration", "ORG"},
      {"ministry", "ORG"},       {"council", "ORG"},
      {"commission", "ORG"},     {"committee", "ORG"},
      {"court", "ORG"},          {"regime", "ORG"},
      {"army", "ORG"},           {"military", "ORG"},
      {"leader", "PERSON"},      {"president", "PERSON"},
      {"minister", "PERSON"},    {"premier", "PERSON"},
      {"official", "PERSON"},    {"spokesman", "PERSON"},
      {"spokeswoman", "PERSON"}, {"spokesperson", "PERSON"},
      {"chief", "PERSON"},       {"executive", "PERSON"},
      {"negotiator", "PERSON"},  {"envoy", "PERSON"},
      {"diplomat", "PERSON"},    {"mediator", "PERSON"},
      {"mayor", "PERSON"},       {"governor", "PERSON"},
      {"judge", "PERSON"},       {"chairman", "PERSON"},
      {"director", "PERSON"},    {"commander", "PERSON"},
      {"general", "PERSON"},     {"country", "PLACE"},
      {"nation", "PLACE"},       {"city", "PLACE"},
      {"town", "PLACE"},         {"village", "PLACE"},
      {"province", "PLACE"},     {"region", "PLACE"},
      {"territory", "PLACE"},    {"enclave", "PLACE"},
      {"strip", "PLACE"},        {"capital", "PLACE"},
      {"republic", "PLACE"},     {"kingdom", "PLACE"},
      {"state", "PLACE"}};
  const auto it = kHeads.find(AsciiLower(word));
  return it == kHeads.end() ? std::string() : it->second;
}

bool IsArticleWord(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return lower == "the" || lower == "a" || lower == "an";
}

bool IsAppositiveOpener(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return IsArticleWord(lower) || lower == "its" || lower == "his" || lower == "her" ||
         lower == "their";
}

bool IsAppositiveEnd(std::string_view word) {
  static const std::set<std::string, std::less<>> kClauseWords = {"who",   "whom", "which", "that",
                                                                  "where", "when", "said",  "says"};
  return IsClausePunctuation(word) || kClauseWords.contains(AsciiLower(word));
}

// A word that can modify a head noun: letters (with hyphens, dots, apostrophes inside),
// not a function word, not negation.
bool IsModifierWord(std::string_view word) {
  if (word.empty() || HeadType(word).size()) return false;
  const bool word_like = std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  return word_like && !ContentKey(word).empty();
}

bool IsListConjunction(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return lower == "and" || lower == "or";
}

bool IsCapitalized(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

struct MentionTokens {
  const EntityMention* mention;
  size_t first;
  size_t end;
};

class DescriptorFinder {
 public:
  explicit DescriptorFinder(const ArticleTokens& text) : text_(text) {
    in_mention_.assign(text.size(), false);
    described_.assign(text.size(), false);
    for (const EntityMention& mention : text.stored().analysis.entities) {
      if (mention.entity.empty()) continue;
      if (mention.type != "PERSON" && mention.type != "ORG" && mention.type != "PLACE") continue;
      const auto [first, end] = text.TokensOf(mention.span);
      if (first >= end) continue;
      mentions_.push_back({&mention, first, end});
      for (size_t t = first; t < end; ++t) in_mention_[t] = true;
      for (const std::string_view word : SplitNameWords(mention.text)) {
        name_words_.insert(AsciiLower(word));
      }
    }
    std::sort(mentions_.begin(), mentions_.end(),
              [](const MentionTokens& a, const MentionTokens& b) { return a.first < b.first; });
  }

  std::vector<EntityDescriptor> Find() {
    for (const MentionTokens& mention : mentions_) {
      AddTitle(mention);
      AddPrefixBefore(mention);
      AddPrefixAfter(mention);
      AddAppositive(mention);
    }
    AddReferences();
    std::stable_sort(found_.begin(), found_.end(),
                     [](const EntityDescriptor& a, const EntityDescriptor& b) {
                       return a.span.start < b.span.start;
                     });
    return std::move(found_);
  }

 private:
  std::string_view Word(size_t t) const { return text_.Word(t); }
  std::string_view Bytes(Span span) const {
    return std::string_view(text_.stored().article.text).substr(span.start, span.end - span.start);
  }
  std::string KeyOf(size_t first, size_t end) const {
    std::string key;
    for (const char c : AsciiLower(Bytes(text_.SpanOf(first, end)))) {
      const bool space = c == ' ' || c == '\n' || c == '\t';
      if (!space) {
        key.push_back(c);
      } else if (!key.empty() && key.back() != ' ') {
        key.push_back(' ');
      }
    }
    return key;
  }
  void Add(const MentionTokens& mention, std::string kind, std::string key, Span span,
           size_t modifiers) {
    const auto [first, end] = text_.TokensOf(span);
    for (size_t t = first; t < end; ++t) described_[t] = true;
    found_.push_back({mention.mention->entity, std::move(kind), std::move(key), span, modifiers});
  }

  // The linker's title, or, when the store kept none, the capitalized words written
  // just before the name ("Israeli Prime Minister", "Secretary of State", "Mr.").
  std::string TitleOf(const MentionTokens& mention) const {
    if (!mention.mention->title.empty()) return mention.mention->title;
    const size_t sentence_first = text_.SentenceOf(mention.first).first;
    size_t first = mention.first;
    while (first > sentence_first && !in_mention_[first - 1] &&
           (IsCapitalized(Word(first - 1)) || (Word(first - 1) == "of" && first < mention.first))) {
      --first;
    }
    while (first < mention.first && (Word(first) == "of" || ContentKey(Word(first)).empty())) {
      ++first;  // a sentence-opening "The" or "In" is no title
    }
    if (first == mention.first) return {};
    const Span span = text_.SpanOf(first, mention.first);
    return std::string(Bytes(span));
  }

  void AddTitle(const MentionTokens& mention) {
    const EntityMention& m = *mention.mention;
    if (m.type != "PERSON") return;
    const std::string title = TitleOf(mention);
    if (title.empty()) return;
    titles_[m.entity] += " " + AsciiLower(title);
    const std::string& text = text_.stored().article.text;
    const uint32_t from = m.span.start > 100 ? m.span.start - 100 : 0;
    const size_t at = std::string_view(text).substr(from, m.span.start - from).rfind(title);
    const Span span =
        at == std::string_view::npos ? m.span : Span{static_cast<uint32_t>(from + at), m.span.end};
    Add(mention, "title", AsciiLower(title), span, 1);
  }

  // "the Palestinian group Hamas"
  void AddPrefixBefore(const MentionTokens& mention) {
    if (mention.first < 2) return;
    const size_t head = mention.first - 1;
    if (HeadType(Word(head)) != mention.mention->type || in_mention_[head]) return;
    size_t first = head;
    while (first > 0 && head - first < kMaxModifiers && IsModifierWord(Word(first - 1)) &&
           !in_mention_[first - 1]) {
      --first;
    }
    if (first == 0 || !IsArticleWord(Word(first - 1)) || first == head) return;
    Add(mention, "prefix", KeyOf(first, head + 1), text_.SpanOf(first - 1, mention.end),
        head - first);
  }

  // "the Hamas terrorist group"
  void AddPrefixAfter(const MentionTokens& mention) {
    if (mention.first == 0 || AsciiLower(Word(mention.first - 1)) != "the") return;
    size_t head = mention.end;
    while (head < text_.size() && head - mention.end < kMaxModifiers &&
           IsModifierWord(Word(head)) && !in_mention_[head]) {
      ++head;
    }
    if (head >= text_.size() || HeadType(Word(head)) != mention.mention->type) return;
    Add(mention, "prefix", KeyOf(mention.end, head + 1), text_.SpanOf(mention.first - 1, head + 1),
        head - mention.end);
  }

  // A fronted place or time phrase ("In Cairo, the delegation ...") is not an appositive:
  // the name follows a sentence-opening function word.
  bool OpensSentence(const MentionTokens& mention) const {
    const size_t sentence_first = text_.SentenceOf(mention.first).first;
    return mention.first > sentence_first && mention.first <= sentence_first + 2 &&
           ContentKey(Word(sentence_first)).empty();
  }

  // "Hamas, the militant group that ..."
  void AddAppositive(const MentionTokens& mention) {
    const size_t comma = mention.end;
    if (comma + 2 >= text_.size() || Word(comma) != ",") return;
    if (OpensSentence(mention) || (mention.first > 0 && in_mention_[mention.first - 1])) return;
    const size_t first = comma + 1;
    const bool opener = IsAppositiveOpener(Word(first));
    if (!opener && !(HeadType(Word(first)).size() && !IsCapitalized(Word(first)))) return;
    const size_t sentence_end = text_.SentenceOf(first).second;
    size_t end = first + 1;
    while (end < sentence_end && end - first < kMaxAppositiveTokens &&
           !IsAppositiveEnd(Word(end))) {
      const std::string lower = AsciiLower(Word(end));
      if (IsListConjunction(lower) || (in_mention_[end] && end == first + 1)) return;
      ++end;
    }
    if (end - first < 2 || (end - first >= kMaxAppositiveTokens && end < sentence_end)) return;
    if (end + 1 < sentence_end && Word(end) == "," && IsListConjunction(Word(end + 1))) return;
    const size_t key_first = IsArticleWord(Word(first)) ? first + 1 : first;
    Add(mention, "appositive", KeyOf(key_first, end), text_.SpanOf(mention.first, end),
        end - key_first - 1);
  }

  // The entity an unnamed "the <words> <head>" stands for, if any. A person only when a
  // title it was given holds one of the words ("the Israeli leader" for the "Israeli
  // Prime Minister", "the president"): news says "the official" of people it never
  // names. An organization is the most mentioned one named in the last few sentences
  // (news refers back to its main actors), the most recent on a tie.
  const MentionTokens* Antecedent(size_t at, const std::string& type,
                                  const std::vector<std::string>& words) const {
    const size_t sentence = text_.SentenceIndex(at);
    std::map<std::string, int> mentioned;
    const MentionTokens* titled = nullptr;
    const MentionTokens* salient = nullptr;
    for (const MentionTokens& mention : mentions_) {
      if (mention.first >= at) break;
      if (mention.mention->type != type) continue;
      const std::string& entity = mention.mention->entity;
      const int count = ++mentioned[entity];
      const auto title = titles_.find(entity);
      for (const std::string& word : words) {
        if (title != titles_.end() && title->second.find(word) != std::string::npos) {
          titled = &mention;
        }
      }
      const bool in_reach =
          sentence - text_.SentenceIndex(mention.first) <= kReferenceReachSentences;
      if (in_reach && (salient == nullptr || count >= mentioned[salient->mention->entity])) {
        salient = &mention;
      }
    }
    if (type == "PERSON") return titled;
    return titled ? titled : salient;
  }

  // "the militant group", "the Israeli leader". Places are left out: "the city" or "the
  // territory" is too often another place than the last one named.
  void AddReferences() {
    for (size_t t = 0; t + 1 < text_.size(); ++t) {
      if (AsciiLower(Word(t)) != "the" || in_mention_[t + 1] || described_[t]) continue;
      size_t head = t + 1;
      while (head < text_.size() && head - t - 1 < kMaxModifiers && IsModifierWord(Word(head)) &&
             !in_mention_[head]) {
        ++head;
      }
      while (head + 1 < text_.size() && !HeadType(Word(head)).empty() &&
             !HeadType(Word(head + 1)).empty() && !IsCapitalized(Word(head + 1))) {
        ++head;  // "the senior administration official"
      }
      if (head >= text_.size() || in_mention_[head] || IsCapitalized(Word(head))) continue;
      const std::string type = HeadType(Word(head));
      if (type.empty() || type == "PLACE" || ContinuesName(head)) continue;
      std::vector<std::string> words;
      for (size_t m = t + 1; m <= head; ++m) words.push_back(AsciiLower(Word(m)));
      if (NamesSomeone(words, t + 1, head)) continue;
      const MentionTokens* antecedent = Antecedent(t, type, words);
      if (antecedent == nullptr) continue;
      Add(*antecedent, "reference", KeyOf(t + 1, head + 1), text_.SpanOf(t, head + 1),
          head - t - 1);
    }
  }

  // "the group of Seven", "the group Hamas": the head opens a name, not a reference.
  bool ContinuesName(size_t head) const {
    if (head + 1 >= text_.size()) return false;
    return AsciiLower(Word(head + 1)) == "of" || IsCapitalized(Word(head + 1)) ||
           in_mention_[head + 1];
  }

  // "the Biden administration": a capitalized modifier that is a word of a name the
  // article mentions makes the phrase about that name's bearer.
  bool NamesSomeone(const std::vector<std::string>& words, size_t first, size_t head) const {
    for (size_t m = first; m < head; ++m) {
      if (IsCapitalized(Word(m)) && name_words_.count(words[m - first])) return true;
    }
    return false;
  }

  const ArticleTokens& text_;
  std::vector<MentionTokens> mentions_;
  std::vector<bool> in_mention_;
  std::vector<bool> described_;                // inside a title, prefix or appositive already found
  std::set<std::string> name_words_;           // lower-cased words of the article's entity mentions
  std::map<std::string, std::string> titles_;  // entity id -> its titles, lower-cased
  std::vector<EntityDescriptor> found_;
};

}  // namespace

std::vector<EntityDescriptor> FindEntityDescriptors(const ArticleTokens& text) {
  return DescriptorFinder(text).Find();
}

}  // namespace storyline
