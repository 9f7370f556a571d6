// Near-duplicate detection: speed of fingerprinting, and precision/recall on a set
// generated from ECB+ (every article paired with a copy carrying typical wire-reprint
// edits = positives; every pair of different articles reporting the same event =
// negatives, except the few that are in fact reprints of one wire story or press
// release: exact 5-shingle Jaccard >= 0.3, 59 of 4491 pairs). Compares MinHash (shipped,
// story/near_duplicate.h) with a SimHash baseline; the figures are reported as counters and
// recorded in near_duplicate.h.
#include <benchmark/benchmark.h>
#include <xxhash.h>

#include <bit>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "story/near_duplicate.h"

namespace storyline {
namespace {

struct Corpus {
  std::vector<std::string> texts;
  std::vector<std::string> edited;                    // edited[i] is a reprint of texts[i]
  std::vector<std::pair<size_t, size_t>> same_event;  // different articles, same event
};

std::set<uint64_t> Shingles(const std::string& normalized) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < normalized.size(); ++i) {
    if (i == 0 || normalized[i - 1] == ' ') starts.push_back(i);
  }
  std::set<uint64_t> out;
  for (size_t s = 0; s < starts.size(); ++s) {
    const size_t last = s + kShingleWords;
    const size_t end = last < starts.size() ? starts[last] - 1 : normalized.size();
    out.insert(XXH3_64bits(normalized.data() + starts[s], end - starts[s]));
    if (last >= starts.size()) break;
  }
  return out;
}

double ExactJaccard(const std::string& a, const std::string& b) {
  const std::set<uint64_t> x = Shingles(NormalizeForDuplicates(a));
  const std::set<uint64_t> y = Shingles(NormalizeForDuplicates(b));
  size_t common = 0;
  for (uint64_t h : x) common += y.count(h);
  return static_cast<double>(common) / static_cast<double>(x.size() + y.size() - common);
}

std::vector<std::string> SplitSentences(const std::string& text) {
  std::vector<std::string> sentences;
  std::string current;
  for (char c : text) {
    current.push_back(c);
    if (c == '\n' || ((c == '.' || c == '?' || c == '!') && current.size() > 20)) {
      sentences.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) sentences.push_back(current);
  return sentences;
}

// What outlets do to wire copy: add a dateline or byline, cut the last paragraphs,
// drop a sentence, swap a few words, append a promotional line.
std::string EditLikeReprint(const std::string& text, std::mt19937& rng) {
  std::vector<std::string> sentences = SplitSentences(text);
  std::uniform_int_distribution<int> coin(0, 1);
  std::string out;
  if (coin(rng)) out += "WASHINGTON (AP) — ";
  if (sentences.size() > 6 && coin(rng)) sentences.resize(sentences.size() - 1);
  if (sentences.size() > 6 && coin(rng)) {
    sentences.erase(sentences.begin() +
                    std::uniform_int_distribution<size_t>(1, sentences.size() - 2)(rng));
  }
  std::string body;
  for (const std::string& s : sentences) body += s;
  std::istringstream words(body);
  std::string word;
  std::uniform_int_distribution<int> percent(0, 99);
  while (words >> word) out += (percent(rng) < 2 ? std::string("reportedly") : word) + " ";
  if (coin(rng)) out += "\nFollow our live coverage for the latest updates.";
  return out;
}

const Corpus& LoadCorpus() {
  static const Corpus corpus = [] {
    Corpus c;
    std::ifstream in(STORYLINE_SHARED_DIR "/data/ecbplus/ecbplus.jsonl");
    std::map<std::string, std::vector<size_t>> by_event;
    std::string line;
    std::mt19937 rng(20241127);
    while (std::getline(in, line)) {
      const auto doc = nlohmann::json::parse(line);
      by_event[doc.at("event_cluster").get<std::string>()].push_back(c.texts.size());
      c.texts.push_back(doc.at("text").get<std::string>());
      c.edited.push_back(EditLikeReprint(c.texts.back(), rng));
    }
    for (const auto& [event, members] : by_event) {
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) {
          if (ExactJaccard(c.texts[members[i]], c.texts[members[j]]) < 0.3) {
            c.same_event.emplace_back(members[i], members[j]);
          }
        }
      }
    }
    return c;
  }();
  return corpus;
}

// Charikar's SimHash over word shingles: the baseline MinHash was chosen over.
uint64_t SimHash(const std::string& normalized, int shingle_words) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < normalized.size(); ++i) {
    if (i == 0 || normalized[i - 1] == ' ') starts.push_back(i);
  }
  int weights[64] = {};
  for (size_t s = 0; s + shingle_words <= starts.size() || (s == 0 && !starts.empty()); ++s) {
    const size_t last = s + shingle_words;
    const size_t end = last < starts.size() ? starts[last] - 1 : normalized.size();
    const uint64_t h = XXH3_64bits(normalized.data() + starts[s], end - starts[s]);
    for (int b = 0; b < 64; ++b) weights[b] += (h >> b) & 1 ? 1 : -1;
    if (last >= starts.size()) break;
  }
  uint64_t out = 0;
  for (int b = 0; b < 64; ++b) out |= uint64_t{weights[b] > 0} << b;
  return out;
}

void Report(benchmark::State& state, int true_pos, int false_neg, int false_pos) {
  state.counters["precision"] =
      true_pos + false_pos ? double(true_pos) / (true_pos + false_pos) : 1;
  state.counters["recall"] = double(true_pos) / (true_pos + false_neg);
  state.counters["pairs_pos"] = true_pos + false_neg;
  state.counters["pairs_neg"] = static_cast<double>(LoadCorpus().same_event.size());
}

// A pair is found when LSH makes it a candidate (some band of `rows` slots equal) and
// the estimated Jaccard is at least the threshold.
bool Found(const MinHashSignature& a, const MinHashSignature& b, int rows, double threshold) {
  bool candidate = false;
  for (int band = 0; band < kMinHashSlots / rows && !candidate; ++band) {
    candidate =
        std::equal(a.begin() + band * rows, a.begin() + (band + 1) * rows, b.begin() + band * rows);
  }
  return candidate && EstimateJaccard(a, b) >= threshold;
}

void BM_MinHashQuality(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  const int shingle = static_cast<int>(state.range(0));
  const double threshold = state.range(1) / 100.0;
  const int rows = static_cast<int>(state.range(2));
  for (auto _ : state) {
    std::vector<MinHashSignature> orig, edit;
    for (size_t i = 0; i < c.texts.size(); ++i) {
      orig.push_back(ComputeMinHash(NormalizeForDuplicates(c.texts[i]), shingle));
      edit.push_back(ComputeMinHash(NormalizeForDuplicates(c.edited[i]), shingle));
    }
    int tp = 0, fn = 0, fp = 0;
    for (size_t i = 0; i < orig.size(); ++i) (Found(orig[i], edit[i], rows, threshold) ? tp : fn)++;
    for (auto [a, b] : c.same_event) fp += Found(orig[a], orig[b], rows, threshold);
    Report(state, tp, fn, fp);
  }
}
BENCHMARK(BM_MinHashQuality)
    ->ArgsProduct({{3, 5}, {40, 50}, {2, 4, 8}})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_SimHashQuality(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  const int shingle = static_cast<int>(state.range(0));
  const int radius = static_cast<int>(state.range(1));
  for (auto _ : state) {
    std::vector<uint64_t> orig, edit;
    for (size_t i = 0; i < c.texts.size(); ++i) {
      orig.push_back(SimHash(NormalizeForDuplicates(c.texts[i]), shingle));
      edit.push_back(SimHash(NormalizeForDuplicates(c.edited[i]), shingle));
    }
    int tp = 0, fn = 0, fp = 0;
    for (size_t i = 0; i < orig.size(); ++i)
      (std::popcount(orig[i] ^ edit[i]) <= radius ? tp : fn)++;
    for (auto [a, b] : c.same_event) fp += std::popcount(orig[a] ^ orig[b]) <= radius;
    Report(state, tp, fn, fp);
  }
}
BENCHMARK(BM_SimHashQuality)
    ->Args({3, 3})
    ->Args({3, 6})
    ->Args({5, 6})
    ->Args({1, 6})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_FingerprintText(benchmark::State& state) {
  const Corpus& c = LoadCorpus();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& text = c.texts[i++ % c.texts.size()];
    benchmark::DoNotOptimize(FingerprintText(text));
    bytes += text.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FingerprintText);

}  // namespace
}  // namespace storyline

BENCHMARK_MAIN();
