// Named-entity recognizer for PERSON, ORG and PLACE names.
//
// A BILOU sequence tagger (Begin, Inside, Last, Unit, Outside per entity type) over the
// tokenizer's tokens, an averaged perceptron over word, shape, affix, neighbour and
// gazetteer features, and optionally word classes (WordClasses: clusters of pretrained word
// vectors, evidence about words the training data never had), with one of two decoders (the model
// file says which):
//  - greedy: each token's tag is chosen left to right, reading the two tags before it;
//  - structured (Collins 2002): each token's tags are scored with the transition from
//    the tag before it, and Viterbi picks the best-scoring sequence of the sentence as a
//    whole, so evidence late in a name (the "Corp" of "Alan Bert Carl Corp") can decide
//    the tag of its first word.
// Either decoder only emits valid BILOU sequences, so every entity is a whole,
// well-formed span inside one sentence.
//
// The model is trained on the tokenizer's own tokens of the raw training texts, with the
// gold character spans aligned to them, so training and run time see the same units.
// Files in the models directory: ner.model (this class), gazetteer.tsv (Gazetteer) and,
// for a model that reads them, word_classes.tsv (WordClasses).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "core/analysis.h"
#include "nlp/averaged_perceptron.h"
#include "nlp/gazetteer.h"
#include "nlp/ner_corpus.h"
#include "nlp/word_classes.h"
#include "text/token.h"
#include "text/tokenizer.h"

namespace storyline {

// The entity types, in tag order.
inline constexpr std::string_view kEntityTypes[] = {"PERSON", "ORG", "PLACE"};

// Tags: 0 is O; type t (index into kEntityTypes) has B, I, L, U at 1 + 4t + {0, 1, 2, 3}.
inline constexpr int kNumEntityTags = 13;

struct NerTrainingOptions {
  int epochs = 10;
  int hash_bits = 18;
  uint32_t seed = 1;             // document order shuffling; training is deterministic for a seed
  int max_docs_per_corpus = -1;  // -1: all (LoadNerTrainingDocuments)
  bool structured = false;       // the structured decoder, instead of the greedy one
  // A word_classes.tsv whose classes the model reads as features; empty: none.
  std::filesystem::path word_classes;
};

class EntityRecognizer {
 public:
  // Loads ner.model, gazetteer.tsv and (when the model reads them) word_classes.tsv
  // from `models_dir`; throws std::runtime_error
  // naming the file that is missing or malformed.
  static EntityRecognizer Load(const std::filesystem::path& models_dir);

  // Trains on `docs`, tokenized by `tokenizer`. `progress`, when set, receives one line
  // per epoch.
  static EntityRecognizer Train(const std::vector<NerDocument>& docs, const Tokenizer& tokenizer,
                                Gazetteer gazetteer, const NerTrainingOptions& options,
                                const std::function<void(std::string_view)>& progress = {});

  // Writes the model (not the gazetteer) to `path`.
  void Save(const std::filesystem::path& path) const;

  // The names in `text`, in text order, with span, text and type set (entity ids are
  // the linker's job). `tokens` must come from the tokenizer for this text. Thread-safe.
  std::vector<EntityMention> Recognize(std::string_view text, const TokenizedText& tokens) const;

  // The tag of every token, exposed for tests: always a valid BILOU sequence per sentence.
  std::vector<int> Tag(std::string_view text, const TokenizedText& tokens) const;

  // The name lists the recognizer reads as features, for rules that check a name.
  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  EntityRecognizer(Gazetteer gazetteer, std::optional<WordClasses> word_classes,
                   AveragedPerceptron model, bool structured)
      : gazetteer_(std::move(gazetteer)),
        word_classes_(std::move(word_classes)),
        model_(std::move(model)),
        structured_(structured) {}

  Gazetteer gazetteer_;
  std::optional<WordClasses> word_classes_;  // set when the model reads them
  AveragedPerceptron model_;
  bool structured_;
};

// The training documents, from shared/data (`data_dir`): GUM train, CrossNER politics
// train, Wikigold, Broad Twitter Corpus train (demonyms dropped, see DropDemonymPlaces)
// and WNUT-17 train; at most `max_docs_per_corpus` of each when that is not negative;
// titles stripped from person names (StripPersonTitles).
// Every dev and test split stays out. MEANTIME stays out too: it marks only some
// mentions of a name (many "Apple"s go unmarked), which teaches the tagger to miss
// names, and its corpus_apple part is held out for cross-document linking. re3d stays
// out: it marks descriptions ("the Iraqi population") as entities.
std::vector<NerDocument> LoadNerTrainingDocuments(const std::filesystem::path& data_dir,
                                                  const Gazetteer& gazetteer,
                                                  int max_docs_per_corpus = -1);

// Exact-span, exact-type counts over PERSON, ORG and PLACE names.
struct NerScore {
  size_t predicted = 0, gold = 0, correct = 0;
  double Precision() const { return predicted ? double(correct) / predicted : 0; }
  double Recall() const { return gold ? double(correct) / gold : 0; }
  double F1() const { return correct ? 2 * Precision() * Recall() / (Precision() + Recall()) : 0; }
};

// Scores `recognizer` against the spans of `docs`, tokenized by `tokenizer`.
NerScore EvaluateEntityRecognizer(const EntityRecognizer& recognizer,
                                  const std::vector<NerDocument>& docs, const Tokenizer& tokenizer);

// What `storyline train` runs: trains on LoadNerTrainingDocuments with the gazetteer at
// `gazetteer_path`, writes `models_dir`/ner.model (and copies of the gazetteer and of
// options.word_classes when `models_dir` has none, so the directory loads as a whole), and returns
// the score on GUM dev names (LoadGum's view of them, titles stripped). `progress` gets one line
// per step.
NerScore TrainEntityRecognizer(const std::filesystem::path& data_dir,
                               const std::filesystem::path& gazetteer_path,
                               const std::filesystem::path& models_dir,
                               const NerTrainingOptions& options,
                               const std::function<void(std::string_view)>& progress);

// Gold tags for `tokens` from byte spans: a span covers every token it overlaps. Spans
// whose edges fall inside a token are still aligned (to the whole token); the number of
// such spans is added to `*misaligned` when it is not null. Spans that cross a sentence
// boundary or overlap an earlier span are left out.
std::vector<int> AlignSpansToTags(const std::vector<NerSpan>& spans, const TokenizedText& tokens,
                                  size_t* misaligned = nullptr);

// Whether tag `next` may follow tag `previous` (0 = O at a sentence start).
bool IsValidTransition(int previous, int next);

}  // namespace storyline
