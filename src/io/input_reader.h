// Reads articles from input paths, streaming record by record, picking the reader by
// extension: .jsonl/.json/.ndjson (JSON Lines), .txt, .html/.htm, .warc, each optionally
// .gz; a directory is walked recursively in sorted order, and a folder in it that cannot
// be read is an error naming it. A file in a directory that no reader handles (.md, .png,
// .pdf) is skipped and listed in the summary; named on its own, it is an error, unless
// its first bytes show a kind a reader handles (a page saved as .shtml), or, without an
// extension, plain text. A record whose text is empty or white space only is an error. Ids derived
// from file names are unique within one call (io/input_path.h). Articles reach `on_article` in
// input order; a bad record reaches `on_error` and reading goes on with the next one.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/input_error.h"

namespace storyline {

struct ReadOptions {
  std::optional<std::string> published;        // --published, for .txt inputs
  std::string source;                          // --source, for .txt and .html inputs
  size_t max_record_bytes = size_t{64} << 20;  // larger records are refused, not loaded
  bool detect_language = true;
};

using ArticleSink = std::function<void(Article&&)>;
using ErrorSink = std::function<void(const InputError&)>;

// What reading the inputs passed over without an error.
struct ReadSummary {
  // Files found in the directories given that no reader handles, sorted per directory;
  // hidden ones (.DS_Store) are not listed.
  std::vector<std::string> skipped;
};

ReadSummary ReadInputs(std::span<const std::string> paths, const ReadOptions& options,
                       const ArticleSink& on_article, const ErrorSink& on_error);

}  // namespace storyline
