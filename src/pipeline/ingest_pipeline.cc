#include "pipeline/ingest_pipeline.h"

#include "io/language_detector.h"

namespace storyline {

IngestPipeline::IngestPipeline(IngestPipelineOptions options) : options_(std::move(options)) {
  const std::filesystem::path models_dir =
      options_.models_dir.empty() ? DefaultModelsDir() : options_.models_dir;
  analyzer_ =
      options_.analyzer ? options_.analyzer : std::make_shared<const ArticleAnalyzer>(models_dir);
  store_ = OpenStore(options_.db);
  store_->ClaimStories(options_.on_lock_wait, options_.lock_timeout);
  stories_ = std::make_unique<StoryUpdater>(*store_, models_dir / "story-background.tsv");
  linker_ = std::make_unique<CorpusEntityLinker>(EntityAliases::LoadNames(models_dir));
  linker_->Restore(store_->LoadEntityLinks());
}

IngestPipeline::~IngestPipeline() = default;

PreparedArticle AnalyzeArticle(const ArticleAnalyzer& analyzer, Article article) {
  article.language = DetectLanguage(article.title, article.text);
  Analysis analysis = analyzer.Analyze(article);
  return PrepareArticle(std::move(article), std::move(analysis));
}

std::unique_ptr<IngestPipeline::AnalysisMap> IngestPipeline::NewAnalysisMap() {
  return std::make_unique<AnalysisMap>(
      options_.threads,
      [this](Article& article) { return AnalyzeArticle(*analyzer_, std::move(article)); },
      [this](PreparedArticle&& prepared) { Collect(std::move(prepared)); });
}

bool IngestPipeline::Add(Article&& article) {
  if (store_error_) return false;
  ++tally_.read;
  if (SkipKnown(article, HashArticleContent(article))) return true;
  if (!analysis_) analysis_ = NewAnalysisMap();
  analysis_->Push(std::move(article));
  return true;
}

bool IngestPipeline::AddAnalyzed(PreparedArticle&& prepared) {
  if (store_error_) return false;
  ++tally_.read;
  // After every article Add took, whose analyses may still be in flight.
  Drain();
  if (SkipKnown(prepared.article, prepared.content_hash)) return true;
  Collect(std::move(prepared));
  return true;
}

bool IngestPipeline::SkipKnown(const Article& article, const ContentHash& hash) {
  if (!store_->Contains(hash)) return false;
  ++tally_.unchanged;
  if (options_.on_result) {
    AddResult known;
    known.status = AddStatus::kAlreadyStored;
    options_.on_result(article, known);
  }
  return true;
}

std::optional<std::string> IngestPipeline::StoreTaken() {
  Drain();
  Flush();
  return store_error_;
}

void IngestPipeline::Drain() {
  if (!analysis_) return;
  analysis_->Finish();
  analysis_.reset();
}

std::optional<std::string> IngestPipeline::Commit() {
  StoreTaken();
  try {
    if (!store_error_) stories_->Save();
  } catch (const StoreError& e) {
    store_error_ = e.what();
  }
  return store_error_;
}

void IngestPipeline::Collect(PreparedArticle&& prepared) {
  if (store_error_) return;
  linker_->Link(prepared.analysis);
  prepared.entity_links = CorpusEntityLinker::RowsTaughtBy(prepared.analysis.entities);
  batch_.push_back(std::move(prepared));
  if (batch_.size() >= options_.batch_size) Flush();
}

void IngestPipeline::Flush() {
  if (batch_.empty() || store_error_) return;
  try {
    const std::vector<AddResult> results = store_->AddBatch(batch_);
    bool linker_ahead_of_store = false;
    for (size_t i = 0; i < results.size(); ++i) {
      Count(results[i]);
      // Clustering is online: new articles are placed in arrival order.
      if (results[i].status == AddStatus::kAdded) {
        stories_->Add(results[i].article_id, results[i].previous_version, batch_[i].article,
                      batch_[i].analysis);
      } else {
        linker_ahead_of_store |= !batch_[i].entity_links.empty();
      }
      if (options_.on_result) options_.on_result(batch_[i].article, results[i]);
    }
    if (linker_ahead_of_store) linker_->Restore(store_->LoadEntityLinks());
    stories_->SaveIfDue();
  } catch (const StoreError& e) {
    store_error_ = e.what();
  }
  batch_.clear();
}

void IngestPipeline::Count(const AddResult& result) {
  switch (result.status) {
    case AddStatus::kAdded:
      if (result.previous_version) {
        ++tally_.updated;
      } else {
        ++tally_.added;
        tally_.linked += result.dup_of.has_value();
      }
      break;
    case AddStatus::kAlreadyStored:
      ++tally_.unchanged;
      break;
    case AddStatus::kFailed:
      ++tally_.failed;
      break;
  }
}

}  // namespace storyline
