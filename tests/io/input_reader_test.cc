// The readers: every good record comes through in order, every bad one is reported
// once with its file and line or record, and none of them stops the others.
#include "io/input_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace storyline {
namespace {

namespace fs = std::filesystem;

class InputReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline-reader-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  std::string WriteGzip(const std::string& name, const std::string& content) {
    const std::string path = (dir_ / name).string();
    gzFile file = gzopen(path.c_str(), "wb");
    gzwrite(file, content.data(), unsigned(content.size()));
    gzclose(file);
    return path;
  }

  void Read(const std::vector<std::string>& paths, ReadOptions options = {}) {
    articles_.clear();
    errors_.clear();
    ReadInputs(
        paths, options, [&](Article&& a) { articles_.push_back(std::move(a)); },
        [&](const InputError& e) { errors_.push_back(e.Message()); });
  }

  fs::path dir_;
  std::vector<Article> articles_;
  std::vector<std::string> errors_;
};

TEST_F(InputReaderTest, JsonLinesKeepsEveryFieldOfTheContract) {
  const std::string path = Write(
      "a.jsonl",
      R"({"id": "003", "source": "The Hill", "published": "2024-08-21", "url": "https://x.test/a", "title": "Talks", "text": "Biden spoke."})"
      "\n");
  Read({path});
  ASSERT_TRUE(errors_.empty());
  ASSERT_EQ(articles_.size(), 1u);
  const Article& a = articles_[0];
  EXPECT_EQ(a.id, "003");
  EXPECT_EQ(a.source, "The Hill");
  EXPECT_EQ(a.published, "2024-08-21");
  EXPECT_EQ(a.url, "https://x.test/a");
  EXPECT_EQ(a.title, "Talks");
  EXPECT_EQ(a.text, "Biden spoke.");
  EXPECT_EQ(a.origin, path + ":1");
}

TEST_F(InputReaderTest, JsonLinesDefaultsIdAndAcceptsNullPublishedAndNumericId) {
  const std::string path = Write("feed.jsonl",
                                 "{\"text\": \"one\", \"published\": null}\n"
                                 "\n"
                                 "{\"id\": 42, \"text\": \"two\"}\n");
  Read({path});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[0].id, "feed-1");
  EXPECT_FALSE(articles_[0].published.has_value());
  EXPECT_EQ(articles_[1].id, "42");
}

TEST_F(InputReaderTest, BadLinesAreReportedAndGoodOnesKept) {
  const std::string path = Write("mixed.jsonl",
                                 "{\"id\": \"a\", \"text\": \"good one\"}\n"
                                 "{\"id\": \"b\", \"text\": \"unterminated\n"
                                 "{\"id\": \"c\", \"title\": \"no text\"}\n"
                                 "[1, 2, 3]\n"
                                 "{\"id\": \"d\", \"text\": 17}\n"
                                 "\x01\x02\xff\xfe binary garbage\n"
                                 "{\"id\": \"e\", \"text\": \"bad \xc3\x28 utf8\"}\n"
                                 "{\"id\": \"f\", \"text\": \"good two\"}\n");
  Read({path});
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[0].id, "a");
  EXPECT_EQ(articles_[1].id, "f");
  ASSERT_EQ(errors_.size(), 6u);
  EXPECT_EQ(errors_[0].rfind(path + ":2: malformed JSON", 0), 0u) << errors_[0];
  EXPECT_EQ(errors_[1], path + ":3: record has no \"text\"");
  EXPECT_EQ(errors_[2], path + ":4: not a JSON object");
  EXPECT_EQ(errors_[3], path + ":5: field \"text\" is not a string");
  EXPECT_EQ(errors_[4].rfind(path + ":6: ", 0), 0u) << errors_[4];
  EXPECT_EQ(errors_[5].rfind(path + ":7: malformed JSON", 0), 0u) << errors_[5];
}

TEST_F(InputReaderTest, RecordOverTheLimitIsRefusedNotLoaded) {
  const std::string big(3u << 20, 'x');
  const std::string path = Write("big.jsonl", "{\"id\": \"small\", \"text\": \"fine\"}\n"
                                              "{\"id\": \"big\", \"text\": \"" + big + "\"}\n"
                                              "{\"id\": \"after\", \"text\": \"fine too\"}\n");
  ReadOptions options;
  options.max_record_bytes = 1u << 20;
  Read({path}, options);
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[1].id, "after");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find(path + ":2: record larger than the limit"), std::string::npos);
}

TEST_F(InputReaderTest, FiftyMegabyteRecordReadsUnderTheDefaultLimit) {
  const std::string big(50u << 20, 'y');
  const std::string path = Write("huge.jsonl", "{\"id\": \"huge\", \"text\": \"" + big + "\"}\n");
  Read({path});
  ASSERT_TRUE(errors_.empty());
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].text.size(), big.size());
}

TEST_F(InputReaderTest, EmptyAndMissingFilesAreErrors) {
  const std::string empty = Write("empty.jsonl", "");
  const std::string blank = Write("blank.txt", "  \n");
  Read({empty, blank, (dir_ / "missing.jsonl").string()});
  EXPECT_TRUE(articles_.empty());
  ASSERT_EQ(errors_.size(), 3u);
  EXPECT_EQ(errors_[0], empty + ": empty file: no records");
  EXPECT_EQ(errors_[1], blank + ": empty file: no text");
  EXPECT_EQ(errors_[2], (dir_ / "missing.jsonl").string() + ": no such file or directory");
}

TEST_F(InputReaderTest, GzipJsonLinesAndTruncatedGzip) {
  std::string lines;
  for (int i = 0; i < 2000; ++i) {
    lines += "{\"id\": \"" + std::to_string(i) + "\", \"text\": \"article number " +
             std::to_string(i * 7919) + " with some words to compress\"}\n";
  }
  const std::string whole = WriteGzip("whole.jsonl.gz", lines);
  Read({whole});
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(articles_.size(), 2000u);

  std::string bytes;
  {
    std::ifstream in(whole, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string truncated = Write("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  Read({truncated});
  EXPECT_GT(articles_.size(), 0u);
  EXPECT_LT(articles_.size(), 2000u);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("truncated gzip"), std::string::npos) << errors_[0];
  EXPECT_EQ(errors_[0].rfind(truncated + ":", 0), 0u);
}

TEST_F(InputReaderTest, TextFileTakesItsIdFromTheNameAndMetadataFromOptions) {
  const std::string path = Write("seed_001.txt", "Biden spoke with Netanyahu on Sunday.\n");
  const std::string bad = Write("bad.txt", "caf\xc3");
  ReadOptions options;
  options.source = "Wire";
  options.published = "2024-04-28";
  Read({path, bad}, options);
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].id, "seed_001");
  EXPECT_EQ(articles_[0].source, "Wire");
  EXPECT_EQ(articles_[0].published, "2024-04-28");
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0], bad + ": not valid UTF-8 text");
}

TEST_F(InputReaderTest, DirectoriesAreWalkedInSortedOrderSkippingUnknownFiles) {
  Write("corpus/b/2.txt", "Second article text.");
  Write("corpus/a.jsonl", "{\"id\": \"first\", \"text\": \"First article text.\"}\n");
  Write("corpus/.DS_Store", "\x00\x01");
  Write("corpus/notes.bin", "\x00\x01");
  Read({(dir_ / "corpus").string()});
  ASSERT_TRUE(errors_.empty());
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[0].id, "first");
  EXPECT_EQ(articles_[1].id, "2");
}

TEST_F(InputReaderTest, NonEnglishArticlesAreFlagged) {
  const std::string path = Write(
      "es.jsonl",
      "{\"id\": \"es\", \"text\": \"El presidente del Gobierno anunció este martes un nuevo "
      "plan de vivienda para los jóvenes, que incluye ayudas al alquiler y la construcción de "
      "miles de pisos públicos en los próximos cinco años.\"}\n"
      "{\"id\": \"en\", \"text\": \"The president announced a new housing plan on Tuesday "
      "for young people, including rent support and thousands of public homes over the next "
      "five years.\"}\n");
  Read({path});
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[0].language, "es");
  EXPECT_EQ(articles_[1].language, "en");
}

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& id,
                       const std::string& block, const std::string& content_type) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string HttpPage(const std::string& status, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body;
}

const char* kPage =
    "<html><head><title>Port strike ends</title></head><body><nav>Home | World</nav>"
    "<article><h1>Port strike ends</h1><p>Dock workers in Harbor City voted on Monday to end "
    "a three-week strike after the port authority agreed to a new contract.</p><p>The deal "
    "raises wages by nine percent over three years, union leaders said.</p></article>"
    "<footer>Copyright</footer></body></html>";

TEST_F(InputReaderTest, WarcYieldsEveryHtmlResponseAndSkipsTheRest) {
  const std::string warc =
      WarcRecord("warcinfo", "", "0", "software: test\r\n", "application/warc-fields") +
      WarcRecord("request", "http://news.test/a", "1", "GET /a HTTP/1.1\r\n\r\n",
                 "application/http; msgtype=request") +
      WarcRecord("response", "http://news.test/a", "2", HttpPage("200 OK", kPage),
                 "application/http; msgtype=response") +
      WarcRecord("response", "http://news.test/missing", "3", HttpPage("404 Not Found", kPage),
                 "application/http; msgtype=response");
  const std::string plain = Write("crawl.warc", warc);
  const std::string gz = WriteGzip("crawl.warc.gz", warc);
  for (const std::string& path : {plain, gz}) {
    Read({path});
    ASSERT_TRUE(errors_.empty()) << errors_[0];
    ASSERT_EQ(articles_.size(), 1u);
    EXPECT_EQ(articles_[0].id, "2");
    EXPECT_EQ(articles_[0].url, "http://news.test/a");
    EXPECT_NE(articles_[0].text.find("nine percent"), std::string::npos);
    EXPECT_EQ(articles_[0].text.find("Copyright"), std::string::npos);
    EXPECT_EQ(articles_[0].origin, path + "#3");
  }
}

TEST_F(InputReaderTest, TruncatedWarcKeepsTheRecordsBeforeTheCut) {
  const std::string good = WarcRecord("response", "http://news.test/a", "a",
                                      HttpPage("200 OK", kPage), "application/http");
  const std::string cut = WarcRecord("response", "http://news.test/b", "b",
                                     HttpPage("200 OK", kPage), "application/http");
  const std::string path = Write("cut.warc", good + cut.substr(0, cut.size() / 2));
  Read({path});
  ASSERT_EQ(articles_.size(), 1u);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0], path + "#2: truncated WARC record");

  const std::string garbage = Write("garbage.warc", "this is not a warc file\n");
  Read({garbage});
  EXPECT_TRUE(articles_.empty());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0], garbage + "#1: not a WARC record (no \"WARC/\" version line)");
}

TEST_F(InputReaderTest, ChunkedAndGzipEncodedHttpBodiesAreDecoded) {
  std::string compressed(compressBound(uLong(std::strlen(kPage))) + 32, '\0');
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(kPage));
  stream.avail_in = uInt(std::strlen(kPage));
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = uInt(compressed.size());
  deflate(&stream, Z_FINISH);
  compressed.resize(stream.total_out);
  deflateEnd(&stream);

  char size_hex[16];
  std::snprintf(size_hex, sizeof size_hex, "%zx", compressed.size());
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
      "Content-Encoding: gzip\r\n\r\n" +
      std::string(size_hex) + "\r\n" + compressed + "\r\n0\r\n\r\n";
  const std::string path =
      Write("enc.warc", WarcRecord("response", "http://news.test/z", "z", http, "application/http"));
  Read({path});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_NE(articles_[0].text.find("Dock workers"), std::string::npos);
}

}  // namespace
}  // namespace storyline
