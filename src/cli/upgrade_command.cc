// `storyline upgrade --db PATH`: brings a store written by an earlier storyline up to
// this build's schema (the readers never write to a store, so they refuse an older one),
// and places in stories any stored article an interrupted ingest left out. Running it on
// an up-to-date store changes nothing. With --compact it also rewrites the full-text index
// compactly (Store::CompactSearchIndex), which a large backfill wants once at its end.
#include <cstdio>

#include "cli/commands.h"
#include "extract/article_analyzer.h"
#include "store/store.h"
#include "store/story_updater.h"

namespace storyline {
namespace {

struct UpgradeOptions {
  std::string db;
  std::string models_dir;
  bool compact = false;
};

void RunUpgrade(const UpgradeOptions& options) {
  try {
    const std::filesystem::path models_dir =
        options.models_dir.empty() ? DefaultModelsDir() : std::filesystem::path(options.models_dir);
    const std::unique_ptr<Store> store = OpenStore(options.db, OpenMode::kMustExist);
    StoryUpdater stories(*store, models_dir / "story-background.tsv");
    stories.Save();
    std::fprintf(stderr, "upgraded %s: schema up to date, %zu stored articles placed in stories\n",
                 options.db.c_str(), stories.replayed());
    if (options.compact) {
      store->CompactSearchIndex();
      std::fprintf(stderr, "compacted the search index of %s\n", options.db.c_str());
    }
  } catch (const StoreError& e) {
    std::fprintf(stderr, "storyline: %s\n", e.what());
    throw CLI::RuntimeError(1);
  }
}

}  // namespace

void AddUpgradeCommand(CLI::App& app) {
  auto options = std::make_shared<UpgradeOptions>();
  CLI::App* command =
      app.add_subcommand("upgrade", "Bring a store up to this build's schema and stories");
  command->add_option("--db", options->db, "SQLite file or postgresql:// URL")->required();
  command->add_option("--models", options->models_dir,
                      "Model directory (default: $STORYLINE_MODELS or models/)");
  command->add_flag("--compact", options->compact,
                    "Also rewrite the search index compactly (after a large backfill; slow)");
  command->callback([options] { RunUpgrade(*options); });
}

}  // namespace storyline
