// Entity recognizer throughput on one core, tokenization excluded: the GUM dev
// documents, tokenized once, recognized over and over. "items_per_second" is tokens
// (words and punctuation) per second; the target is at least 600k.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "nlp/entity_recognizer.h"

namespace storyline {
namespace {

// The source tree, found from this file's path (CMake compiles it by absolute path).
const std::filesystem::path kSourceDir =
    std::filesystem::path(__FILE__).parent_path().parent_path();

struct Corpus {
  std::vector<NerDocument> docs;
  std::vector<TokenizedText> tokens;
  size_t token_count = 0;
};

const Corpus& GumDev() {
  static const Corpus corpus = [] {
    Corpus c;
    c.docs = LoadGum(std::filesystem::path(STORYLINE_SHARED_DIR) / "data" / "gum", "dev");
    const Tokenizer tokenizer;
    for (const NerDocument& doc : c.docs) {
      c.tokens.push_back(tokenizer.Tokenize(doc.text));
      c.token_count += c.tokens.back().tokens.size();
    }
    return c;
  }();
  return corpus;
}

void BM_RecognizeGumDev(benchmark::State& state) {
  const EntityRecognizer recognizer = EntityRecognizer::Load(kSourceDir / "models");
  const Corpus& corpus = GumDev();
  size_t mentions = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.docs.size(); ++i) {
      mentions += recognizer.Recognize(corpus.docs[i].text, corpus.tokens[i]).size();
    }
  }
  benchmark::DoNotOptimize(mentions);
  state.SetItemsProcessed(int64_t(state.iterations() * corpus.token_count));
}
BENCHMARK(BM_RecognizeGumDev)->Unit(benchmark::kMillisecond);

void BM_LoadModels(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(EntityRecognizer::Load(kSourceDir / "models"));
  }
}
BENCHMARK(BM_LoadModels)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace storyline

BENCHMARK_MAIN();
