// Single-document inputs: a plain-text article (.txt) or a web page (.html), each
// optionally gzip-compressed. The article's id is the file's stem; --source and
// --published fill what the file itself does not say.
#pragma once

#include <string>

#include "io/input_reader.h"

namespace storyline {

void ReadTextFile(const std::string& path, const ReadOptions& options,
                  const ArticleSink& on_article, const ErrorSink& on_error);

void ReadHtmlFile(const std::string& path, const ReadOptions& options,
                  const ArticleSink& on_article, const ErrorSink& on_error);

// Reads a whole (possibly gzipped) file up to `max_bytes`. Returns an error text, empty
// on success.
std::string ReadWholeFile(const std::string& path, size_t max_bytes, std::string& out);

}  // namespace storyline
