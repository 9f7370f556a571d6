#include "store/search_query.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

#include "store/store.h"

namespace storyline {
namespace {

// Shortest half of a closed compound tried as an open one ("cease" + "fire"), and the
// shortest word split: shorter halves are mostly prefixes and suffixes, not words.
constexpr size_t kMinCompoundPart = 3;

// One term of the query as the user wrote it.
struct Term {
  std::string text;
  bool phrase = false;     // written in quotes
  bool negated = false;    // a leading '-'
  bool prefix = false;     // a trailing '*'
  bool or_before = false;  // "OR" between it and the term before
};

// Letters and digits, and every byte of a non-ASCII character: the tokenizer decides
// those, and a quoted phrase hands them to it as they are.
bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsSpace(char c) { return c == ' '; }

bool HasWord(std::string_view text) {
  for (const char c : text) {
    if (IsWordByte(c)) return true;
  }
  return false;
}

// The runs of word characters in `text`: what the index tokenizer keeps of it.
std::vector<std::string_view> WordParts(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = std::string_view::npos;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool word = i < text.size() && IsWordByte(text[i]);
    if (word && start == std::string_view::npos) start = i;
    if (!word && start != std::string_view::npos) {
      parts.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  return parts;
}

// Splits the query into terms: quoted phrases (closed at the end when left open), bare
// words, the OR operator and the '-' and '*' marks.
std::vector<Term> ReadTerms(std::string_view query) {
  std::vector<Term> terms;
  bool or_pending = false;
  size_t i = 0;
  while (i < query.size()) {
    if (IsSpace(query[i])) {
      ++i;
      continue;
    }
    Term term;
    if (query[i] == '-' && i + 1 < query.size() && !IsSpace(query[i + 1])) {
      term.negated = true;
      ++i;
    }
    if (query[i] == '"') {
      const size_t close = query.find('"', i + 1);
      const size_t end = close == std::string_view::npos ? query.size() : close;
      term.text = query.substr(i + 1, end - i - 1);
      term.phrase = true;
      i = close == std::string_view::npos ? query.size() : close + 1;
    } else {
      size_t end = i;
      while (end < query.size() && !IsSpace(query[end]) && query[end] != '"') ++end;
      term.text = query.substr(i, end - i);
      i = end;
    }
    if (!term.phrase && !term.negated && term.text == "OR") {
      or_pending = !terms.empty();
      continue;
    }
    if (!term.text.empty() && term.text.back() == '*' && HasWord(term.text)) {
      term.prefix = true;
      term.text.pop_back();
    }
    if (!HasWord(term.text)) continue;  // "&", "-", "$": nothing the index holds
    term.or_before = or_pending && !term.negated;
    or_pending = false;
    terms.push_back(std::move(term));
  }
  return terms;
}

// `text` as an FTS5 string: the tokenizer turns it into the phrase of its words.
std::string Quoted(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    quoted.push_back(c);
    if (c == '"') quoted.push_back('"');
  }
  return quoted + "\"";
}

// A hyphenated compound's closed form ("cease-fire" -> "ceasefire"), when the term is
// one word of parts joined by hyphens; else empty.
std::string ClosedForm(std::string_view text) {
  const std::vector<std::string_view> parts = WordParts(text);
  if (parts.size() < 2) return "";
  std::string closed;
  size_t covered = 0;
  for (const std::string_view part : parts) {
    closed += part;
    covered += part.size();
  }
  if (covered + parts.size() - 1 != text.size()) return "";  // other marks than one hyphen
  for (const char c : text) {
    if (!IsWordByte(c) && c != '-') return "";
  }
  return closed;
}

// The FTS5 expression for one positive or negated term, with its spelling variants.
std::string TermExpression(const Term& term, const PhraseOccurs& phrase_occurs) {
  const std::string star = term.prefix ? " *" : "";
  std::vector<std::string> forms = {Quoted(term.text) + star};
  if (!term.phrase) {
    const std::string closed = ClosedForm(term.text);
    if (!closed.empty()) forms.push_back(Quoted(closed) + star);
    const std::vector<std::string_view> parts = WordParts(term.text);
    const std::string_view word = parts.size() == 1 ? parts[0] : std::string_view();
    if (!term.prefix && parts.size() == 1 && word.size() == term.text.size() &&
        word.size() >= 2 * kMinCompoundPart + 1) {
      for (size_t split = kMinCompoundPart; split + kMinCompoundPart <= word.size(); ++split) {
        const std::string_view first = word.substr(0, split), second = word.substr(split);
        if (phrase_occurs(first, second))
          forms.push_back(Quoted(fmt::format("{} {}", first, second)));
      }
    }
  }
  if (forms.size() == 1) return forms[0];
  return "(" + fmt::format("{}", fmt::join(forms, " OR ")) + ")";
}

}  // namespace

std::string ToFts5Query(std::string_view query, const PhraseOccurs& phrase_occurs) {
  // Control characters (a NUL ends an FTS5 string early) separate words, as spaces do.
  std::string cleaned(query);
  for (char& c : cleaned) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  const std::vector<Term> terms = ReadTerms(cleaned);
  std::string positive, negative;
  for (const Term& term : terms) {
    const std::string expression = TermExpression(term, phrase_occurs);
    if (term.negated) {
      negative += " NOT " + expression;
    } else if (positive.empty()) {
      positive = expression;
    } else {
      positive += (term.or_before ? " OR " : " AND ") + expression;
    }
  }
  if (positive.empty()) {
    throw SearchQueryError(terms.empty()
                               ? "the query has no word to search for: write words, \"a phrase\", "
                                 "word OR word, -word to leave out, or prefix*"
                               : "the query only leaves words out: add a word to search for, as in "
                                 "`ceasefire -Gaza`");
  }
  return negative.empty() ? positive : "(" + positive + ")" + negative;
}

}  // namespace storyline
