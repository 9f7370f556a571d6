// The per-article pipeline: tokenize, tag, parse, recognize entities, then extract
// times, quantities, quotes and events. Loaded once, shared by all worker threads.
#pragma once

#include <filesystem>

#include "core/analysis.h"
#include "core/article.h"

namespace storyline {

class ArticleAnalyzer {
 public:
  // Loads every model file from `models_dir`; throws std::runtime_error naming the file
  // that is missing or malformed.
  explicit ArticleAnalyzer(const std::filesystem::path& models_dir);
  ~ArticleAnalyzer();

  // Thread-safe. Non-English articles get an empty analysis: the models are English.
  Analysis Analyze(const Article& article) const;

 private:
  struct Models;
  std::unique_ptr<Models> models_;
};

// The models directory: $STORYLINE_MODELS if set, else the source tree's models/.
std::filesystem::path DefaultModelsDir();

}  // namespace storyline
