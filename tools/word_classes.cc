// `word_classes VECTORS OUTPUT`: clusters word vectors into the word classes the entity
// recognizer reads (see src/nlp/word_classes.h), run by scripts/build-word-classes.sh.
//
// VECTORS is GloVe's text format, one "word v1 ... vD" line per word. Each vector is
// l2-normalised and spherical k-means (cosine similarity) runs three times, for 64, 256
// and 1024 clusters, each from centroids drawn with a fixed seed, so the same input gives
// the same file. OUTPUT gets one "word<TAB>c64<TAB>c256<TAB>c1024" line per word, in
// input order.
//
// Scoring is the hot loop (words x clusters x dimensions): centroids are stored dimension
// by dimension so that one word's scores against all centroids are a run of
// multiply-adds over contiguous memory, which the compiler vectorises.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr int kClusterCounts[] = {64, 256, 1024};
constexpr int kMaxIterations = 30;
constexpr uint32_t kSeed = 1;

struct Vectors {
  std::vector<std::string> words;
  std::vector<float> values;  // words.size() x dimensions, each row of unit length
  size_t dimensions = 0;
  const float* Row(size_t i) const { return values.data() + i * dimensions; }
};

Vectors Read(const char* path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(std::string(path) + ": cannot open");
  Vectors v;
  std::string line, word;
  std::vector<float> row;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    fields >> word;
    row.clear();
    for (float x; fields >> x;) row.push_back(x);
    if (v.dimensions == 0) v.dimensions = row.size();
    if (row.empty() || row.size() != v.dimensions) {
      throw std::runtime_error(std::string(path) + ": bad vector for \"" + word + "\"");
    }
    double norm = 0;
    for (float x : row) norm += double(x) * x;
    // A zero vector has no direction: it stays zero and joins whichever cluster scores 0 best.
    const float scale = norm > 0 ? float(1 / std::sqrt(norm)) : 0.0f;
    for (float x : row) v.values.push_back(x * scale);
    v.words.push_back(word);
  }
  return v;
}

// Spherical k-means: each word joins the centroid of highest dot product, each centroid
// becomes its members' normalised mean (an empty cluster keeps its centroid). Returns the
// cluster of every word.
std::vector<uint16_t> Cluster(const Vectors& v, int k) {
  const size_t n = v.words.size(), d = v.dimensions;
  std::vector<float> centroids(d * k);  // dimension-major: centroids[j * k + c]
  std::mt19937 rng(kSeed);
  std::vector<char> taken(n, 0);
  for (int c = 0; c < k; ++c) {
    size_t pick = rng() % n;
    while (taken[pick]) pick = (pick + 1) % n;
    taken[pick] = 1;
    for (size_t j = 0; j < d; ++j) centroids[j * k + c] = v.Row(pick)[j];
  }
  std::vector<uint16_t> assignment(n, UINT16_MAX);
  std::vector<float> scores(k);
  std::vector<double> sums(d * k);
  for (int iteration = 1; iteration <= kMaxIterations; ++iteration) {
    size_t changed = 0;
    for (size_t i = 0; i < n; ++i) {
      const float* x = v.Row(i);
      std::fill(scores.begin(), scores.end(), 0.0f);
      for (size_t j = 0; j < d; ++j) {
        const float xj = x[j];
        const float* column = centroids.data() + j * k;
        for (int c = 0; c < k; ++c) scores[c] += xj * column[c];
      }
      uint16_t best = 0;
      for (int c = 1; c < k; ++c) {
        if (scores[c] > scores[best]) best = uint16_t(c);
      }
      changed += assignment[i] != best;
      assignment[i] = best;
    }
    std::fprintf(stderr, "  k %d, iteration %d: %zu words moved\n", k, iteration, changed);
    if (changed == 0) break;
    std::fill(sums.begin(), sums.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < d; ++j) sums[j * k + assignment[i]] += v.Row(i)[j];
    }
    for (int c = 0; c < k; ++c) {
      double norm = 0;
      for (size_t j = 0; j < d; ++j) norm += sums[j * k + c] * sums[j * k + c];
      if (norm == 0) continue;
      for (size_t j = 0; j < d; ++j)
        centroids[j * k + c] = float(sums[j * k + c] / std::sqrt(norm));
    }
  }
  return assignment;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: word_classes VECTORS OUTPUT\n");
    return 2;
  }
  try {
    const Vectors v = Read(argv[1]);
    std::fprintf(stderr, "%zu words, %zu dimensions\n", v.words.size(), v.dimensions);
    std::vector<std::vector<uint16_t>> clusters;
    for (int k : kClusterCounts) clusters.push_back(Cluster(v, k));
    std::ofstream out(argv[2]);
    for (size_t i = 0; i < v.words.size(); ++i) {
      out << v.words[i];
      for (const std::vector<uint16_t>& c : clusters) out << '\t' << c[i];
      out << '\n';
    }
    if (!out.flush()) throw std::runtime_error(std::string(argv[2]) + ": cannot write");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "word_classes: %s\n", e.what());
    return 1;
  }
  return 0;
}
