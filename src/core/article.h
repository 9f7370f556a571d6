// An article as the readers produce it and every later stage consumes it.
#pragma once

#include <optional>
#include <string>

namespace storyline {

struct Article {
  std::string id;                        // caller's id, or derived from the file name
  std::string source;                    // outlet name; empty when unknown
  std::optional<std::string> published;  // ISO date or date-time as given; nullopt if unknown
  std::string url;
  std::string title;
  std::string author;
  std::string text;  // UTF-8, the body every offset refers to

  // Filled by language identification (io/language_detector.h); ISO 639-1 code.
  std::string language = "en";

  // Where the record came from, for error messages and provenance: "file:line" or
  // "file#record".
  std::string origin;
};

}  // namespace storyline
