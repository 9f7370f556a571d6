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
};

bool EndsClause(std::string_view word) {
  static const std::set<std::string, std::less<>> kConjunctions = {
      "and", "but", "while", "because", "although", "who", "which", "whereas"};
  return IsClausePunctuation(word) || kConjunctions.contains(AsciiLower(word));
}

bool IsPossessiveMark(std::string_view word) {
  return word == "'s" || word == "'" || word == "\xE2\x80\x99s" || word == "\xE2\x80\x99";
}

// The clause after subject tokens [first, end), as a statement about `entity`.
Statement ReadStatement(const ArticleTokens& text, size_t article, size_t first, size_t end,
                        const std::string& entity, const std::string& name) {
  Statement statement{article, text.SentenceIndex(first), entity, name, {}, false, {}};
  const size_t sentence_end = text.SentenceOf(first).second;
  size_t t = end;
  while (t < sentence_end && IsPossessiveMark(text.Word(t))) ++t;
  const size_t clause_first = t;
  std::set<std::string> keys;
  for (; t < sentence_end && t - clause_first < kClauseTokens && !EndsClause(text.Word(t)); ++t) {
    if (IsNegationCue(text.Word(t)) && t - clause_first < kCueReach && !statement.denial) {
      statement.denial = true;
      keys.clear();
      continue;
    }
    if (IsNegationCue(text.Word(t))) return Statement{};  // mixed polarity: no clear claim
    std::string key = ContentKey(text.Word(t));
    if (!key.empty()) keys.insert(std::move(key));
  }
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
  std::stable_sort(found.begin(), found.end(), [](const Contradiction& a, const Contradiction& b) {
    const bool a_across = a.denial.source != a.assertion.source;
    const bool b_across = b.denial.source != b.assertion.source;
    if (a_across != b_across) return a_across;
    return a.shared.size() > b.shared.size();
  });
  return found;
}

}  // namespace storyline
