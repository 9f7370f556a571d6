#include "cli/read_command.h"

#include <fmt/format.h>

#include <algorithm>

namespace storyline {

const Story& FindStoryOrExit(const std::vector<Story>& stories, int id, const std::string& db) {
  const auto it =
      std::find_if(stories.begin(), stories.end(), [id](const Story& s) { return s.id == id; });
  if (it == stories.end()) {
    std::fprintf(stderr, "storyline: %s: no story %d\n", OneLine(db).c_str(), id);
    throw CLI::RuntimeError(1);
  }
  return *it;
}

void WriteJson(const nlohmann::json& json) {
  WriteText(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void WriteText(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

std::string EventRow(const StoryEvent& event, const std::map<std::string, std::string>& sources,
                     std::string_view indent) {
  std::string reports;
  for (const std::string& article : event.articles) {
    const auto source = sources.find(article);
    reports += (reports.empty() ? "" : ", ") + article +
               (source == sources.end() ? "" : " (" + source->second + ")");
  }
  return fmt::format("{0}{1:<10}  {2:<9}  {3}\n{0}{4:<10}  {4:<9}  reported by {5}\n", indent,
                     event.date.value_or("-"), event.type, event.summary, "", reports);
}

std::map<std::string, std::string> EventSources(Store& store,
                                                const std::vector<StoryEvent>& events) {
  std::vector<std::string> articles;
  for (const StoryEvent& event : events) {
    articles.insert(articles.end(), event.articles.begin(), event.articles.end());
  }
  return store.ArticleSources(articles);
}

std::string Truncate(std::string_view text, size_t width) {
  size_t characters = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_character && ++characters == width) {
      // `width` characters fit only if this is the last one.
      size_t next = i + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
      if (next == text.size()) return std::string(text);
      return std::string(text.substr(0, i)) + "\u2026";
    }
  }
  return std::string(text);
}

std::string ShortenAtWord(std::string_view text, size_t width) {
  std::string line;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space) {
      line.push_back(c);
    } else if (!line.empty() && line.back() != ' ') {
      line.push_back(' ');
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  const std::string cut = Truncate(line, width);
  if (cut == line) return line;
  // Truncate kept width - 1 characters: a word boundary at or before its end, with the
  // separator, punctuation and spaces before it left out.
  const std::string_view kept(cut.data(), cut.size() - std::string_view("\u2026").size());
  size_t end = kept.size();
  if (line[end] != ' ') {
    const size_t space = kept.rfind(' ');
    if (space == std::string_view::npos || space < kept.size() / 2) return cut;
    end = space;
  }
  while (end > 0 && std::string_view(" ,;:-").find(line[end - 1]) != std::string_view::npos) {
    --end;
  }
  return line.substr(0, end) + "\u2026";
}

std::string Counted(size_t count, std::string_view noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

}  // namespace storyline
