// story_scale_bench: the story clusterer's cost per article from 10,000 to 1,000,000
// articles.
//
// StoryClusterer::Add is the one sequential step of ingest, so its cost per article must
// not grow with the stories and articles it has seen. This driver generates a synthetic
// news stream in memory, deterministically from --seed, feeds it to Add in arrival order,
// and at 10k, 30k, 100k, 300k and 1M articles (and at --articles) prints one table row:
// articles per CPU second of Add over the last --block articles, that rate against the
// rate at the first checkpoint (the flatness figure), the same from the median batch of
// 1,000 articles (less moved by passing load), what an article read on average
// (StoryClusterer::work(): posting entries read, candidates scored, their centroid entries, the
// events near the article's day it looked through: a structure filling up to its cap shows there),
// peak and current resident memory, the size of the clusterer's saved state, and B-cubed of the
// clusters against the generated story labels (a check that the stream is neither trivial nor
// hopeless).
//
// The stream: stories are born at a steady rate (250 a day), each with its own people,
// organization, places and figures, and a category (one of 48: event type, common words,
// and a pool of rarer topic words its stories draw theirs from, so look-alike stories
// overlap). Words outside a story's own come from a Zipfian background of 30,000 words.
// Public figures and popular places recur across stories; three stories in ten are about
// public figures only. Sizes are heavy-tailed (most stories one or a few articles, a few
// up to 2,000 over a year or more), a story's articles crowd its first days, and as it
// develops it takes on new people and words, so thousands of stories are alive at once
// and old ones go quiet. Articles are 300-600 words with a dated dateline; one in seven
// is a brief of 60-120 words naming no one but the story's organization and places. Each
// comes with the Analysis an analyzer would give it: entity mentions with ids for the
// names in the text, the dateline's date, and one event naming the story's participants.
// Generation is outside the timed region.
//
// After each batch of 1,000 articles the driver takes the clusterer's changes
// (StoryClusterer::TakeChanges), as StoryUpdater does at the end of an ingest run, so
// retired stories leave memory; the CPU time of that is its own column. --hold-changes
// never takes them: every story stays held, as before changes were tracked.
//
// --store PATH (which holds the changes) then saves every story to a new SQLite store at
// PATH in one go, adds --then more articles (100) and saves again, as a small ingest run
// into a large store does, and prints the wall time of each step of each save.
//
// --collisions also counts, outside the timed region and at the cost of memory (so
// VmHWM is not the clusterer's then), the distinct features of the stream and how many
// share their hashed id (story/feature_hashing.h) with another.
//
// usage: story_scale_bench [--articles N] [--seed S] [--block B] [--retire-after N]
//                          [--hold-changes] [--store PATH [--then N]] [--collisions]
#include <malloc.h>
#include <time.h>
#include <xxhash.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <queue>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "../process_memory.h"
#include "core/analysis.h"
#include "core/article.h"
#include "store/store.h"
#include "story/calendar_day.h"
#include "story/feature_hashing.h"
#include "story/story_clusterer.h"
#include "story/story_features.h"

namespace {

using storyline::Analysis;
using storyline::Article;
using storyline::CalendarDay;

// xoshiro256** seeded through splitmix64: the same sequence on every platform, which
// the standard library's distributions do not promise.
class Random {
 public:
  explicit Random(uint64_t seed) {
    for (uint64_t& s : state_) {
      seed += 0x9e3779b97f4a7c15;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
      z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
      s = z ^ (z >> 31);
    }
  }
  uint64_t Next() {
    const uint64_t result = Rotate(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotate(state_[3], 45);
    return result;
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  int Between(int low, int high) {
    return low + static_cast<int>(Below(static_cast<size_t>(high - low) + 1));
  }
  bool Chance(double p) { return Uniform() < p; }

 private:
  static uint64_t Rotate(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t state_[4];
};

// Ranks 0..n-1 drawn with probability proportional to 1 / (rank + 1)^exponent.
class Zipf {
 public:
  Zipf(size_t n, double exponent) : cdf_(n) {
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
      cdf_[i] = total += std::pow(static_cast<double>(i + 1), -exponent);
    }
  }
  size_t Draw(Random& random) const {
    const double u = random.Uniform() * cdf_.back();
    return static_cast<size_t>(std::upper_bound(cdf_.begin(), cdf_.end(), u) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

// A pronounceable made-up word, distinct for every index: the index's digits in base 70,
// each spelled as a consonant-vowel syllable. The pools below use disjoint index ranges.
std::string Coin(uint64_t index) {
  constexpr std::string_view kConsonants = "bdfgklmnprstvz";
  constexpr std::string_view kVowels = "aeiou";
  std::string word;
  do {
    const uint64_t digit = index % 70;
    word += kConsonants[digit / 5];
    word += kVowels[digit % 5];
    index /= 70;
  } while (index > 0);
  return word;
}

std::string Capitalized(std::string word) {
  word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

constexpr size_t kBackgroundWords = 30000;   // 2 or 3 syllables
constexpr uint64_t kFirstNameBase = 400000;  // names have 4 syllables
constexpr uint64_t kSurnameBase = 1000000;
constexpr uint64_t kPlaceBase = 2000000;
constexpr uint64_t kOrgBase = 3000000;
constexpr size_t kFirstNames = 3000;
constexpr size_t kSurnames = 200000;
constexpr size_t kPublicFigures = 2000;
constexpr size_t kKnownOrgs = 3000;
constexpr size_t kOrgs = 1000000;
constexpr size_t kPlaces = 8000;
constexpr int kCategories = 48;
constexpr int kCategoryWords = 30;
constexpr int kCategoryTopics = 300;

std::string WordAtRank(size_t rank) { return Coin(70 + rank); }

// A named participant or place as the text writes it and the analyzer links it.
struct Name {
  std::string surface;     // "Kamobe Tisalu"
  std::string short_form;  // the surname, for second mentions
  std::string id;          // "kamobe-tisalu"
  std::string type;        // PERSON, ORG, PLACE
};

std::string IdOf(std::string_view surface) {
  std::string id;
  for (const char c : surface) id += c == ' ' ? '-' : static_cast<char>(std::tolower(c));
  return id;
}

Name Person(size_t first, size_t last) {
  std::string surname = Capitalized(Coin(kSurnameBase + last));
  std::string surface = Capitalized(Coin(kFirstNameBase + first)) + " " + surname;
  std::string id = IdOf(surface);
  return {std::move(surface), std::move(surname), std::move(id), "PERSON"};
}

Name Org(size_t index) {
  constexpr std::string_view kKinds[] = {"Group", "Party",     "Bank",   "Council",
                                         "Union", "Institute", "Agency", "Front"};
  std::string stem = Capitalized(Coin(kOrgBase + index));
  std::string surface = stem + " " + std::string(kKinds[index % std::size(kKinds)]);
  std::string id = IdOf(surface);
  return {std::move(surface), std::move(stem), std::move(id), "ORG"};
}

Name Place(size_t index) {
  std::string surface = Capitalized(Coin(kPlaceBase + index));
  std::string id = IdOf(surface);
  return {surface, surface, std::move(id), "PLACE"};
}

// What every story of a kind shares: the event type, a vocabulary every such story uses
// ("quake", "rubble") and a larger one each story draws its own topic from ("aftershock",
// "magnitude", "tsunami"), so that look-alike stories overlap.
struct Category {
  std::string event_type;
  std::vector<std::string> words;
  std::vector<std::string> topics;
};

// The world the stories are drawn from: background vocabulary, names, categories.
class World {
 public:
  explicit World(Random& random)
      : background_(kBackgroundWords, 1.0),
        first_names_(kFirstNames, 0.8),
        public_figures_(kPublicFigures, 1.0),
        known_orgs_(kKnownOrgs, 1.0),
        places_(kPlaces, 1.0) {
    constexpr std::string_view kTypes[] = {"CALL",     "MEET",   "PROPOSE",  "DEMAND",
                                           "ACCEPT",   "REJECT", "RELEASE",  "ATTACK",
                                           "WITHDRAW", "AID",    "STATEMENT"};
    for (int c = 0; c < kCategories; ++c) {
      Category& category = categories_.emplace_back();
      category.event_type = kTypes[static_cast<size_t>(c) % std::size(kTypes)];
      for (int w = 0; w < kCategoryWords; ++w) {
        category.words.push_back(WordAtRank(50 + random.Below(3000)));
      }
      for (int w = 0; w < kCategoryTopics; ++w) category.topics.push_back(TopicWord(random));
    }
  }

  std::string BackgroundWord(Random& random) const { return WordAtRank(background_.Draw(random)); }
  // A moderately rare word: log-uniform rank between 300 and the vocabulary's end.
  static std::string TopicWord(Random& random) {
    const double rank =
        std::exp(std::log(300.0) + random.Uniform() * std::log(kBackgroundWords / 300.0));
    return WordAtRank(static_cast<size_t>(rank));
  }
  // Public figures have surnames of their own, past the private persons' range.
  Name PublicFigure(Random& random) const {
    const size_t i = public_figures_.Draw(random);
    return Person(i % kFirstNames, kSurnames + i);
  }
  Name PrivatePerson(Random& random) const {
    return Person(first_names_.Draw(random), random.Below(kSurnames));
  }
  Name Organization(Random& random) const {
    return random.Chance(0.5) ? Org(known_orgs_.Draw(random))
                              : Org(kKnownOrgs + random.Below(kOrgs));
  }
  Name Location(Random& random) const { return Place(places_.Draw(random)); }
  const Category& category(size_t i) const { return categories_[i]; }

 private:
  Zipf background_, first_names_, public_figures_, known_orgs_, places_;
  std::vector<Category> categories_;
};

// One developing story: who and where, its vocabulary and figures, when it started.
struct StorySpec {
  int label = 0;
  size_t category = 0;
  double birth = 0;  // days since the stream's first day
  std::vector<Name> people;
  std::vector<Name> orgs;
  std::vector<Name> places;
  std::vector<std::string> topic;
  std::vector<std::string> figures;
  int remaining = 0;  // articles still to come
};

StorySpec NewStory(const World& world, Random& random, int label, double birth) {
  StorySpec story;
  story.label = label;
  story.birth = birth;
  story.category = random.Below(kCategories);
  // Some stories are about the usual actors only (public figures who recur in others).
  const bool usual_actors = random.Chance(0.3);
  if (random.Chance(0.4)) story.people.push_back(world.PublicFigure(random));
  const auto people = static_cast<size_t>(random.Between(2, 4));
  while (story.people.size() < people) {
    story.people.push_back(usual_actors ? world.PublicFigure(random) : world.PrivatePerson(random));
  }
  story.orgs.push_back(world.Organization(random));
  for (int i = random.Between(1, 2); i > 0; --i) story.places.push_back(world.Location(random));
  const Category& category = world.category(story.category);
  for (int i = random.Between(12, 25); i > 0; --i) {
    story.topic.push_back(category.topics[random.Below(category.topics.size())]);
  }
  for (int i = random.Between(2, 3); i > 0; --i) {
    story.figures.push_back(std::to_string(random.Between(2, 5000)));
  }
  return story;
}

// A developing story takes on new people and words as it goes, so its last articles
// share less with its first ones.
void Develop(const World& world, Random& random, StorySpec& story) {
  constexpr size_t kMostPeople = 6;
  if (story.people.size() < kMostPeople) {
    story.people.push_back(world.PrivatePerson(random));
  } else {
    story.people[1 + random.Below(kMostPeople - 1)] = world.PrivatePerson(random);
  }
  for (int i = 0; i < 3; ++i) {
    story.topic[random.Below(story.topic.size())] = world.TopicWord(random);
  }
}

constexpr std::string_view kFunctionWords[] = {
    "the", "of",   "and",  "to",   "in",    "a",    "that",  "for",  "on",  "with",
    "was", "said", "as",   "by",   "at",    "from", "his",   "it",   "is",  "were",
    "had", "has",  "have", "be",   "after", "an",   "their", "they", "who", "which",
    "but", "not",  "this", "been", "would", "will", "its",   "are",  "or",  "he"};

constexpr std::string_view kMonths[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};

// "March 5, 2021" for a day.
std::string SpelledDate(CalendarDay day) {
  const std::string iso = storyline::FormatIsoDay(day);
  const int month = std::stoi(iso.substr(5, 2));
  const int day_of_month = std::stoi(iso.substr(8, 2));
  return std::string(kMonths[month - 1]) + " " + std::to_string(day_of_month) + ", " +
         iso.substr(0, 4);
}

// Writes an article's text and, alongside, the spans the analyzer would report.
class ArticleWriter {
 public:
  // A brief is a short update that names no one, only the story's organization and places.
  ArticleWriter(const World& world, const StorySpec& story, bool brief, Random& random)
      : world_(world), story_(story), brief_(brief), random_(random) {}

  void Write(CalendarDay day, CalendarDay happening, Article& article, Analysis& analysis) {
    article_ = &article;
    analysis_ = &analysis;
    mentioned_.clear();
    article.title = Title();
    Dateline(day);
    Event(happening);
    const int words = brief_ ? random_.Between(60, 120) : random_.Between(300, 600);
    while (words_ < words) {
      Sentence();
      if (random_.Chance(0.3)) article.text += "\n\n";
    }
  }

 private:
  std::string Title() {
    std::string title = story_.places.front().surface;
    for (int i = 0; i < 6; ++i) {
      title += " " + (i % 2 ? Pick(story_.topic) : Pick(world_.category(story_.category).words));
    }
    return title + " " + (brief_ ? story_.orgs : story_.people).front().short_form;
  }

  void Dateline(CalendarDay day) {
    Append(story_.places.front().surface + ",");
    const uint32_t start = Append(SpelledDate(day));
    analysis_->times.push_back(
        {{start, End()}, article_->text.substr(start), "DATE", storyline::FormatIsoDay(day)});
    Append("-");
  }

  // The happening the lead reports: the story's type, its first people and organization.
  void Event(CalendarDay happening) {
    storyline::Event event;
    event.type = world_.category(story_.category).event_type;
    event.trigger = Pick(world_.category(story_.category).words);
    event.span.start = Append(event.trigger);
    event.span.end = End();
    if (!brief_) event.actors.push_back({"agent", story_.people.front().id});
    event.actors.push_back({"patient", story_.orgs.front().id});
    event.time = storyline::FormatIsoDay(happening);
    event.place = story_.places.front().id;
    analysis_->events.push_back(std::move(event));
  }

  void Sentence() {
    const int length = random_.Between(10, 24);
    const int name_at = random_.Chance(0.6) ? random_.Between(0, length - 1) : -1;
    const int figure_at = random_.Chance(0.15) ? random_.Between(0, length - 1) : -1;
    const int stranger_at = random_.Chance(0.08) ? random_.Between(0, length - 1) : -1;
    for (int i = 0; i < length; ++i) {
      if (i == name_at) Mention(StoryName());
      if (i == stranger_at) Mention(Stranger());
      if (i == figure_at) Append(Pick(story_.figures));
      Append(Word(), i == 0);
    }
    article_->text += '.';
  }

  std::string Word() {
    const double u = random_.Uniform();
    if (u < 0.38) return std::string(kFunctionWords[random_.Below(std::size(kFunctionWords))]);
    if (u < 0.48) return Pick(story_.topic);
    if (u < 0.60) return Pick(world_.category(story_.category).words);
    if (u < 0.62) return std::to_string(random_.Between(2, 999));
    return world_.BackgroundWord(random_);
  }

  const Name& StoryName() {
    const double u = random_.Uniform();
    if (u < 0.6 && !brief_) return story_.people[random_.Below(story_.people.size())];
    if (u < 0.8) return story_.orgs.front();
    return story_.places[random_.Below(story_.places.size())];
  }

  // A name from outside the story: a public figure or a place mentioned in passing.
  const Name& Stranger() {
    stranger_ = random_.Chance(0.5) ? world_.PublicFigure(random_) : world_.Location(random_);
    return stranger_;
  }

  // The full name the first time, the short form after.
  void Mention(const Name& name) {
    const bool again = std::find(mentioned_.begin(), mentioned_.end(), name.id) != mentioned_.end();
    const std::string& text = again ? name.short_form : name.surface;
    const uint32_t start = Append(text);
    storyline::EntityMention& mention = analysis_->entities.emplace_back();
    mention.span = {start, End()};
    mention.text = text;
    mention.type = name.type;
    mention.entity = name.id;
    mention.name = name.surface;
    if (!again) mentioned_.push_back(name.id);
  }

  // Appends a word (capitalized when it opens a sentence); returns its start.
  uint32_t Append(std::string_view word, bool sentence_start = false) {
    std::string& text = article_->text;
    if (!text.empty() && text.back() != '\n') text += ' ';
    const uint32_t start = End();
    text += word;
    if (sentence_start && text[start] >= 'a' && text[start] <= 'z') text[start] -= 'a' - 'A';
    ++words_;
    return start;
  }

  uint32_t End() const { return static_cast<uint32_t>(article_->text.size()); }
  const std::string& Pick(const std::vector<std::string>& from) {
    return from[random_.Below(from.size())];
  }

  const World& world_;
  const StorySpec& story_;
  bool brief_;
  Random& random_;
  Article* article_ = nullptr;
  Analysis* analysis_ = nullptr;
  std::vector<std::string> mentioned_;
  Name stranger_;
  int words_ = 0;
};

struct LabeledArticle {
  Article article;
  Analysis analysis;
  int label = 0;
};

// The stream in arrival order. Stories are born as a Poisson process; each draws its size
// (Pareto, capped) and lifetime (growing with size) and schedules its articles, most in
// its first days. Only stories with articles still to come are held.
class NewsStream {
 public:
  explicit NewsStream(uint64_t seed) : random_(seed), world_(random_) {}

  LabeledArticle Next() {
    while (pending_.empty() || next_birth_ <= pending_.top().first) {
      Birth(next_birth_);
      next_birth_ += -std::log(1 - random_.Uniform()) / kStoriesPerDay;
    }
    const auto [time, label] = pending_.top();
    pending_.pop();
    last_time_ = time;
    StorySpec& story = alive_.at(label);
    LabeledArticle out = Write(story, time);
    if (--story.remaining == 0) alive_.erase(label);
    return out;
  }

  size_t alive() const { return alive_.size(); }
  int day() const { return static_cast<int>(last_time_); }

 private:
  static constexpr double kStoriesPerDay = 250;
  static constexpr double kSizeExponent = 1.25;
  static constexpr int kMaxSize = 2000;
  static constexpr double kDevelopChance = 0.1;
  static constexpr double kBriefChance = 0.15;

  void Birth(double time) {
    const int label = next_label_++;
    StorySpec story = NewStory(world_, random_, label, time);
    const double pareto = std::pow(1 - random_.Uniform(), -1 / kSizeExponent);
    story.remaining = static_cast<int>(std::min<double>(kMaxSize, std::floor(pareto)));
    const double lifetime = 3 + 6 * std::pow(story.remaining, 0.75) * (0.5 + random_.Uniform());
    pending_.emplace(time, label);
    for (int i = 1; i < story.remaining; ++i) {
      const double u = random_.Uniform();
      pending_.emplace(time + lifetime * u * u, label);
    }
    alive_.emplace(label, std::move(story));
  }

  LabeledArticle Write(StorySpec& story, double time) {
    static const CalendarDay kFirstDay = *storyline::DayFromDate(2019, 1, 1);
    const CalendarDay day = kFirstDay + static_cast<int>(time);
    const CalendarDay birth = kFirstDay + static_cast<int>(story.birth);
    // Follow-ups report new developments on their own day, or look back at the start.
    const CalendarDay happening = day - birth <= 1 || random_.Chance(0.5) ? birth : day;
    if (random_.Chance(kDevelopChance)) Develop(world_, random_, story);
    LabeledArticle out;
    out.label = story.label;
    char id[17];
    std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(random_.Next()));
    out.article.id = id;
    out.article.published = storyline::FormatIsoDay(day);
    const bool brief = random_.Chance(kBriefChance);
    ArticleWriter(world_, story, brief, random_).Write(day, happening, out.article, out.analysis);
    return out;
  }

  Random random_;
  World world_;
  std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>,
                      std::greater<>>
      pending_;  // (time in days, story label), earliest first
  std::unordered_map<int, StorySpec> alive_;
  int next_label_ = 1;
  double next_birth_ = 0;
  double last_time_ = 0;
};

double ProcessCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// An output stream that only counts the bytes written to it.
class CountingBuffer : public std::streambuf {
 public:
  uint64_t bytes() const { return bytes_; }

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++bytes_;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes_ += static_cast<uint64_t>(n);
    return n;
  }

 private:
  uint64_t bytes_ = 0;
};

uint64_t StateBytes(const storyline::StoryClusterer& clusterer) {
  CountingBuffer buffer;
  std::ostream out(&buffer);
  clusterer.Save(out);
  return buffer.bytes();
}

// Story ids as the clusterer's merges left them (a merged story lives on in another).
class MergeResolver {
 public:
  // Merges after those added before.
  void Add(const std::vector<storyline::StoryMerge>& merges) {
    for (const storyline::StoryMerge& merge : merges) {
      const auto from = static_cast<size_t>(merge.from);
      if (into_.size() <= from) into_.resize(from + 1);
      into_[from] = merge.into;
    }
  }
  int Resolve(int id) const {
    while (static_cast<size_t>(id) < into_.size() && into_[static_cast<size_t>(id)] != 0) {
      id = into_[static_cast<size_t>(id)];
    }
    return id;
  }

 private:
  std::vector<int> into_;
};

struct BCubed {
  double precision = 0;
  double recall = 0;
  double F1() const { return 2 * precision * recall / (precision + recall); }
};

// B-cubed over articles: for each, the share of its cluster that is its story (precision)
// and of its story that is in its cluster (recall), averaged.
BCubed ScoreBCubed(const std::vector<int>& clusters, const std::vector<int>& stories) {
  std::unordered_map<uint64_t, double> both;
  std::unordered_map<int, double> cluster_size, story_size;
  for (size_t i = 0; i < clusters.size(); ++i) {
    ++both[static_cast<uint64_t>(clusters[i]) << 32 | static_cast<uint32_t>(stories[i])];
    ++cluster_size[clusters[i]];
    ++story_size[stories[i]];
  }
  BCubed score;
  for (const auto& [key, n] : both) {
    score.precision += n * n / cluster_size.at(static_cast<int>(key >> 32));
    score.recall += n * n / story_size.at(static_cast<int>(key & 0xffffffff));
  }
  score.precision /= static_cast<double>(clusters.size());
  score.recall /= static_cast<double>(clusters.size());
  return score;
}

// Distinct features of a stream, and those whose hashed id another distinct feature has.
class CollisionCounter {
 public:
  void Add(const Article& article, const Analysis& analysis) {
    for (const auto& [feature, count] : storyline::ExtractStoryFeatures(article, analysis).counts) {
      if (!seen_.insert(XXH3_64bits(feature.data(), feature.size())).second) continue;
      const int sharing = ++features_per_id_[storyline::FeatureId(feature)];
      sharing_ += sharing == 2 ? 2 : sharing > 2 ? 1 : 0;
    }
  }
  size_t features() const { return seen_.size(); }
  size_t sharing() const { return sharing_; }

 private:
  std::unordered_set<uint64_t> seen_;  // 64-bit hashes of the features seen
  std::unordered_map<uint32_t, int> features_per_id_;
  size_t sharing_ = 0;
};

// Checkpoints 10k, 30k, 100k, 300k, 1M up to `articles`, and `articles` itself.
std::vector<size_t> Checkpoints(size_t articles) {
  std::vector<size_t> points;
  for (size_t p : {10000, 30000, 100000, 300000, 1000000}) {
    if (p < articles) points.push_back(p);
  }
  points.push_back(articles);
  return points;
}

// Feeds the stream to the clusterer, timing Add alone, and prints the table.
class ScaleRun {
 public:
  ScaleRun(uint64_t seed, size_t block, storyline::StoryClustererOptions options, bool hold_changes,
           bool collisions)
      : stream_(seed),
        block_(block),
        clusterer_(options),
        hold_changes_(hold_changes),
        collisions_(collisions) {}

  void Run(size_t articles) {
    std::cout << "| articles | days | stories alive (generator) | live clusters | retired "
                 "| ids used | features | sharing an id | Add µs/article | articles/s | vs first "
                 "| median batch µs/article | vs first (median) "
                 "| postings/article | candidates/article | centroid entries/article "
                 "| events/article "
                 "| take µs/article | VmHWM MiB | VmRSS MiB | heap MiB | state MiB | B3 P | B3 R "
                 "| B3 F1 |\n"
              << "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
                 "---|---|---|---|---|\n";
    for (const size_t checkpoint : Checkpoints(articles)) {
      const size_t block_start = checkpoint - std::min(block_, checkpoint);
      AddUntil(block_start);
      batch_us_per_article_.clear();
      const storyline::StoryClusterer::Work work_before = clusterer_.work();
      const double add_before = add_cpu_seconds_;
      const double take_before = take_cpu_seconds_;
      AddUntil(checkpoint);
      Report(checkpoint - block_start, add_cpu_seconds_ - add_before,
             take_cpu_seconds_ - take_before, work_before);
    }
  }

  // Saves every story so far to a new store at `path`, then adds `more` articles and
  // saves their changes.
  void SaveToStore(const std::string& path, size_t more) {
    auto store = storyline::OpenStore(path);
    std::cout << "\n| save | articles in store | stories written | take ms | state ms | "
                 "store ms |\n|---|---|---|---|---|---|\n";
    SaveChanges(*store, "all at once");
    for (size_t i = 0; i < more; ++i) {
      const LabeledArticle item = stream_.Next();
      clusterer_.Add(item.article, item.analysis);
    }
    SaveChanges(*store, std::to_string(more) + " more articles");
  }

 private:
  static constexpr size_t kBatch = 1000;

  // Generates batches, then times Add over each.
  void AddUntil(size_t count) {
    std::vector<LabeledArticle> batch;
    while (clusters_.size() < count) {
      batch.clear();
      for (size_t n = std::min(kBatch, count - clusters_.size()); n > 0; --n) {
        batch.push_back(stream_.Next());
      }
      std::vector<int> placed;
      const double start = ProcessCpuSeconds();
      for (const LabeledArticle& item : batch) {
        const storyline::StoryPlacement placement = clusterer_.Add(item.article, item.analysis);
        placed.push_back(placement.story);
        new_stories_ += placement.new_story;
      }
      const double seconds = ProcessCpuSeconds() - start;
      add_cpu_seconds_ += seconds;
      batch_us_per_article_.push_back(1e6 * seconds / static_cast<double>(batch.size()));
      if (!hold_changes_) TakeChanges();
      if (collisions_) {
        for (const LabeledArticle& item : batch) {
          collision_counter_.Add(item.article, item.analysis);
        }
      }
      for (size_t i = 0; i < batch.size(); ++i) {
        clusters_.push_back(placed[i]);
        labels_.push_back(batch[i].label);
      }
    }
  }

  void SaveChanges(storyline::Store& store, const std::string& what) {
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::duration d) {
      return Fixed(std::chrono::duration<double, std::milli>(d).count(), 1);
    };
    const auto start = Clock::now();
    const storyline::StoryChanges changes = clusterer_.TakeChanges();
    const auto taken = Clock::now();
    std::ostringstream state;
    clusterer_.Save(state);
    const auto serialized = Clock::now();
    store.SaveStoryChanges({.blob = state.str()}, changes);
    const auto saved = Clock::now();
    std::cout << "| " << what << " | " << clusterer_.articles() << " | "
              << changes.changed.size() + changes.retired.size() << " | " << ms(taken - start)
              << " | " << ms(serialized - taken) << " | " << ms(saved - serialized) << " |"
              << std::endl;
  }

  void TakeChanges() {
    const double start = ProcessCpuSeconds();
    const storyline::StoryChanges changes = clusterer_.TakeChanges();
    take_cpu_seconds_ += ProcessCpuSeconds() - start;
    resolver_.Add(changes.merges);
    merges_ += changes.merges.size();
    splits_ += changes.splits.size();
  }

  // The median of the block's batches: a load that comes and goes on a shared machine
  // moves a few batches, not the median.
  double MedianBatchCost() const {
    std::vector<double> costs = batch_us_per_article_;
    const auto middle = costs.begin() + static_cast<long>(costs.size() / 2);
    std::nth_element(costs.begin(), middle, costs.end());
    return *middle;
  }

  void Report(size_t block, double cpu_seconds, double take_cpu_seconds,
              const storyline::StoryClusterer::Work& work_before) {
    const storyline::StoryClusterer::Work& work = clusterer_.work();
    const auto per_article = [block](uint64_t now, uint64_t before) {
      return Fixed(static_cast<double>(now - before) / static_cast<double>(block), 1);
    };
    const double rate = static_cast<double>(block) / cpu_seconds;
    if (first_rate_ == 0) first_rate_ = rate;
    const double median_cost = MedianBatchCost();
    if (first_median_cost_ == 0) first_median_cost_ = median_cost;
    if (hold_changes_) {
      resolver_ = MergeResolver();
      resolver_.Add(clusterer_.merges());
      merges_ = clusterer_.merges().size();
      splits_ = clusterer_.splits().size();
    }
    std::vector<int> resolved(clusters_.size());
    for (size_t i = 0; i < clusters_.size(); ++i) resolved[i] = resolver_.Resolve(clusters_[i]);
    const BCubed b3 = ScoreBCubed(resolved, labels_);
    const struct mallinfo2 heap = mallinfo2();
    std::cout << "| " << clusters_.size() << " | " << stream_.day() << " | " << stream_.alive()
              << " | " << new_stories_ + splits_ - merges_ << " | " << clusterer_.retired_stories()
              << " | " << clusterer_.document_frequencies().ids_used() << " | "
              << (collisions_ ? std::to_string(collision_counter_.features()) : "-") << " | "
              << (collisions_ ? Fixed(100.0 * static_cast<double>(collision_counter_.sharing()) /
                                          static_cast<double>(collision_counter_.features()),
                                      2) +
                                    "%"
                              : "-")
              << " | " << Fixed(1e6 * cpu_seconds / block, 1) << " | " << Fixed(rate, 0) << " | "
              << Fixed(rate / first_rate_, 2) << " | " << Fixed(median_cost, 1) << " | "
              << Fixed(first_median_cost_ / median_cost, 2) << " | "
              << per_article(work.postings, work_before.postings) << " | "
              << per_article(work.candidates, work_before.candidates) << " | "
              << per_article(work.centroid_entries, work_before.centroid_entries) << " | "
              << per_article(work.events, work_before.events) << " | "
              << Fixed(1e6 * take_cpu_seconds / static_cast<double>(block), 1) << " | "
              << Fixed(storyline::bench::ProcessStatusMiB("VmHWM"), 0) << " | "
              << Fixed(storyline::bench::ProcessStatusMiB("VmRSS"), 0) << " | "
              << Fixed(static_cast<double>(heap.uordblks + heap.hblkhd) / (1 << 20), 0) << " | "
              << Fixed(static_cast<double>(StateBytes(clusterer_)) / (1 << 20), 1) << " | "
              << Fixed(b3.precision, 3) << " | " << Fixed(b3.recall, 3) << " | "
              << Fixed(b3.F1(), 3) << " |" << std::endl;
  }

  static std::string Fixed(double value, int decimals) {
    char out[32];
    std::snprintf(out, sizeof out, "%.*f", decimals, value);
    return out;
  }

  NewsStream stream_;
  size_t block_;
  storyline::StoryClusterer clusterer_;
  MergeResolver resolver_;
  std::vector<int> clusters_;  // per article, the story Add placed it in
  std::vector<int> labels_;    // per article, the generated story
  size_t new_stories_ = 0;
  size_t merges_ = 0;
  size_t splits_ = 0;
  double add_cpu_seconds_ = 0;
  double take_cpu_seconds_ = 0;
  double first_rate_ = 0;
  std::vector<double> batch_us_per_article_;  // Add, per batch of the block being timed
  double first_median_cost_ = 0;
  bool hold_changes_;
  bool collisions_;
  CollisionCounter collision_counter_;
};

int Main(int argc, char** argv) {
  CLI::App app{"Story clustering cost per article on a generated stream of growing size"};
  size_t articles = 1000000;
  uint64_t seed = 1;
  size_t block = 10000;
  app.add_option("--articles", articles, "articles to generate and cluster")
      ->check(CLI::Range(size_t{1}, size_t{100000000}));
  app.add_option("--seed", seed, "generator seed");
  app.add_option("--block", block, "articles timed before each checkpoint")
      ->check(CLI::Range(size_t{1}, size_t{1000000}));
  storyline::StoryClustererOptions options;
  app.add_option("--retire-after", options.retire_after_articles,
                 "articles after which a quiet story retires (0: never)");
  app.add_option("--split-threshold", options.split_threshold,
                 "similarity below which an event splits off its story (0: never)");
  app.add_option("--max-scored-entries", options.max_scored_entries,
                 "centroid entries scored per article (0: no limit)");
  bool hold_changes = false;
  app.add_flag("--hold-changes", hold_changes,
               "never take the clusterer's changes: every story stays held");
  bool collisions = false;
  app.add_flag("--collisions", collisions,
               "count distinct features and those sharing a hashed id (costs memory)");
  std::string store;
  app.add_option("--store", store,
                 "then save every story to a new SQLite store at this path (holds the changes)");
  size_t then = 100;
  app.add_option("--then", then, "with --store: articles added and saved after the first save");
  CLI11_PARSE(app, argc, argv);
  ScaleRun run(seed, block, options, hold_changes || !store.empty(), collisions);
  run.Run(articles);
  if (!store.empty()) run.SaveToStore(store, then);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "story_scale_bench: " << error.what() << "\n";
    return 1;
  }
}
