#include "synth/number_claims.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "synth/word_keys.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// Tokens each side of the quantity, in its sentence, read for its near context. A count
// of a noun ("3,200 members of the Dockworkers' Guild ... began an open-ended strike")
// may also match on its whole sentence, with one shared word more; a measure ("9
// percent", "seven hours") is about what stands next to it only.
constexpr size_t kContextWindow = 6;
constexpr double kApproximateTolerance = 0.05;
constexpr size_t kOfPhraseWords = 3;  // nouns read after "of"

// Units that measure, or count anything at all: a shared unit says little about what.
bool IsMeasureUnit(const std::string& unit) {
  static const std::set<std::string> kMeasures = {
      "percent",   "%",         "hour",  "minute", "day",   "week",        "month",      "year",
      "kilometre", "kilometer", "mile",  "metre",  "meter", "hectare",     "acre",       "crown",
      "dollar",    "euro",      "pound", "ton",    "tonne", "cubic metre", "cubic meter"};
  return kMeasures.count(unit) > 0;
}

struct Mention {
  size_t article = 0;
  NumberReport report;
  std::string unit;
  std::set<std::string> units;     // `unit` and the nouns its "of" phrase names
  std::set<std::string> context;   // content words near it
  std::set<std::string> sentence;  // content words of its whole sentence
};

// Words that may stand between "of" and the noun it names: "members of [the]
// Dockworkers' Guild", "117 of [its] citizens".
bool IsDeterminer(std::string_view word) {
  static const std::set<std::string, std::less<>> kDeterminers = {
      "the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "this", "that"};
  return kDeterminers.contains(AsciiLower(word));
}

// The content keys of the phrase after "of" right behind the quantity, up to the next
// function word or punctuation: a count of a group's members counts the group's people
// ("3,200 members of the Dockworkers' Guild" counts dockworkers, guild members), and a
// bare number counts what its "of" names ("117 of its citizens").
// In text order: the last is the phrase's head noun.
std::vector<std::string> OfPhraseKeys(const ArticleTokens& text, Span span) {
  const auto [first, end] = text.TokensOf(span);
  const size_t sentence_end = text.SentenceOf(first).second;
  std::vector<std::string> keys;
  size_t t = end;
  if (t >= sentence_end || AsciiLower(text.Word(t)) != "of") return keys;
  for (++t; t < sentence_end && IsDeterminer(text.Word(t)); ++t) {
  }
  for (size_t taken = 0; t < sentence_end && taken < kOfPhraseWords; ++t, ++taken) {
    std::string key = ContentKey(text.Word(t));
    if (key.empty()) break;
    keys.push_back(std::move(key));
  }
  return keys;
}

std::set<std::string> ContextKeys(const ArticleTokens& text, Span span, const std::string& unit,
                                  size_t window) {
  const auto [first, end] = text.TokensOf(span);
  const auto [sentence_first, sentence_end] = text.SentenceOf(first);
  const size_t from = std::max(sentence_first, first >= window ? first - window : 0);
  const size_t to = std::min(sentence_end, end + window);
  std::set<std::string> keys;
  for (size_t t = from; t < to; ++t) {
    if ((t >= first && t < end) || IsClausePunctuation(text.Word(t))) continue;
    std::string key = ContentKey(text.Word(t));
    if (!key.empty() && key != unit) keys.insert(std::move(key));
  }
  return keys;
}

std::string SentenceText(const ArticleTokens& text, Span span) {
  const auto [first, end] = text.SentenceOf(text.TokenAt(span.start));
  if (first >= end) return {};
  const Span sentence = text.SpanOf(first, end);
  return std::string(TrimAsciiSpace(std::string_view(text.stored().article.text)
                                        .substr(sentence.start, sentence.end - sentence.start)));
}

std::vector<Mention> CollectMentions(const std::vector<ArticleTokens>& articles) {
  std::vector<Mention> mentions;
  for (size_t a = 0; a < articles.size(); ++a) {
    const ArticleTokens& text = articles[a];
    for (const Quantity& quantity : text.stored().analysis.quantities) {
      const std::vector<std::string> of_phrase = OfPhraseKeys(text, quantity.span);
      std::string unit = ContentKey(quantity.unit);
      if (unit.empty() && !of_phrase.empty()) unit = of_phrase.back();
      if (unit.empty()) continue;
      std::set<std::string> units(of_phrase.begin(), of_phrase.end());
      units.insert(unit);
      Mention mention{a,
                      {Cite(text.stored(), quantity.span), quantity.value, quantity.approximate,
                       SentenceText(text, quantity.span)},
                      unit,
                      units,
                      ContextKeys(text, quantity.span, unit, kContextWindow),
                      ContextKeys(text, quantity.span, unit, text.size())};
      for (const std::string& key : mention.units) {
        mention.context.erase(key);
        mention.sentence.erase(key);
      }
      mentions.push_back(std::move(mention));
    }
  }
  return mentions;
}

size_t SharedCount(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t shared = 0;
  for (const std::string& key : a) shared += b.count(key);
  return shared;
}

bool SameClaim(const Mention& a, const Mention& b) {
  if (a.article == b.article) return false;
  if (a.unit != b.unit && !std::any_of(a.units.begin(), a.units.end(),
                                       [&](const std::string& u) { return b.units.count(u); })) {
    return false;
  }
  if (IsMeasureUnit(a.unit)) return SharedCount(a.context, b.context) >= 2;
  return SharedCount(a.context, b.context) >= 1 || SharedCount(a.sentence, b.sentence) >= 2;
}

// How well `mention` fits `claim`: the members it is linked to and the context words it
// shares with them. A claim holds one report per article, so two figures in one article
// ("215 prisoners ... 120 Ostravan prisoners") never merge.
std::pair<size_t, size_t> Fit(const std::vector<Mention>& mentions,
                              const std::vector<size_t>& claim, const Mention& mention) {
  size_t linked = 0;
  size_t shared = 0;
  for (const size_t m : claim) {
    if (mentions[m].article == mention.article) return {0, 0};
    if (!SameClaim(mentions[m], mention)) continue;
    ++linked;
    shared += SharedCount(mentions[m].context, mention.context);
  }
  return {linked, shared};
}

// Each mention joins the claim it is linked to with at least half of the members, the
// best such, else starts its own.
std::vector<std::vector<size_t>> GroupClaims(const std::vector<Mention>& mentions) {
  std::vector<std::vector<size_t>> claims;
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::vector<size_t>* best = nullptr;
    std::pair<size_t, size_t> best_fit{0, 0};
    for (std::vector<size_t>& claim : claims) {
      const std::pair<size_t, size_t> fit = Fit(mentions, claim, mentions[i]);
      if (fit.first == 0 || 2 * fit.first < claim.size() || fit <= best_fit) continue;
      best = &claim;
      best_fit = fit;
    }
    if (best) {
      best->push_back(i);
    } else {
      claims.push_back({i});
    }
  }
  return claims;
}

size_t OutletCount(const NumberClaim& claim) {
  std::set<std::string> outlets;
  for (const NumberReport& report : claim.reports) outlets.insert(report.where.source);
  return outlets.size();
}

bool SameDay(const Citation& a, const Citation& b) {
  if (!a.published || !b.published) return false;  // cannot tell: not evidence of a conflict
  return a.published->substr(0, 10) == b.published->substr(0, 10);
}

// Sets disagreement and same_day from the reports of different outlets.
void JudgeValues(NumberClaim& claim) {
  for (const NumberReport& a : claim.reports) {
    for (const NumberReport& b : claim.reports) {
      if (a.where.source == b.where.source || SameNumber(a, b)) continue;
      claim.disagreement = true;
      claim.same_day = claim.same_day || SameDay(a.where, b.where);
    }
  }
}

// Words at least half the reports have in `context`, most shared first.
std::vector<std::string> SharedContext(const std::vector<Mention>& mentions,
                                       const std::vector<size_t>& members,
                                       std::set<std::string> Mention::*context) {
  std::map<std::string, size_t> counts;
  for (const size_t m : members) {
    for (const std::string& key : mentions[m].*context) ++counts[key];
  }
  std::vector<std::pair<std::string, size_t>> shared;
  for (const auto& [key, count] : counts) {
    if (2 * count >= members.size() && count >= 2) shared.emplace_back(key, count);
  }
  std::stable_sort(shared.begin(), shared.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> words;
  for (size_t i = 0; i < shared.size() && i < 4; ++i) words.push_back(shared[i].first);
  return words;
}

}  // namespace

bool SameNumber(const NumberReport& a, const NumberReport& b) {
  if (a.value == b.value) return true;
  if (!a.approximate && !b.approximate) return false;
  const double scale = std::max(std::fabs(a.value), std::fabs(b.value));
  return std::fabs(a.value - b.value) <= kApproximateTolerance * scale;
}

std::vector<NumberClaim> FindNumberClaims(const std::vector<ArticleTokens>& articles) {
  const std::vector<Mention> mentions = CollectMentions(articles);
  std::vector<NumberClaim> claims;
  for (const std::vector<size_t>& members : GroupClaims(mentions)) {
    NumberClaim claim;
    claim.unit = mentions[members.front()].unit;
    claim.context = SharedContext(mentions, members, &Mention::context);
    if (claim.context.empty()) claim.context = SharedContext(mentions, members, &Mention::sentence);
    for (const size_t m : members) claim.reports.push_back(mentions[m].report);
    if (OutletCount(claim) < 2) continue;
    JudgeValues(claim);
    claims.push_back(std::move(claim));
  }
  std::stable_sort(claims.begin(), claims.end(), [](const NumberClaim& a, const NumberClaim& b) {
    if (a.same_day != b.same_day) return a.same_day;
    if (a.disagreement != b.disagreement) return a.disagreement;
    return OutletCount(a) > OutletCount(b);
  });
  return claims;
}

}  // namespace storyline
