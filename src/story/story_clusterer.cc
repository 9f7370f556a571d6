#include "story/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>
#include <stdexcept>
#include <utility>

#include "story/label_words.h"
#include "story/story_features.h"

namespace storyline {
namespace {

std::optional<CalendarDay> Min(std::optional<CalendarDay> a, std::optional<CalendarDay> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

std::optional<CalendarDay> Max(std::optional<CalendarDay> a, std::optional<CalendarDay> b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}

// The span of the days of `events`.
template <typename Events>
std::pair<std::optional<CalendarDay>, std::optional<CalendarDay>> DaySpan(const Events& events) {
  std::optional<CalendarDay> first, last;
  for (const auto& event : events) first = Min(first, event.day), last = Max(last, event.day);
  return {first, last};
}

// Keys by count, most frequent first, ties alphabetical.
std::vector<std::string> ByCount(const std::map<std::string, int>& counts, size_t limit) {
  std::vector<std::pair<int, std::string>> ranked;
  ranked.reserve(counts.size());
  for (const auto& [key, count] : counts) ranked.emplace_back(-count, key);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> keys;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) keys.push_back(ranked[i].second);
  return keys;
}

constexpr size_t kEventActors = 5;
// Reporters disagree on an age by a year or two (a birthday between reports, a slip:
// one robbery's suspect is 27 in some reports of ECB+ and 29 in others); occasions
// years apart, or two people of one name, differ by more.
constexpr int kAgeGap = 3;
// Persons whose ages a story keeps: the few it is about are named with their age early.
constexpr size_t kStoryAges = 16;
constexpr size_t kStoryOffices = 16;

bool Holds(const SparseVector& article, uint32_t id) {
  return std::binary_search(article.begin(), article.end(), std::pair<uint32_t, float>(id, 0),
                            [](const auto& a, const auto& b) { return a.first < b.first; });
}
constexpr size_t kLabelNames = 3;
// Names and words whose surfaces a story keeps, each: twice the label's, so that two
// stories merging, or a split, still find their label among them.
constexpr size_t kLabelCandidates = 2 * kLabelNames;

// Keeps the `keep` keys ByCount ranks first, with their counts, so that ByCount still
// answers the same.
void KeepMostFrequent(std::map<std::string, int>& counts, size_t keep) {
  if (counts.size() <= keep) return;
  std::map<std::string, int> kept;
  for (const std::string& key : ByCount(counts, keep)) kept.emplace(key, counts.at(key));
  counts = std::move(kept);
}

// Label's order of a centroid's features: strongest first, ties to the lower id.
bool LabelOrder(const std::pair<uint32_t, float>& a, const std::pair<uint32_t, float>& b) {
  return a.second != b.second ? a.second > b.second : a.first < b.first;
}

// A day the text names beats one inferred from the article's news day.
void TakeBetterDay(std::optional<EventFrame>& event_frame, std::optional<CalendarDay>& event_day,
                   const EventFrame& frame) {
  if (!event_frame || !frame.day) return;
  if (!event_day || (event_frame->day_inferred && !frame.day_inferred)) {
    event_day = frame.day;
    event_frame->day = frame.day;
    event_frame->day_inferred = frame.day_inferred;
  }
}

}  // namespace

void StoryClusterer::Centroids::Add(const ArticleVectors& article, size_t keep,
                                    size_t prune_above) {
  all.Add(article.all, keep, prune_above);
  particulars.Add(article.particulars, keep, prune_above);
}

StoryClusterer::StoryClusterer(StoryClustererOptions options)
    : options_(options),
      postings_(options.postings_per_feature),
      tally_(static_cast<size_t>(options.query_features) *
             static_cast<size_t>(options.postings_per_feature)) {}

void StoryClusterer::ArticleTables::Assign(const ArticleVectors& article) {
  all.Assign(article.all);
  particulars.Assign(article.particulars);
  identifying.Assign(article.identifying);
  has_particulars = !article.particulars.empty();
}

bool StoryClusterer::AgesConflict(const std::vector<PersonAge>& story,
                                  const std::vector<PersonAge>& ages) {
  for (const PersonAge& given : ages) {
    for (const PersonAge& known : story) {
      if (known.person == given.person &&
          (given.oldest - known.youngest >= kAgeGap || known.oldest - given.youngest >= kAgeGap)) {
        return true;
      }
    }
  }
  return false;
}

void StoryClusterer::AddAges(std::vector<PersonAge>& story, const std::vector<PersonAge>& ages) {
  for (const PersonAge& given : ages) {
    const auto known = std::find_if(story.begin(), story.end(), [&](const PersonAge& known) {
      return known.person == given.person;
    });
    if (known != story.end()) {
      known->youngest = std::min(known->youngest, given.youngest);
      known->oldest = std::max(known->oldest, given.oldest);
    } else if (story.size() < kStoryAges) {
      story.push_back(given);
    }
  }
}

bool StoryClusterer::OfficesConflict(const StoryCluster& story,
                                     const std::vector<OfficeHolder>& offices,
                                     const SparseVector& article) {
  for (const OfficeHolder& named : offices) {
    for (const OfficeHolder& known : story.offices) {
      if (known.office == named.office && known.holder != 0 && known.holder != named.holder &&
          !Holds(article, known.holder) && story.centroid.all.WeightOf(named.holder) == 0) {
        return true;
      }
    }
  }
  return false;
}

bool StoryClusterer::OfficesConflict(const StoryCluster& a, const StoryCluster& b) {
  for (const OfficeHolder& named : b.offices) {
    for (const OfficeHolder& known : a.offices) {
      if (known.office == named.office && known.holder != 0 && named.holder != 0 &&
          known.holder != named.holder && b.centroid.all.WeightOf(known.holder) == 0 &&
          a.centroid.all.WeightOf(named.holder) == 0) {
        return true;
      }
    }
  }
  return false;
}

void StoryClusterer::AddOffices(std::vector<OfficeHolder>& story,
                                const std::vector<OfficeHolder>& offices) {
  for (const OfficeHolder& named : offices) {
    const auto known = std::find_if(story.begin(), story.end(), [&](const OfficeHolder& known) {
      return known.office == named.office;
    });
    if (known != story.end()) {
      if (known->holder != named.holder) known->holder = 0;
    } else if (story.size() < kStoryOffices) {
      story.push_back(named);
    }
  }
}

float StoryClusterer::Similarity(const Centroids& cluster, const ArticleTables& article) const {
  const float all = cluster.all.Cosine(article.all);
  if (!article.has_particulars) return all;
  return (1 - options_.particulars_share) * all +
         options_.particulars_share * cluster.particulars.Cosine(article.particulars);
}

// A place is where many unrelated things happen (a markets report, a protest and a
// stock listing in one city; two shootings a month apart in it), and a year, a
// one-digit number are in every other report: the particulars count towards joining a
// story only when the two share a name that is not a place's, or a number of two digits
// or more.
float StoryClusterer::StorySimilarity(const Centroids& story, const ArticleTables& article) const {
  const float all = story.all.Cosine(article.all);
  if (!article.has_particulars) return all;
  const bool identified = article.identifying.Dot(story.particulars.sum()) > 0;
  const float particulars = identified ? story.particulars.Cosine(article.particulars) : 0;
  return (1 - options_.particulars_share) * all + options_.particulars_share * particulars;
}

float StoryClusterer::Similarity(const Centroids& a, const Centroids& b) const {
  return (1 - options_.particulars_share) * a.all.Cosine(b.all) +
         options_.particulars_share * a.particulars.Cosine(b.particulars);
}

StoryClusterer::ArticleVectors StoryClusterer::Vectorize(const StoryFeatures& features,
                                                         std::vector<LabelFeature>& label_features,
                                                         bool counted) {
  struct Hashed {
    uint32_t id;
    float count;
    bool particular;
    bool identifying;
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy misreads a defaulted <=>
    auto operator<=>(const Hashed&) const = default;
  };
  std::vector<Hashed> hashed;
  hashed.reserve(features.counts.size());
  for (const auto& [feature, count] : features.counts) {
    const uint32_t id = FeatureId(feature);
    const char kind = feature.front();
    const bool particular = kind == 'e' || kind == 'n' || kind == 'y';
    const bool identifying =
        (kind == 'e' &&
         !std::binary_search(features.place_names.begin(), features.place_names.end(), feature)) ||
        (kind == 'n' && feature.size() >= 4);
    hashed.push_back({id, count, particular, identifying});
    if (feature.starts_with("w:")) {
      const auto surface = std::lower_bound(
          features.words.begin(), features.words.end(), feature,
          [](const auto& entry, const std::string& key) { return entry.first < key; });
      const bool known = surface != features.words.end() && surface->first == feature;
      label_features.push_back({id, false, known ? surface->second : feature.substr(2)});
    }
  }
  for (const auto& [feature, surface] : features.names) {
    const bool entity =
        std::binary_search(features.entity_names.begin(), features.entity_names.end(), feature);
    label_features.push_back({FeatureId(feature), true, surface, entity});
  }
  // Features that share an id count as one.
  std::sort(hashed.begin(), hashed.end());
  size_t unique = 0;
  for (const Hashed& h : hashed) {
    if (unique > 0 && hashed[unique - 1].id == h.id) {
      hashed[unique - 1].count += h.count;
      hashed[unique - 1].particular |= h.particular;
      hashed[unique - 1].identifying |= h.identifying;
    } else {
      hashed[unique++] = h;
    }
  }
  hashed.resize(unique);
  std::vector<uint32_t> ids;
  ids.reserve(hashed.size());
  for (const Hashed& h : hashed) ids.push_back(h.id);
  if (!counted) document_frequencies_.CountDocument(ids);
  ArticleVectors vectors;
  vectors.all.reserve(hashed.size());
  for (const Hashed& h : hashed) {
    const float tf = 1 + std::log(std::max(h.count, 1.0f));
    const float weight = tf * document_frequencies_.Idf(h.id);
    vectors.all.emplace_back(h.id, weight);
    if (h.particular) vectors.particulars.emplace_back(h.id, weight);
    if (h.identifying) vectors.identifying.emplace_back(h.id, weight);
  }
  Normalize(vectors.all);
  Normalize(vectors.particulars);
  return vectors;
}

// The posting lists of the unit vector's strongest features, each once.
std::vector<uint32_t> StoryClusterer::QueryLists(const SparseVector& unit) const {
  SparseVector strongest = unit;
  KeepStrongest(strongest, static_cast<size_t>(options_.query_features));
  std::vector<uint32_t> lists;
  for (const auto& [id, weight] : strongest) lists.push_back(PostingTable::ListOf(id));
  std::sort(lists.begin(), lists.end());
  lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
  return lists;
}

int StoryClusterer::Live(int story_id) const {
  while (links_[static_cast<size_t>(story_id - 1)] > 0) {
    story_id = links_[static_cast<size_t>(story_id - 1)];
  }
  return story_id;
}

bool StoryClusterer::Retired(int live_story) const {
  return links_[static_cast<size_t>(live_story - 1)] == kRetiredLink;
}

int StoryClusterer::NewStory() {
  const int id = static_cast<int>(stories_.size()) + 1;
  stories_.emplace_back().id = id;
  links_.push_back(0);
  return id;
}

std::vector<int> StoryClusterer::Candidates(const std::vector<uint32_t>& lists) {
  for (const uint32_t list : lists) {
    work_.postings += postings_.List(list).size();
    for (const int id : postings_.List(list)) {
      const int live = Live(id);
      if (!Retired(live)) tally_.Add(live);
    }
  }
  // Most shared features first, then the newer story; only the best are scored, so the
  // cost per article stays flat however full the posting lists get.
  std::vector<std::pair<int, int32_t>> ranked;  // (-hits, -id)
  tally_.Drain(ranked);
  for (auto& [hits, id] : ranked) hits = -hits, id = -id;
  const size_t keep = std::min(ranked.size(), static_cast<size_t>(options_.max_candidates));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end());
  std::vector<int> candidates;
  size_t entries = 0;
  for (size_t i = 0; i < keep; ++i) {
    const int id = -ranked[i].second;
    const Centroids& centroid = story(id).centroid;
    entries += centroid.all.sum().size() + centroid.particulars.sum().size();
    if (i > 0 && options_.max_scored_entries > 0 && entries > options_.max_scored_entries) break;
    candidates.push_back(id);
  }
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

float StoryClusterer::TimeFactor(const StoryCluster& story, std::optional<CalendarDay> day) const {
  if (!day || !story.first_day) return 1;
  const int gap = *day < *story.first_day  ? *story.first_day - *day
                  : *day > *story.last_day ? *day - *story.last_day
                                           : 0;
  if (gap <= options_.time_grace_days) return 1;
  return 1 / (1 + static_cast<float>(gap - options_.time_grace_days) / options_.time_scale_days);
}

float StoryClusterer::TimeFactor(const StoryCluster& a, const StoryCluster& b) const {
  if (!a.first_day || !b.first_day) return 1;
  if (*b.last_day < *a.first_day) return TimeFactor(a, b.last_day);
  if (*b.first_day > *a.last_day) return TimeFactor(a, b.first_day);
  return 1;
}

bool StoryClusterer::SameScene(const StoryCluster& story, const StoryFeatures& features) {
  if (!features.event_day || !features.place) return false;
  for (const uint32_t i : EventsNear(story, features.event_day)) {
    const EventCluster& event = story.events[i];
    if (event.day && std::abs(*event.day - *features.event_day) <= options_.event_day_tolerance &&
        event.reported_from.contains(*features.place)) {
      return true;
    }
  }
  return false;
}

// Returns the stories whose last posting-list entry it pushed out.
std::vector<int> StoryClusterer::Post(const std::vector<uint32_t>& lists, int story_id) {
  std::vector<int> unposted;
  for (const uint32_t list : lists) {
    // Quiet stories' entries leave the lists they are found in.
    postings_.EraseIf(list, [&](int id) { return id != story_id && Retired(Live(id)); });
    story(story_id).postings -=
        static_cast<int>(postings_.EraseIf(list, [&](int id) { return id == story_id; }));
    ++story(story_id).postings;
    if (const int pushed_out = postings_.Append(list, story_id)) {
      const int dropped = Live(pushed_out);
      if (--story(dropped).postings == 0) unposted.push_back(dropped);
    }
  }
  return unposted;
}

// A name's words are features of their own besides the entity ("e:joe-biden", and
// "e:joe", "e:biden" for each time the name is written), where a one-word place ("e:gaza")
// is one feature for both: a name is ranked by its entity and its strongest word, so a
// person named in full competes fairly with a place, and a long name (a recognizer's
// overreach: "Lindsay Lohan Checks Into Court") gains nothing by its length.
// How many of `part`'s words `whole` holds.
static size_t SharedWords(const std::vector<std::string>& whole,
                          const std::vector<std::string>& part) {
  return std::count_if(part.begin(), part.end(), [&](const std::string& word) {
    return std::find(whole.begin(), whole.end(), word) != whole.end();
  });
}

static float NameWordWeight(const Centroid& centroid, uint32_t name, const std::string& surface) {
  float weight = 0;
  for (const std::string& word : LabelWords(surface)) {
    const uint32_t id = FeatureId("e:" + word);
    if (id != name) weight = std::max(weight, centroid.WeightOf(id));
  }
  return weight;
}

// Ranks the story's label features and `more` (new surfaces for its features) by their
// weight in its centroid (a name with its strongest word's, NameWordWeight), and keeps the
// strongest names and words. A story's own surface for a feature stays.
void StoryClusterer::KeepLabelFeatures(StoryCluster& story,
                                       const std::vector<LabelFeature>& more) const {
  std::vector<std::pair<std::pair<uint32_t, float>, const LabelFeature*>> ranked;
  for (const std::vector<LabelFeature>* features : {&std::as_const(story.label_features), &more}) {
    for (const LabelFeature& feature : *features) {
      float weight = story.centroid.all.WeightOf(feature.id);
      if (weight <= 0) continue;
      if (feature.name) weight += NameWordWeight(story.centroid.all, feature.id, feature.surface);
      ranked.push_back({{feature.id, weight}, &feature});
    }
  }
  // Stable: of a feature's surfaces, the story's own (listed first) comes first.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return LabelOrder(a.first, b.first); });
  std::vector<LabelFeature> kept;
  size_t names = 0, words = 0;
  for (size_t i = 0; i < ranked.size(); ++i) {
    if (i > 0 && ranked[i].first.first == ranked[i - 1].first.first) continue;
    size_t& count = ranked[i].second->name ? names : words;
    if (count < kLabelCandidates) kept.push_back(*ranked[i].second), ++count;
  }
  story.label_features = std::move(kept);
}

void StoryClusterer::RetireIfUnreachable(int story_id) {
  StoryCluster& s = story(story_id);
  if (!options_.retire_unreachable || s.merged_into != 0 || s.retired || s.postings > 0) return;
  Retire(s);
}

void StoryClusterer::RetireQuiet() {
  if (options_.retire_after_articles == 0) return;
  while (!arrivals_.empty() &&
         arrivals_.front().first + options_.retire_after_articles <= articles_) {
    const auto [arrival, id] = arrivals_.front();
    arrivals_.pop_front();
    StoryCluster& s = story(Live(id));
    if (!s.retired && s.last_article == arrival) Retire(s);
  }
}

void StoryClusterer::Retire(StoryCluster& s) {
  s.label = Label(s);
  s.label_features = {};
  s.ages = {};
  s.offices = {};
  s.centroid = {};
  s.event_days.Clear();
  for (EventCluster& event : s.events) {
    event.centroid = {};
    event.frame.reset();
    event.reported_from.clear();
    KeepMostFrequent(event.types, 1);
    KeepMostFrequent(event.actors, kEventActors);
    KeepMostFrequent(event.places, 1);
  }
  s.retired = true;
  links_[static_cast<size_t>(s.id - 1)] = kRetiredLink;
  ++retired_;
  MarkChanged(s);
}

void StoryClusterer::MarkChanged(StoryCluster& s) {
  if (s.changed) return;
  s.changed = true;
  changed_.push_back(s.id);
}

// Its articles, events and label are in the change set just taken, and no placement
// reads a retired story: only its slot stays, for its id and posting count.
void StoryClusterer::HandOut(StoryCluster& s) {
  const int id = s.id;
  const int postings = s.postings;
  s = StoryCluster();
  s.id = id;
  s.postings = postings;
  s.retired = true;
  s.handed_out = true;
}

void StoryClusterer::Resume() {
  links_.clear();
  for (const StoryCluster& s : stories_) {
    links_.push_back(s.merged_into != 0 ? s.merged_into : s.retired ? kRetiredLink : 0);
  }
  for (StoryCluster& s : stories_) s.postings = 0;
  for (uint32_t list = 0; list < PostingTable::kLists; ++list) {
    for (const int id : postings_.List(list)) ++story(Live(id)).postings;
  }
  retired_ = 0;
  std::vector<std::pair<size_t, int>> arrivals;
  for (StoryCluster& s : stories_) {
    if (s.merged_into != 0) continue;
    retired_ += s.retired;
    if (!s.retired) ReindexEvents(s);
    RetireIfUnreachable(s.id);
    if (!s.retired) arrivals.emplace_back(s.last_article, s.id);
  }
  std::sort(arrivals.begin(), arrivals.end());
  arrivals_.assign(arrivals.begin(), arrivals.end());
}

void StoryClusterer::Merge(StoryCluster& into, StoryCluster& from) {
  const auto kept = static_cast<size_t>(options_.centroid_features);
  into.centroid.all.Add(from.centroid.all.sum(), kept, kept);
  into.centroid.particulars.Add(from.centroid.particulars.sum(), kept, kept);
  KeepLabelFeatures(into, from.label_features);
  AddAges(into.ages, from.ages);
  AddOffices(into.offices, from.offices);
  into.first_day = Min(into.first_day, from.first_day);
  into.last_day = Max(into.last_day, from.last_day);
  into.postings += from.postings;
  into.last_article = std::max(into.last_article, from.last_article);
  into.articles.insert(into.articles.end(), from.articles.begin(), from.articles.end());
  for (EventCluster& event : from.events) {
    event.changed = true;  // its saved copy is from's, which goes
    into.events.push_back(std::move(event));
    IndexEvent(into, into.events.size() - 1);
  }
  MarkChanged(into);
  MarkChanged(from);
  const int from_id = from.id;
  from = StoryCluster();
  from.id = from_id;
  from.merged_into = into.id;
  from.changed = true;  // still listed in changed_, for its saved copy to go
  links_[static_cast<size_t>(from_id - 1)] = into.id;
}

void StoryClusterer::MergeAlike(int story_id, const std::vector<int>& candidates,
                                const std::string& article) {
  for (const int candidate : candidates) {
    const int live = Live(candidate);
    if (live == story_id) continue;
    StoryCluster& a = story(story_id);
    StoryCluster& b = story(live);
    if (Similarity(a.centroid, b.centroid) * TimeFactor(a, b) < options_.merge_threshold ||
        AgesConflict(a.ages, b.ages) || OfficesConflict(a, b)) {
      continue;
    }
    const int into = std::min(story_id, live);
    const int from = std::max(story_id, live);
    Merge(story(into), story(from));
    merges_.push_back({into, from, article});
    story_id = into;
  }
}

float StoryClusterer::SplitSimilarity(const Centroids& event, const Centroids& story) const {
  const float all = story.all.CosineAgainstRest(event.all);
  if (event.particulars.sum().empty()) return all;
  return (1 - options_.particulars_share) * all +
         options_.particulars_share * story.particulars.CosineAgainstRest(event.particulars);
}

void StoryClusterer::MoveEvent(StoryCluster& from, size_t event, StoryCluster& into) {
  into.events.push_back(std::move(from.events[event]));
  from.events.erase(from.events.begin() + static_cast<long>(event));
}

// Returns the new story, or 0 when the event stays.
int StoryClusterer::SplitOff(int story_id, int event_id, std::optional<CalendarDay> event_day,
                             const std::string& article,
                             const std::vector<LabelFeature>& label_features,
                             std::vector<int>& unposted) {
  const StoryCluster& s = story(story_id);
  if (options_.split_threshold <= 0 || s.events.size() < options_.split_min_events) return 0;
  auto event = s.events.end();
  for (const uint32_t i : EventsNear(story(story_id), event_day)) {
    if (s.events[i].id == event_id) event = s.events.begin() + i;
  }
  if (event == s.events.end()) return 0;
  // An event lists each of its articles once.
  const size_t event_articles = event->articles.size();
  // The event that moves out is the smaller side: an event that holds most of its
  // story's articles is what the story is about, and its few other articles are what
  // drifted, not it (a victim now named in most reports of a shooting gathers them).
  if (event_articles < options_.split_min_articles ||
      s.articles.size() < event_articles + options_.split_min_articles ||
      2 * event_articles > s.articles.size() ||
      SplitSimilarity(event->centroid, s.centroid) >= options_.split_threshold) {
    return 0;
  }
  Centroids rest = s.centroid;
  rest.all.Subtract(event->centroid.all);
  rest.particulars.Subtract(event->centroid.particulars);
  const std::set<std::string> moved(event->articles.begin(), event->articles.end());

  const size_t event_index = static_cast<size_t>(event - s.events.begin());
  const int into_id = NewStory();
  StoryCluster& from = story(story_id);
  StoryCluster& into = story(into_id);
  MarkChanged(from);
  MarkChanged(into);
  from.replace = true;  // articles leave from the middle of its list
  into.centroid = from.events[event_index].centroid;
  from.centroid = std::move(rest);
  // The article that split them reports the moved event.
  into.label_features = from.label_features;
  // Which of its articles gave which age or office is not kept: both sides keep them all.
  into.ages = from.ages;
  into.offices = from.offices;
  KeepLabelFeatures(into, label_features);
  KeepLabelFeatures(from, {});
  MoveEvent(from, event_index, into);
  // The moved articles leave the events they report in passing; an event only they
  // report goes with them.
  for (size_t i = from.events.size(); i-- > 0;) {
    std::erase_if(from.events[i].articles, [&](const auto& id) { return moved.contains(id); });
    if (from.events[i].articles.empty()) MoveEvent(from, i, into);
  }
  for (const std::string& id : from.articles) {
    if (moved.contains(id)) into.articles.push_back(id);
  }
  std::erase_if(from.articles, [&](const auto& id) { return moved.contains(id); });
  std::tie(from.first_day, from.last_day) = DaySpan(from.events);
  std::tie(into.first_day, into.last_day) = DaySpan(into.events);
  ReindexEvents(from);
  ReindexEvents(into);
  into.last_article = articles_;
  arrivals_.emplace_back(articles_, into_id);
  splits_.push_back({story_id, into_id, article});
  for (const int id : Post(QueryLists(into.centroid.all.sum()), into_id)) unposted.push_back(id);
  return into_id;
}

std::vector<uint32_t> StoryClusterer::EventsNear(const StoryCluster& story,
                                                 std::optional<CalendarDay> day) {
  std::vector<uint32_t> near;
  if (day) {
    story.event_days.Near(*day, options_.event_day_tolerance, near);
  } else {
    near.resize(story.events.size());
    std::iota(near.begin(), near.end(), 0u);
  }
  work_.events += near.size();
  return near;
}

void StoryClusterer::IndexEvent(StoryCluster& story, size_t event) {
  if (story.event_days.Stale(story.events.size())) return ReindexEvents(story);
  const EventCluster& e = story.events[event];
  const auto index = static_cast<uint32_t>(event);
  story.event_days.Add(index, e.day);
  if (e.frame) story.event_days.Add(index, e.frame->day);
}

void StoryClusterer::ReindexEvents(StoryCluster& story) {
  story.event_days.Clear();
  for (size_t i = 0; i < story.events.size(); ++i) {
    const EventCluster& e = story.events[i];
    story.event_days.Add(static_cast<uint32_t>(i), e.day);
    if (e.frame) story.event_days.Add(static_cast<uint32_t>(i), e.frame->day);
  }
}

// The first event, in the story's order, of the same happening as `frame`.
StoryClusterer::EventCluster* StoryClusterer::SameHappening(StoryCluster& story,
                                                            const EventFrame& frame) {
  for (const uint32_t i : EventsNear(story, frame.day)) {
    EventCluster& event = story.events[i];
    if (event.frame && event.frame->SameHappening(frame, options_.event_day_tolerance)) {
      return &event;
    }
  }
  return nullptr;
}

StoryClusterer::EventCluster* StoryClusterer::MostSimilarEvent(StoryCluster& story,
                                                               const StoryFeatures& features) {
  const std::optional<EventFrame>& frame = features.frames.main;
  EventCluster* best = nullptr;
  float best_similarity = options_.event_threshold;
  for (const uint32_t i : EventsNear(story, features.event_day)) {
    EventCluster& event = story.events[i];
    if (features.event_day && event.day &&
        std::abs(*features.event_day - *event.day) > options_.event_day_tolerance) {
      continue;
    }
    if (frame && event.frame && event.frame->type != frame->type) continue;
    const float similarity = Similarity(event.centroid, article_tables_);
    if (similarity >= best_similarity) best = &event, best_similarity = similarity;
  }
  return best;
}

StoryClusterer::EventCluster& StoryClusterer::NewEvent(StoryCluster& story,
                                                       std::optional<EventFrame> frame,
                                                       std::optional<CalendarDay> day,
                                                       std::string summary) {
  EventCluster& event = story.events.emplace_back();
  event.id = next_event_id_++;
  event.frame = std::move(frame);
  event.day = day;
  event.summary = std::move(summary);
  return event;
}

void StoryClusterer::AddSecondaryFrame(StoryCluster& story, const EventFrame& frame,
                                       const std::string& article_id) {
  EventCluster* event = SameHappening(story, frame);
  if (!event) event = &NewEvent(story, frame, frame.day, frame.summary);
  if (std::find(event->articles.begin(), event->articles.end(), article_id) !=
      event->articles.end()) {
    return;
  }
  event->changed = true;
  if (event->summary.empty()) event->summary = frame.summary;
  TakeBetterDay(event->frame, event->day, frame);
  event->articles.push_back(article_id);
  ++event->types[frame.type];
  for (const std::string& actor : frame.actors) ++event->actors[actor];
  if (frame.place) ++event->places[*frame.place];
  IndexEvent(story, static_cast<size_t>(event - story.events.data()));
}

StoryPlacement StoryClusterer::PlaceInEvent(StoryCluster& story, const ArticleVectors& vectors,
                                            const StoryFeatures& features,
                                            const std::string& article_id,
                                            std::optional<CalendarDay>& event_day) {
  const std::optional<EventFrame>& frame = features.frames.main;
  EventCluster* event = frame ? SameHappening(story, *frame) : nullptr;
  if (!event) event = MostSimilarEvent(story, features);
  StoryPlacement placement{.story = story.id};
  if (!event) {
    // A frame's own sentence says what happened; the headline only what the article is about.
    event = frame ? &NewEvent(story, frame, frame->day, frame->summary)
                  : &NewEvent(story, std::nullopt, features.dated_day, features.headline);
    placement.new_event = true;
  }
  event->changed = true;
  // Pruned when well over the limit, not at it: exactly the strongest 64 to 256 features
  // moved ECB+ splits (B3 0.901 through ingest, where this gives 0.907).
  const auto event_kept = static_cast<size_t>(options_.event_centroid_features);
  event->centroid.Add(vectors, event_kept, 2 * event_kept);
  if (frame && !event->frame) event->frame = frame;
  if (event->summary.empty()) event->summary = frame ? frame->summary : features.headline;
  if (frame) TakeBetterDay(event->frame, event->day, *frame);
  if (!event->day) event->day = features.dated_day;
  event->articles.push_back(article_id);
  if (features.place) ++event->reported_from[*features.place];
  if (frame) {
    ++event->types[frame->type];
    for (const std::string& actor : frame->actors) ++event->actors[actor];
    if (frame->place) ++event->places[*frame->place];
  } else {
    if (features.event_type) ++event->types[*features.event_type];
    for (const std::string& actor : features.actors) ++event->actors[actor];
    if (features.place) ++event->places[*features.place];
  }
  placement.event = event->id;
  const auto index = static_cast<size_t>(event - story.events.data());
  IndexEvent(story, index);
  // Secondary frames may add events (moving the list) and change this one's day.
  for (const EventFrame& secondary : features.frames.secondary) {
    AddSecondaryFrame(story, secondary, article_id);
  }
  event_day = story.events[index].day;
  return placement;
}

StoryPlacement StoryClusterer::Add(const Article& article, const Analysis& analysis) {
  const StoryFeatures features = ExtractStoryFeatures(article, analysis);
  std::vector<LabelFeature> label_features;
  const ArticleVectors vectors = Vectorize(features, label_features);
  article_tables_.Assign(vectors);
  const std::vector<uint32_t> query = QueryLists(vectors.all);
  const std::vector<int> candidates = Candidates(query);
  ++articles_;
  std::vector<PersonAge> ages;
  for (const auto& [person, age] : features.ages) {
    const auto years = static_cast<int16_t>(std::min(age, 200));
    ages.push_back({FeatureId(person), years, years});
  }
  std::vector<OfficeHolder> offices;
  for (const auto& [office, holder] : features.office_holders) {
    offices.push_back({FeatureId(office), FeatureId(holder)});
  }

  int chosen = 0;
  float best_similarity = 0;
  std::vector<int> alike;  // candidates that could have taken the article
  work_.candidates += candidates.size();
  for (const int id : candidates) {
    const StoryCluster& candidate = story(id);
    if (AgesConflict(candidate.ages, ages) || OfficesConflict(candidate, offices, vectors.all)) {
      continue;
    }
    work_.centroid_entries +=
        candidate.centroid.all.sum().size() + candidate.centroid.particulars.sum().size();
    const float similarity = StorySimilarity(candidate.centroid, article_tables_) *
                             TimeFactor(candidate, features.event_day);
    if (similarity < options_.story_threshold &&
        (similarity < options_.scene_threshold || !SameScene(candidate, features))) {
      continue;
    }
    alike.push_back(id);
    if (similarity >= best_similarity) chosen = id, best_similarity = similarity;
  }
  const bool new_story = chosen == 0;
  if (new_story) {
    chosen = NewStory();
  }
  StoryCluster& target = story(chosen);
  MarkChanged(target);
  // Exactly the strongest features, so that scoring a story costs the same however long
  // it has run (bench/story_scale).
  const auto kept = static_cast<size_t>(options_.centroid_features);
  target.centroid.Add(vectors, kept, kept);
  KeepLabelFeatures(target, label_features);
  AddAges(target.ages, ages);
  AddOffices(target.offices, offices);
  target.first_day = Min(target.first_day, features.event_day);
  target.last_day = Max(target.last_day, features.event_day);
  target.articles.push_back(article.id);
  target.last_article = articles_;
  arrivals_.emplace_back(articles_, chosen);
  std::optional<CalendarDay> event_day;
  StoryPlacement placement = PlaceInEvent(target, vectors, features, article.id, event_day);
  placement.new_story = new_story;
  std::vector<int> unposted = Post(query, chosen);
  MergeAlike(chosen, alike, article.id);
  placement.story = Live(chosen);
  if (const int into = SplitOff(placement.story, placement.event, event_day, article.id,
                                label_features, unposted)) {
    placement.story = into;
  }
  // Only now: a candidate pushed out of its last list could still be merged above.
  unposted.push_back(placement.story);
  for (const int id : unposted) RetireIfUnreachable(id);
  RetireQuiet();
  return placement;
}

namespace {

// Takes one count of `key` back; a key counted no more goes.
void Uncount(std::map<std::string, int>& counts, const std::string& key) {
  const auto it = counts.find(key);
  if (it != counts.end() && --it->second <= 0) counts.erase(it);
}

void UncountFrame(std::map<std::string, int>& types, std::map<std::string, int>& actors,
                  std::map<std::string, int>& places, const EventFrame& frame) {
  Uncount(types, frame.type);
  for (const std::string& actor : frame.actors) Uncount(actors, actor);
  if (frame.place) Uncount(places, *frame.place);
}

// Whether `summary` (a sentence of an article, perhaps cut with " ...", or its headline)
// was taken from `article`.
bool CutFrom(const Article& article, std::string_view summary) {
  if (summary.ends_with(" ...")) summary.remove_suffix(4);
  return !summary.empty() && (article.text.find(summary) != std::string::npos ||
                              article.title.find(summary) != std::string::npos);
}

}  // namespace

bool StoryClusterer::Withdraw(const Article& article, const Analysis& analysis) {
  const auto holds = [&](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), article.id) != ids.end();
  };
  StoryCluster* found = nullptr;
  for (StoryCluster& s : stories_) {
    if (s.merged_into == 0 && !s.retired && holds(s.articles)) {
      found = &s;
      break;
    }
  }
  if (!found) return false;
  StoryCluster& s = *found;
  const StoryFeatures features = ExtractStoryFeatures(article, analysis);
  std::vector<LabelFeature> label_features;
  const ArticleVectors vectors = Vectorize(features, label_features, /*counted=*/true);
  const auto subtract = [&vectors](Centroids& centroids) {
    Centroid all, particulars;
    all.Assign(vectors.all);
    particulars.Assign(vectors.particulars);
    centroids.all.Subtract(all);
    centroids.particulars.Subtract(particulars);
  };
  subtract(s.centroid);
  std::erase(s.articles, article.id);
  // The article was placed in one event (its centroid took the vectors) and may report
  // others in passing: the one its vectors resemble most is taken for the first.
  article_tables_.Assign(vectors);
  EventCluster* placed = nullptr;
  float best = -1;
  for (EventCluster& event : s.events) {
    if (!holds(event.articles)) continue;
    const float similarity = Similarity(event.centroid, article_tables_);
    if (similarity > best) placed = &event, best = similarity;
  }
  for (EventCluster& event : s.events) {
    if (!holds(event.articles)) continue;
    std::erase(event.articles, article.id);
    event.changed = true;
    // A withdrawn version's words do not stay as the summary; the next article the event
    // takes gives one.
    if (CutFrom(article, event.summary)) event.summary.clear();
    if (&event == placed) {
      subtract(event.centroid);
      if (features.place) Uncount(event.reported_from, *features.place);
      if (features.frames.main) {
        UncountFrame(event.types, event.actors, event.places, *features.frames.main);
      } else {
        if (features.event_type) Uncount(event.types, *features.event_type);
        for (const std::string& actor : features.actors) Uncount(event.actors, actor);
        if (features.place) Uncount(event.places, *features.place);
      }
      continue;
    }
    for (const EventFrame& secondary : features.frames.secondary) {
      if (event.frame && event.frame->SameHappening(secondary, options_.event_day_tolerance)) {
        UncountFrame(event.types, event.actors, event.places, secondary);
        break;
      }
    }
  }
  std::erase_if(s.events, [](const EventCluster& event) { return event.articles.empty(); });
  ReindexEvents(s);
  std::tie(s.first_day, s.last_day) = DaySpan(s.events);
  KeepLabelFeatures(s, {});
  s.replace = true;  // an article left from the middle of its list
  MarkChanged(s);
  if (s.articles.empty()) Retire(s);
  return true;
}

std::string StoryClusterer::Label(const StoryCluster& story) const {
  return story.retired ? story.label : LabelText(story.label_features);
}

// The three strongest names, else the three strongest words. A name is shown whole: one
// that shares half its words or more with a name shown already is left out ("Hong",
// "Kong" after "Hong Kong"; "Betty Ford Centre" after "Betty Ford Center"), and one that
// holds a one-word name shown takes its place ("Tara Reid" for "Reid"), while one that
// runs on past a longer name is left out ("Lindsay Lohan Checks Into Court", a
// recognizer's overreach in a headline, after "Lindsay Lohan"). Names the
// analyzer recognized come before capitalized words it did not ("Police" of a headline
// in title case). Function words of any language are never shown.
std::string StoryClusterer::LabelText(const std::vector<LabelFeature>& features) {
  const auto holds = [](const std::vector<std::string>& whole,
                        const std::vector<std::string>& part) {
    return SharedWords(whole, part) == part.size();
  };
  std::vector<std::pair<std::string, std::vector<std::string>>> shown;
  for (const bool entities : {true, false}) {
    for (const LabelFeature& feature : features) {
      if (!feature.name || feature.entity != entities) continue;
      std::vector<std::string> words = LabelWords(feature.surface);
      if (words.empty() || (words.size() == 1 && IsStopwordInAnyLanguage(words[0]))) continue;
      bool replaced = false;
      for (auto name = shown.begin(); name != shown.end();) {
        if (name->second.size() > 1 || !holds(words, name->second)) {
          ++name;
        } else if (!replaced) {
          *name++ = {feature.surface, words};
          replaced = true;
        } else {
          name = shown.erase(name);
        }
      }
      const bool repeats = std::any_of(shown.begin(), shown.end(), [&](const auto& name) {
        return 2 * SharedWords(name.second, words) >= words.size() || holds(words, name.second);
      });
      if (!replaced && !repeats && shown.size() < kLabelNames) {
        shown.emplace_back(feature.surface, words);
      }
    }
  }
  if (shown.empty()) {
    for (const LabelFeature& feature : features) {
      if (feature.name || shown.size() == kLabelNames) continue;
      if (IsStopwordInAnyLanguage(feature.surface)) continue;
      shown.emplace_back(feature.surface, std::vector<std::string>{});
    }
  }
  std::string label;
  for (const auto& [surface, words] : shown) label += (label.empty() ? "" : ", ") + surface;
  return label;
}

// Indices into the story's events, dated first, by day, then by id.
std::vector<size_t> StoryClusterer::DateOrder(const StoryCluster& cluster) {
  std::vector<size_t> order(cluster.events.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t i, size_t j) {
    const EventCluster& a = cluster.events[i];
    const EventCluster& b = cluster.events[j];
    if (a.day.has_value() != b.day.has_value()) return a.day.has_value();
    return a.day != b.day ? *a.day < *b.day : a.id < b.id;
  });
  return order;
}

StoryEvent StoryClusterer::ToStoryEvent(const EventCluster& event) {
  StoryEvent out;
  out.id = event.id;
  out.type = event.types.empty() ? "OTHER" : ByCount(event.types, 1).front();
  out.actors = ByCount(event.actors, kEventActors);
  out.articles = event.articles;
  out.summary = event.summary;
  if (event.day) out.date = FormatIsoDay(*event.day);
  if (!event.places.empty()) out.place = ByCount(event.places, 1).front();
  return out;
}

Story StoryClusterer::ToStory(const StoryCluster& cluster) const {
  Story story;
  story.id = cluster.id;
  story.label = Label(cluster);
  story.articles = cluster.articles;
  if (cluster.first_day) story.first = FormatIsoDay(*cluster.first_day);
  if (cluster.last_day) story.last = FormatIsoDay(*cluster.last_day);
  for (const size_t i : DateOrder(cluster)) story.events.push_back(ToStoryEvent(cluster.events[i]));
  return story;
}

// What the story gained since its changes were last taken; from now on its saved copy is
// taken to be up to date.
StoryUpdate StoryClusterer::TakeUpdate(StoryCluster& cluster) const {
  StoryUpdate update;
  update.id = cluster.id;
  update.label = Label(cluster);
  if (cluster.first_day) update.first = FormatIsoDay(*cluster.first_day);
  if (cluster.last_day) update.last = FormatIsoDay(*cluster.last_day);
  update.replace = cluster.replace;
  update.first_new_article = cluster.replace ? 0 : cluster.saved_articles;
  update.new_articles.assign(cluster.articles.begin() + static_cast<long>(update.first_new_article),
                             cluster.articles.end());
  const std::vector<size_t> order = DateOrder(cluster);
  for (size_t place = 0; place < order.size(); ++place) {
    EventCluster& event = cluster.events[order[place]];
    if (cluster.replace || event.changed) {
      update.changed_events.emplace_back(place, ToStoryEvent(event));
    } else if (event.saved_place != static_cast<int>(place)) {
      update.moved_events.emplace_back(place, event.id);
    }
    event.changed = false;
    event.saved_place = static_cast<int>(place);
  }
  cluster.saved_articles = cluster.articles.size();
  cluster.replace = false;
  return update;
}

std::vector<Story> StoryClusterer::Stories() const {
  std::vector<Story> stories;
  for (const StoryCluster& cluster : stories_) {
    if (cluster.merged_into == 0 && !cluster.handed_out) stories.push_back(ToStory(cluster));
  }
  return stories;
}

size_t StoryClusterer::HeldArticles() const {
  size_t held = 0;
  for (const StoryCluster& cluster : stories_) held += cluster.articles.size();
  return held;
}

StoryChanges StoryClusterer::TakeChanges() {
  StoryChanges changes;
  changes.complete = complete_changes_;
  std::vector<int> ids;
  if (complete_changes_) {
    for (const StoryCluster& s : stories_) {
      if (s.merged_into == 0 && !s.handed_out) ids.push_back(s.id);
    }
  } else {
    ids = changed_;
    std::sort(ids.begin(), ids.end());
  }
  for (const int id : changed_) story(id).changed = false;
  changed_.clear();
  for (const int id : ids) {
    StoryCluster& s = story(id);
    if (s.merged_into != 0) {
      changes.merged_away.push_back(id);
    } else if (s.retired && s.articles.empty()) {
      changes.merged_away.push_back(id);  // every article withdrawn: nothing to keep
      HandOut(s);
    } else if (s.retired) {
      changes.retired.push_back(ToStory(s));
      HandOut(s);
    } else {
      if (complete_changes_) s.replace = true;
      changes.changed.push_back(TakeUpdate(s));
    }
  }
  changes.merges = std::exchange(merges_, {});
  changes.splits = std::exchange(splits_, {});
  complete_changes_ = false;
  return changes;
}

}  // namespace storyline
