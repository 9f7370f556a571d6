// What the read commands (stories, timeline, quotes) share: reading a store that must
// exist, with a failure reported as one line on stderr and exit status 1, and writing
// their output.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/input_options.h"
#include "store/store.h"
#include "story/story.h"

namespace storyline {

// Opens the store at `db` and returns read(store); a StoreError on the way exits 1.
template <typename Read>
auto ReadStore(const std::string& db, Read&& read) {
  try {
    const std::unique_ptr<Store> store = OpenStore(db, OpenMode::kReadOnly);
    return read(*store);
  } catch (const StoreError& e) {
    std::fprintf(stderr, "storyline: %s\n", OneLine(e.what()).c_str());
    throw CLI::RuntimeError(1);
  }
}

// The story with this id; when there is none, says so and exits 1.
const Story& FindStoryOrExit(const std::vector<Story>& stories, int id, const std::string& db);

// `json` on one line; invalid UTF-8 in stored text is replaced rather than fatal.
void WriteJson(const nlohmann::json& json);
void WriteText(std::string_view text);

// The lines of a timeline table for one event: date, type and summary, then the articles
// that report it with their outlets (`sources`: external id -> outlet), each line after
// `indent`.
std::string EventRow(const StoryEvent& event, const std::map<std::string, std::string>& sources,
                     std::string_view indent = "");

// The outlets of every article the events cite.
std::map<std::string, std::string> EventSources(Store& store,
                                                const std::vector<StoryEvent>& events);

// `text` cut to at most `width` characters (code points), ending in "…" when cut.
std::string Truncate(std::string_view text, size_t width);

// `text` on one line (each run of white space one space) and, when longer than `width`
// characters, cut after the last whole word that fits with the "…" that ends it; a word
// that alone fills over half the width is cut inside (Truncate) rather than dropped.
std::string ShortenAtWord(std::string_view text, size_t width);

// "1 outlet", "2 outlets".
std::string Counted(size_t count, std::string_view noun);

}  // namespace storyline
