// StoryClusterer::Save and Load: the clusterer's whole state in a compact binary form,
// so that ingest can resume online clustering where the previous run stopped.
#include <algorithm>
#include <istream>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "story/story_clusterer.h"
#include "story/tfidf_vocabulary.h"

namespace storyline {
namespace {

// Version 2 added event frames, version 3 retirement and splits, version 4 hashed
// features (document frequencies by id, a posting table, label surfaces per story),
// version 5 changes not yet taken (per story a changed and a replace flag and the
// articles saved, per event a changed flag and its saved place, the merges and splits
// since) and retired stories handed out, kept as their id's slot alone, version 6 the
// places events were reported from (an older state's events have none), version 7 the
// ages a story's articles gave persons and the holders of offices they named (an older
// state's stories have none). Older states still load (events without frames, every
// story unretired until Resume retires the unreachable, each story's latest article
// taken to be the last one counted, no splits; features re-hashed by their names; their
// next changes complete).
constexpr uint32_t kStateMagicV1 = 0x53544f31;  // "STO1"
constexpr uint32_t kStateMagicV2 = 0x53544f32;  // "STO2"
constexpr uint32_t kStateMagicV3 = 0x53544f33;  // "STO3"
constexpr uint32_t kStateMagicV4 = 0x53544f34;  // "STO4"
constexpr uint32_t kStateMagicV5 = 0x53544f35;  // "STO5"
constexpr uint32_t kStateMagicV6 = 0x53544f36;  // "STO6"
constexpr uint32_t kStateMagic = 0x53544f37;    // "STO7"

// A story's flags in a version 5 to 7 state.
constexpr uint8_t kRetiredFlag = 1;
constexpr uint8_t kHandedOutFlag = 2;
constexpr uint8_t kChangedFlag = 4;
constexpr uint8_t kReplaceFlag = 8;

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

// What a state saved before hashing names by interned id: the vocabulary, the display
// names and the posting lists.
struct StoryClusterer::LegacyFeatures {
  TfIdfVocabulary vocabulary;
  std::unordered_map<uint32_t, std::string> display_names;  // e: feature -> surface
  std::vector<uint32_t> ids;                                // interned id -> hashed id

  // `v` by hashed ids: those that share one summed.
  SparseVector Rehash(const SparseVector& v) const {
    SparseVector out;
    for (const auto& [id, weight] : v) out.emplace_back(ids.at(id), weight);
    std::sort(out.begin(), out.end());
    size_t unique = 0;
    for (const auto& [id, weight] : out) {
      if (unique > 0 && out[unique - 1].first == id) {
        out[unique - 1].second += weight;
      } else {
        out[unique++] = {id, weight};
      }
    }
    out.resize(unique);
    return out;
  }
};

void StoryClusterer::LoadLegacyFeatures(std::istream& in, LegacyFeatures& legacy) {
  Reader r(in);
  legacy.vocabulary.Load(in);
  for (uint64_t i = r.Count(); i > 0; --i) {
    const auto id = r.Pod<uint32_t>();
    legacy.display_names[id] = r.String();
  }
  for (uint32_t id = 0; id < legacy.vocabulary.size(); ++id) {
    legacy.ids.push_back(FeatureId(legacy.vocabulary.Name(id)));
  }
  std::stringstream counts;
  legacy.vocabulary.WriteCounts(counts);
  document_frequencies_.AddBackground(counts);
  // Each list appended in feature order; lists that now share a slot keep the latest.
  for (uint64_t i = r.Count(); i > 0; --i) {
    const auto feature = r.Pod<uint32_t>();
    if (feature >= legacy.ids.size()) Reader::Fail();
    const uint32_t list = PostingTable::ListOf(legacy.ids[feature]);
    for (uint64_t n = r.Count(); n > 0; --n) {
      const auto id = r.Pod<int32_t>();
      postings_.EraseIf(list, [id](int32_t posted) { return posted == id; });
      postings_.Append(list, id);
    }
  }
}

// A story read with interned ids: centroids re-hashed, label surfaces from the display
// names (a retired story's kept features give its label).
void StoryClusterer::Rehash(const LegacyFeatures& legacy, StoryCluster& s) const {
  std::vector<LabelFeature> label_features;
  for (const auto& [id, weight] : s.centroid.all.sum()) {
    const std::string& name = legacy.vocabulary.Name(id);
    if (const auto surface = legacy.display_names.find(id); surface != legacy.display_names.end()) {
      label_features.push_back({legacy.ids[id], true, surface->second});
    } else if (name.starts_with("w:")) {
      label_features.push_back({legacy.ids[id], false, name.substr(2)});
    }
  }
  std::vector<Centroid*> parts = {&s.centroid.all, &s.centroid.particulars};
  for (EventCluster& e : s.events) {
    parts.push_back(&e.centroid.all);
    parts.push_back(&e.centroid.particulars);
  }
  for (Centroid* part : parts) part->Assign(legacy.Rehash(part->sum()));
  KeepLabelFeatures(s, label_features);
  if (s.retired) {
    s.label = LabelText(s.label_features);
    s.label_features = {};
    s.centroid = {};
  }
}

void StoryClusterer::Save(std::ostream& out) const {
  Writer w(out);
  w.Pod<uint32_t>(kStateMagic);
  document_frequencies_.Save(out);
  w.Pod<uint32_t>(PostingTable::kListBits);
  uint64_t lists = 0;
  for (uint32_t list = 0; list < PostingTable::kLists; ++list) {
    lists += !postings_.List(list).empty();
  }
  w.Pod<uint64_t>(lists);
  for (uint32_t list = 0; list < PostingTable::kLists; ++list) {
    if (postings_.List(list).empty()) continue;
    w.Pod<uint32_t>(list);
    w.Pod<uint64_t>(postings_.List(list).size());
    for (const int id : postings_.List(list)) w.Pod<int32_t>(id);
  }
  w.Pod<uint64_t>(stories_.size());
  for (const StoryCluster& s : stories_) {
    w.Pod<int32_t>(s.merged_into);
    w.Pod<uint8_t>((s.retired ? kRetiredFlag : 0) | (s.handed_out ? kHandedOutFlag : 0) |
                   (s.changed ? kChangedFlag : 0) | (s.replace ? kReplaceFlag : 0));
    if (s.merged_into != 0 || s.handed_out) continue;  // nothing else is kept
    w.Pod<uint64_t>(s.last_article);
    w.Pod<uint64_t>(s.saved_articles);
    w.Vector(s.centroid.all.sum());
    w.Vector(s.centroid.particulars.sum());
    w.String(s.label);
    w.Pod<uint64_t>(s.label_features.size());
    for (const LabelFeature& f : s.label_features) {
      // 0 a word, 1 a name, 2 an entity's name.
      w.Pod<uint32_t>(f.id), w.Pod<uint8_t>(f.name ? (f.entity ? 2 : 1) : 0), w.String(f.surface);
    }
    w.Day(s.first_day);
    w.Day(s.last_day);
    w.Pod<uint64_t>(s.ages.size());
    for (const PersonAge& age : s.ages) {
      w.Pod<uint32_t>(age.person), w.Pod<int16_t>(age.youngest), w.Pod<int16_t>(age.oldest);
    }
    w.Pod<uint64_t>(s.offices.size());
    for (const OfficeHolder& office : s.offices) {
      w.Pod<uint32_t>(office.office), w.Pod<uint32_t>(office.holder);
    }
    w.Strings(s.articles);
    w.Pod<uint64_t>(s.events.size());
    for (const EventCluster& e : s.events) {
      w.Pod<int32_t>(e.id);
      w.Pod<uint8_t>(e.changed);
      w.Pod<int32_t>(e.saved_place);
      w.Vector(e.centroid.all.sum());
      w.Vector(e.centroid.particulars.sum());
      w.Day(e.day);
      w.Strings(e.articles);
      w.Counts(e.types);
      w.Counts(e.actors);
      w.Counts(e.places);
      w.Counts(e.reported_from);
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
  for (const StoryMerge& m : merges_) {
    w.Pod<int32_t>(m.into);
    w.Pod<int32_t>(m.from);
    w.String(m.article);
  }
  w.Pod<uint64_t>(splits_.size());
  for (const StorySplit& split : splits_) {
    w.Pod<int32_t>(split.from);
    w.Pod<int32_t>(split.into);
    w.String(split.article);
  }
  w.Pod<int32_t>(next_event_id_);
  w.Pod<uint64_t>(articles_);
  w.Pod<uint8_t>(complete_changes_);
}

void StoryClusterer::Load(std::istream& in) {
  Reader r(in);
  const auto magic = r.Pod<uint32_t>();
  if (magic != kStateMagic && magic != kStateMagicV6 && magic != kStateMagicV5 &&
      magic != kStateMagicV4 && magic != kStateMagicV3 && magic != kStateMagicV2 &&
      magic != kStateMagicV1) {
    Reader::Fail();
  }
  const bool ages = magic == kStateMagic;
  const bool reported_from = ages || magic == kStateMagicV6;
  const bool tracked = reported_from || magic == kStateMagicV5;
  const bool hashed = tracked || magic == kStateMagicV4;
  const bool has_frames = magic != kStateMagicV1;
  const bool has_splits = hashed || magic == kStateMagicV3;
  StoryClusterer loaded(options_);
  LegacyFeatures legacy;
  if (hashed) {
    loaded.document_frequencies_.Load(in);
    if (r.Pod<uint32_t>() != PostingTable::kListBits) {
      throw std::runtime_error("story state: posting table of another size");
    }
    std::vector<int32_t> ids;
    for (uint64_t i = r.Count(); i > 0; --i) {
      const auto list = r.Pod<uint32_t>();
      if (list >= PostingTable::kLists || !loaded.postings_.List(list).empty()) Reader::Fail();
      ids.resize(r.Count());
      for (int32_t& id : ids) id = r.Pod<int32_t>();
      // A state saved with longer lists keeps their latest entries.
      for (const int32_t id : ids) loaded.postings_.Append(list, id);
    }
  } else {
    loaded.LoadLegacyFeatures(in, legacy);
  }
  const auto read_centroids = [&r](Centroids& centroids) {
    for (Centroid* part : {&centroids.all, &centroids.particulars}) part->Assign(r.Vector());
  };
  loaded.stories_.resize(r.Count());
  for (size_t i = 0; i < loaded.stories_.size(); ++i) {
    StoryCluster& s = loaded.stories_[i];
    s.id = static_cast<int>(i) + 1;
    s.merged_into = r.Pod<int32_t>();
    if (tracked) {
      const auto flags = r.Pod<uint8_t>();
      s.retired = (flags & kRetiredFlag) != 0;
      s.handed_out = (flags & kHandedOutFlag) != 0;
      s.changed = (flags & kChangedFlag) != 0;
      s.replace = (flags & kReplaceFlag) != 0;
      if (s.changed) loaded.changed_.push_back(s.id);
      if (s.handed_out && (!s.retired || s.merged_into != 0)) Reader::Fail();
      if (s.merged_into != 0 || s.handed_out) continue;
      s.last_article = r.Pod<uint64_t>();
      s.saved_articles = r.Pod<uint64_t>();
    } else if (has_splits) {
      s.retired = r.Pod<uint8_t>() != 0;
      s.last_article = r.Pod<uint64_t>();
    }
    read_centroids(s.centroid);
    if (hashed) {
      s.label = r.String();
      s.label_features.resize(r.Count());
      for (LabelFeature& f : s.label_features) {
        f.id = r.Pod<uint32_t>();
        const uint8_t kind = r.Pod<uint8_t>();
        f.name = kind != 0;
        f.entity = kind == 2;
        f.surface = r.String();
      }
    }
    s.first_day = r.Day();
    s.last_day = r.Day();
    s.ages.resize(ages ? r.Count() : 0);
    for (PersonAge& age : s.ages) {
      age.person = r.Pod<uint32_t>();
      age.youngest = r.Pod<int16_t>();
      age.oldest = r.Pod<int16_t>();
    }
    s.offices.resize(ages ? r.Count() : 0);
    for (OfficeHolder& office : s.offices) {
      office.office = r.Pod<uint32_t>();
      office.holder = r.Pod<uint32_t>();
    }
    s.articles = r.Strings();
    s.events.resize(r.Count());
    for (EventCluster& e : s.events) {
      e.id = r.Pod<int32_t>();
      if (tracked) {
        e.changed = r.Pod<uint8_t>() != 0;
        e.saved_place = r.Pod<int32_t>();
      }
      read_centroids(e.centroid);
      e.day = r.Day();
      e.articles = r.Strings();
      e.types = r.Counts();
      e.actors = r.Counts();
      e.places = r.Counts();
      if (reported_from) e.reported_from = r.Counts();
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
  // What an older state's store holds, this build cannot vouch for: its next changes
  // replace it all.
  loaded.complete_changes_ = tracked ? r.Pod<uint8_t>() != 0 : true;
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
    if (s.saved_articles > s.articles.size()) Reader::Fail();  // TakeUpdate slices there
  }
  for (const StorySplit& split : loaded.splits_) {
    if (!valid(split.from, 1) || !valid(split.into, 1)) Reader::Fail();
  }
  for (uint32_t list = 0; list < PostingTable::kLists; ++list) {
    for (const int id : loaded.postings_.List(list)) {
      if (!valid(id, 1)) Reader::Fail();
    }
  }
  // Hashed ids index the document frequencies; interned ids name the vocabulary.
  const uint64_t ids = hashed ? kFeatureIds : legacy.ids.size();
  const auto valid_vector = [ids](const SparseVector& v) {
    return std::all_of(v.begin(), v.end(), [ids](const auto& f) { return f.first < ids; });
  };
  for (StoryCluster& s : loaded.stories_) {
    for (const SparseVector* v : {&s.centroid.all.sum(), &s.centroid.particulars.sum()}) {
      if (!valid_vector(*v)) Reader::Fail();
    }
    for (const EventCluster& e : s.events) {
      if (!valid_vector(e.centroid.all.sum()) || !valid_vector(e.centroid.particulars.sum())) {
        Reader::Fail();
      }
    }
    if (!hashed) loaded.Rehash(legacy, s);
  }
  loaded.Resume();
  *this = std::move(loaded);
}

}  // namespace storyline
