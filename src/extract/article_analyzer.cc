#include "extract/article_analyzer.h"

#include <cstdlib>

namespace storyline {

// Every model the pipeline loads, shared read-only by all threads.
struct ArticleAnalyzer::Models {};

ArticleAnalyzer::ArticleAnalyzer(const std::filesystem::path& models_dir)
    : models_(std::make_unique<Models>()) {}

ArticleAnalyzer::~ArticleAnalyzer() = default;

Analysis ArticleAnalyzer::Analyze(const Article& article) const {
  Analysis analysis;
  if (article.language != "en") return analysis;
  return analysis;
}

std::filesystem::path DefaultModelsDir() {
  if (const char* dir = std::getenv("STORYLINE_MODELS"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return std::filesystem::path(STORYLINE_SOURCE_DIR) / "models";
}

}  // namespace storyline
