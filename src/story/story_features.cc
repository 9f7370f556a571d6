#include "story/story_features.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "story/quote_statements.h"

namespace storyline {
namespace {

// Words that carry no topic: function words, reporting verbs every article uses, the
// debris of crawled URLs, and calendar words (time is a feature of its own).
const std::unordered_set<std::string_view>& Stopwords() {
  static const std::unordered_set<std::string_view> words = {
      "a",         "about",     "above",    "after",     "again",     "against",  "all",
      "also",      "am",        "an",       "and",       "any",       "are",      "as",
      "at",        "be",        "because",  "been",      "before",    "being",    "below",
      "between",   "both",      "but",      "by",        "can",       "could",    "did",
      "do",        "does",      "doing",    "down",      "during",    "each",     "few",
      "for",       "from",      "further",  "had",       "has",       "have",     "having",
      "he",        "her",       "here",     "hers",      "herself",   "him",      "himself",
      "his",       "how",       "i",        "if",        "in",        "into",     "is",
      "it",        "its",       "itself",   "just",      "me",        "more",     "most",
      "my",        "myself",    "no",       "nor",       "not",       "now",      "of",
      "off",       "on",        "once",     "only",      "or",        "other",    "our",
      "ours",      "out",       "over",     "own",       "same",      "she",      "should",
      "so",        "some",      "such",     "than",      "that",      "the",      "their",
      "theirs",    "them",      "then",     "there",     "these",     "they",     "this",
      "those",     "through",   "to",       "too",       "under",     "until",    "up",
      "very",      "was",       "we",       "were",      "what",      "when",     "where",
      "which",     "while",     "who",      "whom",      "why",       "will",     "with",
      "would",     "you",       "your",     "yours",     "said",      "says",     "say",
      "told",      "according", "one",      "two",       "three",     "new",      "last",
      "first",     "year",      "years",    "week",      "day",       "days",     "time",
      "like",      "many",      "much",     "may",       "might",     "must",     "s",
      "t",         "mr",        "mrs",      "ms",        "dr",        "http",     "https",
      "www",       "com",       "html",     "htm",       "php",       "aspx",     "shtml",
      "org",       "net",       "co",       "uk",        "print",     "index",    "article",
      "news",      "story",     "am",       "pm",        "et",        "gmt",      "posted",
      "published", "updated",   "monday",   "tuesday",   "wednesday", "thursday", "friday",
      "saturday",  "sunday",    "today",    "yesterday", "tomorrow",  "tonight",  "january",
      "february",  "march",     "april",    "june",      "july",      "august",   "september",
      "october",   "november",  "december", "jan",       "feb",       "mar",      "apr",
      "jun",       "jul",       "aug",      "sep",       "sept",      "oct",      "nov",
      "dec"};
  return words;
}

int MonthNumber(std::string_view lower) {
  static const std::unordered_map<std::string_view, int> months = {
      {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
      {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
      {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
      {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
      {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12}};
  const auto it = months.find(lower);
  return it == months.end() ? 0 : it->second;
}

struct Word {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string lower;
  bool capitalized = false;
  bool sentence_start = false;
  bool in_date = false;
};

bool IsWordChar(utf8proc_int32_t c) {
  const auto category = utf8proc_category(c);
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
         (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO) ||
         category == UTF8PROC_CATEGORY_MN;
}

void AppendLower(utf8proc_int32_t c, std::string& out) {
  utf8proc_uint8_t buffer[4];
  const auto n = utf8proc_encode_char(utf8proc_tolower(c), buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
}

// Splits text into words (runs of letters, digits and combining marks), noting which
// start with a capital and which open a sentence (after . ! ? or a line break).
std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  bool at_sentence_start = true;
  size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t c = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    if (n <= 0) n = 1, c = -1;
    if (c < 0 || !IsWordChar(c)) {
      if (c == '.' || c == '!' || c == '?' || c == '\n') at_sentence_start = true;
      i += static_cast<size_t>(n);
      continue;
    }
    Word word;
    word.start = static_cast<uint32_t>(i);
    word.capitalized = utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
    word.sentence_start = at_sentence_start;
    at_sentence_start = false;
    while (i < text.size()) {
      n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                           static_cast<utf8proc_ssize_t>(text.size() - i), &c);
      if (n <= 0 || !IsWordChar(c)) break;
      AppendLower(c, word.lower);
      i += static_cast<size_t>(n);
    }
    word.end = static_cast<uint32_t>(i);
    words.push_back(std::move(word));
  }
  return words;
}

std::optional<int> LeadingNumber(std::string_view s, size_t max_digits) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0 || digits > max_digits) return std::nullopt;
  const std::string_view rest = s.substr(digits);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") {
    return std::nullopt;
  }
  int value = 0;
  std::from_chars(s.data(), s.data() + digits, value);
  return value;
}

bool IsAllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> Year(const Word& w) {
  if (w.lower.size() != 4 || !IsAllDigits(w.lower)) return std::nullopt;
  const int year = std::stoi(w.lower);
  if (year < 1900 || year > 2099) return std::nullopt;
  return year;
}

std::optional<int> DayOfMonth(const Word& w) { return LeadingNumber(w.lower, 2); }

int Month(const Word& w) {
  if (IsAllDigits(w.lower) && w.lower.size() <= 2) {
    const int m = std::stoi(w.lower);
    return m >= 1 && m <= 12 ? m : 0;
  }
  return MonthNumber(w.lower);
}

// Date parts must sit close together ("May 03, 2013", "2013 / may / 03", "2024-08-19").
bool Adjacent(const Word& a, const Word& b) { return b.start - a.end <= 4; }

// Full dates (day, month and year) written out in the text, in order of appearance;
// marks the words they use.
std::vector<std::pair<uint32_t, CalendarDay>> FindDates(std::vector<Word>& words) {
  std::vector<std::pair<uint32_t, CalendarDay>> dates;
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    Word& a = words[i];
    Word& b = words[i + 1];
    Word& c = words[i + 2];
    if (!Adjacent(a, b) || !Adjacent(b, c)) continue;
    std::optional<CalendarDay> day;
    if (const int m = MonthNumber(a.lower); m && DayOfMonth(b) && Year(c)) {
      day = DayFromDate(*Year(c), m, *DayOfMonth(b));
    } else if (const int m2 = MonthNumber(b.lower); m2 && DayOfMonth(a) && Year(c)) {
      day = DayFromDate(*Year(c), m2, *DayOfMonth(a));
    } else if (Year(a) && Month(b) && DayOfMonth(c)) {
      day = DayFromDate(*Year(a), Month(b), *DayOfMonth(c));
    }
    if (!day) continue;
    a.in_date = b.in_date = c.in_date = true;
    dates.emplace_back(a.start, *day);
    i += 2;
  }
  return dates;
}

// libstemmer handles are not thread-safe; one per thread.
std::string Stem(const std::string& word) {
  struct Deleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local std::unique_ptr<sb_stemmer, Deleter> stemmer(sb_stemmer_new("english", nullptr));
  if (!stemmer) return word;
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (!stem) return word;
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return !(c >= '0' && c <= '9'); });
}

// A capitalized word counts as part of a name unless it is a function or calendar word,
// or it opens a sentence on its own (sentence-initial capitals are not evidence).
bool IsNameWord(const std::vector<Word>& words, size_t i) {
  const Word& w = words[i];
  if (!w.capitalized || !HasLetter(w.lower) || Stopwords().contains(w.lower)) return false;
  if (!w.sentence_start) return true;
  return i + 1 < words.size() && words[i + 1].capitalized &&
         !Stopwords().contains(words[i + 1].lower) && Adjacent(w, words[i + 1]);
}

template <typename Key>
Key MostFrequent(const std::map<Key, int>& counts) {
  Key best{};
  int best_count = 0;
  for (const auto& [key, count] : counts) {
    if (count > best_count) best = key, best_count = count;
  }
  return best;
}

std::string FirstLine(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  text.remove_prefix(begin);
  text = text.substr(0, text.find('\n'));
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
  return std::string(text);
}

// The longest surface written for a feature is kept: "Joe Biden" rather than "Biden".
void AddName(const std::string& feature, std::string_view surface,
             std::vector<std::pair<std::string, std::string>>& names) {
  for (auto& [known, shown] : names) {
    if (known != feature) continue;
    if (surface.size() > shown.size()) shown = std::string(surface);
    return;
  }
  names.emplace_back(feature, std::string(surface));
}

// Sorted by feature, the first surface of each kept.
void SortUnique(std::vector<std::pair<std::string, std::string>>& surfaces) {
  std::stable_sort(surfaces.begin(), surfaces.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  surfaces.erase(std::unique(surfaces.begin(), surfaces.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 surfaces.end());
}

constexpr uint32_t kOpeningBytes = 1000;  // where a dateline or a first-line date sits
constexpr int kLeadLines = 2;
constexpr float kLeadWeight = 2;

// Feature counts, collected as a list and summed once at the end: a map here spent a
// node allocation per distinct feature, hundreds an article, and allocation gets slower
// as a long-running ingest's heap grows (bench/story_scale).
class FeatureCounter {
 public:
  void Add(std::string key, float count) { entries_.emplace_back(std::move(key), count); }
  // Sorted by feature, each once, counts summed in the order they were added.
  std::vector<std::pair<std::string, float>> Take() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    size_t unique = 0;
    for (size_t i = 0; i < entries_.size(); ++i) {
      if (unique > 0 && entries_[unique - 1].first == entries_[i].first) {
        entries_[unique - 1].second += entries_[i].second;
      } else if (unique++ != i) {
        entries_[unique - 1] = std::move(entries_[i]);
      }
    }
    entries_.resize(unique);
    return std::move(entries_);
  }

 private:
  std::vector<std::pair<std::string, float>> entries_;
};

// Where the lead ends: after the first `kLeadLines` non-empty lines. Headline and lead
// state who, what, where and when; they count double.
size_t LeadEnd(std::string_view text) {
  size_t end = 0;
  for (int lines = 0; lines < kLeadLines && end < text.size();) {
    const size_t next = text.find('\n', end);
    const size_t line_end = next == std::string_view::npos ? text.size() : next;
    if (text.substr(end, line_end - end).find_first_not_of(" \t\r") != std::string_view::npos) {
      ++lines;
    }
    end = line_end + 1;
  }
  return std::min(end, text.size());
}

// Whether the date at byte `at` opens the report the way a dateline or a date line does:
// alone at the start of its line, or after a first word in capitals close before it
// ("KOKOMO, Ind. (June 15, 2014) -", "WASHINGTON, Aug. 21, 2024 -"). A caption or a
// sentence that names a date ("delivers remarks on May 31, 2024") is not one.
bool OpensAsDateline(std::string_view text, uint32_t at) {
  constexpr uint32_t kMaxPlaceBytes = 60;
  const size_t newline = text.rfind('\n', at);
  const size_t line = newline == std::string_view::npos ? 0 : newline + 1;
  if (line == at) return true;
  if (at - line > kMaxPlaceBytes) return false;
  size_t caps = line;
  while (caps < at && text[caps] >= 'A' && text[caps] <= 'Z') ++caps;
  return caps - line >= 2 && !(text[caps] >= 'a' && text[caps] <= 'z');
}

void AddWordFeatures(std::string_view text, float base_weight, FeatureCounter& counter,
                     StoryFeatures& features,
                     std::vector<std::pair<uint32_t, CalendarDay>>* dates) {
  std::vector<Word> words = SplitWords(text);
  std::vector<std::pair<uint32_t, CalendarDay>> found = FindDates(words);
  if (dates) *dates = std::move(found);
  const size_t lead_end = LeadEnd(text);
  // A name word offered to labels only where the article writes it alone at least once:
  // "Hunger" of "Hunger Games", a name the analysis did not recognize, would show cut
  // from it. It counts as a feature either way.
  std::set<std::string> alone;
  std::vector<size_t> name_words;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const float weight = w.start < lead_end ? kLeadWeight * base_weight : base_weight;
    if (w.in_date) continue;
    if (const auto year = Year(w)) {
      counter.Add("y:" + w.lower, weight);
      continue;
    }
    if (!HasLetter(w.lower)) {
      counter.Add("n:" + w.lower, weight);
      continue;
    }
    if (w.lower.size() < 2 || Stopwords().contains(w.lower)) continue;
    std::string stem = "w:" + Stem(w.lower);
    features.words.emplace_back(stem, w.lower);
    counter.Add(std::move(stem), weight);
    if (IsNameWord(words, i)) {
      name_words.push_back(i);
      counter.Add("e:" + w.lower, weight);
      const auto joined = [&](const Word& a, const Word& b) {
        return a.capitalized && b.capitalized && !Stopwords().contains(a.lower) &&
               !Stopwords().contains(b.lower) &&
               (text.substr(a.end, b.start - a.end) == " " ||
                text.substr(a.end, b.start - a.end) == " - ");  // a URL's "Hunger - Games"
      };
      const bool after_name = i > 0 && joined(words[i - 1], w);
      const bool before_name = i + 1 < words.size() && joined(w, words[i + 1]);
      if (!after_name && !before_name) alone.insert(w.lower);
    }
  }
  for (const size_t i : name_words) {
    const Word& w = words[i];
    if (alone.contains(w.lower)) {
      AddName("e:" + w.lower, text.substr(w.start, w.end - w.start), features.names);
    }
  }
}

std::string NormalizedName(std::string_view text) {
  std::string out;
  for (char c : text) out.push_back(c == ' ' ? '-' : static_cast<char>(std::tolower(c)));
  return out;
}

// The age written right after a person's name ("Klitschko, 32,", "Reid (33)") or in a
// "32-year-old" just before it, up to two lower-case words between that are no function
// words ("the 33-year-old actress Tara Reid"). Rebuilt texts space their punctuation
// ("Reid , 33 ,").
std::optional<int> AgeGiven(std::string_view text, Span name) {
  const auto digits = [&](size_t& at) -> std::optional<int> {
    size_t end = at;
    while (end < text.size() && end - at < 3 && text[end] >= '0' && text[end] <= '9') ++end;
    if (end == at || end - at > 2) return std::nullopt;
    int value = 0;
    std::from_chars(text.data() + at, text.data() + end, value);
    at = end;
    return value;
  };
  const auto skip_space = [&](size_t& at) {
    if (at < text.size() && text[at] == ' ') ++at;
  };
  // After: ", 32," or ", 32)" or " (32)".
  size_t at = name.end;
  skip_space(at);
  if (at < text.size() && (text[at] == ',' || text[at] == '(')) {
    const char open = text[at++];
    skip_space(at);
    if (const std::optional<int> age = digits(at)) {
      skip_space(at);
      if (at < text.size() && (text[at] == ')' || (open == ',' && text[at] == ','))) return age;
    }
  }
  // Before: "32-year-old", then at most two lower-case words.
  std::string_view before = text.substr(0, name.start);
  for (int words = 0; words <= 2; ++words) {
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (const std::string_view old : {"year-old", "year - old", "year old"}) {
      if (!before.ends_with(old)) continue;
      before.remove_suffix(old.size());
      while (!before.empty() && (before.back() == ' ' || before.back() == '-')) {
        before.remove_suffix(1);
      }
      size_t start = before.size();
      while (start > 0 && before[start - 1] >= '0' && before[start - 1] <= '9') --start;
      if (start > 0 && before[start - 1] != ' ' && before[start - 1] != '(') return std::nullopt;
      return digits(start);
    }
    size_t word = before.size();
    while (word > 0 && before[word - 1] >= 'a' && before[word - 1] <= 'z') --word;
    // A word that joins two phrases ("a 5-year-old boy and Tara Reid") ends the one
    // the age is in.
    if (word == before.size() || Stopwords().contains(before.substr(word))) return std::nullopt;
    before.remove_suffix(before.size() - word);
  }
  return std::nullopt;
}

// The office a title names, when one person holds it at a time: lower-cased, of two words
// or more, none of them a rank many hold at once or a word for an office held no longer.
std::optional<std::string> SingleHolderOffice(std::string_view title) {
  // clang-format off
  static const std::unordered_set<std::string_view> kNotSingle = {
      "former", "then", "ex", "late", "acting", "interim", "deputy", "vice", "assistant",
      "associate", "sgt", "sergeant", "officer", "detective", "agent", "constable", "lt",
      "lieutenant", "capt", "captain", "inspector", "trooper", "rep", "sen", "senator",
      "representative", "judge", "justice", "member", "mr", "mrs", "ms", "dr", "rev", "coach"};
  // clang-format on
  std::string office;
  int words = 0;  // of two letters or more: "U.S." is no office
  for (const Word& word : SplitWords(title)) {
    if (kNotSingle.contains(word.lower)) return std::nullopt;
    office += (office.empty() ? "" : " ") + word.lower;
    words += word.lower.size() >= 2;
  }
  if (words < 2) return std::nullopt;
  return office;
}

}  // namespace

StoryFeatures ExtractStoryFeatures(const Article& article, const Analysis& given) {
  // Quotations count as the statements they are, as STATEMENT events do.
  const std::optional<Analysis> with_quotes = WithQuoteStatements(article, given);
  const Analysis& analysis = with_quotes ? *with_quotes : given;
  StoryFeatures features;
  FeatureCounter counter;
  std::vector<std::pair<uint32_t, CalendarDay>> dates;
  AddWordFeatures(article.title, 1, counter, features, nullptr);
  AddWordFeatures(article.text, 1, counter, features, &dates);
  SortUnique(features.words);

  std::map<std::string, int> places;
  std::set<std::string> place_names, other_names;
  for (const EntityMention& mention : analysis.entities) {
    const std::string id = mention.entity.empty() ? NormalizedName(mention.text) : mention.entity;
    counter.Add("e:" + id, 1);
    AddName("e:" + id, mention.name.empty() ? mention.text : mention.name, features.names);
    features.entity_names.push_back("e:" + id);
    if (mention.type == "PLACE") {
      ++places[id];
      place_names.insert("e:" + id);
      for (const Word& word : SplitWords(mention.text)) place_names.insert("e:" + word.lower);
    } else {
      other_names.insert("e:" + id);
      if (std::find(features.actors.begin(), features.actors.end(), id) == features.actors.end()) {
        features.actors.push_back(id);
      }
    }
  }
  if (!places.empty()) features.place = MostFrequent(places);
  std::map<std::string, std::set<int>> ages;
  for (const EntityMention& mention : analysis.entities) {
    if (mention.type != "PERSON" || mention.span.end > article.text.size()) continue;
    if (const std::optional<int> age = AgeGiven(article.text, mention.span); age && *age > 0) {
      ages["e:" + (mention.entity.empty() ? NormalizedName(mention.text) : mention.entity)].insert(
          *age);
    }
  }
  for (const auto& [person, given] : ages) {
    if (given.size() == 1) features.ages.emplace_back(person, *given.begin());
  }
  std::map<std::string, std::set<std::string>> holders;
  for (const EntityMention& mention : analysis.entities) {
    if (mention.type != "PERSON" || mention.title.empty()) continue;
    const std::optional<std::string> office = SingleHolderOffice(mention.title);
    const std::vector<Word> name = SplitWords(mention.name.empty() ? mention.text : mention.name);
    if (!office || name.size() < 2) continue;
    holders[*office + "|" + mention.country].insert("e:" + name.back().lower);
  }
  for (const auto& [office, holder] : holders) {
    if (holder.size() == 1) features.office_holders.emplace_back(office, *holder.begin());
  }
  std::sort(features.entity_names.begin(), features.entity_names.end());
  features.entity_names.erase(
      std::unique(features.entity_names.begin(), features.entity_names.end()),
      features.entity_names.end());
  std::set_difference(place_names.begin(), place_names.end(), other_names.begin(),
                      other_names.end(), std::back_inserter(features.place_names));

  std::map<std::string, int> event_types;
  for (const Event& event : analysis.events) {
    if (event.negated) continue;  // "did not meet" is no meeting to group articles by
    counter.Add("v:" + event.type, 1);
    ++event_types[event.type];
  }
  if (!event_types.empty()) features.event_type = MostFrequent(event_types);

  if (article.published) features.published_day = ParseIsoDay(*article.published);
  std::map<CalendarDay, int> analysis_days;
  for (const TimeExpression& time : analysis.times) {
    if (!time.value) continue;
    if (const auto day = ParseIsoDay(*time.value)) ++analysis_days[*day];
  }
  features.frames = FindEventFrames(article, analysis);
  if (features.frames.main && features.frames.main->day) {
    features.dated_day = features.frames.main->day;
  } else if (!dates.empty() && dates.front().first < kOpeningBytes &&
             OpensAsDateline(article.text, dates.front().first)) {
    features.dated_day = dates.front().second;
  } else {
    features.dated_day = features.published_day;
  }
  if (!dates.empty() && dates.front().first < kOpeningBytes) {
    features.event_day = dates.front().second;
  } else if (features.frames.main && features.frames.main->day) {
    features.event_day = features.frames.main->day;
  } else if (!analysis_days.empty()) {
    features.event_day = MostFrequent(analysis_days);
  } else {
    features.event_day = features.published_day;
  }

  features.counts = counter.Take();
  features.headline = article.title.empty() ? FirstLine(article.text) : FirstLine(article.title);
  return features;
}

}  // namespace storyline
