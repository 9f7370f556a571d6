#include "extract/span_index.h"

#include <gtest/gtest.h>

#include <vector>

namespace storyline {
namespace {

Quote At(uint32_t start, uint32_t end) {
  Quote quote;
  quote.span = {start, end};
  return quote;
}

std::vector<uint32_t> Starts(std::span<const Quote> quotes) {
  std::vector<uint32_t> starts;
  for (const Quote& q : quotes) starts.push_back(q.span.start);
  return starts;
}

TEST(SpanIndex, AroundHoldsEveryItemOverlappingOrTouchingTheRangeInListOrder) {
  const std::vector<Quote> quotes = {At(0, 5), At(10, 20), At(12, 14), At(30, 40), At(50, 60)};
  const SpanIndex<Quote> index(quotes);
  EXPECT_EQ(Starts(index.Around({13, 13})), (std::vector<uint32_t>{10, 12}));
  EXPECT_EQ(Starts(index.Around({20, 30})), (std::vector<uint32_t>{10, 12, 30}));
  EXPECT_EQ(Starts(index.Around({41, 49})), (std::vector<uint32_t>{}));
  EXPECT_EQ(Starts(index.Around({0, 100})), (std::vector<uint32_t>{0, 10, 12, 30, 50}));
}

TEST(SpanIndex, AnItemReachingFarAheadStaysInTheWindowsItOverlaps) {
  // An unclosed quotation from byte 1 to the end of the text.
  const std::vector<Quote> quotes = {At(1, 1000), At(100, 110), At(500, 510)};
  const SpanIndex<Quote> index(quotes);
  EXPECT_EQ(Starts(index.Around({600, 610})), (std::vector<uint32_t>{1, 100, 500}));
  EXPECT_TRUE(index.AnyContains({600, 610}));
  EXPECT_TRUE(index.AnyContains({100, 110}));
  EXPECT_FALSE(index.AnyContains({990, 1001}));
}

TEST(SpanIndex, AnyContainsNeedsOneItemAroundTheWholeRange) {
  const std::vector<Quote> quotes = {At(0, 10), At(10, 20), At(15, 16)};
  const SpanIndex<Quote> index(quotes);
  EXPECT_TRUE(index.AnyContains({2, 10}));
  EXPECT_TRUE(index.AnyContains({15, 16}));
  EXPECT_FALSE(index.AnyContains({8, 12}));  // across two items
  EXPECT_FALSE(index.AnyContains({20, 21}));
}

TEST(SpanIndex, ItemsOutOfOrderAreAllInEveryWindow) {
  const std::vector<Quote> quotes = {At(30, 40), At(0, 5), At(10, 20)};
  const SpanIndex<Quote> index(quotes);
  EXPECT_EQ(Starts(index.Around({0, 1})), (std::vector<uint32_t>{30, 0, 10}));
  EXPECT_TRUE(index.AnyContains({32, 33}));
  EXPECT_FALSE(index.AnyContains({6, 9}));
}

TEST(SpanIndex, NoItems) {
  const std::vector<Quote> quotes;
  const SpanIndex<Quote> index(quotes);
  EXPECT_TRUE(index.Around({0, 10}).empty());
  EXPECT_FALSE(index.AnyContains({0, 0}));
}

}  // namespace
}  // namespace storyline
