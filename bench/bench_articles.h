// Articles held in memory for the speed benchmarks, and the word count every tool of a
// comparison uses (whitespace tokens), so words/s means the same in each benchmark.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "io/input_reader.h"

namespace storyline::bench {

inline size_t WhitespaceWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Every article of `path`, language identification off (every article is analyzed);
// the first bad record throws. A warning (a value left out of a record that was read,
// such as a publication date in no format the reader accepts) does not. `max_record_bytes` 0 keeps
// the reader's own limit.
inline std::vector<Article> ReadArticles(const std::string& path, size_t max_record_bytes = 0) {
  ReadOptions options;
  options.detect_language = false;
  if (max_record_bytes > 0) options.max_record_bytes = max_record_bytes;
  std::vector<Article> articles;
  const std::string paths[] = {path};
  ReadInputs(
      paths, options, [&](Article&& article) { articles.push_back(std::move(article)); },
      [](const InputError& error) {
        if (!error.warning) throw std::runtime_error(error.Message());
      });
  return articles;
}

}  // namespace storyline::bench
