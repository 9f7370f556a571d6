#include "io/promo_lines.h"

#include <array>
#include <vector>

#include "text/ascii.h"

namespace storyline {
namespace {

// Headings over a list of other stories: the lines after one are teasers until prose.
constexpr std::array<std::string_view, 16> kTeaserHeadings = {"read more",
                                                              "more",
                                                              "related",
                                                              "related stories",
                                                              "related articles",
                                                              "see also",
                                                              "see more",
                                                              "don't miss",
                                                              "do not miss",
                                                              "you may also like",
                                                              "you might also like",
                                                              "recommended",
                                                              "trending",
                                                              "most read",
                                                              "most popular",
                                                              "more stories"};

// Headings with nothing under them that belongs to the article either.
constexpr std::array<std::string_view, 6> kFurnitureLines = {
    "comments", "comments are closed", "leave a reply", "leave a comment", "share this", "tags"};

// A line starting so is a teaser or a call to action, whatever follows.
constexpr std::array<std::string_view, 14> kPromoLeads = {
    "read more:", "read also:",  "also read:",       "related:",      "more:",
    "see also:",  "see more:",   "watch:",           "recommended:",  "don't miss:",
    "click here", "sign up for", "subscribe to our", "get the latest"};

// A teaser list ends at the first line that reads like prose: this many words, ending a
// sentence.
constexpr size_t kProseWords = 8;

std::string Key(std::string_view line) {
  std::string key = AsciiLower(TrimAsciiSpace(line));
  // "You may also like..." and "DON'T MISS:" are the same headings without the dots.
  if (key.ends_with("\xE2\x80\xA6")) key.resize(key.size() - 3);  // "…"
  while (!key.empty() && (key.back() == '.' || key.back() == ':' || key.back() == ' ')) {
    key.pop_back();
  }
  // Curly apostrophes as straight ones.
  std::string straight;
  for (size_t at = 0; at < key.size(); ++at) {
    if (key.compare(at, 3, "\xE2\x80\x99") == 0) {
      straight += '\'';
      at += 2;
    } else {
      straight += key[at];
    }
  }
  return straight;
}

template <size_t N>
bool IsOneOf(const std::string& key, const std::array<std::string_view, N>& list) {
  for (const std::string_view item : list) {
    if (key == item) return true;
  }
  return false;
}

size_t WordCount(std::string_view line) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : line) {
    const bool space = c == ' ' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

bool EndsSentence(std::string_view line) {
  line = TrimAsciiSpace(line);
  if (line.empty()) return false;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == '"' || line.ends_with("\xE2\x80\x9D");
}

// A statement: headlines end in a question or no stop at all, paragraphs in a stop.
bool ReadsLikeProse(std::string_view line) {
  line = TrimAsciiSpace(line);
  return WordCount(line) >= kProseWords && EndsSentence(line) && !line.ends_with('?') &&
         !line.ends_with('!');
}

// "Plane passengers quarantined after outbreak [NEWS]": a link tagged with its kind.
bool EndsWithKindTag(std::string_view line) {
  line = TrimAsciiSpace(line);
  if (!line.ends_with(']')) return false;
  const size_t open = line.rfind('[');
  if (open == std::string_view::npos || open == 0 || line.size() - open < 4) return false;
  for (const char c : line.substr(open + 1, line.size() - open - 2)) {
    if (!(c >= 'A' && c <= 'Z') && c != ' ') return false;
  }
  return true;
}

// "Posted in Open thread | Permalink | 10 Comments"
bool IsPostFooter(const std::string& key) {
  return key.find("| permalink") != std::string::npos ||
         (key.starts_with("posted in ") && key.find(" | ") != std::string::npos);
}

bool IsPromo(std::string_view line, const std::string& key) {
  for (const std::string_view lead : kPromoLeads) {
    if (key.starts_with(lead)) return true;
  }
  return IsOneOf(key, kFurnitureLines) || EndsWithKindTag(line) || IsPostFooter(key);
}

}  // namespace

std::string WithoutPromoLines(std::string_view text) {
  std::string out;
  bool in_teasers = false;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const std::string key = Key(line);
    if (IsOneOf(key, kTeaserHeadings)) {
      in_teasers = true;
      continue;
    }
    if (in_teasers && !ReadsLikeProse(line)) continue;
    in_teasers = false;
    if (IsPromo(line, key)) continue;
    if (!out.empty()) out += '\n';
    out += line;
    if (end == text.size()) break;
  }
  return out;
}

}  // namespace storyline
