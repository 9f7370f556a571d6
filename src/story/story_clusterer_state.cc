// StoryClusterer::Save and Load: the clusterer's whole state in a compact binary form,
// so that ingest can resume online clustering where the previous run stopped.
#include <istream>
#include <ostream>
#include <stdexcept>

#include "story/story_clusterer.h"

namespace storyline {
namespace {

// Version 2 added event frames, version 3 retirement and splits; older states still
// load (events without frames, every story unretired until CountPostings retires the
// unreachable, each story's latest article taken to be the last one counted, no splits).
constexpr uint32_t kStateMagicV1 = 0x53544f31;  // "STO1"
constexpr uint32_t kStateMagicV2 = 0x53544f32;  // "STO2"
constexpr uint32_t kStateMagic = 0x53544f33;    // "STO3"

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  template <typename T>
  void Pod(T value) {
    out_.write(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void String(const std::string& s) {
    Pod<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
  }
  void Day(std::optional<CalendarDay> day) {
    Pod<uint8_t>(day.has_value());
    Pod<int32_t>(day.value_or(0));
  }
  void Strings(const std::vector<std::string>& strings) {
    Pod<uint64_t>(strings.size());
    for (const std::string& s : strings) String(s);
  }
  void Counts(const std::map<std::string, int>& counts) {
    Pod<uint64_t>(counts.size());
    for (const auto& [key, count] : counts) String(key), Pod<int32_t>(count);
  }
  void Vector(const SparseVector& v) {
    Pod<uint64_t>(v.size());
    for (const auto& [id, weight] : v) Pod<uint32_t>(id), Pod<float>(weight);
  }

 private:
  std::ostream& out_;
};

class Reader {
 public:
  explicit Reader(std::istream& in) : in_(in) {}
  template <typename T>
  T Pod() {
    T value{};
    if (!in_.read(reinterpret_cast<char*>(&value), sizeof value)) Fail();
    return value;
  }
  // A count read from the stream, refused when it cannot fit what is left of it.
  uint64_t Count() {
    const auto count = Pod<uint64_t>();
    if (count > (uint64_t{1} << 32)) Fail();
    return count;
  }
  std::string String() {
    std::string s(Pod<uint32_t>(), '\0');
    if (!in_.read(s.data(), static_cast<std::streamsize>(s.size()))) Fail();
    return s;
  }
  std::optional<CalendarDay> Day() {
    const bool present = Pod<uint8_t>() != 0;
    const auto day = Pod<int32_t>();
    return present ? std::optional<CalendarDay>(day) : std::nullopt;
  }
  std::vector<std::string> Strings() {
    std::vector<std::string> strings(Count());
    for (std::string& s : strings) s = String();
    return strings;
  }
  std::map<std::string, int> Counts() {
    std::map<std::string, int> counts;
    for (uint64_t i = Count(); i > 0; --i) {
      std::string key = String();
      counts[key] = Pod<int32_t>();
    }
    return counts;
  }
  SparseVector Vector() {
    SparseVector v(Count());
    for (auto& [id, weight] : v) id = Pod<uint32_t>(), weight = Pod<float>();
    return v;
  }
  [[noreturn]] static void Fail() {
    throw std::runtime_error("truncated or malformed story state");
  }

 private:
  std::istream& in_;
};

}  // namespace

void StoryClusterer::Save(std::ostream& out) const {
  Writer w(out);
  w.Pod<uint32_t>(kStateMagic);
  vocabulary_.Save(out);
  w.Pod<uint64_t>(display_names_.size());
  std::map<uint32_t, std::string> names(display_names_.begin(), display_names_.end());
  for (const auto& [id, name] : names) w.Pod<uint32_t>(id), w.String(name);
  std::map<uint32_t, std::vector<int>> postings(postings_.begin(), postings_.end());
  w.Pod<uint64_t>(postings.size());
  for (const auto& [feature, list] : postings) {
    w.Pod<uint32_t>(feature);
    w.Pod<uint64_t>(list.size());
    for (const int id : list) w.Pod<int32_t>(id);
  }
  w.Pod<uint64_t>(stories_.size());
  for (const StoryCluster& s : stories_) {
    w.Pod<int32_t>(s.merged_into);
    w.Pod<uint8_t>(s.retired);
    w.Pod<uint64_t>(s.last_article);
    w.Vector(s.centroid.all.sum);
    w.Vector(s.centroid.particulars.sum);
    w.Day(s.first_day);
    w.Day(s.last_day);
    w.Strings(s.articles);
    w.Pod<uint64_t>(s.events.size());
    for (const EventCluster& e : s.events) {
      w.Pod<int32_t>(e.id);
      w.Vector(e.centroid.all.sum);
      w.Vector(e.centroid.particulars.sum);
      w.Day(e.day);
      w.Strings(e.articles);
      w.Counts(e.types);
      w.Counts(e.actors);
      w.Counts(e.places);
      w.String(e.summary);
      w.Pod<uint8_t>(e.frame.has_value());
      if (e.frame) {
        w.String(e.frame->type);
        w.Strings(e.frame->actors);
        w.Day(e.frame->day);
        w.Pod<uint8_t>(e.frame->day_inferred);
        w.String(e.frame->place.value_or(""));
      }
    }
  }
  w.Pod<uint64_t>(merges_.size());
  for (const StoryMerge& m : merges_)
    w.Pod<int32_t>(m.into), w.Pod<int32_t>(m.from), w.String(m.article);
  w.Pod<uint64_t>(splits_.size());
  for (const StorySplit& split : splits_)
    w.Pod<int32_t>(split.from), w.Pod<int32_t>(split.into), w.String(split.article);
  w.Pod<int32_t>(next_event_id_);
  w.Pod<uint64_t>(articles_);
}

void StoryClusterer::Load(std::istream& in) {
  Reader r(in);
  const auto magic = r.Pod<uint32_t>();
  if (magic != kStateMagic && magic != kStateMagicV2 && magic != kStateMagicV1) Reader::Fail();
  const bool has_frames = magic != kStateMagicV1;
  const bool has_splits = magic == kStateMagic;
  StoryClusterer loaded(options_);
  loaded.vocabulary_.Load(in);
  for (uint64_t i = r.Count(); i > 0; --i) {
    const auto id = r.Pod<uint32_t>();
    loaded.display_names_[id] = r.String();
  }
  for (uint64_t i = r.Count(); i > 0; --i) {
    std::vector<int>& list = loaded.postings_[r.Pod<uint32_t>()];
    list.resize(r.Count());
    for (int& id : list) id = r.Pod<int32_t>();
  }
  const auto read_centroids = [&r](Centroids& centroids) {
    for (Centroid* part : {&centroids.all, &centroids.particulars}) {
      part->sum = r.Vector();
      part->squared_norm = SquaredNorm(part->sum);
    }
  };
  loaded.stories_.resize(r.Count());
  for (size_t i = 0; i < loaded.stories_.size(); ++i) {
    StoryCluster& s = loaded.stories_[i];
    s.id = static_cast<int>(i) + 1;
    s.merged_into = r.Pod<int32_t>();
    if (has_splits) {
      s.retired = r.Pod<uint8_t>() != 0;
      s.last_article = r.Pod<uint64_t>();
    }
    read_centroids(s.centroid);
    s.first_day = r.Day();
    s.last_day = r.Day();
    s.articles = r.Strings();
    s.events.resize(r.Count());
    for (EventCluster& e : s.events) {
      e.id = r.Pod<int32_t>();
      read_centroids(e.centroid);
      e.day = r.Day();
      e.articles = r.Strings();
      e.types = r.Counts();
      e.actors = r.Counts();
      e.places = r.Counts();
      e.summary = r.String();
      if (has_frames && r.Pod<uint8_t>() != 0) {
        EventFrame& frame = e.frame.emplace();
        frame.type = r.String();
        frame.actors = r.Strings();
        frame.day = r.Day();
        frame.day_inferred = r.Pod<uint8_t>() != 0;
        if (std::string place = r.String(); !place.empty()) frame.place = std::move(place);
      }
    }
  }
  for (uint64_t i = r.Count(); i > 0; --i) {
    StoryMerge m;
    m.into = r.Pod<int32_t>();
    m.from = r.Pod<int32_t>();
    m.article = r.String();
    loaded.merges_.push_back(std::move(m));
  }
  for (uint64_t i = has_splits ? r.Count() : 0; i > 0; --i) {
    StorySplit split;
    split.from = r.Pod<int32_t>();
    split.into = r.Pod<int32_t>();
    split.article = r.String();
    loaded.splits_.push_back(std::move(split));
  }
  loaded.next_event_id_ = r.Pod<int32_t>();
  loaded.articles_ = r.Pod<uint64_t>();
  if (!has_splits) {
    for (StoryCluster& s : loaded.stories_) s.last_article = loaded.articles_;
  }
  // Ids that point outside the story table would be followed blindly later.
  const auto valid = [&](int id, int lowest) {
    return id >= lowest && static_cast<size_t>(id) <= loaded.stories_.size();
  };
  // A story is only ever merged into an older one, so merge chains end.
  for (const StoryCluster& s : loaded.stories_) {
    if (!valid(s.merged_into, 0) || s.merged_into >= s.id) Reader::Fail();
    if (s.last_article > loaded.articles_) Reader::Fail();
  }
  for (const StorySplit& split : loaded.splits_) {
    if (!valid(split.from, 1) || !valid(split.into, 1)) Reader::Fail();
  }
  for (const auto& [feature, list] : loaded.postings_) {
    if (feature >= loaded.vocabulary_.size()) Reader::Fail();
    for (const int id : list) {
      if (!valid(id, 1)) Reader::Fail();
    }
  }
  loaded.Resume();
  *this = std::move(loaded);
}

}  // namespace storyline
