#include "nlp/entity_recognizer.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace storyline {
namespace {

constexpr uint32_t kMagic = 0x52454e53;  // "SNER"
// Model file versions, one per decoder (see EntityRecognizer): the features and the
// weights are learned for one.
constexpr uint32_t kGreedyVersion = 1;
constexpr uint32_t kStructuredVersion = 2;
// Set in the version of a model that reads word classes (word_classes.tsv).
constexpr uint32_t kWordClassesFlag = 0x100;

// Gazetteer categories used as name evidence; kCommon is used separately.
constexpr int kNameCategories = int(GazetteerCategory::kCommon);

enum Template : uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kShape,
  kPrefix,
  kSuffix3,
  kSuffix4,
  kLowerPrev,
  kLowerNext,
  kLowerPrev2,
  kLowerNext2,
  kShapePrev,
  kShapeNext,
  kShapePrevCur,
  kShapeCurNext,
  kLowerPrevCur,
  kLowerCurNext,
  kInitialShape,
  kCommonCase,
  kGazetteer,
  kGazetteerPrev,
  kGazetteerNext,
  kWordPrev,
  kWordNext,
  kShapePrev2,
  kShapeNext2,
  kWordPrevCur,
  kPrevTag,
  kPrevTwoTags,
  kPrevTagLower,
  kPrevTagShape,
  kClassCasing,
  kClassPrev,
  kClassNext,
};

constexpr uint64_t Mix(uint64_t templ, uint64_t value) {
  uint64_t h = value ^ (templ * 0x9e3779b97f4a7c15ULL);
  h ^= h >> 31;
  h *= 0xd6e8feb86659fd93ULL;
  h ^= h >> 32;
  return h;
}

constexpr uint64_t Pair(uint64_t a, uint64_t b) { return a * 0x100000001b3ULL ^ (b + 0x51); }

// What a token contributes to its own and its neighbours' features.
struct TokenInfo {
  uint64_t word = 0, lower = 0, shape = 0, prefix = 0, suffix3 = 0, suffix4 = 0;
  uint8_t casing = 0;  // 0 other, 1 capitalized, 2 all capitals, 3 lower case
  bool common = false;
  std::array<uint8_t, kNameCategories> gazetteer{};  // 0, or 1 + B/I/L/U position
  WordClassIds classes{};                            // all 0 without word classes
};

const TokenInfo kBoundary = [] {
  TokenInfo t;
  t.word = t.lower = t.shape = FeatureHash("<boundary>");
  return t;
}();

bool StartsUpper(std::string_view word) {
  const unsigned char c = word.empty() ? 0 : word[0];
  return c >= 'A' && c <= 'Z';
}

TokenInfo Describe(std::string_view word, const WordClasses* classes) {
  TokenInfo t;
  t.word = FeatureHash(word);
  char lower[64];
  char shape[16];
  size_t lower_size = 0, shape_size = 0;
  bool upper = false, lower_case = false;
  for (unsigned char c : word) {
    char cls = char(c);
    if (c >= 'A' && c <= 'Z') {
      upper = true;
      cls = 'X';
      c = c - 'A' + 'a';
    } else if (c >= 'a' && c <= 'z') {
      lower_case = true;
      cls = 'x';
    } else if (c >= '0' && c <= '9') {
      cls = 'd';
    } else if (c >= 0x80) {
      cls = 'x';
    }
    if (lower_size < sizeof(lower)) lower[lower_size++] = char(c);
    if (shape_size < sizeof(shape) && (shape_size == 0 || shape[shape_size - 1] != cls)) {
      shape[shape_size++] = cls;
    }
  }
  const std::string_view low(lower, lower_size);
  t.lower = FeatureHash(low);
  t.shape =
      Pair(FeatureHash(std::string_view(shape, shape_size)), std::min<size_t>(word.size(), 4));
  t.prefix = FeatureHash(low.substr(0, 3));
  t.suffix3 = FeatureHash(low.substr(low.size() - std::min<size_t>(3, low.size())));
  t.suffix4 = FeatureHash(low.substr(low.size() - std::min<size_t>(4, low.size())));
  t.casing = StartsUpper(word) ? (lower_case ? 1 : 2) : (lower_case && !upper ? 3 : 0);
  if (classes != nullptr) t.classes = classes->Find(t.lower);
  return t;
}

// Token descriptions for one sentence, with gazetteer positions filled in.
void DescribeSentence(std::string_view text, const TokenizedText& tokens, const Sentence& sentence,
                      const Gazetteer& gazetteer, const WordClasses* classes,
                      std::vector<TokenInfo>* infos, std::vector<GazetteerMatch>* matches) {
  infos->clear();
  for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    infos->push_back(Describe(tokens.tokens[i].In(text), classes));
  }
  matches->clear();
  gazetteer.FindMatches(text, tokens.tokens, sentence.first_token, sentence.end_token, matches);
  // Matches come by first token, then length: later, longer ones overwrite.
  std::vector<std::array<uint8_t, kNameCategories>> lengths(infos->size());
  for (const GazetteerMatch& m : *matches) {
    const uint32_t first = m.first_token - sentence.first_token;
    const uint32_t length = m.end_token - m.first_token;
    if (length == 1 && (m.categories & CategoryBit(GazetteerCategory::kCommon))) {
      (*infos)[first].common = true;
    }
    if (!StartsUpper(tokens.tokens[m.first_token].In(text))) continue;
    for (int c = 0; c < kNameCategories; ++c) {
      if (!(m.categories & CategoryBit(GazetteerCategory(c)))) continue;
      for (uint32_t k = 0; k < length; ++k) {
        uint8_t& held = lengths[first + k][c];
        if (held >= length) continue;
        held = uint8_t(length);
        const uint8_t position = length == 1 ? 4 : k == 0 ? 1 : k + 1 == length ? 3 : 2;
        (*infos)[first + k].gazetteer[c] = position;
      }
    }
  }
}

// Features that do not depend on earlier tags, for token i of the sentence; the word
// class features only with `classes` (a model without them keeps its feature hashes).
void StaticFeatures(const std::vector<TokenInfo>& infos, size_t i, bool classes,
                    std::vector<uint64_t>* out) {
  auto at = [&](ptrdiff_t k) -> const TokenInfo& {
    return k < 0 || k >= ptrdiff_t(infos.size()) ? kBoundary : infos[k];
  };
  const ptrdiff_t n = ptrdiff_t(i);
  const TokenInfo& t = infos[i];
  out->push_back(Mix(kBias, 0));
  out->push_back(Mix(kWord, t.word));
  out->push_back(Mix(kLower, t.lower));
  out->push_back(Mix(kShape, t.shape));
  out->push_back(Mix(kPrefix, t.prefix));
  out->push_back(Mix(kSuffix3, t.suffix3));
  out->push_back(Mix(kSuffix4, t.suffix4));
  out->push_back(Mix(kLowerPrev, at(n - 1).lower));
  out->push_back(Mix(kLowerNext, at(n + 1).lower));
  out->push_back(Mix(kLowerPrev2, at(n - 2).lower));
  out->push_back(Mix(kLowerNext2, at(n + 2).lower));
  out->push_back(Mix(kShapePrev, at(n - 1).shape));
  out->push_back(Mix(kShapeNext, at(n + 1).shape));
  out->push_back(Mix(kShapePrevCur, Pair(at(n - 1).shape, t.shape)));
  out->push_back(Mix(kShapeCurNext, Pair(t.shape, at(n + 1).shape)));
  out->push_back(Mix(kLowerPrevCur, Pair(at(n - 1).lower, t.lower)));
  out->push_back(Mix(kLowerCurNext, Pair(t.lower, at(n + 1).lower)));
  out->push_back(Mix(kWordPrev, at(n - 1).word));
  out->push_back(Mix(kWordNext, at(n + 1).word));
  out->push_back(Mix(kShapePrev2, Pair(at(n - 2).shape, at(n - 1).shape)));
  out->push_back(Mix(kShapeNext2, Pair(at(n + 1).shape, at(n + 2).shape)));
  out->push_back(Mix(kWordPrevCur, Pair(at(n - 1).word, t.word)));
  out->push_back(Mix(kInitialShape, Pair(i == 0, t.shape)));
  out->push_back(Mix(kCommonCase, Pair(t.common * 8 + t.casing, i == 0)));
  for (int c = 0; c < kNameCategories; ++c) {
    if (t.gazetteer[c]) out->push_back(Mix(kGazetteer, c * 8 + t.gazetteer[c]));
    if (at(n - 1).gazetteer[c]) out->push_back(Mix(kGazetteerPrev, c * 8 + at(n - 1).gazetteer[c]));
    if (at(n + 1).gazetteer[c]) out->push_back(Mix(kGazetteerNext, c * 8 + at(n + 1).gazetteer[c]));
  }
  if (classes) {
    // The classes are of the lower-cased word, so the casing goes with them: a capitalized
    // word of a class of places is a name, the same word in lower case ("crossing" beside
    // "Bridge") mostly is not.
    for (uint64_t g = 0; g < t.classes.size(); ++g) {
      out->push_back(Mix(kClassCasing, Pair(g * 4 + t.casing, t.classes[g])));
    }
    out->push_back(Mix(kClassPrev, at(n - 1).classes[1]));
    out->push_back(Mix(kClassNext, at(n + 1).classes[1]));
  }
}

// Features of the greedy tagger that read the tags it chose before.
void DynamicFeatures(const TokenInfo& t, int prev, int prev2, std::vector<uint64_t>* out) {
  out->push_back(Mix(kPrevTag, uint64_t(prev)));
  out->push_back(Mix(kPrevTwoTags, uint64_t(prev * 16 + prev2)));
  out->push_back(Mix(kPrevTagLower, Pair(uint64_t(prev), t.lower)));
  out->push_back(Mix(kPrevTagShape, Pair(uint64_t(prev), t.shape)));
}

// Features of the transition from tag `prev` into the current token: scored for every
// tag the token may take, so that the decoder can weigh whole sequences.
void TransitionFeatures(const TokenInfo& t, int prev, std::vector<uint64_t>* out) {
  out->push_back(Mix(kPrevTag, uint64_t(prev)));
  out->push_back(Mix(kPrevTagLower, Pair(uint64_t(prev), t.lower)));
  out->push_back(Mix(kPrevTagShape, Pair(uint64_t(prev), t.shape)));
}

// Tag layout helpers: 0 is O; otherwise type = (tag - 1) / 4, position = (tag - 1) % 4.
enum Position { kB = 0, kI = 1, kL = 2, kU = 3 };
int TypeOf(int tag) { return (tag - 1) / 4; }
int PositionOf(int tag) { return (tag - 1) % 4; }
bool OpensSpan(int tag) { return tag != 0 && (PositionOf(tag) == kB || PositionOf(tag) == kI); }
int MakeTag(int type, int position) { return 1 + 4 * type + position; }

// The best tag that may follow `prev`; at the sentence's last token no span may stay open.
int BestValidTag(const std::array<float, kNumEntityTags>& scores, int prev, bool last) {
  int best = -1;
  for (int tag = 0; tag < kNumEntityTags; ++tag) {
    if (!IsValidTransition(prev, tag) || (last && OpensSpan(tag))) continue;
    if (best < 0 || scores[tag] > scores[best]) best = tag;
  }
  return best;
}

// The tag training should reward after `prev` when the gold tag cannot follow it (the
// decoder went wrong earlier): close an open span at once, or open the gold span here.
// Rewarding the invalid gold tag instead would teach nothing the decoder can use, and
// spans opened by mistake would never learn to close.
int ReachableGold(int prev, int gold) {
  if (IsValidTransition(prev, gold)) return gold;
  if (OpensSpan(prev)) return MakeTag(TypeOf(prev), kL);
  return MakeTag(TypeOf(gold), PositionOf(gold) == kI ? kB : kU);
}

// Tags one sentence greedily, left to right. With `gold`, also trains `model` on it.
void TagSentence(const std::vector<TokenInfo>& infos, bool classes, const AveragedPerceptron& model,
                 AveragedPerceptron* trainee, const int* gold, int* tags,
                 std::vector<uint64_t>* features) {
  int prev = 0, prev2 = 0;
  for (size_t i = 0; i < infos.size(); ++i) {
    features->clear();
    StaticFeatures(infos, i, classes, features);
    DynamicFeatures(infos[i], prev, prev2, features);
    std::array<float, kNumEntityTags> scores{};
    model.AddScores(*features, scores);
    const int guess = BestValidTag(scores, prev, i + 1 == infos.size());
    if (trainee != nullptr) trainee->Update(*features, ReachableGold(prev, gold[i]), guess);
    tags[i] = guess;
    prev2 = prev;
    prev = guess;
  }
}

using TagScores = std::array<float, kNumEntityTags>;

// Scratch space for decoding one sentence, reused across sentences.
struct Lattice {
  std::vector<uint64_t> features;
  std::vector<TagScores> best;  // best[i][t]: best sequence score ending in t at i
  std::vector<std::array<int8_t, kNumEntityTags>> back;  // its tag at i - 1
};

// The highest-scoring valid BILOU sequence for one sentence (Viterbi over first-order
// transitions): a token's score for tag t after tag p is its static features' weight for t
// plus its transition features' (TransitionFeatures of p). The sentence starts after O and
// may not end inside a span, so every sequence is whole spans.
void Decode(const std::vector<TokenInfo>& infos, bool classes, const AveragedPerceptron& model,
            int* tags, Lattice* lattice) {
  constexpr float kImpossible = -std::numeric_limits<float>::infinity();
  const size_t n = infos.size();
  lattice->best.assign(n, {});
  lattice->back.assign(n, {});
  std::vector<uint64_t>& features = lattice->features;
  for (size_t i = 0; i < n; ++i) {
    features.clear();
    StaticFeatures(infos, i, classes, &features);
    TagScores emission{};
    model.AddScores(features, emission);
    TagScores& best = lattice->best[i];
    best.fill(kImpossible);
    const bool last = i + 1 == n;
    for (int prev = 0; prev < (i == 0 ? 1 : kNumEntityTags); ++prev) {
      const float before = i == 0 ? 0.0f : lattice->best[i - 1][prev];
      if (before == kImpossible) continue;
      features.clear();
      TransitionFeatures(infos[i], prev, &features);
      TagScores score = emission;
      model.AddScores(features, score);
      for (int tag = 0; tag < kNumEntityTags; ++tag) {
        if (!IsValidTransition(prev, tag) || (last && OpensSpan(tag))) continue;
        if (before + score[tag] > best[tag]) {
          best[tag] = before + score[tag];
          lattice->back[i][tag] = int8_t(prev);
        }
      }
    }
  }
  int tag = int(std::max_element(lattice->best[n - 1].begin(), lattice->best[n - 1].end()) -
                lattice->best[n - 1].begin());
  for (size_t i = n; i-- > 0;) {
    tags[i] = tag;
    tag = lattice->back[i][tag];
  }
}

// One structured perceptron update (Collins 2002) when the decoded `tags` differ from
// `gold`: the gold sequence's features gain weight, the decoded one's lose it, at every
// token whose tag or previous tag differs (elsewhere the two cancel).
void Learn(const std::vector<TokenInfo>& infos, bool classes, const int* gold, const int* tags,
           AveragedPerceptron* model, std::vector<uint64_t>* features) {
  for (size_t i = 0; i < infos.size(); ++i) {
    const int gold_prev = i == 0 ? 0 : gold[i - 1];
    const int prev = i == 0 ? 0 : tags[i - 1];
    if (gold[i] == tags[i] && gold_prev == prev) continue;
    if (gold[i] != tags[i]) {
      features->clear();
      StaticFeatures(infos, i, classes, features);
      model->Adjust(*features, gold[i], 1.0f);
      model->Adjust(*features, tags[i], -1.0f);
    }
    features->clear();
    TransitionFeatures(infos[i], gold_prev, features);
    model->Adjust(*features, gold[i], 1.0f);
    features->clear();
    TransitionFeatures(infos[i], prev, features);
    model->Adjust(*features, tags[i], -1.0f);
  }
  model->Tick();
}

// Whether `token` holds a letter or digit (any non-ASCII byte counts as a letter).
bool HasAlphanumeric(std::string_view token) {
  return std::any_of(token.begin(), token.end(), [](unsigned char c) {
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  });
}

// A name keeps one type throughout an article: the tagger's local view sometimes calls
// "Netanyahu" a PLACE after "Israel's"; the type it gives the name most often (first
// seen on ties) wins.
void UnifyTypes(std::vector<EntityMention>* mentions) {
  std::unordered_map<std::string_view, std::array<int, std::size(kEntityTypes)>> votes;
  for (const EntityMention& m : *mentions) {
    const auto type = std::find(std::begin(kEntityTypes), std::end(kEntityTypes), m.type);
    ++votes[m.text][type - std::begin(kEntityTypes)];
  }
  for (EntityMention& m : *mentions) {
    const auto& count = votes[m.text];
    const auto type = std::find(std::begin(kEntityTypes), std::end(kEntityTypes), m.type);
    int best = int(type - std::begin(kEntityTypes));
    for (int t = 0; t < int(count.size()); ++t) {
      if (count[t] > count[best]) best = t;
    }
    m.type = std::string(kEntityTypes[best]);
  }
}

std::runtime_error ModelError(const std::filesystem::path& path, const std::string& what) {
  return std::runtime_error(path.string() + ": " + what);
}

}  // namespace

bool IsValidTransition(int previous, int next) {
  if (OpensSpan(previous)) {
    return next != 0 && TypeOf(next) == TypeOf(previous) &&
           (PositionOf(next) == kI || PositionOf(next) == kL);
  }
  return next == 0 || PositionOf(next) == kB || PositionOf(next) == kU;
}

std::vector<int> AlignSpansToTags(const std::vector<NerSpan>& spans, const TokenizedText& tokens,
                                  size_t* misaligned) {
  const std::vector<Token>& toks = tokens.tokens;
  std::vector<uint32_t> sentence_end(toks.size(), 0);
  for (const Sentence& s : tokens.sentences) {
    for (uint32_t k = s.first_token; k < s.end_token; ++k) sentence_end[k] = s.end_token;
  }
  std::vector<int> tags(toks.size(), 0);
  for (const NerSpan& span : spans) {
    const auto type = std::find(std::begin(kEntityTypes), std::end(kEntityTypes), span.type);
    if (type == std::end(kEntityTypes)) continue;
    // The first token ending after the span's start, then every token starting before its end.
    const size_t b = std::partition_point(toks.begin(), toks.end(),
                                          [&](const Token& t) { return t.end <= span.start; }) -
                     toks.begin();
    size_t e = b;
    while (e < toks.size() && toks[e].start < span.end) ++e;
    if (b == e) continue;
    if (misaligned && (toks[b].start != span.start || toks[e - 1].end != span.end)) ++*misaligned;
    // A tag sequence cannot cross a sentence boundary or another span.
    if (e > sentence_end[b]) continue;
    if (std::any_of(tags.begin() + b, tags.begin() + e, [](int t) { return t != 0; })) continue;
    const int t = int(type - std::begin(kEntityTypes));
    if (e - b == 1) {
      tags[b] = MakeTag(t, kU);
      continue;
    }
    tags[b] = MakeTag(t, kB);
    for (size_t k = b + 1; k + 1 < e; ++k) tags[k] = MakeTag(t, kI);
    tags[e - 1] = MakeTag(t, kL);
  }
  return tags;
}

EntityRecognizer EntityRecognizer::Load(const std::filesystem::path& models_dir) {
  Gazetteer gazetteer = Gazetteer::Load(models_dir / "gazetteer.tsv");
  const std::filesystem::path path = models_dir / "ner.model";
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path, "cannot open entity recognizer model");
  uint32_t header[2] = {};
  if (!in.read(reinterpret_cast<char*>(header), sizeof(header)) || header[0] != kMagic) {
    throw ModelError(path, "not an entity recognizer model");
  }
  const uint32_t decoder = header[1] & ~kWordClassesFlag;
  if (decoder != kGreedyVersion && decoder != kStructuredVersion) {
    throw ModelError(path, "unsupported model version");
  }
  std::optional<WordClasses> word_classes;
  if (header[1] & kWordClassesFlag)
    word_classes = WordClasses::Load(models_dir / "word_classes.tsv");
  AveragedPerceptron model;
  try {
    model.Load(in);
  } catch (const std::runtime_error& e) {
    throw ModelError(path, e.what());
  }
  if (model.num_classes() != kNumEntityTags) throw ModelError(path, "wrong number of tags");
  return EntityRecognizer(std::move(gazetteer), std::move(word_classes), std::move(model),
                          decoder == kStructuredVersion);
}

void EntityRecognizer::Save(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary);
  const uint32_t header[2] = {kMagic, (structured_ ? kStructuredVersion : kGreedyVersion) |
                                          (word_classes_ ? kWordClassesFlag : 0)};
  out.write(reinterpret_cast<const char*>(header), sizeof(header));
  model_.Save(out);
  if (!out.flush()) throw ModelError(path, "cannot write model");
}

EntityRecognizer EntityRecognizer::Train(const std::vector<NerDocument>& docs,
                                         const Tokenizer& tokenizer, Gazetteer gazetteer,
                                         const NerTrainingOptions& options,
                                         const std::function<void(std::string_view)>& progress) {
  struct TrainingSentence {
    std::vector<TokenInfo> infos;
    std::vector<int> gold;
  };
  std::optional<WordClasses> word_classes;
  if (!options.word_classes.empty()) word_classes = WordClasses::Load(options.word_classes);
  const WordClasses* classes = word_classes ? &*word_classes : nullptr;
  std::vector<TrainingSentence> sentences;
  std::vector<GazetteerMatch> matches;
  size_t spans = 0, misaligned = 0, tokens = 0;
  for (const NerDocument& doc : docs) {
    const TokenizedText tokenized = tokenizer.Tokenize(doc.text);
    const std::vector<int> gold = AlignSpansToTags(doc.spans, tokenized, &misaligned);
    spans += doc.spans.size();
    for (const Sentence& s : tokenized.sentences) {
      if (s.end_token <= s.first_token) continue;
      TrainingSentence sentence;
      DescribeSentence(doc.text, tokenized, s, gazetteer, classes, &sentence.infos, &matches);
      sentence.gold.assign(gold.begin() + s.first_token, gold.begin() + s.end_token);
      tokens += sentence.gold.size();
      sentences.push_back(std::move(sentence));
    }
  }
  if (progress) {
    progress(
        fmt::format("{} documents, {} sentences, {} tokens, {} spans ({} not on token "
                    "boundaries)",
                    docs.size(), sentences.size(), tokens, spans, misaligned));
  }
  AveragedPerceptron model(kNumEntityTags, options.hash_bits);
  std::vector<size_t> order(sentences.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 rng(options.seed);
  std::vector<uint64_t> features;
  Lattice lattice;
  std::vector<int> tags;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with our own index draw: std::shuffle's output is library-specific.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t correct = 0;
    for (size_t index : order) {
      const TrainingSentence& s = sentences[index];
      tags.resize(s.gold.size());
      if (options.structured) {
        Decode(s.infos, classes != nullptr, model, tags.data(), &lattice);
        Learn(s.infos, classes != nullptr, s.gold.data(), tags.data(), &model, &features);
      } else {
        TagSentence(s.infos, classes != nullptr, model, &model, s.gold.data(), tags.data(),
                    &features);
      }
      for (size_t k = 0; k < tags.size(); ++k) correct += tags[k] == s.gold[k];
    }
    if (progress) {
      progress(fmt::format("epoch {}: token accuracy {:.4f}", epoch, double(correct) / tokens));
    }
  }
  model.Average();
  return EntityRecognizer(std::move(gazetteer), std::move(word_classes), std::move(model),
                          options.structured);
}

std::vector<NerDocument> LoadNerTrainingDocuments(const std::filesystem::path& data_dir,
                                                  const Gazetteer& gazetteer,
                                                  int max_docs_per_corpus) {
  std::vector<NerDocument> docs;
  auto append = [&](std::vector<NerDocument> more) {
    if (max_docs_per_corpus >= 0 && more.size() > size_t(max_docs_per_corpus)) {
      more.resize(max_docs_per_corpus);
    }
    docs.insert(docs.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
  };
  append(LoadGum(data_dir / "gum", "train"));
  const std::filesystem::path extra = data_dir / "ner-extra";
  append(LoadNerExtra(extra / "crossner-politics", "train"));
  append(LoadNerExtra(extra / "wikigold", "all"));
  std::vector<NerDocument> btc = LoadNerExtra(extra / "btc", "train");
  DropDemonymPlaces(gazetteer, &btc);
  append(std::move(btc));
  append(LoadNerExtra(extra / "wnut17", "train"));
  StripPersonTitles(gazetteer, &docs);
  return docs;
}

NerScore EvaluateEntityRecognizer(const EntityRecognizer& recognizer,
                                  const std::vector<NerDocument>& docs,
                                  const Tokenizer& tokenizer) {
  NerScore score;
  for (const NerDocument& doc : docs) {
    const std::vector<EntityMention> mentions =
        recognizer.Recognize(doc.text, tokenizer.Tokenize(doc.text));
    score.predicted += mentions.size();
    score.gold += doc.spans.size();
    for (const EntityMention& m : mentions) {
      score.correct += std::any_of(doc.spans.begin(), doc.spans.end(), [&](const NerSpan& s) {
        return s.start == m.span.start && s.end == m.span.end && s.type == m.type;
      });
    }
  }
  return score;
}

NerScore TrainEntityRecognizer(const std::filesystem::path& data_dir,
                               const std::filesystem::path& gazetteer_path,
                               const std::filesystem::path& models_dir,
                               const NerTrainingOptions& options,
                               const std::function<void(std::string_view)>& progress) {
  const Gazetteer gazetteer = Gazetteer::Load(gazetteer_path);
  const std::vector<NerDocument> docs =
      LoadNerTrainingDocuments(data_dir, gazetteer, options.max_docs_per_corpus);
  const Tokenizer tokenizer;
  const EntityRecognizer recognizer =
      EntityRecognizer::Train(docs, tokenizer, gazetteer, options, progress);
  recognizer.Save(models_dir / "ner.model");
  if (!std::filesystem::exists(models_dir / "gazetteer.tsv")) {
    std::filesystem::copy_file(gazetteer_path, models_dir / "gazetteer.tsv");
  }
  if (!options.word_classes.empty() && !std::filesystem::exists(models_dir / "word_classes.tsv")) {
    std::filesystem::copy_file(options.word_classes, models_dir / "word_classes.tsv");
  }
  std::vector<NerDocument> dev = LoadGum(data_dir / "gum", "dev");
  StripPersonTitles(gazetteer, &dev);
  if (options.max_docs_per_corpus >= 0 && dev.size() > size_t(options.max_docs_per_corpus)) {
    dev.resize(options.max_docs_per_corpus);
  }
  return EvaluateEntityRecognizer(recognizer, dev, tokenizer);
}

std::vector<int> EntityRecognizer::Tag(std::string_view text, const TokenizedText& tokens) const {
  std::vector<int> tags(tokens.tokens.size(), 0);
  std::vector<TokenInfo> infos;
  std::vector<GazetteerMatch> matches;
  Lattice lattice;
  for (const Sentence& s : tokens.sentences) {
    if (s.end_token <= s.first_token) continue;
    const WordClasses* classes = word_classes_ ? &*word_classes_ : nullptr;
    DescribeSentence(text, tokens, s, gazetteer_, classes, &infos, &matches);
    if (structured_) {
      Decode(infos, classes != nullptr, model_, tags.data() + s.first_token, &lattice);
    } else {
      TagSentence(infos, classes != nullptr, model_, nullptr, nullptr, tags.data() + s.first_token,
                  &lattice.features);
    }
  }
  return tags;
}

std::vector<EntityMention> EntityRecognizer::Recognize(std::string_view text,
                                                       const TokenizedText& tokens) const {
  const std::vector<int> tags = Tag(text, tokens);
  std::vector<EntityMention> mentions;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i] == 0 || (PositionOf(tags[i]) != kB && PositionOf(tags[i]) != kU)) continue;
    size_t last = i;
    while (PositionOf(tags[last]) != kL && PositionOf(tags[last]) != kU) ++last;
    const size_t span_end = last;
    // The tagger sometimes runs a name into the punctuation beside it ("Alan '" of
    // "Alan 's", "Elyse -"); no corpus puts such edges inside a name.
    size_t first = i;
    while (first < last && !HasAlphanumeric(tokens.tokens[first].In(text))) ++first;
    while (last > first && !HasAlphanumeric(tokens.tokens[last].In(text))) --last;
    i = span_end;
    if (!HasAlphanumeric(tokens.tokens[first].In(text))) continue;
    EntityMention mention;
    mention.span = {tokens.tokens[first].start, tokens.tokens[last].end};
    mention.text =
        std::string(text.substr(mention.span.start, mention.span.end - mention.span.start));
    mention.type = std::string(kEntityTypes[TypeOf(tags[first])]);
    mentions.push_back(std::move(mention));
  }
  UnifyTypes(&mentions);
  return mentions;
}

}  // namespace storyline
