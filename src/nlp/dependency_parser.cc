#include "nlp/dependency_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <limits>
#include <random>
#include <stdexcept>

#include "core/binary_io.h"
#include "nlp/feature_hashing.h"

namespace storyline {
namespace {

constexpr std::string_view kFileKind = "parser model";  // for errors

constexpr uint32_t kMagic = 0x50525053;  // "SPRP"
constexpr uint32_t kVersion = 1;

enum Action { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kNumActions = 3;
constexpr int kMaxFeatures = 64;
constexpr int kNumLabels = int(std::size(kDeprels));
const int kRootLabel = DeprelIndex("root");

constexpr uint64_t kNoneHash = 0x6e6f6e65;  // no such token
constexpr uint64_t kRootHash = 0x726f6f74;  // the artificial root
constexpr uint64_t kEndHash = 0x656e64;     // past the end of the buffer

uint64_t LabelHash(int label) { return MixBits(uint64_t(label) + 0x1abe1); }

uint64_t TagHash(const PosTag& tag) { return FeatureHash(tag.xpos, FeatureHash(tag.upos)); }

uint64_t DistanceBucket(int a, int b) {
  if (a <= 0 || b <= 0) return 0;
  const int d = std::abs(a - b);
  return d <= 4 ? d : d <= 7 ? 5 : d <= 12 ? 6 : 7;
}

uint64_t CountBucket(int n) { return std::min(n, 3); }

// A parser configuration. Words are 1..n, 0 is the root; -1 means "no such token" and
// n + 1 "past the end". Per-token arrays are stored one slot to the right, so that
// -1 has a slot of its own holding the "none" values and no feature needs a branch.
class ParserState {
 public:
  void Reset(std::span<const std::string_view> words, std::span<const PosTag> tags) {
    n_ = int(words.size());
    const size_t slots = size_t(n_) + 3;
    word_.assign(slots, kNoneHash);
    tag_.assign(slots, kNoneHash);
    word_[1] = tag_[1] = kRootHash;
    for (int i = 0; i < n_; ++i) {
      word_[i + 2] = LowerCaseHash(words[i]);
      tag_[i + 2] = TagHash(tags[i]);
    }
    word_[n_ + 2] = tag_[n_ + 2] = kEndHash;
    head_.assign(slots, -1);
    label_.assign(slots, -1);
    left1_.assign(slots, -1);
    left2_.assign(slots, -1);
    right1_.assign(slots, -1);
    right2_.assign(slots, -1);
    num_left_.assign(slots, 0);
    num_right_.assign(slots, 0);
    stack_.clear();
    stack_.push_back(0);
    buffer_ = 1;
  }

  int n() const { return n_; }
  bool Terminal() const { return buffer_ > n_ && stack_.size() == 1; }

  bool Valid(int action) const {
    switch (action) {
      case kShift:
        return buffer_ <= n_;
      case kLeft:
        return stack_.size() >= 2 && buffer_ <= n_;
      default:  // the root takes its one dependent only once the buffer is empty
        return stack_.size() >= 3 || (stack_.size() == 2 && buffer_ > n_);
    }
  }

  // The head and dependent of the arc `action` makes (LEFT or RIGHT).
  int ArcHead(int action) const { return action == kLeft ? buffer_ : Stack(1); }
  int ArcDependent() const { return stack_.back(); }

  void Apply(int action, int label) {
    if (action == kShift) {
      stack_.push_back(buffer_++);
      return;
    }
    const int head = ArcHead(action);
    const int dependent = stack_.back();
    stack_.pop_back();
    AddArc(head, dependent, label);
  }

  // The k-th item from the top of the stack, the k-th word of the buffer, or -1.
  int Stack(size_t k) const { return k < stack_.size() ? stack_[stack_.size() - 1 - k] : -1; }
  int Buffer(int k) const { return std::min(buffer_ + k, n_ + 1); }
  int buffer_front() const { return buffer_; }
  const std::vector<int>& stack() const { return stack_; }

  uint64_t Word(int i) const { return word_[i + 1]; }
  uint64_t Tag(int i) const { return tag_[i + 1]; }
  uint64_t Label(int i) const { return label_[i + 1] < 0 ? kNoneHash : LabelHash(label_[i + 1]); }
  int Left1(int i) const { return left1_[i + 1]; }
  int Left2(int i) const { return left2_[i + 1]; }
  int Right1(int i) const { return right1_[i + 1]; }
  int Right2(int i) const { return right2_[i + 1]; }
  int NumLeft(int i) const { return num_left_[i + 1]; }
  int NumRight(int i) const { return num_right_[i + 1]; }
  int Head(int i) const { return head_[i + 1]; }
  int LabelIndex(int i) const { return label_[i + 1]; }

 private:
  static uint64_t LowerCaseHash(std::string_view word) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : word) {
      if (c >= 'A' && c <= 'Z') c = char(c + ('a' - 'A'));
      h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
    return h;
  }

  void AddArc(int head, int dependent, int label) {
    head_[dependent + 1] = head;
    label_[dependent + 1] = label;
    const int h = head + 1;
    if (dependent < head) {
      ++num_left_[h];
      if (left1_[h] < 0 || dependent < left1_[h]) {
        left2_[h] = left1_[h];
        left1_[h] = dependent;
      } else if (left2_[h] < 0 || dependent < left2_[h]) {
        left2_[h] = dependent;
      }
    } else {
      ++num_right_[h];
      if (right1_[h] < 0 || dependent > right1_[h]) {
        right2_[h] = right1_[h];
        right1_[h] = dependent;
      } else if (right2_[h] < 0 || dependent > right2_[h]) {
        right2_[h] = dependent;
      }
    }
  }

  int n_ = 0;
  std::vector<int> stack_;
  int buffer_ = 1;
  std::vector<uint64_t> word_, tag_;
  std::vector<int> head_, label_, left1_, left2_, right1_, right2_, num_left_, num_right_;
};

enum ActionTemplate : uint64_t {
  kBias = 1,
  kS0w,
  kS0t,
  kS0wt,
  kS1w,
  kS1t,
  kS1wt,
  kB0w,
  kB0t,
  kB0wt,
  kB1w,
  kB1t,
  kB1wt,
  kB2t,
  kS2t,
  kS0wB0w,
  kS0tB0t,
  kS0wtB0t,
  kS0tB0wt,
  kS1wS0w,
  kS1tS0t,
  kS1wtS0t,
  kS1tS0wt,
  kB0tB1tB2t,
  kS0tB0tB1t,
  kS1tS0tB0t,
  kS2tS1tS0t,
  kS0tS0LtB0t,
  kS0tS0RtB0t,
  kS1tS1RtS0t,
  kS1tS0tS0Lt,
  kB0tB0LtS0t,
  kS1tS0tS0Rt,
  kDistS0B0,
  kDistS1S0,
  kDistS0B0w,
  kS0tLeftCount,
  kS0tRightCount,
  kB0tLeftCount,
  kS1tRightCount,
  kS0tS0Ll,
  kS0tS0Rl,
  kB0tB0Ll,
  kS1tS1Rl,
  kS0LabelSet,
  kB0LabelSet,
  kS0Lw,
  kS0Rw,
  kB0Lw,
  kS0tS0LtS0L2t,
  kB0tB0LtB0L2t,
  kS0tS0RtS0R2t,
};

int ActionFeatures(const ParserState& st, uint64_t* f) {
  const int s0 = st.Stack(0), s1 = st.Stack(1), s2 = st.Stack(2);
  const int b0 = st.Buffer(0), b1 = st.Buffer(1), b2 = st.Buffer(2);
  const uint64_t s0w = st.Word(s0), s0t = st.Tag(s0), s1w = st.Word(s1), s1t = st.Tag(s1);
  const uint64_t b0w = st.Word(b0), b0t = st.Tag(b0), b1w = st.Word(b1), b1t = st.Tag(b1);
  const uint64_t b2t = st.Tag(b2), s2t = st.Tag(s2);
  const int s0l = st.Left1(s0), s0r = st.Right1(s0), s1r = st.Right1(s1), b0l = st.Left1(b0);
  const uint64_t s0lt = st.Tag(s0l), s0rt = st.Tag(s0r), s1rt = st.Tag(s1r), b0lt = st.Tag(b0l);
  int n = 0;
  f[n++] = Feature(kBias, 0);
  f[n++] = Feature(kS0w, s0w);
  f[n++] = Feature(kS0t, s0t);
  f[n++] = Feature(kS0wt, s0w, s0t);
  f[n++] = Feature(kS1w, s1w);
  f[n++] = Feature(kS1t, s1t);
  f[n++] = Feature(kS1wt, s1w, s1t);
  f[n++] = Feature(kB0w, b0w);
  f[n++] = Feature(kB0t, b0t);
  f[n++] = Feature(kB0wt, b0w, b0t);
  f[n++] = Feature(kB1w, b1w);
  f[n++] = Feature(kB1t, b1t);
  f[n++] = Feature(kB1wt, b1w, b1t);
  f[n++] = Feature(kB2t, b2t);
  f[n++] = Feature(kS2t, s2t);
  f[n++] = Feature(kS0wB0w, s0w, b0w);
  f[n++] = Feature(kS0tB0t, s0t, b0t);
  f[n++] = Feature(kS0wtB0t, s0w, s0t, b0t);
  f[n++] = Feature(kS0tB0wt, s0t, b0w, b0t);
  f[n++] = Feature(kS1wS0w, s1w, s0w);
  f[n++] = Feature(kS1tS0t, s1t, s0t);
  f[n++] = Feature(kS1wtS0t, s1w, s1t, s0t);
  f[n++] = Feature(kS1tS0wt, s1t, s0w, s0t);
  f[n++] = Feature(kB0tB1tB2t, b0t, b1t, b2t);
  f[n++] = Feature(kS0tB0tB1t, s0t, b0t, b1t);
  f[n++] = Feature(kS1tS0tB0t, s1t, s0t, b0t);
  f[n++] = Feature(kS2tS1tS0t, s2t, s1t, s0t);
  f[n++] = Feature(kS0tS0LtB0t, s0t, s0lt, b0t);
  f[n++] = Feature(kS0tS0RtB0t, s0t, s0rt, b0t);
  f[n++] = Feature(kS1tS1RtS0t, s1t, s1rt, s0t);
  f[n++] = Feature(kS1tS0tS0Lt, s1t, s0t, s0lt);
  f[n++] = Feature(kB0tB0LtS0t, b0t, b0lt, s0t);
  f[n++] = Feature(kS1tS0tS0Rt, s1t, s0t, s0rt);
  const uint64_t dist_s0_b0 = DistanceBucket(s0, b0 <= st.n() ? b0 : -1);
  f[n++] = Feature(kDistS0B0, dist_s0_b0, s0t, b0t);
  f[n++] = Feature(kDistS1S0, DistanceBucket(s1, s0), s1t, s0t);
  f[n++] = Feature(kDistS0B0w, dist_s0_b0, s0w);
  f[n++] = Feature(kS0tLeftCount, s0t, CountBucket(st.NumLeft(s0)));
  f[n++] = Feature(kS0tRightCount, s0t, CountBucket(st.NumRight(s0)));
  f[n++] = Feature(kB0tLeftCount, b0t, CountBucket(st.NumLeft(b0)));
  f[n++] = Feature(kS1tRightCount, s1t, CountBucket(st.NumRight(s1)));
  f[n++] = Feature(kS0tS0Ll, s0t, st.Label(s0l));
  f[n++] = Feature(kS0tS0Rl, s0t, st.Label(s0r));
  f[n++] = Feature(kB0tB0Ll, b0t, st.Label(b0l));
  f[n++] = Feature(kS1tS1Rl, s1t, st.Label(s1r));
  f[n++] = Feature(kS0LabelSet, s0t, st.Label(s0l), st.Label(st.Left2(s0)));
  f[n++] = Feature(kB0LabelSet, b0t, st.Label(b0l), st.Label(st.Left2(b0)));
  f[n++] = Feature(kS0Lw, st.Word(s0l));
  f[n++] = Feature(kS0Rw, st.Word(s0r));
  f[n++] = Feature(kB0Lw, st.Word(b0l));
  f[n++] = Feature(kS0tS0LtS0L2t, s0t, s0lt, st.Tag(st.Left2(s0)));
  f[n++] = Feature(kB0tB0LtB0L2t, b0t, b0lt, st.Tag(st.Left2(b0)));
  f[n++] = Feature(kS0tS0RtS0R2t, s0t, s0rt, st.Tag(st.Right2(s0)));
  return n;
}

enum LabelTemplate : uint64_t {
  kLabelBias = 101,
  kDt,
  kDw,
  kHt,
  kHw,
  kHtDt,
  kHwDt,
  kHtDw,
  kHwDw,
  kDistHtDt,
  kDtDLl,
  kDtDRl,
  kDtDLw,
  kDtDLt,
  kDtDRt,
  kHtDtDLw,
  kDtNeighbours,
  kHtHLl,
  kDtCounts,
  kDwDLw,
  kDtNextT,
  kDtDRw,
};

// Features for labelling the arc head -> dependent, made by `action`.
int LabelFeatures(const ParserState& st, int action, int head, int dependent, uint64_t* f) {
  const uint64_t dir = uint64_t(action);
  const uint64_t dt = st.Tag(dependent), dw = st.Word(dependent);
  const uint64_t ht = st.Tag(head), hw = st.Word(head);
  const int dl = st.Left1(dependent), dr = st.Right1(dependent);
  const uint64_t dlw = st.Word(dl);
  const int next = std::min(dependent + 1, st.n() + 1);
  int n = 0;
  f[n++] = Feature(kLabelBias, dir);
  f[n++] = Feature(kDt, dir, dt);
  f[n++] = Feature(kDw, dir, dw);
  f[n++] = Feature(kHt, dir, ht);
  f[n++] = Feature(kHw, dir, hw);
  f[n++] = Feature(kHtDt, dir, ht, dt);
  f[n++] = Feature(kHwDt, dir, hw, dt);
  f[n++] = Feature(kHtDw, dir, ht, dw);
  f[n++] = Feature(kHwDw, dir, hw, dw);
  f[n++] = Feature(kDistHtDt, DistanceBucket(head, dependent), ht, dt);
  f[n++] = Feature(kDtDLl, dir, dt, st.Label(dl));
  f[n++] = Feature(kDtDRl, dir, dt, st.Label(dr));
  f[n++] = Feature(kDtDLw, dir, dt, dlw);
  f[n++] = Feature(kDtDLt, dir, dt, st.Tag(dl));
  f[n++] = Feature(kDtDRt, dir, dt, st.Tag(dr));
  f[n++] = Feature(kHtDtDLw, ht, dt, dlw);
  f[n++] = Feature(kDtNeighbours, dt, st.Tag(dependent - 1), st.Tag(next));
  f[n++] = Feature(kHtHLl, dir, ht, st.Label(st.Left1(head)));
  f[n++] = Feature(kDtCounts, dt, CountBucket(st.NumLeft(dependent)),
                   CountBucket(st.NumRight(dependent)));
  f[n++] = Feature(kDwDLw, dw, dlw);
  f[n++] = Feature(kDtNextT, dir, dt, st.Tag(next));
  f[n++] = Feature(kDtDRw, dt, st.Word(dr));
  return n;
}

int BestValidAction(const ParserState& st, const float* scores) {
  int best = -1;
  for (int a = 0; a < kNumActions; ++a) {
    if (st.Valid(a) && (best < 0 || scores[a] > scores[best])) best = a;
  }
  return best;
}

int BestLabel(const float* scores) {
  int best = kRootLabel == 0 ? 1 : 0;
  for (int l = 0; l < kNumLabels; ++l) {
    if (l != kRootLabel && scores[l] > scores[best]) best = l;
  }
  return best;
}

struct Workspace {
  ParserState state;
  std::vector<std::string_view> forms;
};

Workspace& ThreadWorkspace() {
  thread_local Workspace workspace;
  return workspace;
}

// Heads of a sentence's words, 1-based with 0 the root, at index 1..n (index 0 unused).
using Heads = std::vector<int>;

bool Dominates(const Heads& heads, int ancestor, int node) {
  while (node != 0 && node != ancestor) node = heads[node];
  return node == ancestor;
}

bool IsProjectiveArc(const Heads& heads, int dependent) {
  const int head = heads[dependent];
  for (int k = std::min(head, dependent) + 1; k < std::max(head, dependent); ++k) {
    if (!Dominates(heads, head, k)) return false;
  }
  return true;
}

// Lifts the shortest non-projective arc to the head's head until none is left.
Heads Projectivize(Heads heads) {
  const int n = int(heads.size()) - 1;
  while (true) {
    int shortest = -1;
    for (int d = 1; d <= n; ++d) {
      if (IsProjectiveArc(heads, d)) continue;
      if (shortest < 0 || std::abs(heads[d] - d) < std::abs(heads[shortest] - shortest)) {
        shortest = d;
      }
    }
    if (shortest < 0) return heads;
    heads[shortest] = heads[heads[shortest]];
  }
}

// Checks that the heads form one tree with a single root word.
void CheckTree(const ConlluSentence& sentence, const Heads& heads) {
  const int n = int(heads.size()) - 1;
  int roots = 0;
  for (int d = 1; d <= n; ++d) {
    roots += heads[d] == 0;
    int node = d;
    for (int steps = 0; node != 0; ++steps) {
      if (steps > n)
        throw std::runtime_error(fmt::format("{}: cycle in heads", sentence.Where(d - 1)));
      node = heads[node];
    }
  }
  if (roots != 1) {
    throw std::runtime_error(
        fmt::format("{}: sentence has {} root words", sentence.Where(0), roots));
  }
}

}  // namespace

// Training state for one run: the models being learned and the dynamic oracle.
class DependencyParser::Trainer {
 public:
  Trainer(DependencyParser& parser, const DependencyParserTrainingOptions& options)
      : parser_(parser), options_(options), rng_(options.seed) {}

  // Parses one sentence under the oracle, updating both models; returns the number of
  // words whose head (against the projectivized tree) came out right.
  int TrainSentence(std::span<const std::string_view> words, std::span<const PosTag> tags,
                    const Heads& gold_heads, const std::vector<int>& gold_labels, int iteration) {
    ParserState& st = state_;
    st.Reset(words, tags);
    std::array<uint64_t, kMaxFeatures> features;
    while (!st.Terminal()) {
      const int n = ActionFeatures(st, features.data());
      const std::span<const uint64_t> fs(features.data(), n);
      float scores[kNumActions] = {};
      parser_.actions_.AddScores(fs, scores);
      const int predicted = BestValidAction(st, scores);
      int costs[kNumActions];
      int min_cost = std::numeric_limits<int>::max();
      for (int a = 0; a < kNumActions; ++a) {
        costs[a] = st.Valid(a) ? Cost(st, a, gold_heads) : std::numeric_limits<int>::max();
        min_cost = std::min(min_cost, costs[a]);
      }
      int best_gold = -1;
      for (int a = 0; a < kNumActions; ++a) {
        if (costs[a] == min_cost && (best_gold < 0 || scores[a] > scores[best_gold])) best_gold = a;
      }
      parser_.actions_.Update(fs, best_gold, costs[predicted] == min_cost ? best_gold : predicted);
      const bool explore = iteration >= options_.explore_from_iteration &&
                           double(rng_() >> 11) * 0x1.0p-53 < options_.explore_probability;
      const int action = costs[predicted] == min_cost || explore ? predicted : best_gold;
      int label = -1;
      if (action != kShift) {
        const int head = st.ArcHead(action), dependent = st.ArcDependent();
        label = TrainLabel(st, action, head, dependent,
                           gold_heads[dependent] == head ? gold_labels[dependent] : -1);
      }
      st.Apply(action, label);
    }
    int correct = 0;
    for (int d = 1; d <= st.n(); ++d) correct += st.Head(d) == gold_heads[d];
    return correct;
  }

 private:
  // Gold arcs that `action` makes unreachable (Goldberg & Nivre 2013, arc-hybrid).
  static int Cost(const ParserState& st, int action, const Heads& gold) {
    const int n = st.n();
    const int b0 = st.buffer_front();
    const std::vector<int>& stack = st.stack();
    int cost = 0;
    if (action == kShift) {
      for (size_t k = 0; k < stack.size(); ++k) {
        if (k + 1 < stack.size() && gold[b0] == stack[k]) ++cost;  // head below the top
        if (stack[k] != 0 && gold[stack[k]] == b0) ++cost;
      }
      return cost;
    }
    const int s0 = stack.back();
    for (int d = b0; d <= n; ++d) cost += gold[d] == s0;
    if (action == kLeft) {
      cost += stack.size() >= 2 && gold[s0] == stack[stack.size() - 2];
      cost += gold[s0] > b0;
    } else {
      cost += gold[s0] >= b0;
    }
    return cost;
  }

  // Predicts the arc's label and learns from `gold_label` when the arc is a gold arc
  // (gold_label >= 0). Returns the predicted label.
  int TrainLabel(const ParserState& st, int action, int head, int dependent, int gold_label) {
    if (head == 0) return kRootLabel;
    std::array<uint64_t, kMaxFeatures> features;
    const int n = LabelFeatures(st, action, head, dependent, features.data());
    const std::span<const uint64_t> fs(features.data(), n);
    float scores[kNumLabels] = {};
    parser_.labels_.AddScores(fs, scores);
    const int predicted = BestLabel(scores);
    if (gold_label >= 0) parser_.labels_.Update(fs, gold_label, predicted);
    return predicted;
  }

  DependencyParser& parser_;
  const DependencyParserTrainingOptions& options_;
  std::mt19937_64 rng_;
  ParserState state_;
};

DependencyParser DependencyParser::Train(const std::vector<ConlluSentence>& sentences,
                                         const std::vector<std::vector<PosTag>>& tags,
                                         const DependencyParserTrainingOptions& options,
                                         const std::function<void(std::string_view)>& progress) {
  struct Example {
    std::vector<std::string_view> words;
    Heads heads;
    std::vector<int> labels;
  };
  std::vector<Example> examples(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const ConlluSentence& sentence = sentences[s];
    if (tags.at(s).size() != sentence.words.size()) {
      throw std::invalid_argument("parser training: tags do not match the words");
    }
    Example& ex = examples[s];
    ex.heads.push_back(0);
    ex.labels.push_back(-1);
    for (size_t i = 0; i < sentence.words.size(); ++i) {
      const ConlluWord& w = sentence.words[i];
      const int label = DeprelIndex(w.deprel);
      if (label < 0) {
        throw std::runtime_error(
            fmt::format("{}: unknown relation '{}'", sentence.Where(i), w.deprel));
      }
      ex.words.push_back(w.form);
      ex.heads.push_back(w.head);
      ex.labels.push_back(label);
    }
    CheckTree(sentence, ex.heads);
    ex.heads = Projectivize(std::move(ex.heads));
  }

  DependencyParser parser;
  parser.actions_ = AveragedPerceptron(kNumActions, options.action_hash_bits);
  parser.labels_ = AveragedPerceptron(kNumLabels, options.label_hash_bits);
  Trainer trainer(parser, options);
  std::vector<size_t> order(examples.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 shuffle_rng(options.seed);
  for (int iteration = 0; iteration < options.iterations; ++iteration) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[shuffle_rng() % i]);
    size_t correct = 0, total = 0;
    for (size_t s : order) {
      correct += trainer.TrainSentence(examples[s].words, tags[s], examples[s].heads,
                                       examples[s].labels, iteration);
      total += examples[s].words.size();
    }
    if (progress) {
      progress(fmt::format("parser iteration {}: training UAS {:.4f}", iteration + 1,
                           double(correct) / double(std::max<size_t>(total, 1))));
    }
  }
  parser.actions_.Average();
  parser.labels_.Average();
  return parser;
}

void DependencyParser::ParseSentence(std::span<const std::string_view> words,
                                     std::span<const PosTag> tags,
                                     std::span<Dependency> out) const {
  ParserState& st = ThreadWorkspace().state;
  st.Reset(words, tags);
  std::array<uint64_t, kMaxFeatures> features;
  while (!st.Terminal()) {
    const int n = ActionFeatures(st, features.data());
    float scores[kNumActions] = {};
    actions_.AddScores(std::span<const uint64_t>(features.data(), n), scores);
    const int action = BestValidAction(st, scores);
    int label = -1;
    if (action != kShift) {
      const int head = st.ArcHead(action), dependent = st.ArcDependent();
      label = kRootLabel;
      if (head != 0) {
        const int m = LabelFeatures(st, action, head, dependent, features.data());
        float label_scores[kNumLabels] = {};
        labels_.AddScores(std::span<const uint64_t>(features.data(), m), label_scores);
        label = BestLabel(label_scores);
      }
    }
    st.Apply(action, label);
  }
  for (int d = 1; d <= st.n(); ++d) out[d - 1] = {st.Head(d) - 1, kDeprels[st.LabelIndex(d)]};
}

void DependencyParser::Parse(std::string_view text, const TokenizedText& tokens,
                             std::span<const PosTag> tags, std::vector<Dependency>& out) const {
  if (tags.size() != tokens.tokens.size()) {
    throw std::invalid_argument("parser: one tag per token expected");
  }
  out.assign(tokens.tokens.size(), Dependency{-1, "root"});
  std::vector<std::string_view>& forms = ThreadWorkspace().forms;
  for (const Sentence& s : tokens.sentences) {
    forms.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      forms.push_back(tokens.tokens[t].In(text));
    const std::span<Dependency> sentence_out =
        std::span<Dependency>(out).subspan(s.first_token, forms.size());
    ParseSentence(forms, tags.subspan(s.first_token, forms.size()), sentence_out);
    for (Dependency& d : sentence_out) {
      if (d.head >= 0) d.head += int32_t(s.first_token);
    }
  }
}

void DependencyParser::Save(std::ostream& out) const {
  WritePod(out, kMagic);
  WritePod(out, kVersion);
  WritePod(out, uint32_t(kNumLabels));
  for (std::string_view label : kDeprels) {
    WritePod(out, uint8_t(label.size()));
    out.write(label.data(), std::streamsize(label.size()));
  }
  actions_.Save(out);
  labels_.Save(out);
}

void DependencyParser::Save(const std::filesystem::path& path) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  Save(out);
  if (!out.flush()) throw std::runtime_error(fmt::format("{}: cannot write", path.string()));
}

DependencyParser DependencyParser::Load(std::istream& in) {
  if (ReadPod<uint32_t>(in, kFileKind) != kMagic) throw std::runtime_error("not a parser model");
  if (ReadPod<uint32_t>(in, kFileKind) != kVersion)
    throw std::runtime_error("unsupported parser version");
  // The label classes are positions in kDeprels; the file names them so that a model
  // trained with a different table is refused rather than mislabelled.
  if (ReadPod<uint32_t>(in, kFileKind) != uint32_t(kNumLabels)) {
    throw std::runtime_error("relation table differs from this build's");
  }
  for (std::string_view label : kDeprels) {
    std::string name(ReadPod<uint8_t>(in, kFileKind), '\0');
    if (!in.read(name.data(), std::streamsize(name.size())) || name != label) {
      throw std::runtime_error("relation table differs from this build's");
    }
  }
  DependencyParser parser;
  parser.actions_.Load(in);
  parser.labels_.Load(in);
  if (parser.actions_.num_classes() != kNumActions || parser.labels_.num_classes() != kNumLabels) {
    throw std::runtime_error("bad number of classes");
  }
  return parser;
}

DependencyParser DependencyParser::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open parser model", path.string()));
  try {
    return Load(in);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("{}: {}", path.string(), e.what()));
  }
}

}  // namespace storyline
