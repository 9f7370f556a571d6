// cluster_eval: runs the story clusterer over annotated JSON Lines, in file order, and
// prints `storyline stories --json` output, so clustering can be scored
// (shared/tools/score-stories.py) without a store or an analyzer.
//
// usage: cluster_eval CORPUS.jsonl [--events] [--background COUNTS.tsv]
//                     [--write-counts COUNTS.tsv] [--story-threshold X] ...
// Each record needs "text"; the id is "id" or "doc_id", the publication date "published"
// or "dct", the title "title". --events lists each event as a story of its own, to score
// the event level.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "story/stories_json.h"
#include "story/story_clusterer.h"
#include "story/story_features.h"
#include "story/tfidf_vocabulary.h"

namespace {

std::string StringField(const nlohmann::json& record, const char* name, const char* fallback) {
  for (const char* key : {name, fallback}) {
    const auto it = record.find(key);
    if (it != record.end() && it->is_string()) return it->get<std::string>();
    if (it != record.end() && it->is_number()) return it->dump();
  }
  return "";
}

std::vector<storyline::Story> EventsAsStories(const std::vector<storyline::Story>& stories) {
  std::vector<storyline::Story> out;
  for (const storyline::Story& story : stories) {
    for (const storyline::StoryEvent& event : story.events) {
      storyline::Story& as_story = out.emplace_back();
      as_story.id = event.id;
      as_story.label = event.summary;
      as_story.articles = event.articles;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Clusters a JSON Lines corpus into stories and prints them as JSON"};
  std::string path;
  bool events = false;
  storyline::StoryClustererOptions options;
  app.add_option("corpus", path, "JSON Lines corpus")->required();
  app.add_flag("--events", events, "list events instead of stories");
  app.add_option("--story-threshold", options.story_threshold);
  app.add_option("--scene-threshold", options.scene_threshold);
  app.add_option("--merge-threshold", options.merge_threshold);
  app.add_option("--event-threshold", options.event_threshold);
  app.add_option("--time-scale-days", options.time_scale_days);
  app.add_option("--particulars-share", options.particulars_share);
  app.add_option("--split-threshold", options.split_threshold);
  app.add_option("--split-min-events", options.split_min_events);
  app.add_option("--split-min-articles", options.split_min_articles);
  app.add_option("--max-scored-entries", options.max_scored_entries);
  std::string background;
  app.add_option("--background", background, "background document frequencies (TSV)");
  std::string write_counts;
  app.add_option("--write-counts", write_counts,
                 "write the corpus's document frequencies here (a background file)");
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot open\n";
    return 1;
  }
  storyline::StoryClusterer clusterer(options);
  if (!background.empty()) {
    std::ifstream counts(background);
    if (!counts) {
      std::cerr << background << ": cannot open\n";
      return 1;
    }
    try {
      clusterer.AddBackground(counts);
    } catch (const std::runtime_error& e) {
      std::cerr << background << ": " << e.what() << "\n";
      return 1;
    }
  }
  // The clusterer hashes its features; background counts are written by name.
  storyline::TfIdfVocabulary counts;
  int status = 0;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) {
      std::cerr << path << ":" << line_number << ": not a JSON object with a string \"text\"\n";
      status = 1;
      continue;
    }
    storyline::Article article;
    article.id = StringField(record, "id", "doc_id");
    if (article.id.empty()) article.id = std::to_string(line_number);
    article.title = StringField(record, "title", "title");
    article.text = record["text"].get<std::string>();
    if (std::string published = StringField(record, "published", "dct"); !published.empty()) {
      article.published = std::move(published);
    }
    if (!write_counts.empty()) {
      std::vector<uint32_t> ids;
      for (const auto& [feature, count] :
           storyline::ExtractStoryFeatures(article, storyline::Analysis{}).counts) {
        ids.push_back(counts.Intern(feature));
      }
      counts.CountDocument(ids);
      continue;
    }
    clusterer.Add(article, storyline::Analysis{});
  }
  if (!write_counts.empty()) {
    std::ofstream out(write_counts);
    counts.WriteCounts(out);
    return out ? status : 1;
  }
  // Its changes are never taken, so it still holds every story, retired ones too.
  const auto stories = clusterer.Stories();
  std::cout << storyline::StoriesToJson(events ? EventsAsStories(stories) : stories).dump(1)
            << "\n";
  return status;
}
