#include "nlp/pos_tagger.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>

#include "core/binary_io.h"
#include "nlp/feature_hashing.h"

namespace storyline {
namespace {

constexpr std::string_view kFileKind = "POS model";  // for errors

constexpr uint32_t kMagic = 0x534f5053;  // "SPOS"
constexpr uint32_t kVersion = 1;
// Word positions looked at on each side of the word being tagged.
constexpr int kWindow = 2;
constexpr int kMaxFeatures = 32;
constexpr uint64_t kStartTag = 0x51a7;
constexpr uint64_t kBeforeStartTag = 0x51a8;

enum Template : uint64_t {
  kBias = 1,
  kLower,
  kShape,
  kFlags,
  kPrefix,  // + affix length 1..4
  kSuffix = kPrefix + WordHashes::kAffixes,
  kPrevTag = kSuffix + WordHashes::kAffixes,
  kPrevTwoTags,
  kPrevTagLower,
  kPrevTagShape,
  kPrevTagSuffix,
  kPrevLower,
  kPrevSuffix,
  kPrevShape,
  kPrevPrevLower,
  kNextLower,
  kNextSuffix,
  kNextShape,
  kNextNextLower,
  kPrevLowerLower,
  kLowerNextLower,
};

uint64_t TagHash(int tag_class) { return MixBits(uint64_t(tag_class) + 0x7a61); }

// `w` points at the word being tagged in an array padded with kWindow boundary entries
// on each side; `p1` and `p2` are the hashes of the two previous tags.
int BuildFeatures(const WordHashes* w, uint64_t p1, uint64_t p2, uint64_t* f) {
  int n = 0;
  f[n++] = Feature(kBias, 0);
  f[n++] = Feature(kLower, w[0].lower);
  f[n++] = Feature(kShape, w[0].shape);
  f[n++] = Feature(kFlags, w[0].flags);
  for (int k = 0; k < WordHashes::kAffixes; ++k) {
    f[n++] = Feature(kPrefix + k, w[0].prefix[k]);
    f[n++] = Feature(kSuffix + k, w[0].suffix[k]);
  }
  f[n++] = Feature(kPrevTag, p1);
  f[n++] = Feature(kPrevTwoTags, p2, p1);
  f[n++] = Feature(kPrevTagLower, p1, w[0].lower);
  f[n++] = Feature(kPrevTagShape, p1, w[0].shape);
  f[n++] = Feature(kPrevTagSuffix, p1, w[0].suffix[2]);
  f[n++] = Feature(kPrevLower, w[-1].lower);
  f[n++] = Feature(kPrevSuffix, w[-1].suffix[2]);
  f[n++] = Feature(kPrevShape, w[-1].shape);
  f[n++] = Feature(kPrevPrevLower, w[-2].lower);
  f[n++] = Feature(kNextLower, w[1].lower);
  f[n++] = Feature(kNextSuffix, w[1].suffix[2]);
  f[n++] = Feature(kNextShape, w[1].shape);
  f[n++] = Feature(kNextNextLower, w[2].lower);
  f[n++] = Feature(kPrevLowerLower, w[-1].lower, w[0].lower);
  f[n++] = Feature(kLowerNextLower, w[0].lower, w[1].lower);
  return n;
}

// Per-thread scratch space, so that tagging allocates only while a thread's buffers grow.
struct Workspace {
  std::vector<WordHashes> words;
  std::vector<std::string_view> forms;
  std::vector<int> classes;
};

Workspace& ThreadWorkspace() {
  thread_local Workspace workspace;
  return workspace;
}

void HashSentence(std::span<const std::string_view> words, std::vector<WordHashes>& out) {
  static const WordHashes kBefore = BoundaryWordHashes(0xb0);
  static const WordHashes kAfter = BoundaryWordHashes(0xe0);
  out.clear();
  for (int i = 0; i < kWindow; ++i) out.push_back(kBefore);
  for (std::string_view w : words) out.push_back(HashWord(w));
  for (int i = 0; i < kWindow; ++i) out.push_back(kAfter);
}

void WriteName(std::ostream& out, std::string_view name) {
  WritePod(out, uint8_t(name.size()));
  out.write(name.data(), std::streamsize(name.size()));
}

std::string ReadName(std::istream& in) {
  std::string name(ReadPod<uint8_t>(in, kFileKind), '\0');
  if (!in.read(name.data(), std::streamsize(name.size())))
    throw std::runtime_error("truncated file");
  return name;
}

// Deterministic on every platform, unlike std::shuffle with a standard distribution.
void Shuffle(std::vector<size_t>& order, std::mt19937_64& rng) {
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
}

}  // namespace

void PosTagger::TagDictionary::Build(const std::vector<std::pair<uint64_t, uint16_t>>& entries) {
  entries_ = entries;
  std::sort(entries_.begin(), entries_.end());
  size_t size = 16;
  while (size < entries_.size() * 2) size *= 2;
  keys_.assign(size, 0);
  classes_.assign(size, 0);
  for (const auto& [key, tag_class] : entries_) {
    size_t slot = key & (size - 1);
    while (keys_[slot] != 0) slot = (slot + 1) & (size - 1);
    keys_[slot] = key;
    classes_[slot] = tag_class;
  }
}

int PosTagger::TagDictionary::Find(uint64_t key) const {
  if (keys_.empty()) return -1;
  const size_t mask = keys_.size() - 1;
  for (size_t slot = key & mask; keys_[slot] != 0; slot = (slot + 1) & mask) {
    if (keys_[slot] == key) return classes_[slot];
  }
  return -1;
}

template <typename Predict>
void PosTagger::TagWithPredictor(std::span<const std::string_view> words, std::span<int> classes,
                                 Predict&& predict) const {
  std::vector<WordHashes>& hashes = ThreadWorkspace().words;
  HashSentence(words, hashes);
  uint64_t p2 = kBeforeStartTag, p1 = kStartTag;
  std::array<uint64_t, kMaxFeatures> features;
  for (size_t i = 0; i < words.size(); ++i) {
    const WordHashes* w = &hashes[i + kWindow];
    int tag_class = dictionary_.Find(w->form);
    if (tag_class < 0) {
      const int n = BuildFeatures(w, p1, p2, features.data());
      tag_class = predict(std::span<const uint64_t>(features.data(), n), i);
    }
    classes[i] = tag_class;
    p2 = p1;
    p1 = TagHash(tag_class);
  }
}

void PosTagger::TagSentence(std::span<const std::string_view> words, std::span<PosTag> out) const {
  std::vector<int>& classes = ThreadWorkspace().classes;
  classes.resize(words.size());
  TagWithPredictor(words, classes, [this](std::span<const uint64_t> features, size_t) {
    return model_.Predict(features);
  });
  for (size_t i = 0; i < words.size(); ++i) out[i] = classes_[classes[i]];
}

void PosTagger::Tag(std::string_view text, const TokenizedText& tokens,
                    std::vector<PosTag>& out) const {
  out.assign(tokens.tokens.size(), PosTag{"X", "XX"});
  std::vector<std::string_view>& forms = ThreadWorkspace().forms;
  for (const Sentence& s : tokens.sentences) {
    forms.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      forms.push_back(tokens.tokens[t].In(text));
    // `forms` is this thread's buffer too; TagSentence only uses the others.
    TagSentence(forms, std::span<PosTag>(out).subspan(s.first_token, forms.size()));
  }
}

PosTagger PosTagger::Train(const std::vector<ConlluSentence>& sentences,
                           const PosTaggerTrainingOptions& options,
                           const std::function<void(std::string_view)>& progress) {
  // Classes: every (XPOS, UPOS) pair in the data, in tag-table order.
  std::map<std::pair<int, int>, int> pair_class;
  for (const ConlluSentence& s : sentences) {
    for (size_t i = 0; i < s.words.size(); ++i) {
      const ConlluWord& w = s.words[i];
      const int x = XposIndex(w.xpos), u = UposIndex(w.upos);
      if (x < 0) throw std::runtime_error(fmt::format("{}: unknown XPOS '{}'", s.Where(i), w.xpos));
      if (u < 0) throw std::runtime_error(fmt::format("{}: unknown UPOS '{}'", s.Where(i), w.upos));
      pair_class.emplace(std::pair(x, u), 0);
    }
  }
  PosTagger tagger;
  for (auto& [pair, index] : pair_class) {
    index = int(tagger.classes_.size());
    tagger.classes_.push_back({kUposTags[pair.second], kXposTags[pair.first]});
  }
  if (tagger.classes_.empty()) throw std::runtime_error("no training sentences");

  std::vector<std::vector<int>> gold(sentences.size());
  std::vector<std::vector<std::string_view>> forms(sentences.size());
  std::map<uint64_t, std::map<int, int>> word_counts;
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (const ConlluWord& w : sentences[s].words) {
      const int c = pair_class.at({XposIndex(w.xpos), UposIndex(w.upos)});
      gold[s].push_back(c);
      forms[s].push_back(w.form);
      ++word_counts[FeatureHash(w.form)][c];
    }
  }
  std::vector<std::pair<uint64_t, uint16_t>> dictionary;
  for (const auto& [key, counts] : word_counts) {
    int total = 0, best = 0, best_class = 0;
    for (const auto& [c, n] : counts) {
      total += n;
      if (n > best) best = n, best_class = c;
    }
    if (key != 0 && total >= options.dictionary_min_count &&
        best >= options.dictionary_min_share * total) {
      dictionary.emplace_back(key, uint16_t(best_class));
    }
  }
  tagger.dictionary_.Build(dictionary);
  tagger.model_ = AveragedPerceptron(int(tagger.classes_.size()), options.hash_bits);

  std::vector<size_t> order(sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::vector<int> predicted;
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    Shuffle(order, rng);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      predicted.resize(forms[s].size());
      tagger.TagWithPredictor(forms[s], predicted,
                              [&](std::span<const uint64_t> features, size_t i) {
                                const int guess = tagger.model_.Predict(features);
                                tagger.model_.Update(features, gold[s][i], guess);
                                return guess;
                              });
      for (size_t i = 0; i < predicted.size(); ++i) correct += predicted[i] == gold[s][i];
      total += predicted.size();
    }
    if (progress) {
      progress(fmt::format("pos iteration {}: training accuracy {:.4f}", iteration + 1,
                           double(correct) / double(std::max<size_t>(total, 1))));
    }
  }
  tagger.model_.Average();
  return tagger;
}

void PosTagger::Save(std::ostream& out) const {
  WritePod(out, kMagic);
  WritePod(out, kVersion);
  WritePod(out, uint32_t(classes_.size()));
  for (const PosTag& tag : classes_) {
    WriteName(out, tag.upos);
    WriteName(out, tag.xpos);
  }
  WritePod(out, uint32_t(dictionary_.entries().size()));
  for (const auto& [key, tag_class] : dictionary_.entries()) {
    WritePod(out, key);
    WritePod(out, tag_class);
  }
  model_.Save(out);
}

void PosTagger::Save(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  Save(out);
  if (!out.flush()) throw std::runtime_error(fmt::format("{}: cannot write", path.string()));
}

PosTagger PosTagger::Load(std::istream& in) {
  if (ReadPod<uint32_t>(in, kFileKind) != kMagic) throw std::runtime_error("not a tagger model");
  if (ReadPod<uint32_t>(in, kFileKind) != kVersion)
    throw std::runtime_error("unsupported tagger version");
  PosTagger tagger;
  const uint32_t num_classes = ReadPod<uint32_t>(in, kFileKind);
  if (num_classes == 0 || num_classes > 1024) throw std::runtime_error("bad number of tags");
  for (uint32_t c = 0; c < num_classes; ++c) {
    const std::string upos = ReadName(in), xpos = ReadName(in);
    const int u = UposIndex(upos), x = XposIndex(xpos);
    if (u < 0 || x < 0) throw std::runtime_error(fmt::format("unknown tag {}/{}", upos, xpos));
    tagger.classes_.push_back({kUposTags[u], kXposTags[x]});
  }
  const uint32_t dictionary_size = ReadPod<uint32_t>(in, kFileKind);
  if (dictionary_size > (1u << 24)) throw std::runtime_error("bad tag dictionary size");
  std::vector<std::pair<uint64_t, uint16_t>> dictionary;
  for (uint32_t i = 0; i < dictionary_size; ++i) {
    const uint64_t key = ReadPod<uint64_t>(in, kFileKind);
    const uint16_t tag_class = ReadPod<uint16_t>(in, kFileKind);
    if (key == 0 || tag_class >= num_classes) throw std::runtime_error("bad tag dictionary entry");
    dictionary.emplace_back(key, tag_class);
  }
  tagger.dictionary_.Build(dictionary);
  tagger.model_.Load(in);
  if (tagger.model_.num_classes() != int(num_classes)) {
    throw std::runtime_error("tag count differs from the weights'");
  }
  return tagger;
}

PosTagger PosTagger::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open tagger model", path.string()));
  try {
    return Load(in);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", path.string(), e.what()));
  }
}

}  // namespace storyline
