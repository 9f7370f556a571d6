#include "synth/number_claims.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "story/calendar_day.h"
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
constexpr int kMaxDaysApart = 31;

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
  std::set<std::string> units;       // `unit` and the nouns its "of" phrase names
  std::set<std::string> context;     // content words near it
  std::set<std::string> sentence;    // content words of its whole sentence
  std::set<std::string> predicates;  // what is said of the count (PredicateKey)
  std::set<std::string> dates;       // resolved dates its sentence names
  bool looks_back = false;           // its sentence names an earlier time (SentenceLooksBack)
  std::set<std::string> places;      // places its sentence names
  std::string subject;               // the entity its clause opens with (Subject)
  std::set<int> events;              // the story events its article reports
};

bool IsCapitalized(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

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
    // A name goes on ("Palestinian prisoners"), a common noun ends the phrase: the word
    // after "its dockworkers" says what they did.
    if (key.empty() || (taken > 0 && !IsCapitalized(text.Word(t - 1)))) break;
    keys.push_back(std::move(key));
  }
  return keys;
}

bool IsPossessive(std::string_view word) {
  return word == "'" || word == "'s" || word == "\xE2\x80\x99" || word == "\xE2\x80\x99s";
}

// Words that stand between a count and what is said of it: auxiliaries, relative
// pronouns and adverbs ("4 people were reportedly shot", "Palestinians who had sought").
bool IsPredicateFiller(std::string_view lower) {
  static const std::set<std::string, std::less<>> kFillers = {
      "were", "was", "are",  "is",   "be",    "been",  "being", "have", "has",
      "had",  "who", "that", "also", "still", "later", "all",   "now",  "have"};
  return kFillers.contains(lower) || (lower.size() > 4 && lower.ends_with("ly"));
}

// Words that stand between a count and the word before it that says what happened to
// it: "release of an additional 100 prisoners", "sentenced to two life terms".
bool IsCountLead(std::string_view lower) {
  static const std::set<std::string, std::less<>> kLeads = {
      "of", "the", "a", "an", "to", "additional", "another", "further", "some", "its", "their"};
  return kLeads.contains(lower);
}

// What the sentence says of the count: the word after it and its noun ("4 people were
// shot", "Palestinians who had sought refuge") and the word before it ("killed 40
// people", "the release of 100 prisoners"). Two counts of the same thing make one claim
// only when something is said alike of both: "1 million Palestinians sought refuge" and
// "40 Palestinians killed" count different people.
std::set<std::string> Predicates(const ArticleTokens& text, Span span,
                                 const std::set<std::string>& units) {
  const auto [first, end] = text.TokensOf(span);
  const auto [sentence_first, sentence_end] = text.SentenceOf(first);
  std::set<std::string> keys;
  size_t t = end;
  if (t < sentence_end && AsciiLower(text.Word(t)) == "of") {
    for (++t; t < sentence_end && IsDeterminer(text.Word(t)); ++t) {
    }
  }
  while (t < sentence_end && (units.count(ContentKey(text.Word(t))) || IsPossessive(text.Word(t)) ||
                              IsCapitalized(text.Word(t)))) {
    ++t;  // the counted noun: "members of the Dockworkers' Guild"
  }
  const size_t after_count = t;
  while (t < sentence_end && IsPredicateFiller(AsciiLower(text.Word(t)))) ++t;
  // Right after the count, a word in -s more likely goes on naming it ("three crew
  // members") than says what happened to it ("Palestinians seek refuge").
  const bool noun_like = t == after_count && t < sentence_end &&
                         AsciiLower(text.Word(t)).ends_with("s") &&
                         !AsciiLower(text.Word(t)).ends_with("ss");
  if (t < sentence_end && !noun_like) {
    std::string key = PredicateKey(text.Word(t));
    if (!key.empty() && !units.count(ContentKey(text.Word(t)))) keys.insert(std::move(key));
  }
  size_t b = first;
  while (b > sentence_first && IsCountLead(AsciiLower(text.Word(b - 1)))) --b;
  if (b > sentence_first) {
    std::string key = PredicateKey(text.Word(b - 1));
    if (!key.empty()) keys.insert(std::move(key));
  }
  return keys;
}

// The resolved dates the quantity's sentence names ("in 2006", "on Saturday" read as
// 2005-11-26), at their own precision.
std::set<std::string> SentenceDates(const ArticleTokens& text, Span span) {
  const auto [first, end] = text.SentenceOf(text.TokenAt(span.start));
  std::set<std::string> dates;
  if (first >= end) return dates;
  const Span sentence = text.SpanOf(first, end);
  for (const TimeExpression& time : text.stored().analysis.times) {
    if (time.kind != "DATE" || !time.value || time.value->size() < 4) continue;
    if (time.span.start < sentence.start || time.span.end > sentence.end) continue;
    const std::string_view year = std::string_view(*time.value).substr(0, 4);
    if (std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      dates.insert(time.value->substr(0, 10));
    }
  }
  return dates;
}

// Words by which a time looks back from the report: "earlier this year", "last month",
// "two years ago", "the previous season".
bool LooksBack(std::string_view time_text) {
  static const std::set<std::string, std::less<>> kBackWords = {
      "earlier", "last", "ago", "previous", "previously", "past", "prior", "former"};
  std::string word;
  for (const char c : std::string(time_text) + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (kBackWords.contains(word)) return true;
    word.clear();
  }
  return false;
}

// Whether the quantity's sentence names a time before the report ("Earlier this year,
// five undersea cables were cut"), resolved or not: the figure is of that earlier time.
bool SentenceLooksBack(const ArticleTokens& text, Span span) {
  const auto [first, end] = text.SentenceOf(text.TokenAt(span.start));
  if (first >= end) return false;
  const Span sentence = text.SpanOf(first, end);
  const std::vector<TimeExpression>& times = text.stored().analysis.times;
  return std::any_of(times.begin(), times.end(), [&](const TimeExpression& time) {
    return time.kind == "DATE" && time.span.start >= sentence.start &&
           time.span.end <= sentence.end && LooksBack(time.text);
  });
}

// Some date of each names the same time at the coarser one's precision ("2005" and
// "2005-11-27"), or either names none.
bool DatesAgree(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return true;
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      const size_t common = std::min(x.size(), y.size());
      if (x.compare(0, common, y, 0, common) == 0) return true;
    }
  }
  return false;
}

// "28", "1,200", "two", "dozens".
bool IsNumberToken(std::string_view word) {
  return (!word.empty() && word[0] >= '0' && word[0] <= '9') || IsNumberWord(word);
}

// A number that modifies another noun ("an 86-yard touchdown", "a 12-year sentence",
// "32-bit") counts that noun's kind, not a thing of its own; a group of digits after a
// thousands comma ("100, 000 people" split by re-tokenized text) is no number at all;
// a unit of fewer than three letters ("a." of "a.m.") is an abbreviation.
bool IsCountOfItsOwn(const ArticleTokens& text, const Quantity& quantity, const std::string& unit) {
  if (quantity.text.find('-') != std::string::npos) return false;
  const std::string_view before =
      std::string_view(text.stored().article.text).substr(0, quantity.span.start);
  const size_t last = before.find_last_not_of(' ');
  if (last != std::string_view::npos && before[last] == ',' && last > 0) {
    const size_t digit = before.find_last_not_of(' ', last - 1);
    if (digit != std::string_view::npos && before[digit] >= '0' && before[digit] <= '9') {
      return false;
    }
  }
  return std::count_if(unit.begin(), unit.end(), [](char c) { return c >= 'a' && c <= 'z'; }) >= 3;
}

// A count said of one person ("He scored six touchdowns", "DiLeo spent 19 seasons",
// "Klitschko landed 28 of his 68 punches") is a record of that person, which outlets
// cite from different seasons, rounds and roles; and a total behind a part ("two of
// the three victims") is not what the sentence says happened. Neither is compared.
bool IsPersonalOrPartitive(const ArticleTokens& text, Span span) {
  static const std::set<std::string, std::less<>> kPersonal = {"he",  "she",  "him",     "his",
                                                               "her", "hers", "himself", "herself"};
  const auto [first, end] = text.TokensOf(span);
  const size_t sentence_first = text.SentenceOf(first).first;
  for (size_t t = sentence_first; t < first; ++t) {
    if (kPersonal.contains(AsciiLower(text.Word(t)))) return true;
  }
  const Span before = text.SpanOf(sentence_first, std::max(first, sentence_first + 1));
  for (const EntityMention& mention : text.stored().analysis.entities) {
    if (mention.type == "PERSON" && mention.span.start >= before.start &&
        mention.span.end <= span.start) {
      return true;
    }
  }
  size_t t = first;
  if (t > sentence_first && IsDeterminer(text.Word(t - 1))) --t;
  return t >= sentence_first + 2 && AsciiLower(text.Word(t - 1)) == "of" &&
         IsNumberToken(text.Word(t - 2));
}

// "their first two drives", "the last three games": a count after "first", "last" or
// "next" picks a stretch of a sequence, which outlets choose as they tell it, not how
// many there were.
bool IsStretchOfASequence(const ArticleTokens& text, Span span) {
  static const std::set<std::string, std::less<>> kStretch = {"first", "last", "next", "final",
                                                              "opening"};
  const size_t first = text.TokensOf(span).first;
  return first > text.SentenceOf(first).first &&
         kStretch.contains(AsciiLower(text.Word(first - 1)));
}

// The person or organization the count's clause opens with, when one is named in it
// before the count ("McDermott scored 23 points"): counts said of different subjects
// are different claims.
std::string Subject(const ArticleTokens& text, Span span) {
  const auto [first, end] = text.TokensOf(span);
  const size_t sentence_first = text.SentenceOf(first).first;
  size_t clause_first = first;
  while (clause_first > sentence_first && !IsClausePunctuation(text.Word(clause_first - 1))) {
    --clause_first;
  }
  const Span clause = text.SpanOf(clause_first, std::max(first, clause_first + 1));
  std::string subject;
  uint32_t nearest = 0;
  for (const EntityMention& mention : text.stored().analysis.entities) {
    if (mention.type != "PERSON" && mention.type != "ORG") continue;
    if (mention.span.start < clause.start || mention.span.end > span.start) continue;
    if (mention.span.start >= nearest) {
      nearest = mention.span.start;
      subject = mention.entity.empty() ? AsciiLower(mention.text) : mention.entity;
    }
  }
  return subject;
}

// The places the quantity's sentence names: "killing 10 people in Qeshm" and "a dozen
// killed by a quake in eastern China" count different happenings.
std::set<std::string> SentencePlaces(const ArticleTokens& text, Span span) {
  const auto [first, end] = text.SentenceOf(text.TokenAt(span.start));
  std::set<std::string> places;
  if (first >= end) return places;
  const Span sentence = text.SpanOf(first, end);
  for (const EntityMention& mention : text.stored().analysis.entities) {
    if (mention.type != "PLACE") continue;
    if (mention.span.start < sentence.start || mention.span.end > sentence.end) continue;
    places.insert(mention.entity.empty() ? AsciiLower(mention.text) : mention.entity);
  }
  return places;
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

std::vector<Mention> CollectMentions(const std::vector<ArticleTokens>& articles,
                                     const std::vector<StoryEvent>& events) {
  std::vector<Mention> mentions;
  for (size_t a = 0; a < articles.size(); ++a) {
    const ArticleTokens& text = articles[a];
    std::set<int> article_events;
    for (const StoryEvent& event : events) {
      const std::vector<std::string>& reports = event.articles;
      if (std::find(reports.begin(), reports.end(), text.stored().article.id) != reports.end()) {
        article_events.insert(event.id);
      }
    }
    for (const Quantity& quantity : text.stored().analysis.quantities) {
      const std::vector<std::string> of_phrase = OfPhraseKeys(text, quantity.span);
      std::string unit = ContentKey(quantity.unit);
      if (unit.empty() && !of_phrase.empty()) unit = of_phrase.back();
      if (unit.empty() || !IsCountOfItsOwn(text, quantity, unit) ||
          IsPersonalOrPartitive(text, quantity.span) || IsStretchOfASequence(text, quantity.span)) {
        continue;
      }
      std::set<std::string> units(of_phrase.begin(), of_phrase.end());
      units.insert(unit);
      Mention mention;
      mention.article = a;
      mention.report = {Cite(text.stored(), quantity.span), quantity.value, quantity.approximate,
                        SentenceText(text, quantity.span)};
      mention.unit = unit;
      mention.units = units;
      mention.context = ContextKeys(text, quantity.span, unit, kContextWindow);
      mention.sentence = ContextKeys(text, quantity.span, unit, text.size());
      for (const std::string& key : mention.units) {
        mention.context.erase(key);
        mention.sentence.erase(key);
      }
      mention.predicates = Predicates(text, quantity.span, mention.units);
      mention.dates = SentenceDates(text, quantity.span);
      mention.looks_back = SentenceLooksBack(text, quantity.span);
      mention.subject = Subject(text, quantity.span);
      mention.places = SentencePlaces(text, quantity.span);
      mention.events = article_events;
      if (mention.predicates.empty()) continue;
      mentions.push_back(std::move(mention));
    }
  }
  return mentions;
}

template <typename Key>
size_t SharedCount(const std::set<Key>& a, const std::set<Key>& b) {
  size_t shared = 0;
  for (const Key& key : a) shared += b.count(key);
  return shared;
}

// Both dated, and further apart than a developing story revises its figures in.
bool FarApart(const Citation& a, const Citation& b) {
  if (!a.published || !b.published) return false;
  const std::optional<CalendarDay> day_a = ParseIsoDay(*a.published);
  const std::optional<CalendarDay> day_b = ParseIsoDay(*b.published);
  if (!day_a || !day_b) return false;
  return std::abs(*day_a - *day_b) > kMaxDaysApart;
}

// "hundreds of", "dozens", "more than a dozen": a magnitude in words, which agrees with
// the same words but is no figure to be at odds with.
bool IsVague(const NumberReport& report) {
  const std::string& text = report.where.text;
  return report.approximate &&
         std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Two figures can be at odds only when they speak of one time: their sentences name no
// different dates, both or neither look back to an earlier time ("earlier this year"
// against none), their articles report a story event in common (when the story has
// events) and were published within a month.
// A figure repeated months later is the same claim; a different one is another time's.
bool SameTime(const Mention& a, const Mention& b) {
  if (FarApart(a.report.where, b.report.where) || !DatesAgree(a.dates, b.dates)) return false;
  if (a.looks_back != b.looks_back) return false;
  return a.events.empty() || b.events.empty() || SharedCount(a.events, b.events) > 0;
}

// Two outlets count the same thing (a shared unit) of the same subject, say the same of
// it (a shared predicate), at the same place (no two different places named beside
// them), and different values only from the same time (SameTime).
bool SameClaim(const Mention& a, const Mention& b) {
  if (a.article == b.article) return false;
  if (!IsKnownOutlet(a.report.where.source) || !IsKnownOutlet(b.report.where.source)) return false;
  if (a.unit != b.unit && !std::any_of(a.units.begin(), a.units.end(),
                                       [&](const std::string& u) { return b.units.count(u); })) {
    return false;
  }
  if (SharedCount(a.predicates, b.predicates) == 0) return false;
  if (!a.places.empty() && !b.places.empty() && SharedCount(a.places, b.places) == 0) return false;
  if (a.subject != b.subject) return false;
  if (!SameNumber(a.report, b.report) &&
      (IsVague(a.report) || IsVague(b.report) || !SameTime(a, b))) {
    return false;
  }
  if (IsMeasureUnit(a.unit)) return SharedCount(a.context, b.context) >= 2;
  return true;
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

// Each mention joins the claim whose every member it is linked to, the best such, else
// starts its own.
std::vector<std::vector<size_t>> GroupClaims(const std::vector<Mention>& mentions) {
  std::vector<std::vector<size_t>> claims;
  for (size_t i = 0; i < mentions.size(); ++i) {
    std::vector<size_t>* best = nullptr;
    std::pair<size_t, size_t> best_fit{0, 0};
    for (std::vector<size_t>& claim : claims) {
      const std::pair<size_t, size_t> fit = Fit(mentions, claim, mentions[i]);
      if (fit.first < claim.size() || fit <= best_fit) continue;
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
  for (const NumberReport& report : claim.reports) {
    if (IsKnownOutlet(report.where.source)) outlets.insert(report.where.source);
  }
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
      if (a.where.source == b.where.source || !IsKnownOutlet(a.where.source) ||
          !IsKnownOutlet(b.where.source) || SameNumber(a, b)) {
        continue;
      }
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

std::vector<NumberClaim> FindNumberClaims(const std::vector<ArticleTokens>& articles,
                                          const std::vector<StoryEvent>& events) {
  const std::vector<Mention> mentions = CollectMentions(articles, events);
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
