#include "cli/input_options.h"

#include <cstdio>
#include <thread>

#include "io/language_detector.h"

namespace storyline {

ReadOptions InputOptions::ToReadOptions() const {
  ReadOptions read;
  read.source = source;
  if (!published.empty()) read.published = published;
  read.max_record_bytes = max_record_mb << 20;
  return read;
}

ReadOptions InputOptions::ToReadOptionsForWorkers() const {
  ReadOptions read = ToReadOptions();
  read.detect_language = false;
  return read;
}

void DetectArticleLanguage(Article& article) {
  article.language = DetectLanguage(article.title, article.text);
}

int InputOptions::ThreadCount() const {
  if (threads > 0) return threads;
  return int(std::max(1u, std::thread::hardware_concurrency()));
}

void AddInputOptions(CLI::App& command, InputOptions& options) {
  command.add_option("inputs", options.paths, "Files or directories: .jsonl, .txt, .html, .warc (optionally .gz)")
      ->required();
  command.add_option("--source", options.source, "Outlet name for inputs that do not give one");
  command.add_option("--published", options.published,
                     "Publication date (ISO 8601) for inputs that do not give one");
  command.add_option("--max-record-mb", options.max_record_mb,
                     "Refuse records, pages and WARC members larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  command.add_option("--threads", options.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
}

void InputErrorReporter::operator()(const InputError& error) {
  ++count_;
  std::fprintf(stderr, "storyline: %s\n", error.Message().c_str());
}

void InputErrorReporter::ExitIfAny() const {
  if (count_ > 0) throw CLI::RuntimeError(1);
}

}  // namespace storyline
