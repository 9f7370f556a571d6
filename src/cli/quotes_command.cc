// `storyline quotes --db PATH [--speaker NAME] [--story ID] [--limit N] [--json]`: who
// said what, in article arrival order. --speaker matches the speaker's name or entity
// id, whole or in part ("blinken" finds Antony Blinken); --story keeps the quotations
// of one story's articles. JSON: {"quotes": [...]}, each quotation with its article,
// source and published date (spec/CONTRACT.md).
#include <fmt/format.h>

#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/read_command.h"
#include "synth/synth_json.h"

namespace storyline {
namespace {

// Table columns: wide enough for most names, outlets and ids, the whole row within ~140.
// Speakers and quotations are cut at a word; --json has them whole.
constexpr size_t kSpeakerWidth = 24;
constexpr size_t kSourceWidth = 18;
constexpr size_t kArticleWidth = 16;
constexpr size_t kQuoteWidth = 64;

struct QuotesOptions {
  std::string db;
  std::string speaker;
  std::optional<int> story;
  std::optional<int> limit;
  bool json = false;
};

// fmt pads by code points; a cut name may hold multi-byte ones.
std::string Column(const std::string& text, size_t width) {
  return fmt::format("{:<{}}", text, width);
}

std::string Header() {
  return Column("speaker", kSpeakerWidth) + "  " + Column("outlet", kSourceWidth) + "  " +
         Column("date", 10) + "  " + Column("article", kArticleWidth) + "  quote\n";
}

std::string QuoteRow(const StoredQuote& stored) {
  const std::string speaker = stored.quote.speaker.value_or("(unknown)");
  const std::string source = stored.source.empty() ? "(unknown)" : stored.source;
  return Column(ShortenAtWord(speaker, kSpeakerWidth), kSpeakerWidth) + "  " +
         Column(ShortenAtWord(source, kSourceWidth), kSourceWidth) + "  " +
         Column(stored.published.value_or("-").substr(0, 10), 10) + "  " +
         Column(Truncate(stored.article, kArticleWidth), kArticleWidth) + "  \u201c" +
         ShortenAtWord(stored.quote.text, kQuoteWidth) + "\u201d\n";
}

void RunQuotes(const QuotesOptions& options) {
  const std::vector<StoredQuote> quotes = ReadStore(options.db, [&](Store& store) {
    if (options.story) FindStoryOrExit(store.LoadStories(), *options.story, options.db);
    return store.LoadQuotes({options.speaker, options.story, options.limit});
  });
  if (options.json) {
    WriteJson(QuotesToJson(quotes));
    return;
  }
  std::string text = Header();
  for (const StoredQuote& stored : quotes) text += QuoteRow(stored);
  WriteText(quotes.empty() ? "no quotes\n" : text);
}

}  // namespace

void AddQuotesCommand(CLI::App& app) {
  auto options = std::make_shared<QuotesOptions>();
  CLI::App* command = app.add_subcommand("quotes", "List who said what, in arrival order");
  command->add_option("--db", options->db, "Store to read (SQLite file or postgresql:// URL)")
      ->required();
  command->add_option("--speaker", options->speaker,
                      "Only this speaker: name, entity id or part of the name");
  command->add_option("--story", options->story, "Only quotations in this story's articles");
  command->add_option("--limit", options->limit, "Most quotations to print")
      ->check(CLI::Range(1, 1000000));
  command->add_flag("--json", options->json, "Print {\"quotes\": [...]} instead of a table");
  command->callback([options] { RunQuotes(*options); });
}

}  // namespace storyline
