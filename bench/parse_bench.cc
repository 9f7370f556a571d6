// Tagging and parsing speed on one core: GUM dev (10.6k words) as one text, with the
// gold tokens and sentences, so that only the tagger and the parser are timed.
// items_per_second is words per second. Run from anywhere:
//   build/bench/parse_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "nlp/conllu_reader.h"
#include "nlp/dependency_parser.h"
#include "nlp/pos_tagger.h"

namespace storyline {
namespace {

// The source tree, found from this file's path (CMake compiles it by absolute path).
const std::filesystem::path kSourceDir =
    std::filesystem::path(__FILE__).parent_path().parent_path();

struct Corpus {
  std::string text;
  TokenizedText tokens;
};

const Corpus& GumDev() {
  static const Corpus corpus = [] {
    Corpus c;
    for (const ConlluSentence& s : ReadGumPartition(kSourceDir / "../shared/data/gum", "dev")) {
      const uint32_t first = uint32_t(c.tokens.tokens.size());
      for (const ConlluWord& w : s.words) {
        const uint32_t start = uint32_t(c.text.size());
        c.text += w.form;
        c.tokens.tokens.push_back({start, uint32_t(c.text.size())});
        c.text += ' ';
      }
      c.tokens.sentences.push_back({first, uint32_t(c.tokens.tokens.size())});
    }
    return c;
  }();
  return corpus;
}

const PosTagger& Tagger() {
  static const PosTagger tagger = PosTagger::Load(kSourceDir / "models/pos.model");
  return tagger;
}

const DependencyParser& Parser() {
  static const DependencyParser parser = DependencyParser::Load(kSourceDir / "models/parser.model");
  return parser;
}

void BM_Tag(benchmark::State& state) {
  const Corpus& dev = GumDev();
  std::vector<PosTag> tags;
  for (auto _ : state) {
    Tagger().Tag(dev.text, dev.tokens, tags);
    benchmark::DoNotOptimize(tags.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(dev.tokens.tokens.size()));
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
  const Corpus& dev = GumDev();
  std::vector<PosTag> tags;
  Tagger().Tag(dev.text, dev.tokens, tags);
  std::vector<Dependency> deps;
  for (auto _ : state) {
    Parser().Parse(dev.text, dev.tokens, tags, deps);
    benchmark::DoNotOptimize(deps.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(dev.tokens.tokens.size()));
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_TagAndParse(benchmark::State& state) {
  const Corpus& dev = GumDev();
  std::vector<PosTag> tags;
  std::vector<Dependency> deps;
  for (auto _ : state) {
    Tagger().Tag(dev.text, dev.tokens, tags);
    Parser().Parse(dev.text, dev.tokens, tags, deps);
    benchmark::DoNotOptimize(deps.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(dev.tokens.tokens.size()));
}
BENCHMARK(BM_TagAndParse)->Unit(benchmark::kMillisecond);

void BM_LoadModels(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(PosTagger::Load(kSourceDir / "models/pos.model"));
    benchmark::DoNotOptimize(DependencyParser::Load(kSourceDir / "models/parser.model"));
  }
}
BENCHMARK(BM_LoadModels)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace storyline

BENCHMARK_MAIN();
