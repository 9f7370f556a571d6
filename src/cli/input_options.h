// The options every command that reads articles shares (inputs, --source, --published,
// --max-record-mb, --threads), and the one-line error report for bad records.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/input_error.h"
#include "io/input_reader.h"

namespace storyline {

struct InputOptions {
  std::vector<std::string> paths;
  std::string source;
  std::string published;
  size_t max_record_mb = 64;
  int threads = 0;  // 0: all cores

  ReadOptions ToReadOptions() const;
  // For commands that analyze in worker threads: language detection moves from the
  // (single) reading thread into the workers, via DetectArticleLanguage.
  ReadOptions ToReadOptionsForWorkers() const;
  int ThreadCount() const;
};

void AddInputOptions(CLI::App& command, InputOptions& options);

// Sets article.language (see io/language_detector.h).
void DetectArticleLanguage(Article& article);

// `text` with control characters escaped ("\n", "\t", "\x01"), so that a message naming
// a path of any bytes stays on one line.
std::string OneLine(std::string_view text);

// "skipped 3 files no reader handles: a.md, b.png, c.pdf" (the first few named), or
// empty when nothing was skipped: one line for a command's summary.
std::string SkippedFilesLine(const ReadSummary& summary);

// Prints each bad record as "storyline: WHERE: WHAT" on stderr, a warning as
// "storyline: warning: WHERE: WHAT", each on one line, and counts the errors.
class InputErrorReporter {
 public:
  void operator()(const InputError& error);
  size_t count() const { return count_; }
  // Throws CLI::RuntimeError(1) when any record was bad: the contract's exit status.
  void ExitIfAny() const;

 private:
  size_t count_ = 0;
};

}  // namespace storyline
