#include "collect/warc_writer.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <csignal>
#include <fstream>
#include <iterator>
#include <map>

#include "../support/test_paths.h"
#include "io/input_reader.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

struct WarcRecord {
  std::map<std::string, std::string> headers;
  std::string block;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Each gzip member of `bytes` inflated on its own, so the test sees the member layout.
std::vector<std::string> GzipMembers(const std::string& bytes) {
  std::vector<std::string> members;
  size_t at = 0;
  while (at < bytes.size()) {
    z_stream stream{};
    EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + at));
    stream.avail_in = static_cast<uInt>(bytes.size() - at);
    std::string out;
    char chunk[4096];
    int status = Z_OK;
    while (status == Z_OK) {
      stream.next_out = reinterpret_cast<Bytef*>(chunk);
      stream.avail_out = sizeof chunk;
      status = inflate(&stream, Z_NO_FLUSH);
      out.append(chunk, sizeof chunk - stream.avail_out);
    }
    EXPECT_EQ(status, Z_STREAM_END) << "member " << members.size() << " does not end";
    at = bytes.size() - stream.avail_in;
    inflateEnd(&stream);
    members.push_back(out);
    if (status != Z_STREAM_END) break;
  }
  return members;
}

// A record parsed by the letter of the standard: version line, headers, an empty line,
// exactly Content-Length bytes of block, and two CRLFs.
WarcRecord ParseRecord(const std::string& text) {
  WarcRecord record;
  EXPECT_TRUE(text.starts_with("WARC/1.1\r\n"));
  size_t at = text.find("\r\n") + 2;
  while (text.compare(at, 2, "\r\n") != 0) {
    const size_t end = text.find("\r\n", at);
    const size_t colon = text.find(": ", at);
    record.headers[text.substr(at, colon - at)] = text.substr(colon + 2, end - colon - 2);
    at = end + 2;
  }
  at += 2;
  const size_t length = std::stoul(record.headers["Content-Length"]);
  record.block = text.substr(at, length);
  EXPECT_EQ(text.substr(at + length), "\r\n\r\n");
  return record;
}

HttpExchange PageExchange(const std::string& url, const std::string& html) {
  HttpExchange exchange;
  exchange.url = url;
  exchange.fetched_at = "2024-08-21T10:00:00Z";
  exchange.ip_address = "127.0.0.1";
  exchange.request_head =
      "GET / HTTP/1.1\r\nHost: ledger.example\r\nUser-Agent: storyline/0.1\r\n\r\n";
  exchange.response_head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
      std::to_string(html.size()) + "\r\n\r\n";
  exchange.response_body = html;
  return exchange;
}

class WarcWriterTest : public testing::Test {
 protected:
  void SetUp() override { fs::remove_all(dir_); }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<fs::path> Files() const {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir_)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
  }

  const fs::path dir_ = fs::temp_directory_path() / ("warc-writer-" + std::to_string(getpid()));
  const std::string page_ =
      ReadFile(fs::path(storyline::test_paths::SourceDir()) / "tests/data/html/news_article.html");
};

TEST_F(WarcWriterTest, RecordsFollowTheStandardOneGzipMemberEach) {
  {
    WarcWriter writer(dir_);
    writer.WriteExchange(PageExchange("https://ledger.example/news/bridge", page_));
  }
  const std::vector<fs::path> files = Files();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_TRUE(files[0].filename().string().starts_with("storyline-20240821100000-00001-"));
  EXPECT_TRUE(files[0].string().ends_with(".warc.gz"));
  const std::vector<std::string> members = GzipMembers(ReadFile(files[0]));
  ASSERT_EQ(members.size(), 3u);  // warcinfo, response, request

  const WarcRecord info = ParseRecord(members[0]);
  EXPECT_EQ(info.headers.at("WARC-Type"), "warcinfo");
  EXPECT_EQ(info.headers.at("WARC-Filename"), files[0].filename().string());
  EXPECT_NE(info.block.find("software: storyline/"), std::string::npos);

  const WarcRecord response = ParseRecord(members[1]);
  const WarcRecord request = ParseRecord(members[2]);
  EXPECT_EQ(response.headers.at("WARC-Type"), "response");
  EXPECT_EQ(response.headers.at("WARC-Target-URI"), "https://ledger.example/news/bridge");
  EXPECT_EQ(response.headers.at("WARC-Date"), "2024-08-21T10:00:00Z");
  EXPECT_EQ(response.headers.at("WARC-IP-Address"), "127.0.0.1");
  EXPECT_EQ(response.headers.at("Content-Type"), "application/http;msgtype=response");
  EXPECT_EQ(response.headers.at("WARC-Block-Digest"), WarcSha1Digest(response.block));
  EXPECT_EQ(response.headers.at("WARC-Payload-Digest"), WarcSha1Digest(page_));
  EXPECT_TRUE(response.block.ends_with(page_));
  EXPECT_EQ(request.headers.at("WARC-Type"), "request");
  EXPECT_EQ(request.headers.at("WARC-Concurrent-To"), response.headers.at("WARC-Record-ID"));
  EXPECT_TRUE(request.block.starts_with("GET / HTTP/1.1\r\n"));
  EXPECT_NE(request.headers.at("WARC-Record-ID"), response.headers.at("WARC-Record-ID"));
  EXPECT_TRUE(response.headers.at("WARC-Record-ID").starts_with("<urn:uuid:"));
}

TEST_F(WarcWriterTest, DigestsAreBase32Sha1) {
  EXPECT_EQ(WarcSha1Digest("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  EXPECT_EQ(WarcSha1Digest(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

TEST_F(WarcWriterTest, TheArchiveReadsBackAsTheArticlesFetched) {
  {
    WarcWriter writer(dir_);
    writer.WriteExchange(PageExchange("https://ledger.example/news/bridge", page_));
  }
  std::vector<Article> articles;
  const std::vector<std::string> paths = {dir_.string()};
  ReadInputs(
      paths, ReadOptions{}, [&](Article&& a) { articles.push_back(std::move(a)); },
      [](const InputError& e) { ADD_FAILURE() << e.where << ": " << e.what; });
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_NE(articles[0].text.find("bridge"), std::string::npos);
  EXPECT_EQ(articles[0].source, "The Coastal Ledger");
}

TEST_F(WarcWriterTest, FilesRotatePastTheirSize) {
  {
    WarcWriter writer(dir_, /*max_file_bytes=*/1);
    for (int i = 0; i < 3; ++i) {
      writer.WriteExchange(PageExchange("https://ledger.example/" + std::to_string(i), page_));
    }
  }
  const std::vector<fs::path> files = Files();
  ASSERT_EQ(files.size(), 3u);
  for (const fs::path& file : files) {
    const std::vector<std::string> members = GzipMembers(ReadFile(file));
    ASSERT_EQ(members.size(), 3u) << file;
    EXPECT_EQ(ParseRecord(members[0]).headers.at("WARC-Type"), "warcinfo");
  }
}

TEST_F(WarcWriterTest, AFullDiskKeepsTheWholeRecordsBefore) {
  // The file-size limit plays the full disk: writes past it fail with EFBIG.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit saved{};
  getrlimit(RLIMIT_FSIZE, &saved);
  WarcWriter writer(dir_);
  writer.WriteExchange(PageExchange("https://ledger.example/first", page_));
  const uint64_t whole = fs::file_size(writer.current_file());
  rlimit small = saved;
  small.rlim_cur = whole + 100;
  setrlimit(RLIMIT_FSIZE, &small);
  EXPECT_THROW(writer.WriteExchange(PageExchange("https://ledger.example/second", page_)),
               WarcWriteError);
  setrlimit(RLIMIT_FSIZE, &saved);
  const std::vector<std::string> members = GzipMembers(ReadFile(writer.current_file()));
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(ParseRecord(members[1]).headers.at("WARC-Target-URI"), "https://ledger.example/first");
}

TEST_F(WarcWriterTest, AFolderThatCannotBeMadeIsAnError) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "file") << "x";
  EXPECT_THROW(WarcWriter(dir_ / "file" / "warc"), WarcWriteError);
}

}  // namespace
}  // namespace storyline
