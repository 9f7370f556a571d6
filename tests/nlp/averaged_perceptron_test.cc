// The perceptron's scoring layouts (dense rows for few classes, inline slots with
// overflow for many) must score exactly as the sparse rows of the model file say, and
// save back the very bytes they were loaded from.
#include "nlp/averaged_perceptron.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace storyline {
namespace {

constexpr int kHashBits = 8;

// Many random updates over few rows, so that rows end up with many non-zero classes
// (more than a slot holds inline) and with a spread of averaged weights.
AveragedPerceptron TrainRandom(int num_classes, uint32_t seed) {
  AveragedPerceptron model(num_classes, kHashBits);
  std::mt19937 rng(seed);
  std::vector<uint64_t> features(12);
  for (int step = 0; step < 4000; ++step) {
    for (uint64_t& f : features) f = rng();
    model.Update(features, int(rng() % num_classes), int(rng() % num_classes));
  }
  model.Average();
  return model;
}

std::string Saved(const AveragedPerceptron& model) {
  std::ostringstream out;
  model.Save(out);
  return out.str();
}

template <typename T>
T Read(const std::string& bytes, size_t& at) {
  T value;
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  at += sizeof(T);
  return value;
}

// Scores straight from a saved file's sparse rows, feature by feature.
class FileScorer {
 public:
  explicit FileScorer(const std::string& bytes) {
    size_t at = 8;  // magic, version
    num_classes_ = Read<uint32_t>(bytes, at);
    const uint64_t rows = Read<uint64_t>(bytes, at);
    const uint64_t used = Read<uint64_t>(bytes, at);
    const uint64_t entries = Read<uint64_t>(bytes, at);
    std::vector<uint32_t> row_of(used), counts(used);
    for (uint32_t& r : row_of) r = Read<uint32_t>(bytes, at);
    for (uint32_t& c : counts) c = Read<uint32_t>(bytes, at);
    std::vector<uint16_t> classes(entries);
    for (uint16_t& c : classes) c = Read<uint16_t>(bytes, at);
    rows_.resize(rows);
    size_t next = 0;
    for (uint64_t i = 0; i < used; ++i) {
      for (uint32_t k = 0; k < counts[i]; ++k, ++next) {
        rows_[row_of[i]].push_back({classes[next], Read<float>(bytes, at)});
      }
    }
  }

  int num_classes() const { return num_classes_; }

  std::vector<float> Scores(const std::vector<uint64_t>& features) const {
    std::vector<float> scores(num_classes_, 0.0f);
    for (uint64_t f : features) {
      for (const auto& [c, w] : rows_[f & (rows_.size() - 1)]) scores[c] += w;
    }
    return scores;
  }

 private:
  int num_classes_ = 0;
  std::vector<std::vector<std::pair<uint16_t, float>>> rows_;
};

class AveragedPerceptronLayoutTest : public ::testing::TestWithParam<int> {};

TEST_P(AveragedPerceptronLayoutTest, ScoresExactlyAsTheFileRowsSay) {
  const AveragedPerceptron trained = TrainRandom(GetParam(), 7);
  const std::string bytes = Saved(trained);
  std::istringstream in(bytes);
  AveragedPerceptron loaded;
  loaded.Load(in);
  const FileScorer file(bytes);
  ASSERT_EQ(file.num_classes(), GetParam());

  std::mt19937 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<uint64_t> features(1 + rng() % 100);
    for (uint64_t& f : features) f = rng();
    const std::vector<float> expected = file.Scores(features);
    for (const AveragedPerceptron* model :
         {&trained, static_cast<const AveragedPerceptron*>(&loaded)}) {
      std::vector<float> scores(GetParam(), 0.0f);
      model->AddScores(features, scores);
      for (int c = 0; c < GetParam(); ++c) {
        ASSERT_EQ(std::memcmp(&scores[c], &expected[c], sizeof(float)), 0)
            << "class " << c << ": " << scores[c] << " vs " << expected[c];
      }
    }
  }
}

TEST_P(AveragedPerceptronLayoutTest, SavesTheBytesItLoaded) {
  const std::string bytes = Saved(TrainRandom(GetParam(), 3));
  std::istringstream in(bytes);
  AveragedPerceptron loaded;
  loaded.Load(in);
  EXPECT_EQ(Saved(loaded), bytes);
}

TEST_P(AveragedPerceptronLayoutTest, AddsToScoresWithoutClearing) {
  const AveragedPerceptron model = TrainRandom(GetParam(), 5);
  const std::vector<uint64_t> feature = {1};
  std::vector<float> weights(GetParam(), 0.0f), scores(GetParam(), 0.5f);
  model.AddScores(feature, weights);
  model.AddScores(feature, scores);
  for (int c = 0; c < GetParam(); ++c) EXPECT_EQ(scores[c], 0.5f + weights[c]) << "class " << c;
}

// 3: dense rows of 4 floats; 13: dense rows of 16; 40 and 76 (the tagger's count): slots,
// many rows overflowing and the fullest stored whole; 300: slots only (too many classes
// for whole rows).
INSTANTIATE_TEST_SUITE_P(ClassCounts, AveragedPerceptronLayoutTest,
                         ::testing::Values(3, 13, 40, 76, 300));

template <typename T>
void Append(std::string& bytes, T value) {
  bytes.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

// A file whose one row holds every class, but not in the trainer's order (classes
// descending, one weight zero): kept as the file has it, it scores and saves back the same.
TEST(AveragedPerceptronTest, FullRowOutOfTheTrainersOrderScoresAndSavesAsTheFileSays) {
  constexpr uint32_t kClasses = 40;
  std::string bytes;
  Append<uint32_t>(bytes, 0x50415453);
  Append<uint32_t>(bytes, 2);
  Append<uint32_t>(bytes, kClasses);
  Append<uint64_t>(bytes, 16);  // rows
  Append<uint64_t>(bytes, 1);   // rows used
  Append<uint64_t>(bytes, kClasses);
  Append<uint32_t>(bytes, 5);  // the row
  Append<uint32_t>(bytes, kClasses);
  for (uint32_t c = kClasses; c-- > 0;) Append<uint16_t>(bytes, uint16_t(c));
  for (uint32_t c = kClasses; c-- > 0;) Append<float>(bytes, c == 7 ? 0.0f : 0.25f * float(c) - 3);
  std::istringstream in(bytes);
  AveragedPerceptron model;
  model.Load(in);
  EXPECT_EQ(Saved(model), bytes);
  const std::vector<uint64_t> features = {5, 21, 5};
  const std::vector<float> expected = FileScorer(bytes).Scores(features);
  std::vector<float> scores(kClasses, 0.0f);
  model.AddScores(features, scores);
  for (uint32_t c = 0; c < kClasses; ++c) EXPECT_EQ(scores[c], expected[c]) << "class " << c;
}

TEST(AveragedPerceptronTest, EmptyModelAddsNothing) {
  const AveragedPerceptron model;
  float score = 1.5f;
  model.AddScores(std::vector<uint64_t>{42}, std::span<float>(&score, 1));
  EXPECT_EQ(score, 1.5f);
}

TEST(AveragedPerceptronTest, PredictPicksTheRewardedClass) {
  AveragedPerceptron model(20, kHashBits);
  const std::vector<uint64_t> features = {FeatureHash("word=Paris"), FeatureHash("bias")};
  for (int i = 0; i < 5; ++i) model.Update(features, 17, 2);
  model.Average();
  EXPECT_EQ(model.Predict(features), 17);
}

}  // namespace
}  // namespace storyline
