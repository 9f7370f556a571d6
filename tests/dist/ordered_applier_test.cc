#include "dist/ordered_applier.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "../support/test_paths.h"
#include "io/input_reader.h"
#include "story/stories_json.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

fs::path ModelsDir() { return fs::path(test_paths::SourceDir()) / "models"; }

// One message of the stream of analyses: its source sequence and the record.
struct Message {
  uint64_t source_seq = 0;
  DistRecord record;
};

class OrderedApplierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    analyzer_ = std::make_shared<const ArticleAnalyzer>(ModelsDir());
    articles_ = new std::vector<Article>;
    const std::string sample = fs::path(test_paths::SourceDir()) / "data/sample/articles.jsonl";
    ReadInputs(
        std::span(&sample, 1), ReadOptions{},
        [](Article&& article) { articles_->push_back(std::move(article)); },
        [](const InputError&) {});
    // The same article twice, as a feed repeats one: the second is found stored.
    articles_->push_back(articles_->at(3));
  }
  static void TearDownTestSuite() {
    delete articles_;
    analyzer_.reset();
  }

  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline-applier-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<IngestPipeline> Pipeline(const std::string& name) {
    IngestPipelineOptions options;
    options.db = dir_ / name;
    options.models_dir = ModelsDir();
    options.analyzer = analyzer_;
    options.batch_size = 8;
    return std::make_unique<IngestPipeline>(std::move(options));
  }

  // What a single-process ingest of the articles in order leaves.
  std::string Reference() {
    auto pipeline = Pipeline("reference.db");
    for (Article article : *articles_) pipeline->Add(std::move(article));
    EXPECT_FALSE(pipeline->Finish());
    // A comparison worth making: several stories, with quotations and linked names.
    EXPECT_GT(pipeline->store().LoadStories().size(), 3u);
    EXPECT_GT(pipeline->store().Counts().quotes, 10);
    return Snapshot(pipeline->store());
  }

  // Every article analyzed, in source order (sequence i + 1).
  std::vector<Message> Analyses() {
    std::vector<Message> messages;
    for (size_t i = 0; i < articles_->size(); ++i) {
      Message message;
      message.source_seq = i + 1;
      message.record.kind = RecordKind::kAnalyzed;
      message.record.prepared = AnalyzeArticle(*analyzer_, articles_->at(i));
      messages.push_back(std::move(message));
    }
    return messages;
  }

  // What the readers show: stories with their events, quotations, the linker's rows,
  // the counts.
  static std::string Snapshot(Store& store) {
    nlohmann::json snapshot;
    snapshot["stories"] = StoriesToJson(store.LoadStories());
    for (const StoredQuote& quote : store.LoadQuotes(QuoteQuery{})) {
      snapshot["quotes"].push_back({quote.article, quote.quote.text,
                                    quote.quote.speaker.value_or(""),
                                    quote.quote.speaker_entity.value_or("")});
    }
    for (const CorpusLinkRow& row : store.LoadEntityLinks()) {
      snapshot["links"].push_back({row.kind, row.name, row.expansion});
    }
    const StoreCounts counts = store.Counts();
    snapshot["counts"] = {counts.articles, counts.duplicates, counts.entity_mentions, counts.quotes,
                          counts.events};
    return snapshot.dump(1);
  }

  static Message Copy(const Message& message) { return message; }

  static inline std::shared_ptr<const ArticleAnalyzer> analyzer_;
  static inline std::vector<Article>* articles_ = nullptr;
  fs::path dir_;
};

TEST_F(OrderedApplierTest, OutOfOrderAndRedeliveredAnalysesGiveTheSingleProcessStore) {
  const std::string reference = Reference();
  std::vector<Message> analyses = Analyses();
  // Arrival order: blocks of five reversed (workers finishing out of order), and every
  // seventh message delivered twice (a redelivery after a slow ack).
  std::vector<Message> arrivals;
  for (size_t start = 0; start < analyses.size(); start += 5) {
    const size_t end = std::min(start + 5, analyses.size());
    for (size_t i = end; i-- > start;) {
      arrivals.push_back(Copy(analyses[i]));
      if (i % 7 == 0) arrivals.push_back(Copy(analyses[i]));
    }
  }
  auto pipeline = Pipeline("dist.db");
  OrderedApplier applier(*pipeline, "ANALYSES", 4);
  EXPECT_EQ(applier.resume_from(), 1u);
  for (size_t i = 0; i < arrivals.size(); ++i) {
    ASSERT_TRUE(applier.Take(arrivals[i].source_seq, i + 1, std::move(arrivals[i].record)));
  }
  ASSERT_FALSE(applier.Commit());
  EXPECT_EQ(applier.applied_through(), analyses.size());
  EXPECT_EQ(applier.held(), 0u);
  EXPECT_EQ(applier.saved().applied_through, analyses.size());
  EXPECT_EQ(applier.saved().resume_from, arrivals.size() + 1);
  EXPECT_EQ(Snapshot(pipeline->store()), reference);
  EXPECT_EQ(pipeline->tally().added + pipeline->tally().unchanged, analyses.size());
}

TEST_F(OrderedApplierTest, AnApplierKilledMidRunIsReplacedWithNothingLostOrDoubled) {
  const std::string reference = Reference();
  std::vector<Message> stream = Analyses();
  // Sequences 20 and 21 arrive late, after 22..30, as from a worker that died.
  std::rotate(stream.begin() + 19, stream.begin() + 21, stream.begin() + 30);
  {
    auto pipeline = Pipeline("dist.db");
    OrderedApplier applier(*pipeline, "ANALYSES", 6);
    // Killed after taking 26 messages: 19 applied (saved through 18), the rest held.
    for (size_t i = 0; i < 26; ++i) {
      ASSERT_TRUE(applier.Take(stream[i].source_seq, i + 1, Copy(stream[i]).record));
    }
    EXPECT_EQ(applier.applied_through(), 19u);
    EXPECT_EQ(applier.saved().applied_through, 18u);
    EXPECT_EQ(applier.saved().resume_from, 19u);
    // No Commit: the pipeline and the applier go without a word, as in a SIGKILL.
  }
  auto pipeline = Pipeline("dist.db");
  OrderedApplier applier(*pipeline, "ANALYSES", 6);
  ASSERT_EQ(applier.resume_from(), 19u);
  for (size_t i = applier.resume_from() - 1; i < stream.size(); ++i) {
    ASSERT_TRUE(applier.Take(stream[i].source_seq, i + 1, Copy(stream[i]).record));
  }
  ASSERT_FALSE(applier.Commit());
  EXPECT_EQ(applier.applied_through(), stream.size());
  EXPECT_EQ(Snapshot(pipeline->store()), reference);
}

TEST_F(OrderedApplierTest, AReplayOfTheWholeStreamChangesNothing) {
  const std::string reference = Reference();
  std::vector<Message> stream = Analyses();
  auto pipeline = Pipeline("dist.db");
  {
    OrderedApplier applier(*pipeline, "ANALYSES");
    for (size_t i = 0; i < stream.size(); ++i) {
      ASSERT_TRUE(applier.Take(stream[i].source_seq, i + 1, Copy(stream[i]).record));
    }
    ASSERT_FALSE(applier.Commit());
  }
  // Under another stream name, so nothing is skipped by position: the content hashes
  // alone keep every article out.
  OrderedApplier replay(*pipeline, "ANALYSES-AGAIN");
  for (size_t i = 0; i < stream.size(); ++i) {
    ASSERT_TRUE(replay.Take(stream[i].source_seq, i + 1, Copy(stream[i]).record));
  }
  ASSERT_FALSE(replay.Commit());
  EXPECT_EQ(Snapshot(pipeline->store()), reference);
}

TEST_F(OrderedApplierTest, AnUnreadableRecordPassesItsTurn) {
  auto pipeline = Pipeline("dist.db");
  OrderedApplier applier(*pipeline, "ANALYSES");
  std::vector<Message> stream = Analyses();
  DistRecord unreadable;
  unreadable.kind = RecordKind::kUnreadable;
  ASSERT_TRUE(applier.Take(2, 1, Copy(stream[1]).record));
  EXPECT_EQ(applier.applied_through(), 0u);
  ASSERT_TRUE(applier.Take(1, 2, std::move(unreadable)));
  EXPECT_EQ(applier.applied_through(), 2u);
  ASSERT_FALSE(applier.Commit());
  EXPECT_EQ(pipeline->store().Counts().articles, 1);
}

}  // namespace
}  // namespace storyline
