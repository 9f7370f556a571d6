// `storyline train [--data DIR] [--models DIR] [--smoke] [--only MODEL]`: rebuilds the
// model files from the annotated corpora, one trainer per model, and reports each model's
// held-out scores. Training is deterministic: fixed seeds, iteration counts and shuffling, so
// the same data gives byte-identical model files.
#include <fmt/format.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "cli/commands.h"
#include "extract/article_analyzer.h"
#include "nlp/conllu_reader.h"
#include "nlp/dependency_parser.h"
#include "nlp/entity_recognizer.h"
#include "nlp/pos_tagger.h"
#include "nlp/syntax_evaluation.h"

namespace storyline {
namespace {

struct TrainingRun {
  std::filesystem::path data_dir;
  std::filesystem::path models_dir;
  // A tiny subset and one iteration: checks the whole path in seconds, for CI.
  bool smoke = false;
  // The recognizer's shuffling seed: retraining under several seeds shows how much of a
  // change in its scores is training noise.
  uint32_t ner_seed = NerTrainingOptions().seed;
  bool ner_structured = false;
  // The recognizer reads models/word_classes.tsv as features.
  bool ner_word_classes = false;

  // Documents to read per corpus partition; -1 for all.
  int MaxDocs() const { return smoke ? 3 : -1; }
  std::filesystem::path GumDir() const { return data_dir / "gum"; }
};

void LogProgress(std::string_view line) { fmt::print(stderr, "  {}\n", line); }

class Stopwatch {
 public:
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

double Kilobytes(const std::filesystem::path& path) {
  return double(std::filesystem::file_size(path)) / 1024.0;
}

// Tags for training the parser, each sentence tagged by a tagger trained on the other
// folds ("jackknifing"), so that the parser learns from tags as wrong as the ones it
// will see at run time.
std::vector<std::vector<PosTag>> JackknifedTags(const std::vector<ConlluSentence>& sentences,
                                                const PosTaggerTrainingOptions& options,
                                                int folds) {
  std::vector<std::vector<PosTag>> tags(sentences.size());
  for (int fold = 0; fold < folds; ++fold) {
    const size_t begin = sentences.size() * fold / folds;
    const size_t end = sentences.size() * (fold + 1) / folds;
    std::vector<ConlluSentence> rest(sentences.begin(), sentences.begin() + begin);
    rest.insert(rest.end(), sentences.begin() + end, sentences.end());
    const PosTagger tagger = PosTagger::Train(rest, options);
    const std::vector<ConlluSentence> held_out(sentences.begin() + begin, sentences.begin() + end);
    std::vector<std::vector<PosTag>> predicted = PredictedTags(tagger, held_out);
    std::move(predicted.begin(), predicted.end(), tags.begin() + begin);
  }
  return tags;
}

PosTaggerTrainingOptions TaggerOptions(const TrainingRun& run) {
  PosTaggerTrainingOptions options;
  if (run.smoke) {
    options.iterations = 1;
    options.hash_bits = 14;
  }
  return options;
}

// models/pos.model from GUM train, scored on GUM dev.
void TrainPosTagger(const TrainingRun& run) {
  const Stopwatch clock;
  const std::vector<ConlluSentence> train = ReadGumPartition(run.GumDir(), "train", run.MaxDocs());
  const std::vector<ConlluSentence> dev = ReadGumPartition(run.GumDir(), "dev", run.MaxDocs());
  const PosTagger tagger = PosTagger::Train(train, TaggerOptions(run), LogProgress);
  const std::filesystem::path path = run.models_dir / "pos.model";
  tagger.Save(path);
  const TaggingScore score = EvaluateTagger(tagger, dev);
  fmt::print("{}: {:.0f} KB in {:.1f} s; GUM dev UPOS {:.2f}% XPOS {:.2f}% ({} words)\n",
             path.string(), Kilobytes(path), clock.Seconds(), 100 * score.Upos(),
             100 * score.Xpos(), score.words);
}

// models/parser.model from GUM train with jackknifed tags, scored on GUM dev with the
// tags of models/pos.model (so it runs after TrainPosTagger).
void TrainParser(const TrainingRun& run) {
  const Stopwatch clock;
  const std::vector<ConlluSentence> train = ReadGumPartition(run.GumDir(), "train", run.MaxDocs());
  const std::vector<ConlluSentence> dev = ReadGumPartition(run.GumDir(), "dev", run.MaxDocs());
  DependencyParserTrainingOptions options;
  if (run.smoke) {
    options.iterations = 1;
    options.action_hash_bits = 14;
    options.label_hash_bits = 12;
  }
  const std::vector<std::vector<PosTag>> train_tags =
      JackknifedTags(train, TaggerOptions(run), run.smoke ? 2 : 4);
  const DependencyParser parser = DependencyParser::Train(train, train_tags, options, LogProgress);
  const std::filesystem::path path = run.models_dir / "parser.model";
  parser.Save(path);
  const PosTagger tagger = PosTagger::Load(run.models_dir / "pos.model");
  const ParsingScore predicted = EvaluateParser(parser, dev, PredictedTags(tagger, dev));
  const ParsingScore gold = EvaluateParser(parser, dev, GoldTags(dev));
  fmt::print(
      "{}: {:.0f} KB in {:.1f} s; GUM dev UAS {:.2f}% LAS {:.2f}% with predicted tags, "
      "UAS {:.2f}% LAS {:.2f}% with gold tags ({} words)\n",
      path.string(), Kilobytes(path), clock.Seconds(), 100 * predicted.Uas(), 100 * predicted.Las(),
      100 * gold.Uas(), 100 * gold.Las(), predicted.words);
}

// models/ner.model from GUM train and ner-extra (see LoadNerTrainingDocuments), with the
// committed gazetteer (scripts/build-gazetteers.sh), scored on GUM dev names.
void TrainNer(const TrainingRun& run) {
  const Stopwatch clock;
  NerTrainingOptions options;
  options.seed = run.ner_seed;
  options.structured = run.ner_structured;
  if (run.ner_word_classes) options.word_classes = DefaultModelsDir() / "word_classes.tsv";
  if (run.smoke) {
    options.epochs = 1;
    options.hash_bits = 14;
    options.max_docs_per_corpus = 3;
  }
  const NerScore score = TrainEntityRecognizer(run.data_dir, DefaultModelsDir() / "gazetteer.tsv",
                                               run.models_dir, options, LogProgress);
  const std::filesystem::path path = run.models_dir / "ner.model";
  fmt::print("{}: {:.0f} KB in {:.1f} s; GUM dev names P {:.3f} R {:.3f} F1 {:.3f} ({} names)\n",
             path.string(), Kilobytes(path), clock.Seconds(), score.Precision(), score.Recall(),
             score.F1(), score.gold);
}

// One trainer per model, run in this order (the parser is scored with pos.model's tags).
struct Trainer {
  std::string_view model;
  void (*train)(const TrainingRun&);
};
constexpr Trainer kTrainers[] = {
    {"pos", TrainPosTagger}, {"parser", TrainParser}, {"ner", TrainNer}};

std::filesystem::path MakeTempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "storyline-train-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot create a temporary directory");
  return pattern;
}

}  // namespace

void AddTrainCommand(CLI::App& app) {
  auto data_dir = std::make_shared<std::string>(
      (std::filesystem::path(STORYLINE_SOURCE_DIR) / ".." / "shared" / "data").lexically_normal());
  auto models_dir = std::make_shared<std::string>();
  auto smoke = std::make_shared<bool>(false);
  auto only = std::make_shared<std::string>();
  auto ner_seed = std::make_shared<uint32_t>(NerTrainingOptions().seed);
  auto ner_structured = std::make_shared<bool>(false);
  auto ner_word_classes = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand("train", "Rebuild the model files from annotated corpora");
  command->add_option("--data", *data_dir,
                      "Corpus directory (default: ../shared/data beside the sources)");
  command->add_option("--models", *models_dir,
                      "Where to write the models (default: $STORYLINE_MODELS or models/; "
                      "a new temporary directory with --smoke)");
  command->add_flag("--smoke", *smoke, "Train on a tiny subset for one iteration (for CI)");
  command
      ->add_option("--only", *only,
                   "Rebuild one model, keeping the others (the parser is scored with the "
                   "pos.model already in --models)")
      ->check(CLI::IsMember({"pos", "parser", "ner"}));
  command->add_option("--ner-seed", *ner_seed,
                      "Seed of the recognizer's sentence shuffling (default: the committed "
                      "model's)");
  command->add_flag("--ner-structured", *ner_structured,
                    "Train the recognizer as a structured perceptron with Viterbi decoding "
                    "(bench/ner_levers.md)");
  command->add_flag("--ner-word-classes", *ner_word_classes,
                    "Train the recognizer with the word classes of models/word_classes.tsv as "
                    "features (bench/ner_levers.md)");
  command->callback(
      [data_dir, models_dir, smoke, only, ner_seed, ner_structured, ner_word_classes] {
        try {
          TrainingRun run;
          run.data_dir = *data_dir;
          run.smoke = *smoke;
          run.ner_seed = *ner_seed;
          run.ner_structured = *ner_structured;
          run.ner_word_classes = *ner_word_classes;
          run.models_dir = !models_dir->empty() ? std::filesystem::path(*models_dir)
                           : run.smoke          ? MakeTempDir()
                                                : DefaultModelsDir();
          std::filesystem::create_directories(run.models_dir);
          for (const Trainer& trainer : kTrainers) {
            if (!only->empty() && trainer.model != *only) continue;
            trainer.train(run);
            std::fflush(stdout);  // each model's line as soon as it is done
          }
        } catch (const std::exception& e) {
          std::fprintf(stderr, "storyline: train: %s\n", e.what());
          throw CLI::RuntimeError(1);
        }
      });
}

}  // namespace storyline
