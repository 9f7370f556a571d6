// The readers: every good record comes through in order, every bad one is reported
// once with its file and line or record, and none of them stops the others.
#include "io/input_reader.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
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
    warnings_.clear();
    summary_ = ReadInputs(
        paths, options, [&](Article&& a) { articles_.push_back(std::move(a)); },
        [&](const InputError& e) { (e.warning ? warnings_ : errors_).push_back(e.Message()); });
  }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const Article& a : articles_) ids.push_back(a.id);
    return ids;
  }

  fs::path dir_;
  ReadSummary summary_;
  std::vector<Article> articles_;
  std::vector<std::string> errors_;
  std::vector<std::string> warnings_;
};

// `data` as one gzip member.
std::string GzipMember(const std::string& data) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, uLong(data.size())) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = uInt(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = uInt(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

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
  const std::string path = Write("big.jsonl",
                                 "{\"id\": \"small\", \"text\": \"fine\"}\n"
                                 "{\"id\": \"big\", \"text\": \"" +
                                     big +
                                     "\"}\n"
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
  EXPECT_EQ(articles_[1].id, "b/2");
}

TEST_F(InputReaderTest, FilesNoReaderHandlesInAFolderAreListedAsSkipped) {
  Write("corpus/a.jsonl", "{\"id\": \"first\", \"text\": \"First article text.\"}\n");
  Write("corpus/notes.md", "# Notes\nnot an article\n");
  Write("corpus/img/photo.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  Write("corpus/report.pdf", "%PDF-1.7\n");
  Write("corpus/.DS_Store", "\x00\x01");
  Read({(dir_ / "corpus").string()});
  EXPECT_TRUE(errors_.empty());
  ASSERT_EQ(articles_.size(), 1u);
  const std::string corpus = (dir_ / "corpus").string();
  EXPECT_EQ(summary_.skipped,
            (std::vector<std::string>{corpus + "/img/photo.png", corpus + "/notes.md",
                                      corpus + "/report.pdf"}));
}

TEST_F(InputReaderTest, AFileNoReaderHandlesNamedOnItsOwnIsAnError) {
  const std::string notes = Write("notes.md", "# Notes\nnot an article\n");
  const std::string photo = Write("photo.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  // What the first bytes show is read: a page saved under a server's extension, and
  // plain text without any extension.
  const std::string page =
      Write("story.shtml",
            "<html><head><title>Port strike</title></head><body><p>Dock workers in "
            "Harbor City voted on Monday to end a three-week strike after the port "
            "agreed to a new contract with higher pay.</p></body></html>");
  const std::string plain = Write("article", "Dock workers in Harbor City went back to work.");
  Read({notes, photo, page, plain});
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_EQ(errors_[0].rfind(notes + ": not an article: no reader handles", 0), 0u) << errors_[0];
  EXPECT_EQ(errors_[1].rfind(photo + ": not an article", 0), 0u) << errors_[1];
  EXPECT_EQ(Ids(), (std::vector<std::string>{"story", "article"}));
  EXPECT_TRUE(summary_.skipped.empty());
}

TEST_F(InputReaderTest, EmptyOrWhiteSpaceTextIsAnErrorNamingTheRecord) {
  const std::string path = Write("in.jsonl",
                                 "{\"id\": \"a\", \"text\": \"\"}\n"
                                 "{\"id\": \"b\", \"text\": \" \\n\\t\u00a0 \"}\n"
                                 "{\"id\": \"c\", \"text\": \"Dock workers went back.\"}\n");
  Read({path});
  EXPECT_EQ(Ids(), std::vector<std::string>{"c"});
  ASSERT_EQ(errors_.size(), 2u);
  EXPECT_EQ(errors_[0], path + ":1: empty text: no article");
  EXPECT_EQ(errors_[1], path + ":2: empty text: no article");
}

// A crawl saves every page as index.html or article.txt in its own folder: the ids the
// reader derives are the paths within the walked directory, so they never collide.
TEST_F(InputReaderTest, DerivedIdsAreUniqueWithinAnInput) {
  const std::string page =
      "<html><body><p>Dock workers in Harbor City voted on Monday to end a three-week "
      "strike.</p></body></html>";
  Write("crawl/a/index.html", page);
  Write("crawl/b/index.html.gz", page);
  Write("crawl/c/article.txt", "First text.");
  Write("crawl/d/article.txt", "Second text.");
  Write("crawl/d/feed.jsonl", "{\"text\": \"no id\"}\n");
  Write("crawl/e.html", page);
  Write("crawl/e.txt", "Same stem as the page.");
  const std::string named = Write("named/index.html", page);
  Read({(dir_ / "crawl").string(), named});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  EXPECT_EQ(Ids(), (std::vector<std::string>{"a/index", "b/index", "c/article", "d/article",
                                             "d/feed-1", "e", "e.txt", "index"}));
}

TEST_F(InputReaderTest, ByteOrderMarkStartsNoRecordAndNoText) {
  const std::string jsonl =
      Write("bom.jsonl", "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"First.\"}\n");
  const std::string text = Write("bom.txt", "\xEF\xBB\xBFPlain text.");
  Read({jsonl, text});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_EQ(articles_[0].id, "a");
  EXPECT_EQ(articles_[1].text, "Plain text.");
}

// Both a folder named on the command line and one met in the walk: one error each,
// naming it, and every readable file still read. Run as an unprivileged user in a child
// process, since root reads any folder.
TEST_F(InputReaderTest, UnreadableDirectoriesAreErrorsAndTheRestIsRead) {
  Write("tree/ok.txt", "Readable text.");
  Write("tree/locked/hidden.txt", "Unreadable text.");
  Write("tree/z/after.txt", "Read after the locked folder.");
  Write("closed/x.txt", "Unreadable too.");
  fs::permissions(dir_ / "tree/locked", fs::perms::none);
  fs::permissions(dir_ / "closed", fs::perms::none);
  fs::permissions(dir_, fs::perms::all);
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  const pid_t child = ::fork();
  if (child == 0) {
    ::close(pipe_fds[0]);
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    Read({(dir_ / "tree").string(), (dir_ / "closed").string()});
    std::string report;
    for (const Article& a : articles_) report += "article " + a.id + "\n";
    for (const std::string& e : errors_) report += "error " + e + "\n";
    (void)!::write(pipe_fds[1], report.data(), report.size());
    ::_exit(0);
  }
  ::close(pipe_fds[1]);
  std::string report;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) report.append(buffer, n);
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  fs::permissions(dir_ / "tree/locked", fs::perms::all);
  fs::permissions(dir_ / "closed", fs::perms::all);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 3) GTEST_SKIP() << "cannot drop root";
  EXPECT_EQ(report, "article ok\narticle z/after\nerror " + (dir_ / "tree/locked").string() +
                        ": cannot read directory: Permission denied\nerror " +
                        (dir_ / "closed").string() +
                        ": cannot read directory: Permission denied\n");
}

TEST_F(InputReaderTest, PublishedIsNormalisedOrLeftUnknownWithAWarning) {
  const std::string path =
      Write("dates.jsonl",
            "{\"id\": \"a\", \"text\": \"x\", \"published\": \"2024-13-45\"}\n"
            "{\"id\": \"b\", \"text\": \"x\", \"published\": \"0000-12-27\"}\n"
            "{\"id\": \"c\", \"text\": \"x\", \"published\": \"Wed, 21 Aug 2024 10:00:00 GMT\"}\n"
            "{\"id\": \"d\", \"text\": \"x\", \"published\": \"2024-08-21T10:00:00+02:00\"}\n");
  Read({path});
  EXPECT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_EQ(articles_.size(), 4u);
  EXPECT_FALSE(articles_[0].published.has_value());
  EXPECT_FALSE(articles_[1].published.has_value());
  EXPECT_EQ(articles_[2].published, "2024-08-21T10:00:00Z");
  EXPECT_EQ(articles_[3].published, "2024-08-21T10:00:00+02:00");
  ASSERT_EQ(warnings_.size(), 2u);
  EXPECT_EQ(warnings_[0].rfind(path + ":1: \"published\" is not a date (2024-13-45)", 0), 0u)
      << warnings_[0];
  EXPECT_EQ(warnings_[1].rfind(path + ":2: ", 0), 0u) << warnings_[1];
}

// 30 gzip members of 100 lines each, as a crawler appends them.
std::string JsonLinesMembers(std::vector<size_t>& member_offsets) {
  std::string file;
  for (int member = 0; member < 30; ++member) {
    std::string lines;
    for (int i = 0; i < 100; ++i) {
      const int n = member * 100 + i;
      lines += "{\"id\": \"" + std::to_string(n) + "\", \"text\": \"article " +
               std::to_string(n * 7919) + " with some words to compress\"}\n";
    }
    member_offsets.push_back(file.size());
    file += GzipMember(lines);
  }
  return file;
}

// Every id of members other than `damaged` (ids member*100 .. member*100+99).
void ExpectEveryUndamagedMember(const std::vector<Article>& articles, int damaged) {
  std::vector<bool> seen(3000, false);
  for (const Article& a : articles) seen[std::stoi(a.id)] = true;
  for (int n = 0; n < 3000; ++n) {
    if (n / 100 != damaged) {
      EXPECT_TRUE(seen[n]) << "lost record " << n;
    }
  }
}

TEST_F(InputReaderTest, CorruptGzipMemberLosesOnlyItself) {
  std::vector<size_t> offsets;
  const std::string good = JsonLinesMembers(offsets);
  // Member 15 (index 14): garbage in the middle of its deflate data.
  std::string corrupt = good;
  const size_t middle = (offsets[14] + offsets[15]) / 2;
  for (size_t i = middle; i < middle + 16; ++i) corrupt[i] = char(corrupt[i] ^ 0x5a);
  const std::string path = Write("corrupt.jsonl.gz", corrupt);
  Read({path});
  EXPECT_EQ(articles_.size(), 2900u);
  ExpectEveryUndamagedMember(articles_, 14);
  ASSERT_EQ(errors_.size(), 1u) << errors_[1];
  EXPECT_EQ(
      errors_[0].rfind(path + ": corrupt gzip member 15 at byte " + std::to_string(offsets[14]), 0),
      0u)
      << errors_[0];
  EXPECT_NE(errors_[0].find("read on from the next member at byte " + std::to_string(offsets[15])),
            std::string::npos)
      << errors_[0];

  // A wrong CRC: no record of that member can be trusted, every other one is read.
  std::string bad_crc = good;
  bad_crc[offsets[15] - 8] = char(bad_crc[offsets[15] - 8] ^ 0xff);
  const std::string crc_path = Write("crc.jsonl.gz", bad_crc);
  Read({crc_path});
  EXPECT_EQ(articles_.size(), 2900u);
  ExpectEveryUndamagedMember(articles_, 14);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("corrupt gzip member 15"), std::string::npos) << errors_[0];

  // Bytes between two members that are no gzip data.
  const std::string spliced =
      good.substr(0, offsets[10]) + "not gzip at all" + good.substr(offsets[10]);
  const std::string spliced_path = Write("spliced.jsonl.gz", spliced);
  Read({spliced_path});
  EXPECT_EQ(articles_.size(), 3000u);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_NE(errors_[0].find("bytes from " + std::to_string(offsets[10]) +
                            " after gzip member 10 are not gzip data"),
            std::string::npos)
      << errors_[0];
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

// A record whose header says Content-Length `length` (none when empty).
std::string WarcRecordWithLength(const std::string& type, const std::string& uri,
                                 const std::string& id, const std::string& block,
                                 const std::string& content_type, const std::string& length) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\nContent-Type: " + content_type +
         (length.empty() ? "" : "\r\nContent-Length: " + length) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& id,
                       const std::string& block, const std::string& content_type) {
  return WarcRecordWithLength(type, uri, id, block, content_type, std::to_string(block.size()));
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
    EXPECT_EQ(articles_[0].id, "http://news.test/a");
    EXPECT_EQ(articles_[0].url, "http://news.test/a");
    EXPECT_NE(articles_[0].text.find("nine percent"), std::string::npos);
    EXPECT_EQ(articles_[0].text.find("Copyright"), std::string::npos);
    EXPECT_EQ(articles_[0].origin, path + "#3");
  }
}

std::string PageNaming(const std::string& own_address) {
  std::string page = kPage;
  page.insert(page.find("</head>"), "<link rel=\"canonical\" href=\"" + own_address + "\">");
  return HttpPage("200 OK", page);
}

// A page is named as `follow` names it (io/canonical_url.h PageAddress): its own address
// on the same site, else the canonical target URI; the record id only without one.
TEST_F(InputReaderTest, WarcNamesAPageByItsCanonicalAddress) {
  const std::string path =
      Write("named.warc",
            WarcRecord("response", "HTTP://News.Test:80/a?utm_source=rss&p=2#top", "1",
                       HttpPage("200 OK", kPage), "application/http") +
                WarcRecord("response", "<http://news.test/alias>", "2", PageNaming("/story/b"),
                           "application/http") +
                WarcRecord("response", "http://news.test/c", "3", PageNaming("http://other.test/c"),
                           "application/http") +
                WarcRecord("response", "http://news.test/d", "4", PageNaming("http://news.test/"),
                           "application/http") +
                WarcRecord("response", "", "5", HttpPage("200 OK", kPage), "application/http"));
  Read({path});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  EXPECT_EQ(Ids(), (std::vector<std::string>{"http://news.test/a?p=2", "http://news.test/story/b",
                                             "http://news.test/c", "http://news.test/d", "5"}));
  ASSERT_EQ(articles_.size(), 5u);
  EXPECT_EQ(articles_[1].url, "http://news.test/story/b");
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

std::string PageRecord(const std::string& id, long length_change = 0,
                       const char* length = nullptr) {
  const std::string block = HttpPage("200 OK", kPage);
  return WarcRecordWithLength("response", "http://news.test/" + id, id, block, "application/http",
                              length ? length : std::to_string(long(block.size()) + length_change));
}

// A Content-Length that runs into the next record, is negative, is not a number, is
// missing or ends short of the record: one error for that record, every other one read.
TEST_F(InputReaderTest, MalformedWarcRecordsCostOnlyThemselves) {
  const std::string block_size = std::to_string(HttpPage("200 OK", kPage).size());
  const std::string path =
      Write("bad.warc", PageRecord("a") + PageRecord("long", 500) + PageRecord("b") +
                            PageRecord("negative", 0, "-5") + PageRecord("c") +
                            PageRecord("letters", 0, "12abc") + PageRecord("d") +
                            PageRecord("missing", 0, "") + PageRecord("e") +
                            PageRecord("short", -20) + PageRecord("f"));
  Read({path});
  EXPECT_EQ(Ids(), (std::vector<std::string>{"http://news.test/a", "http://news.test/b",
                                             "http://news.test/c", "http://news.test/d",
                                             "http://news.test/e", "http://news.test/f"}));
  const std::string long_size = std::to_string(std::stoul(block_size) + 500);
  const std::string short_size = std::to_string(std::stoul(block_size) - 20);
  EXPECT_EQ(errors_,
            (std::vector<std::string>{path + "#2: Content-Length " + long_size +
                                          " runs past the end of the record, cut there",
                                      path + "#4: WARC record without a valid Content-Length",
                                      path + "#6: WARC record without a valid Content-Length",
                                      path + "#8: WARC record without a valid Content-Length",
                                      path + "#10: Content-Length " + short_size +
                                          " ends before the record does, record skipped"}));

  // A length past the record limit that runs into the next record is cut there too.
  ReadOptions small;
  small.max_record_bytes = 1000;
  const std::string huge = Write(
      "huge.warc", PageRecord("big", 0, "999999999999") +
                       WarcRecord("metadata", "", "m", "x: y\r\n", "application/warc-fields"));
  Read({huge}, small);
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0],
            huge + "#1: Content-Length 999999999999 runs past the end of the record, cut there");
}

// 300 records of one gzip member each, the 150th damaged: 299 articles and one error.
TEST_F(InputReaderTest, CorruptWarcGzipMemberLosesOnlyItsRecord) {
  std::string file;
  size_t damaged_at = 0;
  for (int i = 0; i < 300; ++i) {
    std::string member = GzipMember(PageRecord(std::to_string(i)));
    if (i == 149) {
      damaged_at = file.size();
      for (size_t k = member.size() / 2; k < member.size() / 2 + 8; ++k) member[k] ^= 0x33;
    }
    file += member;
  }
  const std::string path = Write("crawl.warc.gz", file);
  Read({path});
  EXPECT_EQ(articles_.size(), 299u);
  for (const Article& a : articles_) EXPECT_NE(a.id, "http://news.test/149");
  ASSERT_EQ(errors_.size(), 1u) << errors_[1];
  EXPECT_EQ(
      errors_[0].rfind(path + ": corrupt gzip member 150 at byte " + std::to_string(damaged_at), 0),
      0u)
      << errors_[0];
}

TEST_F(InputReaderTest, CompressedHttpBodyOverTheLimitSaysSo) {
  const std::string page = "<html><body><p>" + std::string(2u << 20, 'a') + "</p></body></html>";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" +
      GzipMember(page);
  const std::string path = Write(
      "big.warc", WarcRecord("response", "http://news.test/z", "z", http, "application/http"));
  ReadOptions options;
  options.max_record_bytes = 1u << 20;
  Read({path}, options);
  EXPECT_TRUE(articles_.empty());
  ASSERT_EQ(errors_.size(), 1u);
  EXPECT_EQ(errors_[0], path + "#1: compressed HTTP body inflates past the limit of 1048576 bytes");
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
  const std::string path = Write(
      "enc.warc", WarcRecord("response", "http://news.test/z", "z", http, "application/http"));
  Read({path});
  ASSERT_TRUE(errors_.empty()) << errors_[0];
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_NE(articles_[0].text.find("Dock workers"), std::string::npos);
}

}  // namespace
}  // namespace storyline
