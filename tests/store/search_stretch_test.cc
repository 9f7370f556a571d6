// FindSearchStretch: the ids a search's date window confines it to, with both ends or one.
#include "store/search_stretch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite_store.h"

namespace storyline {
namespace {

class SearchStretchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("storyline-stretch-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "store.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Stores one article per date, in this order (store ids 1, 2, ...); "" is undated.
  void Store(const std::vector<std::string>& dates) {
    SqliteStore store(path_, false);
    for (size_t i = 0; i < dates.size(); ++i) {
      Article article;
      article.id = "a" + std::to_string(i + 1);
      article.source = "Wire";
      article.title = "Report " + std::to_string(i + 1);
      article.text = "The harbor report number " + std::to_string(i + 1) + ".";
      if (!dates[i].empty()) article.published = dates[i];
      const std::vector<PreparedArticle> batch = {PrepareArticle(article, {})};
      ASSERT_EQ(store.AddBatch(batch)[0].status, AddStatus::kAdded);
    }
  }

  std::pair<int64_t, int64_t> Stretch(std::optional<std::string> from,
                                      std::optional<std::string> to) {
    SqliteDb db(path_, 5000);
    SearchRequest request;
    request.query = "harbor";
    request.from = std::move(from);
    request.to = std::move(to);
    const SearchStretch stretch = FindSearchStretch(db, request);
    if (stretch.empty()) return {0, 0};
    return {stretch.low, stretch.high};
  }

  std::filesystem::path dir_;
  std::string path_;
};

constexpr int64_t kNoEnd = std::numeric_limits<int64_t>::max();

TEST_F(SearchStretchTest, OneEndNarrowsAsBothDo) {
  // In publication order but for article 6, a backfill of an old day, and 3, undated.
  Store({"2024-01-01", "2024-01-05T10:00:00Z", "", "2024-02-01", "2024-02-10T23:59:00Z",
         "2024-01-02", "2024-03-01", "2024-03-15"});
  EXPECT_EQ(Stretch(std::nullopt, std::nullopt), std::make_pair(int64_t{0}, kNoEnd));
  EXPECT_EQ(Stretch("2024-02-01", "2024-02-10"), std::make_pair(int64_t{4}, int64_t{5}));
  EXPECT_EQ(Stretch("2024-02-01", std::nullopt), std::make_pair(int64_t{4}, int64_t{8}));
  EXPECT_EQ(Stretch("2024-03-15", std::nullopt), std::make_pair(int64_t{8}, int64_t{8}));
  // The backfill widens a window it is in to its id.
  EXPECT_EQ(Stretch(std::nullopt, "2024-01-02"), std::make_pair(int64_t{1}, int64_t{6}));
  EXPECT_EQ(Stretch(std::nullopt, "2024-01-01"), std::make_pair(int64_t{1}, int64_t{1}));
  EXPECT_EQ(Stretch(std::nullopt, "2024-02-10"), std::make_pair(int64_t{1}, int64_t{6}));
}

TEST_F(SearchStretchTest, AnEmptyWindowFindsNothing) {
  Store({"2024-01-01", "2024-02-01"});
  EXPECT_EQ(Stretch("2025-01-01", std::nullopt), std::make_pair(int64_t{0}, int64_t{0}));
  EXPECT_EQ(Stretch(std::nullopt, "2023-12-31"), std::make_pair(int64_t{0}, int64_t{0}));
  EXPECT_EQ(Stretch("2024-01-15", "2024-01-20"), std::make_pair(int64_t{0}, int64_t{0}));
}

}  // namespace
}  // namespace storyline
