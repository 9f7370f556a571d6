#include "io/http_response.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

// "<html><body><p>Brotli body of a page.</p></body></html>" compressed with brotli.
const std::string kBrotliPage(
    "\x1b\x36\x00\x00\x44\x37\x97\xea\x42\xd2\x50\x64\xc1\xd4\x0c\x2a\x87\x83\x72\x0e\x1b\x70"
    "\xe0\x92\x15\x28\xcd\x34\x6c\x8c\x81\x67\xd8\xd8\x46\x25\x21\x96\x1e\x16\x6d\xe9\x6f\xfe"
    "\x3d\xe0\xc1\x14\x02\x1b\x9d\xf2\x6e\x14\x4f\x1d\x01",
    57);

TEST(HttpResponseTest, BrotliBodiesAreDecoded) {
  HttpResponse response;
  const std::string raw =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n" + kBrotliPage;
  EXPECT_EQ(ParseHttpResponse(raw, 1 << 20, response), "");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<html><body><p>Brotli body of a page.</p></body></html>");
}

TEST(HttpResponseTest, BrotliPastTheLimitOrCorruptIsSaid) {
  HttpResponse response;
  const std::string head = "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n";
  EXPECT_EQ(ParseHttpResponse(head + kBrotliPage, 10, response),
            "compressed HTTP body inflates past the limit of 10 bytes");
  EXPECT_EQ(ParseHttpResponse(head + kBrotliPage.substr(0, 20), 1 << 20, response),
            "corrupt compressed HTTP body");
}

}  // namespace
}  // namespace storyline
