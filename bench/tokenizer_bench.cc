// Tokenizer throughput on about 4 MB of real English text (all GUM documents, repeated).
// Reports tokens per second as items_per_second:
//   build-*/bench/tokenizer_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace storyline {
namespace {

std::string LoadCorpus() {
  const std::filesystem::path docs = "/work/shared/data/gum/docs";
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(docs)) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".txt")) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::string one_pass;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    one_pass += text.str();
    one_pass += "\n\n";
  }
  std::string corpus;
  while (!one_pass.empty() && corpus.size() < (4u << 20)) corpus += one_pass;
  return corpus;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string corpus = LoadCorpus();
  if (corpus.empty()) {
    state.SkipWithError("no GUM documents under /work/shared/data/gum/docs");
    return;
  }
  const Tokenizer tokenizer;
  size_t tokens = 0;
  for (auto _ : state) {
    const TokenizedText result = tokenizer.Tokenize(corpus);
    tokens += result.tokens.size();
    benchmark::DoNotOptimize(result.sentences.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_WordShape(benchmark::State& state) {
  const std::string corpus = LoadCorpus().substr(0, 1 << 20);
  const TokenizedText tokenized = Tokenizer().Tokenize(corpus);
  for (auto _ : state) {
    for (const Token& token : tokenized.tokens) {
      benchmark::DoNotOptimize(WordShape(token.In(corpus)));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokenized.tokens.size()));
}
BENCHMARK(BM_WordShape)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace storyline

BENCHMARK_MAIN();
