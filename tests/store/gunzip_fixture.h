// Committed store fixtures are gzipped (tests/data/store); tests unpack them to a
// scratch path before opening them.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "io/compressed_file.h"

namespace storyline::testing {

// Writes the gunzipped contents of `from` to `to`; fails the test when `from` cannot be read.
inline void GunzipFixture(const std::string& from, const std::string& to) {
  CompressedFile in(from);
  ASSERT_TRUE(in.ok()) << in.error();
  std::ofstream out(to, std::ios::binary);
  char buffer[1 << 16];
  for (size_t n; (n = in.Read(buffer, sizeof buffer)) > 0;) out.write(buffer, std::streamsize(n));
  ASSERT_TRUE(in.ok()) << in.error();
}

}  // namespace storyline::testing
