#include "synth/contradictions.h"

#include <algorithm>
#include <set>

#include "synth/entity_descriptors.h"
#include "synth/word_keys.h"
#include "text/ascii.h"

namespace storyline {
namespace {

constexpr size_t kClauseTokens = 10;
constexpr size_t kCueReach = 4;
constexpr size_t kMinShared = 2;

struct Statement {
  size_t article = 0;
  size_t sentence = 0;
  std::string entity;
  std::string name;
  Span span;
  bool denial = false;
  std::set<std::string> keys;
  std::string predicate;        // a denial's verb, unless its object carries the claim
  std::set<std::string> verbs;  // PredicateKey of each word of the clause
};

bool EndsClause(std::string_view word) {
  static const std::set<std::string, std::less<>> kConjunctions = {
      "and", "but", "while", "because", "although", "who", "which", "whereas"};
  return IsClausePunctuation(word) || kConjunctions.contains(AsciiLower(word));
}

bool IsPossessiveMark(std::string_view word) {
  return word == "'s" || word == "'" || word == "\xE2\x80\x99s" || word == "\xE2\x80\x99";
}

bool IsApostrophe(std::string_view word) { return word == "'" || word == "\xE2\x80\x99"; }

// Words that may stand between the subject and its negation, or between the negation
// and the denied verb, without saying anything of their own: "Hamas has not issued",
// "Ross would definitely not be returning", "has yet to".
bool IsAuxiliary(std::string_view word) {
  static const std::set<std::string, std::less<>> kAuxiliaries = {
      "is",    "was",  "were", "are",  "am",    "be",    "been",   "being", "has", "have",  "had",
      "do",    "does", "did",  "will", "would", "could", "should", "can",   "may", "might", "must",
      "shall", "ever", "even", "to",   "also",  "still", "again",  "yet",   "wo",  "ca",    "sha"};
  const std::string lower = AsciiLower(word);
  return kAuxiliaries.contains(lower) || (lower.size() > 4 && lower.ends_with("ly"));
}

// "didn ' t", "wasn ’ t": a contraction a re-tokenized text wrote apart.
bool IsSplitContraction(const ArticleTokens& text, size_t t, size_t end) {
  const std::string lower = AsciiLower(text.Word(t));
  return lower.size() >= 2 && lower.back() == 'n' && t + 2 < end &&
         IsApostrophe(text.Word(t + 1)) && AsciiLower(text.Word(t + 2)) == "t";
}

// How a negation cue at token t reads.
enum class CueReading {
  kNone,      // no cue: "yet another", "No. 1"
  kDenial,    // "has not issued"
  kEmphasis,  // "not only", "not just", "no doubt": the clause asserts
  kHedge,     // "not yet", "no longer", "not completely": partial, or about when; no claim
};

CueReading ReadCue(const ArticleTokens& text, size_t t, size_t end) {
  static const std::set<std::string, std::less<>> kEmphasis = {
      "not only",  "not just",   "not merely",    "not simply",       "not least",
      "not to",    "no doubt",   "no question",   "no less",          "no fewer",
      "no more",   "none other", "without doubt", "without question", "nothing short",
      "no matter", "not unlike", "never before"};
  static const std::set<std::string, std::less<>> kHedges = {
      "not yet",     "no longer",       "not completely", "not entirely", "not fully",
      "not quite",   "not necessarily", "not always",     "not all",      "not immediately",
      "not until",   "not clear",       "not known",      "not much",     "not many",
      "not exactly", "not far",         "not as",         "not so",       "not sure",
      "never been"};
  const std::string lower = AsciiLower(text.Word(t));
  const std::string next = t + 1 < end ? AsciiLower(text.Word(t + 1)) : std::string();
  if (IsSplitContraction(text, t, end)) {
    const std::string after = t + 3 < end ? AsciiLower(text.Word(t + 3)) : std::string();
    if (kEmphasis.contains("not " + after)) return CueReading::kEmphasis;
    return kHedges.contains("not " + after) ? CueReading::kHedge : CueReading::kDenial;
  }
  if (!IsNegationCue(lower)) return CueReading::kNone;
  if (lower == "yet") return next == "to" ? CueReading::kDenial : CueReading::kNone;
  if (lower == "no" && (next == "." || ContentKey(next).empty())) {
    return next == "." || next.empty() || (next[0] >= '0' && next[0] <= '9') ? CueReading::kNone
                                                                             : CueReading::kDenial;
  }
  const std::string cue = (lower == "n't" || lower == "n\xE2\x80\x99t") ? "not" : lower;
  if (kEmphasis.contains(cue + " " + next)) return CueReading::kEmphasis;
  if (kHedges.contains(cue + " " + next)) return CueReading::kHedge;
  return CueReading::kDenial;
}

// "only", "just": after a negation it denies the restriction ("has not sent only three
// observers"), as "not only" does, not the verb.
bool IsRestriction(std::string_view word) {
  const std::string lower = AsciiLower(word);
  return lower == "only" || lower == "just" || lower == "merely" || lower == "solely";
}

// Verbs whose object carries the claim: "has not issued any new demands" denies the
// demands, which "Hamas' new demands" asserts without the verb.
bool IsLightVerb(const std::string& key) {
  static const std::set<std::string, std::less<>> kLight = {
      "issu", "make", "have", "give",   "take",   "get",    "offer",  "hold",
      "pos",  "put",  "rais", "provid", "receiv", "submit", "present"};
  return kLight.contains(key);
}

// Verbs that deny by meaning ("refused", "pulled out", "discounted"): a clause holding
// one is no plain assertion, and a denial holding one denies a denial.
bool IsDenyingVerb(std::string_view word) {
  static const std::set<std::string, std::less<>> kDenying = {
      "refus",   "declin",   "reject", "withdrew", "withdraw", "withdrawn", "quit",    "abandon",
      "dismiss", "discount", "fail",   "pull",     "drop",     "cancel",    "cancell", "scrap",
      "halt",    "stop",     "deni",   "disput",   "contest",  "oppos"};
  const std::string key = PredicateKey(AsciiLower(word));
  return !key.empty() && kDenying.contains(key);
}

// True when the sentence holding `token` denies something anywhere ("Ross was in
// negotiations to direct the sequel, but was not able to come to an agreement"): what
// it asserts comes with a qualification, so it is no plain assertion.
bool SentenceDenies(const ArticleTokens& text, size_t token) {
  const auto [first, end] = text.SentenceOf(token);
  for (size_t t = first; t < end; ++t) {
    const CueReading cue = ReadCue(text, t, end);
    if (cue == CueReading::kDenial || cue == CueReading::kHedge) return true;
  }
  return false;
}

// The clause after subject tokens [first, end), as a statement about `entity`. A denial
// negates the subject's own verb ("Hamas has not issued"): a cue after another verb
// ("agreed not to", "insisted he was not") or a hedge makes the clause no claim at all.
Statement ReadStatement(const ArticleTokens& text, size_t article, size_t first, size_t end,
                        const std::string& entity, const std::string& name) {
  Statement statement{article, text.SentenceIndex(first), entity, name, {}, false, {}, {}, {}};
  const size_t sentence_end = text.SentenceOf(first).second;
  size_t t = end;
  while (t < sentence_end && IsPossessiveMark(text.Word(t))) ++t;
  const size_t clause_first = t;
  bool only_auxiliaries = true;
  bool after_cue = false;
  std::set<std::string> keys;
  for (; t < sentence_end && t - clause_first < kClauseTokens && !EndsClause(text.Word(t)); ++t) {
    const CueReading cue = ReadCue(text, t, sentence_end);
    if (cue == CueReading::kHedge) return Statement{};
    if (cue == CueReading::kEmphasis) {
      ++t;  // "not only": the clause goes on asserting
      continue;
    }
    if (cue == CueReading::kDenial) {
      if (statement.denial || !only_auxiliaries || t - clause_first >= kCueReach) {
        return Statement{};  // mixed polarity, or another verb's negation: no clear claim
      }
      statement.denial = true;
      after_cue = true;
      keys.clear();
      if (IsSplitContraction(text, t, sentence_end)) t += 2;
      continue;
    }
    const std::string_view word = text.Word(t);
    if (IsDenyingVerb(word)) return Statement{};
    if (statement.denial && IsRestriction(word)) return Statement{};  // "has not sent only three"
    if (after_cue && IsAuxiliary(word)) continue;
    if (after_cue) {
      // The denied verb: a reporting verb or a number says nothing checkable.
      const std::string predicate = PredicateKey(AsciiLower(word));
      if (predicate.empty()) return Statement{};
      if (!IsLightVerb(predicate)) statement.predicate = predicate;
      after_cue = false;
    }
    if (!IsAuxiliary(word)) only_auxiliaries = false;
    if (std::string verb = PredicateKey(AsciiLower(word)); !verb.empty()) {
      statement.verbs.insert(std::move(verb));
    }
    std::string key = ContentKey(word);
    if (!key.empty()) keys.insert(std::move(key));
  }
  if (after_cue) return Statement{};
  if (!statement.denial && SentenceDenies(text, first)) return Statement{};
  statement.span = text.SpanOf(first, std::max(t, end));
  statement.keys = std::move(keys);
  return statement;
}

// The canonical name, else the longest mention (the store may keep no canonical name).
std::string NameOf(const ArticleTokens& text, const std::string& entity) {
  std::string name;
  for (const EntityMention& mention : text.stored().analysis.entities) {
    if (mention.entity != entity) continue;
    if (!mention.name.empty()) return mention.name;
    if (mention.text.size() > name.size()) name = mention.text;
  }
  return name.empty() ? entity : name;
}

std::vector<Statement> ReadStatements(const std::vector<ArticleTokens>& articles) {
  std::vector<Statement> statements;
  for (size_t a = 0; a < articles.size(); ++a) {
    const ArticleTokens& text = articles[a];
    for (const EntityMention& mention : text.stored().analysis.entities) {
      if (mention.entity.empty()) continue;
      const auto [first, end] = text.TokensOf(mention.span);
      if (first >= end) continue;
      statements.push_back(
          ReadStatement(text, a, first, end, mention.entity, NameOf(text, mention.entity)));
    }
    for (const EntityDescriptor& reference : FindEntityDescriptors(text)) {
      if (reference.kind != "reference") continue;
      const auto [first, end] = text.TokensOf(reference.span);
      statements.push_back(
          ReadStatement(text, a, first, end, reference.entity, NameOf(text, reference.entity)));
    }
  }
  std::erase_if(statements, [](const Statement& s) { return s.keys.empty(); });
  return statements;
}

std::vector<std::string> SharedKeys(const Statement& a, const Statement& b) {
  std::vector<std::string> shared;
  std::set_intersection(a.keys.begin(), a.keys.end(), b.keys.begin(), b.keys.end(),
                        std::back_inserter(shared));
  return shared;
}

bool Contradicts(const Statement& denial, const Statement& assertion,
                 const std::vector<std::string>& shared) {
  if (denial.entity != assertion.entity || assertion.denial) return false;
  if (denial.article == assertion.article && denial.sentence == assertion.sentence) return false;
  if (!denial.predicate.empty() && !assertion.verbs.contains(denial.predicate)) return false;
  return shared.size() >= kMinShared && 2 * shared.size() >= denial.keys.size();
}

}  // namespace

std::vector<Contradiction> FindContradictions(const std::vector<ArticleTokens>& articles) {
  const std::vector<Statement> statements = ReadStatements(articles);
  std::vector<Contradiction> found;
  for (const Statement& denial : statements) {
    if (!denial.denial) continue;
    std::vector<const Statement*> best(articles.size(), nullptr);
    std::vector<std::vector<std::string>> best_shared(articles.size());
    for (const Statement& assertion : statements) {
      std::vector<std::string> shared = SharedKeys(denial, assertion);
      if (!Contradicts(denial, assertion, shared)) continue;
      if (best[assertion.article] && best_shared[assertion.article].size() >= shared.size()) {
        continue;
      }
      best[assertion.article] = &assertion;
      best_shared[assertion.article] = std::move(shared);
    }
    for (size_t a = 0; a < articles.size(); ++a) {
      if (!best[a]) continue;
      found.push_back({denial.entity, denial.name,
                       Cite(articles[denial.article].stored(), denial.span),
                       Cite(articles[a].stored(), best[a]->span), best_shared[a]});
    }
  }
  const auto across = [](const Contradiction& c) {
    return c.denial.source != c.assertion.source && IsKnownOutlet(c.denial.source) &&
           IsKnownOutlet(c.assertion.source);
  };
  std::stable_sort(found.begin(), found.end(), [&](const Contradiction& a, const Contradiction& b) {
    const bool a_across = across(a);
    const bool b_across = across(b);
    if (a_across != b_across) return a_across;
    return a.shared.size() > b.shared.size();
  });
  return found;
}

}  // namespace storyline
