#include "cli/input_options.h"

#include <cstdio>
#include <thread>

#include "io/language_detector.h"
#include "io/published_date.h"

namespace storyline {

ReadOptions InputOptions::ToReadOptions() const {
  ReadOptions read;
  read.source = source;
  if (!published.empty()) read.published = NormalizePublishedDate(published);
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
  command
      .add_option("inputs", options.paths,
                  "Files or directories: .jsonl, .txt, .html, .warc (optionally .gz)")
      ->required();
  command.add_option("--source", options.source, "Outlet name for inputs that do not give one");
  command
      .add_option("--published", options.published,
                  "Publication date (ISO 8601) for inputs that do not give one")
      ->check(CLI::Validator(
          [](const std::string& value) {
            return NormalizePublishedDate(value).empty()
                       ? "not a date (ISO 8601, e.g. 2024-08-21): " + value
                       : std::string();
          },
          "DATE"));
  command
      .add_option("--max-record-mb", options.max_record_mb,
                  "Refuse records, pages and WARC members larger than this many MiB")
      ->check(CLI::Range(1, 4096));
  command.add_option("--threads", options.threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
}

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

std::string SkippedFilesLine(const ReadSummary& summary) {
  // Enough names to see what kind of files they are; a crawl's folder may hold thousands.
  constexpr size_t kNamed = 5;
  const std::vector<std::string>& skipped = summary.skipped;
  if (skipped.empty()) return {};
  std::string line = "skipped " + std::to_string(skipped.size()) +
                     (skipped.size() == 1 ? " file" : " files") + " no reader handles: ";
  for (size_t i = 0; i < skipped.size() && i < kNamed; ++i) {
    line += (i == 0 ? "" : ", ") + OneLine(skipped[i]);
  }
  if (skipped.size() > kNamed) line += " and " + std::to_string(skipped.size() - kNamed) + " more";
  return line;
}

void InputErrorReporter::operator()(const InputError& error) {
  if (!error.warning) ++count_;
  std::fprintf(stderr, "storyline: %s%s\n", error.warning ? "warning: " : "",
               OneLine(error.Message()).c_str());
}

void InputErrorReporter::ExitIfAny() const {
  if (count_ > 0) throw CLI::RuntimeError(1);
}

}  // namespace storyline
