// Hostile inputs stay within the per-record limit: a gzip bomb is refused once it
// inflates past --max-record-mb instead of filling memory, and deeply nested JSON and
// HTML parse in bounded time and memory.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../support/test_paths.h"
#include "io/html_extractor.h"
#include "io/input_reader.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr size_t kLimit = size_t{1} << 20;  // --max-record-mb 1

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// `data` as one gzip member.
std::string Gzip(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

class ResourceLimitsTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("storyline-limits-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `member` written `members` times over.
  std::string Write(const std::string& name, const std::string& member, int members) {
    const std::string path = (dir_ / name).string();
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < members; ++i) out << member;
    return path;
  }

  void Read(const std::string& path) {
    ReadOptions options;
    options.max_record_bytes = kLimit;
    const std::string paths[] = {path};
    ReadInputs(
        paths, options, [&](Article&& article) { articles_.push_back(std::move(article)); },
        [&](const InputError& error) { errors_.push_back(error.Message()); });
  }

  fs::path dir_;
  std::vector<Article> articles_;
  std::vector<std::string> errors_;
};

// 10 MB on disk, 10 GB inflated: 1280 members of 8 MB each (multi-member gzip reads as
// one stream). Each reader must stop once a record passes the limit.
constexpr size_t kMemberBytes = size_t{8} << 20;
constexpr int kBombMembers = 1280;

TEST_F(ResourceLimitsTest, HtmlGzipBombStopsAtTheRecordLimit) {
  const std::string path =
      Write("bomb.html.gz", Gzip(std::string(kMemberBytes, ' ')), kBombMembers);
  const long rss_before = PeakRssMb();
  const auto start = Clock::now();
  Read(path);
  EXPECT_LT(SecondsSince(start), 5.0);
  EXPECT_LT(PeakRssMb() - rss_before, 64) << "the bomb was inflated into memory";
  EXPECT_TRUE(articles_.empty());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("larger than the limit"), std::string::npos) << errors_[0];
}

TEST_F(ResourceLimitsTest, TextGzipBombStopsAtTheRecordLimit) {
  const std::string path = Write("bomb.txt.gz", Gzip(std::string(kMemberBytes, 'a')), kBombMembers);
  const auto start = Clock::now();
  Read(path);
  EXPECT_LT(SecondsSince(start), 5.0);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("larger than the limit"), std::string::npos) << errors_[0];
}

// A JSON line that never ends is skipped in bounded memory and the records after it are
// still read. Skipping has to inflate to the line's end, so the bomb is 1 GB here.
TEST_F(ResourceLimitsTest, JsonLinesGzipBombSkipsTheLineInBoundedMemory) {
  const std::string path =
      Write("bomb.jsonl.gz", Gzip(std::string(kMemberBytes, 'x')), kBombMembers / 10);
  std::ofstream(path, std::ios::binary | std::ios::app)
      << Gzip("\n{\"id\": \"after\", \"text\": \"Still read.\"}\n");
  const long rss_before = PeakRssMb();
  Read(path);
  EXPECT_LT(PeakRssMb() - rss_before, 64) << "the long line was held in memory";
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find(":1: record larger than the limit"), std::string::npos) << errors_[0];
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].id, "after");
}

// Blank lines are no record, so no record limit stopped them: 2 GB of line ends in 9 MB
// of gzip kept a core busy for a minute. Past the record limit of them in a row the
// file is given up, having inflated little more than the limit.
TEST_F(ResourceLimitsTest, BlankLineBombStopsAtTheRecordLimit) {
  for (const char* name : {"blank.jsonl.gz", "blank.warc.gz"}) {
    SCOPED_TRACE(name);
    errors_.clear();
    articles_.clear();
    const std::string path = Write(name, Gzip(std::string(kMemberBytes, '\n')), 32);
    std::ofstream(path, std::ios::binary | std::ios::app)
        << Gzip("{\"id\": \"after\", \"text\": \"Never reached.\"}\n");
    Read(path);
    EXPECT_TRUE(articles_.empty());
    ASSERT_EQ(errors_.size(), 1u);
    EXPECT_NE(errors_[0].find(": more than 1048576 bytes of blank lines in a row, file not read "
                              "further"),
              std::string::npos)
        << errors_[0];
  }
}

// Peak memory stays within a small multiple of the record whatever its shape: a 20 MB
// page of nothing but links (the parser's tree costs ~600 bytes per element) is measured
// through `storyline extract` in a child process; RSS, unlike time, is steady enough.
TEST_F(ResourceLimitsTest, LinkFarmPageStaysWithinEightTimesItsSize) {
  const std::string path = (dir_ / "links.html").string();
  size_t bytes = 0;
  {
    std::ofstream out(path, std::ios::binary);
    out << "<html><body><p>A paragraph, with commas, before the links.</p>";
    for (int i = 0; bytes < (size_t{20} << 20); ++i) {
      const std::string link =
          "<a href=\"https://example.com/page/" + std::to_string(i) + "\">Link</a>\n";
      out << link;
      bytes += link.size();
    }
    out << "</body></html>";
  }
  const std::string command = std::string(storyline::test_paths::StorylineBinary()) + " extract " +
                              path + " >/dev/null 2>&1";
  ASSERT_NE(std::system(command.c_str()), -1);
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  const double peak_mb = usage.ru_maxrss / 1024.0;
  EXPECT_LT(peak_mb, 8.0 * 20) << "peak RSS " << peak_mb << " MB for a 20 MB page";
}

TEST_F(ResourceLimitsTest, DeeplyNestedJsonIsABadRecordNotACrash) {
  const int depth = 200000;
  const std::string line = "{\"text\": \"x\", \"extra\": " + std::string(depth, '[') +
                           std::string(depth, ']') + "}\n{\"id\": \"ok\", \"text\": \"Fine.\"}\n";
  const std::string path = (dir_ / "nested.jsonl").string();
  std::ofstream(path) << line;
  const auto start = Clock::now();
  Read(path);
  EXPECT_LT(SecondsSince(start), 2.0);
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].id, "ok");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("nested.jsonl:1:"), std::string::npos) << errors_[0];
}

TEST_F(ResourceLimitsTest, DeeplyNestedHtmlExtractsInBoundedTime) {
  for (const char* tag : {"div", "b", "table", "li"}) {
    SCOPED_TRACE(tag);
    const int depth = 100000;
    std::string html = "<html><body>";
    for (int i = 0; i < depth; ++i) html += std::string("<") + tag + ">";
    html +=
        "<p>The text at the bottom of the page, long enough to count as an article body, "
        "with commas, several of them, and a full sentence.</p>";
    for (int i = 0; i < depth; ++i) html += std::string("</") + tag + ">";
    html += "</body></html>";
    const auto start = Clock::now();
    const ExtractedPage page = ExtractArticleFromHtml(html);
    EXPECT_LT(SecondsSince(start), 3.0);
  }
}

}  // namespace
}  // namespace storyline
