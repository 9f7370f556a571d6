#include "dist/record_codec.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

PreparedArticle FullArticle() {
  Article article;
  article.id = "a-1";
  article.source = "Outlet";
  article.published = "2024-08-21";
  article.url = "https://example.com/a-1";
  article.title = "Talks resume";
  article.author = "A. Writer";
  article.text = "GENEVA — Talks resumed on Tuesday, officials said. \"We are close,\" he said.";
  article.language = "en";
  article.origin = "feed.jsonl:3";
  Analysis analysis;
  analysis.entities.push_back({{0, 6}, "GENEVA", "PLACE", "geneva", "Geneva", "", "switzerland"});
  analysis.times.push_back({{29, 36}, "Tuesday", "DATE", "2024-08-20"});
  analysis.times.push_back({{29, 36}, "Tuesday", "DATE", std::nullopt});
  analysis.quantities.push_back({{1, 2}, "six", 6.25, "hour", true});
  analysis.quotes.push_back({{52, 65}, "We are close,", "officials", std::nullopt, false});
  Event event;
  event.span = {22, 29};
  event.type = "MEET";
  event.trigger = "resumed";
  event.actors = {{"agent", "un"}, {"partner", "hamas"}};
  event.time = "2024-08-20";
  event.content = Span{40, 50};
  event.planned = true;
  analysis.events.push_back(event);
  return PrepareArticle(std::move(article), std::move(analysis));
}

void ExpectSameArticle(const Article& a, const Article& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.url, b.url);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.author, b.author);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.origin, b.origin);
}

TEST(RecordCodec, AnalyzedRecordRoundTrips) {
  const PreparedArticle prepared = FullArticle();
  const std::string bytes = EncodeAnalyzedRecord(prepared);
  EXPECT_EQ(static_cast<uint8_t>(bytes[0]), kRecordCodecVersion);
  const DistRecord record = DecodeRecord(bytes);
  ASSERT_EQ(record.kind, RecordKind::kAnalyzed);
  ExpectSameArticle(record.prepared.article, prepared.article);
  const Analysis& a = record.prepared.analysis;
  const Analysis& b = prepared.analysis;
  ASSERT_EQ(a.entities.size(), 1u);
  EXPECT_EQ(a.entities[0].country, "switzerland");
  EXPECT_EQ(a.entities[0].span.end, 6u);
  ASSERT_EQ(a.times.size(), 2u);
  EXPECT_EQ(a.times[0].value, b.times[0].value);
  EXPECT_FALSE(a.times[1].value.has_value());
  ASSERT_EQ(a.quantities.size(), 1u);
  EXPECT_EQ(a.quantities[0].value, 6.25);
  EXPECT_TRUE(a.quantities[0].approximate);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker, "officials");
  EXPECT_FALSE(a.quotes[0].speaker_entity.has_value());
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].actors.size(), 2u);
  EXPECT_EQ(a.events[0].actors[1].entity, "hamas");
  ASSERT_TRUE(a.events[0].content.has_value());
  EXPECT_EQ(a.events[0].content->start, 40u);
  EXPECT_TRUE(a.events[0].planned);
  EXPECT_FALSE(a.events[0].negated);
  EXPECT_EQ(record.prepared.content_hash, prepared.content_hash);
  EXPECT_EQ(record.prepared.fingerprint.normalized_hash, prepared.fingerprint.normalized_hash);
  EXPECT_EQ(record.prepared.fingerprint.has_signature, prepared.fingerprint.has_signature);
  EXPECT_EQ(record.prepared.fingerprint.signature, prepared.fingerprint.signature);
  EXPECT_EQ(record.prepared.fingerprint.band_keys, prepared.fingerprint.band_keys);
  // Encoding what was decoded gives the same bytes: nothing is lost or added.
  EXPECT_EQ(EncodeAnalyzedRecord(record.prepared), bytes);
}

TEST(RecordCodec, ArticleRecordRoundTripsWithItsKind) {
  Article article = FullArticle().article;
  article.published.reset();
  const DistRecord record = DecodeRecord(EncodeArticleRecord(article, RecordKind::kKnown));
  EXPECT_EQ(record.kind, RecordKind::kKnown);
  ExpectSameArticle(record.prepared.article, article);
  EXPECT_TRUE(record.prepared.analysis.entities.empty());
}

TEST(RecordCodec, RefusesOtherVersionsTruncationAndTrailingBytes) {
  std::string bytes = EncodeAnalyzedRecord(FullArticle());
  for (size_t cut : {size_t{0}, size_t{1}, size_t{2}, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_THROW(DecodeRecord(std::string_view(bytes).substr(0, cut)), RecordCodecError) << cut;
  }
  EXPECT_THROW(DecodeRecord(bytes + "x"), RecordCodecError);
  std::string other_version = bytes;
  other_version[0] = static_cast<char>(kRecordCodecVersion + 1);
  try {
    DecodeRecord(other_version);
    FAIL() << "decoded a record of another version";
  } catch (const RecordCodecError& e) {
    EXPECT_NE(std::string(e.what()).find("version"), std::string::npos);
  }
  std::string other_kind = bytes;
  other_kind[1] = 9;
  EXPECT_THROW(DecodeRecord(other_kind), RecordCodecError);
}

TEST(RecordCodec, ACorruptCountIsRefusedNotAllocated) {
  Article empty;
  std::string bytes = EncodeAnalyzedRecord(PrepareArticle(empty, Analysis{}));
  // The entity count follows the article's nine fields; find it by encoding and
  // overwriting the four bytes after the article record's length.
  const size_t article_end = EncodeArticleRecord(empty, RecordKind::kAnalyzed).size();
  bytes[article_end] = '\xff';
  bytes[article_end + 1] = '\xff';
  bytes[article_end + 2] = '\xff';
  bytes[article_end + 3] = '\x7f';
  EXPECT_THROW(DecodeRecord(bytes), RecordCodecError);
}

}  // namespace
}  // namespace storyline
