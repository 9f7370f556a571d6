#include "synth/story_summary.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "story/story_features.h"
#include "story/tfidf_vocabulary.h"
#include "text/tokenizer.h"

namespace storyline {
namespace {

constexpr int kMinWords = 8;   // shorter: bylines, captions, fragments
constexpr int kMaxWords = 60;  // longer: run-on lists a reader skims past
constexpr double kMaxQuotedShare = 0.5;
constexpr double kLeadBonus = 0.4;        // a score is scaled by 1 + kLeadBonus / (1 + position)
constexpr double kRelevanceWeight = 0.7;  // MMR's lambda: relevance against redundancy
constexpr double kMaxSimilarity = 0.5;    // closer to a chosen sentence: a restatement
// Redundancy a sentence carries, at the least, from a chosen sentence of the same article,
// or of another article published the same day: a summary should span the story's
// outlets and days, not retell one report.
constexpr double kSameArticleRedundancy = 0.4;
constexpr double kSameDayRedundancy = 0.2;
constexpr size_t kDatelineBytes = 48;

struct SentenceInfo {
  size_t article = 0;              // index into the story's articles
  std::optional<std::string> day;  // its article's published day
  int position = 0;                // index among its article's prose sentences
  Span span;
  SparseVector words;  // unit length; empty when the sentence has no content words
  bool candidate = false;
  double score = 0;
};

bool HasAsciiAlnum(std::string_view token) {
  return std::any_of(token.begin(), token.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  });
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// "KESSEL, Valdoria (CPA)", "WASHINGTON, Aug 21 (Reuters)": a place in capitals, then
// only capitalized words, numbers and bracketed agency names.
bool IsDateline(std::string_view text) {
  bool first = true;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (first && (word.size() < 3 || !std::all_of(word.begin(), word.end(), [](char c) {
                    return IsAsciiUpper(c) || c == ',' || c == '.';
                  }))) {
      return false;
    }
    first = false;
    const char lead = word.front();
    if (!IsAsciiUpper(lead) && lead != '(' && !(lead >= '0' && lead <= '9')) return false;
  }
  return !first;
}

// A sentence ends like prose: ".", "!", "?" or an ellipsis, maybe inside closing quotes
// or brackets. Headlines and captions do not.
bool EndsLikeProse(std::string_view text) {
  constexpr std::string_view kClosers[] = {"\"", "'", ")", "]", "\u201d", "\u2019"};
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view closer : kClosers) {
      if (text.ends_with(closer)) {
        text.remove_suffix(closer.size());
        stripped = true;
      }
    }
  }
  return text.ends_with(".") || text.ends_with("!") || text.ends_with("?") ||
         text.ends_with("\u2026");
}

// "CAIRO — Egyptian mediators ..." starts at "Egyptian": a dateline before a dash is a
// place tag, not part of the sentence.
uint32_t AfterDateline(std::string_view text, Span span) {
  const std::string_view sentence = text.substr(span.start, span.end - span.start);
  for (std::string_view dash : {" \u2014 ", " \u2013 ", " - "}) {
    const size_t at = sentence.find(dash);
    if (at == std::string_view::npos || at > kDatelineBytes) continue;
    if (!IsDateline(sentence.substr(0, at))) return span.start;
    return span.start + static_cast<uint32_t>(at + dash.size());
  }
  return span.start;
}

double QuotedShare(const Analysis& analysis, Span span) {
  uint32_t quoted = 0;
  for (const Quote& quote : analysis.quotes) {
    const uint32_t start = std::max(quote.span.start, span.start);
    const uint32_t end = std::min(quote.span.end, span.end);
    if (start < end) quoted += end - start;
  }
  return span.end > span.start ? static_cast<double>(quoted) / (span.end - span.start) : 1;
}

// The clusterer's stemmed content words of one sentence, with their counts.
std::vector<std::pair<std::string, float>> ContentWords(std::string_view sentence) {
  Article article;
  article.text = std::string(sentence);
  std::vector<std::pair<std::string, float>> words;
  for (auto& [feature, count] : ExtractStoryFeatures(article, {}).counts) {
    if (feature.starts_with("w:")) words.emplace_back(std::move(feature), count);
  }
  return words;
}

// One article's sentences, with whether each may be chosen.
void AddSentences(const StoredArticle& stored, size_t index, const Tokenizer& tokenizer,
                  std::vector<SentenceInfo>& sentences) {
  const std::string& text = stored.article.text;
  const TokenizedText tokens = tokenizer.Tokenize(text);
  int position = 0;
  for (const Sentence& sentence : tokens.sentences) {
    if (sentence.first_token == sentence.end_token) continue;
    SentenceInfo info;
    info.article = index;
    if (stored.article.published) info.day = stored.article.published->substr(0, 10);
    info.span = {tokens.tokens[sentence.first_token].start,
                 tokens.tokens[sentence.end_token - 1].end};
    if (info.span.start == 0 || text[info.span.start - 1] == '\n') {
      info.span.start = AfterDateline(text, info.span);
    }
    int words = 0;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = tokens.tokens[t];
      if (token.start >= info.span.start && HasAsciiAlnum(token.In(text))) ++words;
    }
    const std::string_view body(text.data() + info.span.start, info.span.end - info.span.start);
    const bool prose = EndsLikeProse(body);
    info.position = prose ? position++ : position;  // a headline does not push the lead down
    info.candidate = prose && words >= kMinWords && words <= kMaxWords &&
                     QuotedShare(stored.analysis, info.span) <= kMaxQuotedShare;
    sentences.push_back(std::move(info));
  }
}

// Sublinear tf times idf over the story's sentences, scaled to unit length.
void WeighSentences(const std::vector<StoredArticle>& articles,
                    std::vector<SentenceInfo>& sentences) {
  TfIdfVocabulary vocabulary;
  std::vector<std::vector<std::pair<uint32_t, float>>> counts(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceInfo& s = sentences[i];
    const std::string_view text = articles[s.article].article.text;
    std::vector<uint32_t> ids;
    for (const auto& [word, count] :
         ContentWords(text.substr(s.span.start, s.span.end - s.span.start))) {
      const uint32_t id = vocabulary.Intern(word);
      counts[i].emplace_back(id, count);
      ids.push_back(id);
    }
    vocabulary.CountDocument(ids);
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    SparseVector& vector = sentences[i].words;
    for (const auto& [id, count] : counts[i]) {
      vector.emplace_back(id, (1 + std::log(count)) * vocabulary.Idf(id));
    }
    std::sort(vector.begin(), vector.end());
    Normalize(vector);
  }
}

SparseVector Sum(const std::map<uint32_t, float>& weights) {
  return SparseVector(weights.begin(), weights.end());
}

// The story's centre: the sum of its articles' unit-length word vectors, so a long
// article weighs no more than a short one.
SparseVector Centroid(const std::vector<SentenceInfo>& sentences) {
  std::map<size_t, std::map<uint32_t, float>> by_article;
  for (const SentenceInfo& s : sentences) {
    for (const auto& [id, weight] : s.words) by_article[s.article][id] += weight;
  }
  std::map<uint32_t, float> centre;
  for (const auto& [article, weights] : by_article) {
    SparseVector vector = Sum(weights);
    Normalize(vector);
    for (const auto& [id, weight] : vector) centre[id] += weight;
  }
  SparseVector centroid = Sum(centre);
  Normalize(centroid);
  return centroid;
}

// How much `b` already covers of `a` by where it comes from rather than what it says.
double SourceRedundancy(const SentenceInfo& a, const SentenceInfo& b) {
  if (a.article == b.article) return kSameArticleRedundancy;
  if (a.day && a.day == b.day) return kSameDayRedundancy;
  return 0;
}

// Indices of the chosen sentences, best first.
std::vector<size_t> SelectMmr(const std::vector<SentenceInfo>& sentences, int wanted) {
  std::vector<size_t> chosen;
  std::vector<bool> taken(sentences.size(), false);
  while (static_cast<int>(chosen.size()) < wanted) {
    std::optional<size_t> best;
    double best_value = 0;
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (taken[i] || !sentences[i].candidate || sentences[i].score <= 0) continue;
      double similarity = 0;
      double redundancy = 0;
      for (size_t j : chosen) {
        similarity = std::max<double>(similarity, Dot(sentences[i].words, sentences[j].words));
        redundancy = std::max(redundancy, SourceRedundancy(sentences[i], sentences[j]));
      }
      if (similarity > kMaxSimilarity) continue;
      redundancy = std::max(redundancy, similarity);
      const double value =
          kRelevanceWeight * sentences[i].score - (1 - kRelevanceWeight) * redundancy;
      if (!best || value > best_value) best = i, best_value = value;
    }
    if (!best) break;
    taken[*best] = true;
    chosen.push_back(*best);
  }
  return chosen;
}

// Articles that are near-duplicates of another article of the story add nothing new.
std::vector<StoredArticle> DistinctArticles(std::span<const StoredArticle> articles) {
  std::set<int64_t> ids;
  for (const StoredArticle& stored : articles) ids.insert(stored.id);
  std::vector<StoredArticle> distinct;
  for (const StoredArticle& stored : articles) {
    if (!stored.dup_of || !ids.contains(*stored.dup_of)) distinct.push_back(stored);
  }
  return distinct;
}

}  // namespace

std::vector<SummarySentence> SummarizeStory(std::span<const StoredArticle> articles,
                                            const SummaryOptions& options) {
  const std::vector<StoredArticle> distinct = DistinctArticles(articles);
  const Tokenizer tokenizer;
  std::vector<SentenceInfo> sentences;
  for (size_t i = 0; i < distinct.size(); ++i) {
    AddSentences(distinct[i], i, tokenizer, sentences);
  }
  WeighSentences(distinct, sentences);
  const SparseVector centroid = Centroid(sentences);
  for (SentenceInfo& s : sentences) {
    s.score = Dot(s.words, centroid) * (1 + kLeadBonus / (1 + s.position));
  }

  std::vector<size_t> chosen = SelectMmr(sentences, options.sentences);
  // Date order; an article without a date goes after the dated ones.
  const auto order = [&](size_t i) {
    const StoredArticle& stored = distinct[sentences[i].article];
    return std::make_tuple(!stored.article.published.has_value(),
                           stored.article.published.value_or(""), sentences[i].article,
                           sentences[i].position);
  };
  std::sort(chosen.begin(), chosen.end(), [&](size_t a, size_t b) { return order(a) < order(b); });

  std::vector<SummarySentence> summary;
  for (size_t i : chosen) {
    const SentenceInfo& s = sentences[i];
    const Article& article = distinct[s.article].article;
    summary.push_back({article.text.substr(s.span.start, s.span.end - s.span.start), article.id,
                       article.source, article.published, s.span});
  }
  return summary;
}

}  // namespace storyline
