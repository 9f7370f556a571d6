// A deterministic stream of generated news articles with their analyses and stories, for
// benchmarks that need a store of up to millions of articles without running the analyzer
// (store_builder writes them; search_scale_bench and serve_bench query them).
//
//   words: a vocabulary of 1,000,000 pseudo-words (syllables, shortest first) drawn from a
//     Zipf-Mandelbrot law, p(rank) ~ 1 / (rank + 2.7), as word frequencies in news text go:
//     the top words are in every article, a word of rank 3,000 in about 1%, the tail in a
//     few dozen of a million;
//   articles: 150-900 words in sentences and paragraphs, a 6-12 word title, 2-6 named people
//     (from 20,000, Zipf-drawn: a few are in the news every day; a story's articles share
//     its lead person), one of 60 outlets, published in arrival order over three years with
//     a few days of jitter (1% undated); 5% are reprints of a recent article under another
//     outlet and title, 1% a new version of a recent article (same id, edited text);
//   analyses: a third of the sentences are about a person: a direct quotation ("...," Name
//     said.), a statement in indirect speech with its day (Name said on Monday that ...),
//     or a meeting of two people (Name met Name on Monday.); each gives the entity mentions,
//     the quote, the time expression and the event (STATEMENT, MEET) the analyzer reports
//     for such a sentence;
//   stories: half the articles, each window of 500 consecutive records in 25 stories (about
//     ten articles a story, close in time; a reprint is in its original's), with one event
//     per day of the story.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"

namespace storyline::bench {

constexpr int kVocabulary = 1'000'000;
constexpr double kZipfShift = 2.7;
constexpr int kPeople = 20'000;
constexpr int kOutlets = 60;
constexpr int kDays = 3 * 365;
constexpr int kArticlesPerStoryWindow = 500;
constexpr int kStoriesPerWindow = 25;

// Vose's alias table: draws index i with probability weight[i] / sum in O(1).
class AliasSampler {
 public:
  explicit AliasSampler(const std::vector<double>& weights) {
    const size_t n = weights.size();
    double sum = 0;
    for (double w : weights) sum += w;
    probability_.resize(n);
    alias_.resize(n);
    std::vector<double> scaled(n);
    std::vector<uint32_t> small, large;
    for (size_t i = 0; i < n; ++i) {
      scaled[i] = weights[i] * static_cast<double>(n) / sum;
      (scaled[i] < 1 ? small : large).push_back(static_cast<uint32_t>(i));
    }
    while (!small.empty() && !large.empty()) {
      const uint32_t s = small.back(), l = large.back();
      small.pop_back();
      probability_[s] = static_cast<float>(scaled[s]);
      alias_[s] = l;
      scaled[l] -= 1 - scaled[s];
      if (scaled[l] < 1) {
        large.pop_back();
        small.push_back(l);
      }
    }
    for (uint32_t i : small) probability_[i] = 1;
    for (uint32_t i : large) probability_[i] = 1;
  }

  template <typename Rng>
  uint32_t Draw(Rng& rng) const {
    const uint32_t slot = static_cast<uint32_t>(rng() % probability_.size());
    const float coin = static_cast<float>(rng() >> 40) / static_cast<float>(1 << 24);
    return coin < probability_[slot] ? slot : alias_[slot];
  }

 private:
  std::vector<float> probability_;
  std::vector<uint32_t> alias_;
};

inline std::vector<double> ZipfWeights(int n, double shift) {
  std::vector<double> weights(n);
  for (int i = 0; i < n; ++i) weights[i] = 1.0 / (i + shift);
  return weights;
}

// The word of this frequency rank: one syllable for the 112 commonest, two for the next
// 12,544, three after, as frequent words are short.
inline std::string Word(uint32_t rank) {
  static constexpr std::string_view kConsonants = "bdfgklmnprstvz";
  static constexpr std::string_view kVowels = "aiou";
  constexpr uint32_t kSyllables = 14 * 4 * 2;
  int syllables = 1;
  uint32_t index = rank;
  if (index >= kSyllables) {
    index -= kSyllables;
    syllables = 2;
    if (index >= kSyllables * kSyllables) {
      index -= kSyllables * kSyllables;
      syllables = 3;
    }
  }
  std::string word;
  for (int s = 0; s < syllables; ++s) {
    const uint32_t syllable = index % kSyllables;
    index /= kSyllables;
    word.push_back(kConsonants[syllable % 14]);
    word.push_back(kVowels[syllable / 14 % 4]);
    if (syllable / 56) word.push_back('n');
  }
  return word;
}

inline std::string Capitalized(std::string word) {
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// Person e's name: two vocabulary words of middling rank, capitalized; its entity id is
// the same words in lower case joined by '-'.
inline std::string PersonName(int e) {
  return Capitalized(Word(2000 + 2 * e)) + " " + Capitalized(Word(2001 + 2 * e));
}
inline std::string PersonId(int e) { return Word(2000 + 2 * e) + "-" + Word(2001 + 2 * e); }

inline std::string Outlet(int k) { return fmt::format("Outlet {}", k + 1); }

inline std::chrono::sys_days DayDate(int day) {
  return std::chrono::sys_days(std::chrono::year{2022} / 1 / 1) + std::chrono::days(day);
}

// Day `day` of the three years, as an ISO date.
inline std::string Day(int day) {
  const std::chrono::year_month_day ymd(DayDate(day));
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

inline std::string_view WeekdayName(int day) {
  static constexpr std::string_view kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
  return kNames[std::chrono::weekday(DayDate(day)).c_encoding()];
}

// One record of the stream: an article (a new one, a reprint or a new version) with its
// analysis, and the generated story it belongs to (0: none; a new version is in its
// first version's story).
struct GeneratedArticle {
  Article article;
  Analysis analysis;
  int story = 0;
  std::optional<int> day;  // of publication; none when undated
  bool new_version = false;
};

class Generator {
 public:
  Generator(int articles, uint64_t seed)
      : articles_(articles),
        seed_(seed),
        words_(ZipfWeights(kVocabulary, kZipfShift)),
        people_(ZipfWeights(kPeople, 1.0)),
        outlets_(ZipfWeights(kOutlets, 2.0)) {
    vocabulary_.reserve(kVocabulary);
    for (int rank = 0; rank < kVocabulary; ++rank) vocabulary_.push_back(Word(rank));
  }

  int articles() const { return articles_; }
  const std::string& WordOf(uint32_t rank) const { return vocabulary_[rank]; }
  std::mt19937_64 Rng(uint64_t salt) const {
    return std::mt19937_64(seed_ * 0x9E3779B97F4A7C15 + salt);
  }
  uint32_t DrawWord(std::mt19937_64& rng) const { return words_.Draw(rng); }
  uint32_t DrawPerson(std::mt19937_64& rng) const { return people_.Draw(rng); }
  int DrawOutlet(std::mt19937_64& rng) const { return static_cast<int>(outlets_.Draw(rng)); }

  // The story of record i (0: none): half the records, each window of 500 in 25 stories.
  int StoryOf(int i) const {
    std::mt19937_64 rng = Rng(static_cast<uint64_t>(i) + (uint64_t{2} << 40));
    if (rng() % 2) return 0;
    return i / kArticlesPerStoryWindow * kStoriesPerWindow +
           static_cast<int>(rng() % kStoriesPerWindow) + 1;
  }

  // Story s's lead person, whom its articles name.
  int LeadOf(int story) const {
    std::mt19937_64 rng = Rng(static_cast<uint64_t>(story) + (uint64_t{3} << 40));
    return static_cast<int>(DrawPerson(rng));
  }

  // The i-th record of the stream.
  GeneratedArticle Make(int i) const {
    std::mt19937_64 rng = Rng(static_cast<uint64_t>(i));
    const int kind = static_cast<int>(rng() % 100);
    const int earlier = std::max(0, i - 1 - static_cast<int>(rng() % 200));
    if (i > 0 && kind < 5) {  // a reprint of a recent article elsewhere
      GeneratedArticle record = Body(earlier);
      record.article.id = fmt::format("a{}", i);
      record.article.source = Outlet(DrawOutlet(rng));
      record.article.title = Title(rng);
      record.article.url = fmt::format("https://example.org/{}", i);
      return record;  // in its original's story, as the clusterer places a reprint
    }
    if (i > 0 && kind < 6) {  // a new version of a recent article: same id, edited text
      GeneratedArticle record = Body(earlier);
      record.article.text += "\n\nThis article has been updated.";
      record.new_version = true;
      return record;
    }
    return Body(i);
  }

 private:
  std::string Title(std::mt19937_64& rng) const {
    std::string title;
    const int n = 6 + static_cast<int>(rng() % 7);
    for (int w = 0; w < n; ++w) {
      if (w > 0) title += ' ';
      title += WordOf(DrawWord(rng));
      if (w == 0) title[0] = static_cast<char>(title[0] - 'a' + 'A');
    }
    return title;
  }

  // Appends `count` vocabulary words, the first capitalized when `capital`.
  void AppendWords(std::string& text, int count, bool capital, std::mt19937_64& rng) const {
    for (int w = 0; w < count; ++w) {
      if (w > 0) text += ' ';
      const size_t first = text.size();
      text += WordOf(DrawWord(rng));
      if (w == 0 && capital) text[first] = static_cast<char>(text[first] - 'a' + 'A');
    }
  }

  static Span SpanOf(size_t start, size_t end) {
    return {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
  }

  static void AppendPerson(std::string& text, int person, Analysis& analysis) {
    const std::string name = PersonName(person);
    EntityMention mention;
    mention.span = SpanOf(text.size(), text.size() + name.size());
    mention.text = name;
    mention.type = "PERSON";
    mention.entity = PersonId(person);
    mention.name = name;
    analysis.entities.push_back(std::move(mention));
    text += name;
  }

  // " on Monday", the weekday of a day up to six before `published` (none when undated).
  static std::optional<std::string> AppendDay(std::string& text, std::optional<int> published,
                                              std::mt19937_64& rng, Analysis& analysis) {
    if (!published) return std::nullopt;
    const int day = std::max(0, *published - static_cast<int>(rng() % 7));
    text += " on ";
    TimeExpression time;
    time.span = SpanOf(text.size(), text.size() + WeekdayName(day).size());
    time.text = WeekdayName(day);
    time.kind = "DATE";
    time.value = Day(day);
    text += time.text;
    analysis.times.push_back(time);
    return time.value;
  }

  // A sentence about a person of the article, as the analyzer reports it.
  void PersonSentence(std::string& text, const std::vector<int>& people, int length,
                      std::optional<int> published, std::mt19937_64& rng,
                      Analysis& analysis) const {
    const int person = people[rng() % people.size()];
    const int kind = static_cast<int>(rng() % 3);
    Event event;
    event.actors.push_back({"agent", PersonId(person)});
    if (kind == 0) {  // "Words words," Name said.
      text += '"';
      Quote quote;
      const size_t start = text.size();
      AppendWords(text, length, true, rng);
      quote.span = SpanOf(start, text.size());
      quote.text = text.substr(start);
      quote.speaker = PersonName(person);
      quote.speaker_entity = PersonId(person);
      analysis.quotes.push_back(std::move(quote));
      text += ",\" ";
      AppendPerson(text, person, analysis);
      text += ' ';
      event.span = SpanOf(text.size(), text.size() + 4);
      text += "said.";
      event.type = "STATEMENT";
      event.trigger = "said";
    } else if (kind == 1) {  // Name said on Monday that words words.
      AppendPerson(text, person, analysis);
      text += ' ';
      event.span = SpanOf(text.size(), text.size() + 4);
      text += "said";
      event.time = AppendDay(text, published, rng, analysis);
      text += " that ";
      const size_t start = text.size();
      AppendWords(text, length, false, rng);
      event.content = SpanOf(start, text.size());
      text += '.';
      event.type = "STATEMENT";
      event.trigger = "said";
    } else {  // Name met Name on Monday.
      AppendPerson(text, person, analysis);
      text += ' ';
      event.span = SpanOf(text.size(), text.size() + 3);
      text += "met ";
      const int other = static_cast<int>(DrawPerson(rng));
      AppendPerson(text, other, analysis);
      event.actors.push_back({"partner", PersonId(other)});
      event.time = AppendDay(text, published, rng, analysis);
      text += '.';
      event.type = "MEET";
      event.trigger = "met";
    }
    analysis.events.push_back(std::move(event));
  }

  // Article `i` as first written.
  GeneratedArticle Body(int i) const {
    std::mt19937_64 rng = Rng(static_cast<uint64_t>(i) + (uint64_t{1} << 40));
    GeneratedArticle record;
    record.story = StoryOf(i);
    Article& article = record.article;
    article.id = fmt::format("a{}", i);
    article.source = Outlet(DrawOutlet(rng));
    article.url = fmt::format("https://example.org/{}", i);
    const int day = std::max(0, static_cast<int>(static_cast<int64_t>(i) * kDays / articles_) -
                                    static_cast<int>(rng() % 4));
    if (rng() % 100 != 0) {
      article.published = fmt::format("{}T{:02}:{:02}:00Z", Day(day), rng() % 24, rng() % 60);
      record.day = day;
    }
    article.title = Title(rng);
    std::vector<int> people(2 + rng() % 5);
    for (int& person : people) person = static_cast<int>(DrawPerson(rng));
    if (record.story) people.front() = LeadOf(record.story);
    const int words = 150 + static_cast<int>(rng() % 751);
    int written = 0;
    int sentence = 0;
    while (written < words) {
      if (sentence > 0) article.text += sentence % 4 == 0 ? "\n\n" : " ";
      const int length = 8 + static_cast<int>(rng() % 18);
      if (rng() % 3 == 0) {
        PersonSentence(article.text, people, length, record.day, rng, record.analysis);
      } else {
        AppendWords(article.text, length, true, rng);
        article.text += '.';
      }
      written += length;
      ++sentence;
    }
    article.origin = fmt::format("generated#{}", i);
    return record;
  }

  int articles_;
  uint64_t seed_;
  AliasSampler words_, people_, outlets_;
  std::vector<std::string> vocabulary_;
};

}  // namespace storyline::bench
