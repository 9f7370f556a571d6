// Online story and event clustering, in arrival order and deterministic.
//
// Two levels. A story is a developing real-world thread (one earthquake and its
// aftermath, one shooting and the arrest that followed); inside it an event is one
// happening on one date. Each article is placed once, when it arrives:
//
//  1. Representation: TF-IDF over the features of story_features.h (content stems,
//     entities, numbers, years, event frames), with document frequencies counted online
//     on top of optional background counts, sublinear tf, unit length. A second unit
//     vector holds only the particulars (entities, numbers, years): two look-alike
//     happenings share their vocabulary but not their participants, places and figures.
//     Features are hashed into a fixed id space, and their document frequencies kept
//     in an array of fixed size (story/feature_hashing.h): there is no vocabulary to
//     grow with the corpus.
//  2. Candidates: an inverted index from feature to the stories that recently took an
//     article whose strongest features included it. Only the article's strongest (hence
//     rarest) features are looked up, each posting list is bounded, the lists live in a
//     table of fixed size (story/posting_table.h), and of the `max_candidates` stories
//     posted under the most of them, only as many are scored, best first, as have
//     `max_scored_entries` centroid features between them (a long-running story's
//     centroid is full, a young one's is not), so the cost per article and the memory of
//     the index stay flat however large and old the corpus grows (bench/story_scale).
//  3. Story: the candidate whose centroids are most similar (the mean of the cosine over
//     all features and the cosine over particulars, damped by the gap in days between
//     the article's happening and the story's span) joins the article when
//     the similarity reaches `story_threshold`; otherwise a new story starts. The
//     particulars count only when the article shares one with the story that tells a
//     happening apart (a name other than a place's, a number of two digits or more): a
//     city, a year or a "3" alone join unrelated reports. Where and when count instead:
//     a story with an event reported from the article's place (the one it mentions
//     most) within `event_day_tolerance` of the article's day takes it at
//     `scene_threshold`, as two differently worded reports of one shooting share little
//     but those. A story that gave a person the article gives an age too, `kAgeGap`
//     years or more apart ("Klitschko, 32," against "Klitschko, 36,"), never takes it:
//     the two report occasions years apart (ECB+'s look-alike fights of one boxer,
//     whose older reports carry no date), or two people of one name. Nor does a story
//     that named another holder of an office of one holder at a time than the article
//     ("Interior Secretary Dirk Kempthorne" against "Interior Secretary Ken Salazar"),
//     when neither names the other's holder at all: two terms of the office. Of the
//     candidates that could have taken the article too, those the new article makes
//     alike to its story (centroid cosine, same damping, at `merge_threshold`) are
//     merged into it, older id kept, and the merge is recorded, unless their ages or
//     offices conflict as above.
//  4. Event: inside the story, an article whose main event frame (story/event_frames.h)
//     is the same happening as an event's frame (type, participants, day within
//     `event_day_tolerance`) joins that event. Otherwise it joins the most similar event
//     reported on the same day (undated articles and events match any day; an article
//     with a frame only an event without one or of its frame's type) when the similarity
//     reaches `event_threshold`, else it starts a new event. The article's secondary
//     frames (happenings it reports in passing, with their own day) join the events of the
//     same happening, or start events of their own, so the timeline holds them too. Only
//     the events near the day in question, and the undated, are looked through
//     (story/event_day_index.h): a story that has run for years costs what a new one does.
//  5. Retirement: a story is only ever a candidate through the posting lists, so once
//     newer stories have pushed it out of every list it can never take an article or a
//     merge again. Its centroids, its events' centroids and frames are then dropped,
//     their counts cut to what Stories() reports and its label fixed; placements are
//     exactly those of a clusterer that kept everything. A story posted under a feature
//     no later story shares (a private person's name) would stay reachable for ever, so
//     a story that took none of the last `retire_after_articles` articles retires too,
//     and its posting entries go when a list is next touched: the state that placing an
//     article reads follows the stories alive, not the corpus. A retired story never
//     changes again: TakeChanges hands it out once, in its final form, for the store to
//     keep, and from then on the clusterer keeps only its id's slot (208 bytes) and link,
//     so neither its memory nor its saved state holds retired stories' articles and
//     events (bench/story_scale/README.md: at 300k articles, taking changes every 1,000,
//     peak RSS 414 MiB where holding every story took 526).
//  6. Splits: stories merge as evidence arrives, and can split too. When the event an
//     article joined (with the articles that report it) no longer resembles the rest of
//     its story (centroids as in step 3, the event's against the story's less the
//     event's, below `split_threshold`), and both sides hold `split_min_articles`, the
//     event moves out into a new story with the events only its articles report, and
//     the split is recorded. An event that holds most of its story's articles is what
//     the story is about and never moves out.
//
// Labels: a story is labelled by its three strongest names (else its three strongest
// content words, as written, not stemmed), ranked by their weight in its centroid, a
// name with its strongest word's. A name is shown whole (an entity's canonical name),
// once: pieces and run-ons of a name shown are left out, and a one-word name gives way to
// the longer name that holds it; recognized entities come before capitalized words, and
// function words of any language are never shown (story/label_words.h). Each story keeps
// the surfaces of its few strongest names and words only, taking new ones from the
// articles it takes and the stories it merges, so no global feature -> surface map grows
// with the corpus.
#pragma once

#include <deque>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "story/calendar_day.h"
#include "story/centroid.h"
#include "story/event_day_index.h"
#include "story/event_frames.h"
#include "story/feature_hashing.h"
#include "story/feature_table.h"
#include "story/posting_table.h"
#include "story/story.h"
#include "story/story_tally.h"
#include "story/tfidf_vocabulary.h"

namespace storyline {

struct StoryClustererOptions {
  float story_threshold = 0.25f;  // chosen on GVC, checked on ECB+ (bench/cluster_eval)
  // Step 3: the bar for a story with an event of the article's place and day. 0.2 and 0.15
  // gave the same clusters on the odd-numbered GVC incidents (bench/cluster_eval).
  float scene_threshold = 0.2f;
  float merge_threshold = 0.6f;
  float event_threshold = 0.45f;
  float particulars_share = 0.5f;  // weight of the particulars cosine in a similarity
  int event_day_tolerance = 1;
  // Time damping: a story is a thread that may run for months (a trial follows a
  // shooting), so similarity is kept whole within `time_grace_days` of a story's span and
  // only divided by 1 + (gap - grace) / time_scale_days beyond it.
  int time_grace_days = 30;
  float time_scale_days = 730;
  int query_features = 24;        // strongest article features looked up
  int postings_per_feature = 32;  // most recent stories kept per feature
  int max_candidates = 32;        // stories scored per article, those sharing most features
  // Centroid entries scored per article: candidates are scored from the best-ranked on
  // until their centroids' features would pass it (the first always is), so that an
  // article costs the same when its candidates are long-running stories, their centroids
  // full, as when they are young ones. 0: no limit.
  size_t max_scored_entries = 8192;
  // Strongest features a story centroid keeps, exactly, after every article: so that
  // scoring a story costs the same however long it has run. 250, 300 and 400 give ECB+
  // 0.907 and GVC 0.967 through ingest (200: 0.901; bench/cluster_eval); fewer is cheaper.
  int centroid_features = 300;
  // Per event centroid: events are many (about one per article) and only need to tell a
  // happening's own reports from other days' reports within one story.
  int event_centroid_features = 64;
  // Step 5. Retiring unreachable stories changes no placement; off keeps every story's
  // placement state, to check just that.
  bool retire_unreachable = true;
  // Quiet stories (step 5); 0 never retires one. About three months of a large feed:
  // time damping already weighs a story's similarity by 0.9 after such a gap.
  size_t retire_after_articles = 100000;
  // Step 6; a threshold of 0 never splits. 0.4 was the best of {0.2, 0.25, ..., 0.5} on
  // the odd-numbered ECB+ topics (bench/cluster_eval); the even ones are held out.
  float split_threshold = 0.4f;
  size_t split_min_events = 2;  // in the story before the split
  size_t split_min_articles = 2;
};

// Where an article went.
struct StoryPlacement {
  int story = 0;
  int event = 0;
  bool new_story = false;
  bool new_event = false;
};

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryClustererOptions options = {});

  // Adds background document frequencies (TfIdfVocabulary::WriteCounts format).
  // Call before the first Add.
  void AddBackground(std::istream& in) { document_frequencies_.AddBackground(in); }
  const HashedDocumentFrequencies& document_frequencies() const { return document_frequencies_; }

  // Places one article (in arrival order). Not thread-safe: clustering is the one
  // sequential step of ingest.
  StoryPlacement Add(const Article& article, const Analysis& analysis);

  // Takes an article placed before out of its story, so that a new version of it can be
  // placed afresh by Add: `article` and `analysis` as it was placed. Its vectors (weighed
  // by today's document frequencies, so the subtraction is close, not exact) leave its
  // story's centroids and those of the event it was placed in; its id leaves the story
  // and every event of it, with the event's counts of its frames; an event left with no
  // article goes, and a story left with none retires and is handed out as gone
  // (StoryChanges::merged_away). Merges and splits it caused stay. Returns false,
  // changing nothing, when no live story lists it (never placed, or its story retired:
  // a retired story never changes). Finding its story reads every live story's articles.
  bool Withdraw(const Article& article, const Analysis& analysis);

  // Every story the clusterer holds, by id, with its events in date order: the live ones,
  // and those retired since changes were last taken (TakeChanges hands a retired story
  // out once, then drops it). A clusterer whose changes are never taken holds them all.
  std::vector<Story> Stories() const;
  // Merges and splits since changes were last taken, in the order they happened.
  const std::vector<StoryMerge>& merges() const { return merges_; }
  const std::vector<StorySplit>& splits() const { return splits_; }
  size_t articles() const { return articles_; }
  // Stories retired by step 5 and not merged away, handed out or not.
  size_t retired_stories() const { return retired_; }
  // What placing the articles so far read, summed: what bounds the cost of an article
  // (bench/story_scale prints it per article, to tell a structure filling up from one
  // growing with the corpus).
  struct Work {
    uint64_t postings = 0;          // posting-list entries read for candidates
    uint64_t candidates = 0;        // stories scored
    uint64_t centroid_entries = 0;  // features of the scored stories' centroids
    uint64_t events = 0;            // events looked through, near the days of the frames placed
  };
  const Work& work() const { return work_; }
  // Article ids held in stories' article lists: those of the stories Stories() reports.
  // Scans every story slot; for tests and benches.
  size_t HeldArticles() const;

  // What changed since the last call (or since Load, for the changes saved with the
  // state), and forgets it: stories retired since are dropped from memory, and a live
  // story is handed out as what it gained (StoryUpdate: its new articles, the events
  // that changed), so a save costs what the articles added changed, not the size of the
  // stories they joined. The saved copies with every set of changes applied in order
  // are the stories as Stories() reports them.
  StoryChanges TakeChanges();

  // The whole state, to resume clustering in a later run, changes not yet taken included.
  // Load throws std::runtime_error on malformed input. States saved before features were
  // hashed (versions 1 to 3) load re-hashed: their vocabulary's names give each feature
  // its id, and their display names the stories' label surfaces. States saved before
  // changes were tracked (versions 1 to 4) hold retired stories whole; the first changes
  // taken after loading one are complete (StoryChanges::complete).
  void Save(std::ostream& out) const;
  void Load(std::istream& in);

 private:
  // An article's two unit vectors (see step 1).
  struct ArticleVectors {
    SparseVector all;
    SparseVector particulars;
    // The particulars that tell one happening from another: names other than places,
    // numbers of two digits or more (StorySimilarity). Not unit length.
    SparseVector identifying;
  };
  // The same two vectors in tables, to score centroids against (feature_table.h).
  struct ArticleTables {
    FeatureTable all;
    FeatureTable particulars;
    FeatureTable identifying;
    bool has_particulars = false;
    void Assign(const ArticleVectors& article);
  };
  // A name ("e:" feature) or content word a label may show, with its surface.
  struct LabelFeature {
    uint32_t id = 0;
    bool name = false;
    std::string surface;
    bool entity = false;  // a name the analyzer recognized, not just a capitalized word
  };
  // Centroids of the same two vectors for a story or an event.
  struct Centroids {
    Centroid all;
    Centroid particulars;
    void Add(const ArticleVectors& article, size_t keep, size_t prune_above);
  };
  struct EventCluster {
    int id = 0;
    Centroids centroid;
    std::optional<EventFrame> frame;  // type, participants, day of the happening
    std::optional<CalendarDay> day;
    std::vector<std::string> articles;
    std::map<std::string, int> types, actors, places;
    // The places its articles mention most, each article's one (StoryFeatures::place):
    // where it was reported from, for SameScene; unlike `places`, never shown.
    std::map<std::string, int> reported_from;
    std::string summary;
    // Since changes were last taken: whether it took an article or moved stories, and
    // its place in its story's date order then (-1 before its first change is taken).
    bool changed = true;
    int saved_place = -1;
  };
  // The ages a story's articles gave one person (StoryFeatures::ages), youngest and
  // oldest.
  struct PersonAge {
    uint32_t person = 0;  // FeatureId of the person's e: feature
    int16_t youngest = 0;
    int16_t oldest = 0;
  };
  // An office a story's articles named a holder of (StoryFeatures::office_holders).
  struct OfficeHolder {
    uint32_t office = 0;  // FeatureId of the office
    uint32_t holder = 0;  // FeatureId of the holder's surname; 0 when given two
  };
  struct StoryCluster {
    int id = 0;
    int merged_into = 0;  // 0 while live
    int postings = 0;     // posting-list entries that resolve to this story
    bool retired = false;
    // Retired and handed out by TakeChanges: nothing but the id, the flags and the
    // posting count is kept.
    bool handed_out = false;
    bool changed = false;  // since changes were last taken; listed in changed_
    // The leading articles its saved copy holds, unless that copy is to be replaced whole
    // (a new story, or one a split took articles from).
    size_t saved_articles = 0;
    bool replace = true;
    size_t last_article = 0;  // arrival number (articles()) of its latest article
    Centroids centroid;
    // The strongest names and words of the centroid whose surfaces are known, strongest
    // first, while live; the label once retired.
    std::vector<LabelFeature> label_features;
    std::string label;
    std::optional<CalendarDay> first_day, last_day;
    // The first `kStoryAges` persons its articles gave an age, while live (step 3).
    std::vector<PersonAge> ages;
    // The first `kStoryOffices` offices its articles named a holder of, while live.
    std::vector<OfficeHolder> offices;
    std::vector<std::string> articles;
    std::vector<EventCluster> events;
    EventDayIndex event_days;  // of events, while live; not saved, rebuilt on resuming
  };
  struct LegacyFeatures;

  // Counts the article's features in the document frequencies first unless `counted`
  // (an article placed before).
  ArticleVectors Vectorize(const struct StoryFeatures& features,
                           std::vector<LabelFeature>& label_features, bool counted = false);
  float Similarity(const Centroids& cluster, const ArticleTables& article) const;
  // Similarity for joining a story: the particulars count only when the article shares
  // an identifying one with the story.
  float StorySimilarity(const Centroids& story, const ArticleTables& article) const;
  float Similarity(const Centroids& a, const Centroids& b) const;
  std::vector<uint32_t> QueryLists(const SparseVector& unit) const;
  std::vector<int> Candidates(const std::vector<uint32_t>& lists);
  int Live(int story_id) const;
  bool Retired(int live_story) const;
  int NewStory();
  float TimeFactor(const StoryCluster& story, std::optional<CalendarDay> day) const;
  // Whether one of the story's events was reported from the article's place within
  // `event_day_tolerance` of its day (step 3).
  bool SameScene(const StoryCluster& story, const StoryFeatures& features);
  float TimeFactor(const StoryCluster& a, const StoryCluster& b) const;
  // Whether `ages` (of an article or a story) give a person of the story an age
  // `kAgeGap` years or more from one the story gave them (step 3).
  static bool AgesConflict(const std::vector<PersonAge>& story, const std::vector<PersonAge>& ages);
  static void AddAges(std::vector<PersonAge>& story, const std::vector<PersonAge>& ages);
  // Whether an article (its offices, its vector over all features) names another holder
  // of an office than the story did, neither naming the other's holder at all (step 3).
  static bool OfficesConflict(const StoryCluster& story, const std::vector<OfficeHolder>& offices,
                              const SparseVector& article);
  // Likewise for two stories.
  static bool OfficesConflict(const StoryCluster& a, const StoryCluster& b);
  static void AddOffices(std::vector<OfficeHolder>& story,
                         const std::vector<OfficeHolder>& offices);
  std::vector<int> Post(const std::vector<uint32_t>& lists, int story_id);
  void RetireIfUnreachable(int story_id);
  void RetireQuiet();
  void Retire(StoryCluster& story);
  void MarkChanged(StoryCluster& story);
  void HandOut(StoryCluster& story);
  Story ToStory(const StoryCluster& cluster) const;
  StoryUpdate TakeUpdate(StoryCluster& cluster) const;
  static std::vector<size_t> DateOrder(const StoryCluster& cluster);
  static StoryEvent ToStoryEvent(const EventCluster& event);
  void KeepLabelFeatures(StoryCluster& story, const std::vector<LabelFeature>& more) const;
  // After Load: posting counts, retirement of the unreachable, arrivals_.
  void Resume();
  void MergeAlike(int story_id, const std::vector<int>& candidates, const std::string& article);
  void LoadLegacyFeatures(std::istream& in, LegacyFeatures& legacy);
  void Rehash(const LegacyFeatures& legacy, StoryCluster& story) const;
  void Merge(StoryCluster& into, StoryCluster& from);
  int SplitOff(int story_id, int event_id, std::optional<CalendarDay> event_day,
               const std::string& article, const std::vector<LabelFeature>& label_features,
               std::vector<int>& unposted);
  void MoveEvent(StoryCluster& from, size_t event, StoryCluster& into);
  // The event's centroids against the rest of its story's.
  float SplitSimilarity(const Centroids& event, const Centroids& story) const;
  // Also gives the day of the event the article joined.
  StoryPlacement PlaceInEvent(StoryCluster& story, const ArticleVectors& vectors,
                              const StoryFeatures& features, const std::string& article_id,
                              std::optional<CalendarDay>& event_day);
  // Indices of the story's events that may be on `day` or within the tolerance of it
  // (every event when there is no day), in increasing order.
  std::vector<uint32_t> EventsNear(const StoryCluster& story, std::optional<CalendarDay> day);
  // Lists the event's days in its story's index (after the event changed), or rebuilds it.
  void IndexEvent(StoryCluster& story, size_t event);
  static void ReindexEvents(StoryCluster& story);
  EventCluster* SameHappening(StoryCluster& story, const EventFrame& frame);
  EventCluster* MostSimilarEvent(StoryCluster& story, const StoryFeatures& features);
  EventCluster& NewEvent(StoryCluster& story, std::optional<EventFrame> frame,
                         std::optional<CalendarDay> day, std::string summary);
  void AddSecondaryFrame(StoryCluster& story, const EventFrame& frame,
                         const std::string& article_id);
  std::string Label(const StoryCluster& story) const;
  static std::string LabelText(const std::vector<LabelFeature>& features);
  StoryCluster& story(int id) { return stories_[static_cast<size_t>(id - 1)]; }
  const StoryCluster& story(int id) const { return stories_[static_cast<size_t>(id - 1)]; }

  StoryClustererOptions options_;
  HashedDocumentFrequencies document_frequencies_;
  PostingTable postings_;
  StoryTally tally_;              // Candidates' counts, kept to spare an allocation per article
  ArticleTables article_tables_;  // the article being placed, kept likewise
  std::vector<StoryCluster> stories_;  // story id = index + 1
  // Per story: the story it was merged into (> 0), kRetiredLink once retired, 0 while
  // live. A dense copy of StoryCluster::merged_into and retired, so that scanning the
  // posting lists (Candidates, Post) stays in cache however many stories stories_ holds.
  static constexpr int32_t kRetiredLink = -1;
  std::vector<int32_t> links_;
  std::vector<StoryMerge> merges_;  // since changes were last taken
  std::vector<StorySplit> splits_;  // since changes were last taken
  std::vector<int> changed_;        // stories changed since, each once
  bool complete_changes_ = false;   // resumed from a state of version 1 to 4, not yet taken
  int next_event_id_ = 1;
  size_t articles_ = 0;
  size_t retired_ = 0;
  Work work_;
  // (arrival number, story) per article placed, oldest first, for RetireQuiet.
  std::deque<std::pair<size_t, int>> arrivals_;
};

}  // namespace storyline
