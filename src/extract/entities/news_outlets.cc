#include "extract/entities/news_outlets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <stdexcept>

#include "extract/entities/mention_edits.h"
#include "extract/entities/name_parts.h"
#include "text/ascii.h"

namespace storyline {
namespace {

// Words right before an outlet that make it the source of a report ("told Axios").
constexpr std::array<std::string_view, 9> kReportingBefore = {"told", "to", "with", "by",  "via",
                                                              "for",  "(",  "©",    "from"};
// Words right after it ("Axios reported", "(AP)", "(With AP Inputs)").
constexpr std::array<std::string_view, 17> kReportingAfter = {
    "reported",  "reports",   "reporting", "reporter",      "reporters",      "report", "wrote",
    "published", "interview", "poll",      "correspondent", "correspondents", "inputs", "input",
    ")",         "'s",        "’s"};
// Capitalized at a sentence start, but never part of a name ("A Washington Post report").
constexpr std::array<std::string_view, 7> kDeterminers = {"a",   "an",  "this", "that",
                                                          "its", "his", "their"};
// Capitalized words that may follow a name without being part of it ("told Reuters Monday").
constexpr std::array<std::string_view, 19> kCalendarWords = {
    "Monday",  "Tuesday",   "Wednesday", "Thursday", "Friday",  "Saturday", "Sunday",
    "January", "February",  "March",     "April",    "May",     "June",     "July",
    "August",  "September", "October",   "November", "December"};

NewsOutlet OutletOf(std::string_view name, bool needs_reporting_context) {
  NewsOutlet outlet;
  outlet.needs_reporting_context = needs_reporting_context;
  for (const std::string_view word : SplitNameWords(name)) outlet.words.emplace_back(word);
  if (outlet.words.size() > 1 && outlet.words.front() == "The") {
    outlet.words.erase(outlet.words.begin());
    outlet.leading_the = true;
  }
  return outlet;
}

// Whether `token` is the outlet's `word` as written, or in capitals as mastheads and
// credit lines print it ("USA TODAY", "REUTERS").
bool SpellsOutletWord(std::string_view token, std::string_view word) {
  if (token == word) return true;
  if (token.size() != word.size() || token.size() < 2) return false;
  for (size_t i = 0; i < token.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(token[i]);
    if (std::islower(c) || std::toupper(static_cast<unsigned char>(word[i])) != c) return false;
  }
  return true;
}

// "Reuters" for a word printed in capitals ("REUTERS"), in `buffer`; other words as they are.
std::string_view TitleCase(std::string_view word, std::string& buffer) {
  buffer.assign(word);
  if (word.size() < 2) return buffer;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::islower(static_cast<unsigned char>(word[i]))) return buffer;
    if (i > 0) buffer[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
  }
  return buffer;
}

// Tokens [first, end) of `outlet` starting at token `at`, its "The" included when written
// capitalized; first == end when the outlet is not there or does not count there.
std::pair<size_t, size_t> OutletAt(std::string_view text, const TokenizedText& tokens, size_t at,
                                   const NewsOutlet& outlet) {
  const size_t end = at + outlet.words.size();
  if (end > tokens.tokens.size()) return {at, at};
  for (size_t i = 0; i < outlet.words.size(); ++i) {
    if ((i > 0 && !FollowsBySpace(text, tokens, at + i)) ||
        !SpellsOutletWord(tokens.tokens[at + i].In(text), outlet.words[i])) {
      return {at, at};
    }
  }
  const std::string_view article = at > 0 ? tokens.tokens[at - 1].In(text) : "";
  const bool has_article =
      (article == "The" || article == "the") && FollowsBySpace(text, tokens, at);
  // "The Hill", "The Intercept": without its article the word is a common one.
  const bool needs_article =
      outlet.leading_the && (outlet.needs_reporting_context || outlet.words.size() == 1);
  if (needs_article && !has_article) return {at, at};
  const size_t first = has_article && article == "The" && outlet.leading_the ? at - 1 : at;
  const size_t before = has_article ? at - 1 : at;  // the first token not part of the context
  // Part of a longer capitalized name: "Thomson Reuters", "Reuters Institute"; a
  // capitalized "With", "From" or "A" opening a sentence or a credit line is no name.
  const std::string previous_lower =
      before > 0 ? AsciiLower(tokens.tokens[before - 1].In(text)) : std::string();
  const bool reporting_before = InWordList(kReportingBefore, previous_lower);
  if (before > 0 && FollowsBySpace(text, tokens, before) &&
      StartsUpper(tokens.tokens[before - 1].In(text)) && !reporting_before &&
      !InWordList(kDeterminers, previous_lower)) {
    return {at, at};
  }
  const std::string_view next = end < tokens.tokens.size() ? tokens.tokens[end].In(text) : "";
  const std::string next_lower = AsciiLower(next);
  const bool reporting_after = InWordList(kReportingAfter, next_lower);
  if (FollowsBySpace(text, tokens, end) && StartsUpper(next) && !reporting_after &&
      !InWordList(kCalendarWords, next)) {
    return {at, at};
  }
  if (outlet.needs_reporting_context && !reporting_after && !reporting_before) return {at, at};
  return {first, end};
}

// Tags one outlet found at token `at`; the token after it, or `at` when none is there.
size_t TagAt(std::string_view text, const TokenizedText& tokens, size_t at,
             const std::vector<const NewsOutlet*>& outlets, MentionEditor& mentions) {
  size_t best_first = at, best_end = at;
  for (const NewsOutlet* outlet : outlets) {
    const auto [first, end] = OutletAt(text, tokens, at, *outlet);
    if (end - first > best_end - best_first) best_first = first, best_end = end;
  }
  if (best_end == best_first || mentions.ReachesOutside(best_first, best_end)) return at;
  mentions.Put(best_first, best_end, "ORG");
  return best_end;
}

bool ReadsAsName(std::string_view source) {
  const std::vector<std::string_view> words = SplitNameWords(source);
  if (words.empty() || words.size() > 6 || !StartsUpper(words.front())) return false;
  return std::all_of(words.begin(), words.end(), [](std::string_view word) {
    const bool connective = word == "of" || word == "the" || word == "and" || word == "&";
    const bool name_word = (StartsUpper(word) || (word[0] >= '0' && word[0] <= '9')) &&
                           word.find_first_of("()[]") == std::string_view::npos;
    return connective || name_word;
  });
}

}  // namespace

NewsOutletLexicon NewsOutletLexicon::Load(const std::filesystem::path& models_dir) {
  const std::filesystem::path path = models_dir / "news_outlets.tsv";
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot open news outlet table");
  NewsOutletLexicon lexicon;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string_view use =
        tab == std::string::npos ? "" : std::string_view(line).substr(tab + 1);
    if (tab == 0 || (use != "any" && use != "reporting")) {
      throw std::runtime_error(path.string() + ":" + std::to_string(number) +
                               ": expected 'name<TAB>any|reporting'");
    }
    lexicon.Add(std::string_view(line).substr(0, tab), use == "reporting");
  }
  return lexicon;
}

void NewsOutletLexicon::Add(std::string_view name, bool needs_reporting_context) {
  NewsOutlet outlet = OutletOf(name, needs_reporting_context);
  if (outlet.words.empty()) return;
  by_first_word_[outlet.words.front()].push_back(std::move(outlet));
}

const std::vector<NewsOutlet>* NewsOutletLexicon::StartingWith(std::string_view first_word) const {
  const auto it = by_first_word_.find(std::string(first_word));
  return it == by_first_word_.end() ? nullptr : &it->second;
}

std::vector<std::string> OutletNamesOfSource(std::string_view source) {
  source = TrimAsciiSpace(source);
  if (!ReadsAsName(source)) return {};
  std::vector<std::string> names = {std::string(source)};
  for (const std::string_view suffix : {" News Agency", " Press Agency", " Agency"}) {
    if (source.size() > suffix.size() && source.ends_with(suffix)) {
      names.emplace_back(source.substr(0, source.size() - suffix.size()));
      break;
    }
  }
  return names;
}

void TagNewsOutlets(std::string_view text, const TokenizedText& tokens,
                    const NewsOutletLexicon& lexicon, std::string_view source,
                    std::vector<EntityMention>& mentions) {
  std::vector<NewsOutlet> own;
  for (const std::string& name : OutletNamesOfSource(source)) own.push_back(OutletOf(name, false));
  std::vector<const NewsOutlet*> candidates;
  std::string title;
  MentionEditor editor(text, tokens, mentions);
  for (size_t i = 0; i < tokens.tokens.size();) {
    const std::string_view word = tokens.tokens[i].In(text);
    candidates.clear();
    if (StartsUpper(word)) {
      for (const std::string_view spelling : {word, std::string_view(TitleCase(word, title))}) {
        if (const auto* known = lexicon.StartingWith(spelling)) {
          for (const NewsOutlet& outlet : *known) candidates.push_back(&outlet);
        }
        if (title == word) break;
      }
      for (const NewsOutlet& outlet : own) {
        if (outlet.words.front() == word) candidates.push_back(&outlet);
      }
    }
    const size_t next = candidates.empty() ? i : TagAt(text, tokens, i, candidates, editor);
    i = next > i ? next : i + 1;
  }
}

}  // namespace storyline
