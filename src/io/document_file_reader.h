// Single-document inputs: a plain-text article (.txt) or a web page (.html), each
// optionally gzip-compressed. The article's id is the file's id stem (io/input_path.h);
// --source and --published fill what the file itself does not say. A UTF-8 byte-order
// mark at the start of a text file is not text.
#pragma once

#include <string>

#include "io/input_path.h"
#include "io/input_reader.h"

namespace storyline {

void ReadTextFile(const InputFile& file, const ReadOptions& options, const ArticleSink& on_article,
                  const ErrorSink& on_error);

void ReadHtmlFile(const InputFile& file, const ReadOptions& options, const ArticleSink& on_article,
                  const ErrorSink& on_error);

// Reads a whole (possibly gzipped) file up to `max_bytes`. Returns an error text, empty
// on success; a damaged gzip stream is an error, since the document would be incomplete.
std::string ReadWholeFile(const std::string& path, size_t max_bytes, std::string& out);

}  // namespace storyline
