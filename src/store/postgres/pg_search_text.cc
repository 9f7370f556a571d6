#include "store/postgres/pg_search_text.h"

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "store/store.h"

namespace storyline {
namespace {

// Decodes the UTF-8 character at `text[i]`; 0 with `length` 1 for a stray byte.
char32_t DecodeUtf8(std::string_view text, size_t i, size_t& length) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = byte(0);
  length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (length == 1 || i + length > text.size()) {
    length = 1;
    return 0;
  }
  char32_t c = lead & (0x7f >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(k) & 0xc0) != 0x80) {
      length = 1;
      return 0;
    }
    c = (c << 6) | (byte(k) & 0x3f);
  }
  return c;
}

// Characters unicode61 separates words at (punctuation, symbols, spaces) outside ASCII.
bool IsSeparator(char32_t c) {
  if (c >= 0x80 && c <= 0xbf) {
    // Latin-1 punctuation and symbols; ª µ º and the superscripts and fractions are
    // letters and numbers.
    return c != 0xaa && c != 0xb5 && c != 0xba && c != 0xb2 && c != 0xb3 && c != 0xb9 &&
           !(c >= 0xbc && c <= 0xbe);
  }
  return c == 0xd7 || c == 0xf7 || (c >= 0x2000 && c <= 0x206f) ||  // general punctuation
         (c >= 0x20a0 && c <= 0x20cf) ||                            // currency
         (c >= 0x2190 && c <= 0x23ff) ||  // arrows, mathematical, technical
         (c >= 0x2500 && c <= 0x27bf) ||  // box drawing, shapes, dingbats
         (c >= 0x3000 && c <= 0x303f) ||  // CJK punctuation
         (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
         (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) || c == 0xfeff ||
         (c >= 0x1f000 && c <= 0x1faff);  // emoji and pictographs
}

// The base letter of an accented Latin-1 letter (those with a canonical decomposition,
// which remove_diacritics folds); 0 for any other character.
char FoldLatin1(char32_t c) {
  static constexpr char kFolds[] =  // U+00C0 .. U+00FF; '\0' where none
      "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
  if (c < 0xc0 || c > 0xff) return 0;
  return kFolds[c - 0xc0];
}

bool IsAsciiWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Reads the FTS5 query ToFts5Query writes: quoted phrases (with "" for a quote), an
// optional " *" after one, parentheses and AND, OR and NOT, whose precedence is NOT,
// then AND, then OR.
class Fts5Reader {
 public:
  explicit Fts5Reader(std::string_view query) : query_(query) {}

  std::optional<std::string> Read() {
    std::optional<std::string> expression = Or();
    SkipSpaces();
    if (pos_ != query_.size()) Fail();
    return expression;
  }

 private:
  [[noreturn]] static void Fail() {
    throw SearchQueryError(
        "the query could not be read: write words, \"a phrase\", word OR word, -word to leave "
        "out, or prefix*");
  }

  void SkipSpaces() {
    while (pos_ < query_.size() && query_[pos_] == ' ') ++pos_;
  }

  bool Keyword(std::string_view word) {
    SkipSpaces();
    if (query_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  std::optional<std::string> Or() {
    std::vector<std::string> operands;
    bool any = false;
    do {
      if (std::optional<std::string> operand = And()) {
        operands.push_back(*operand);
        any = true;
      }
    } while (Keyword("OR "));
    if (!any) return std::nullopt;
    return Join(operands, " | ");
  }

  std::optional<std::string> And() {
    std::vector<std::string> operands;
    bool none = false;
    do {
      std::optional<std::string> operand = Not();
      if (operand) {
        operands.push_back(*operand);
      } else {
        none = true;
      }
    } while (Keyword("AND "));
    if (none) return std::nullopt;
    return Join(operands, " & ");
  }

  std::optional<std::string> Not() {
    std::optional<std::string> kept = Primary();
    while (Keyword("NOT ")) {
      const std::optional<std::string> left_out = Primary();
      if (kept && left_out) kept = "(" + *kept + " & !(" + *left_out + "))";
    }
    return kept;
  }

  std::optional<std::string> Primary() {
    SkipSpaces();
    if (pos_ >= query_.size()) Fail();
    if (query_[pos_] == '(') {
      ++pos_;
      std::optional<std::string> inner = Or();
      if (!Keyword(")")) Fail();
      return inner;
    }
    if (query_[pos_] != '"') Fail();
    std::string phrase;
    for (++pos_;; ++pos_) {
      if (pos_ >= query_.size()) Fail();
      if (query_[pos_] == '"') {
        if (pos_ + 1 < query_.size() && query_[pos_ + 1] == '"') {
          phrase.push_back('"');
          ++pos_;
          continue;
        }
        ++pos_;
        break;
      }
      phrase.push_back(query_[pos_]);
    }
    const bool prefix = query_.substr(pos_, 2) == " *";
    if (prefix) pos_ += 2;
    return Phrase(phrase, prefix);
  }

  // The words of `text` in order, each quoted (they hold no quote: punctuation is gone).
  static std::optional<std::string> Phrase(std::string_view text, bool prefix) {
    std::vector<std::string> words;
    const std::string searchable = SearchableText(text);
    size_t start = 0;
    while (start < searchable.size()) {
      const size_t end = std::min(searchable.find(' ', start), searchable.size());
      if (end > start) {
        words.push_back("'" + Lexeme(std::string_view(searchable).substr(start, end - start)) +
                        "'");
      }
      start = end + 1;
    }
    if (words.empty()) return std::nullopt;
    if (prefix) words.back() += ":*";
    return Join(words, " <-> ");
  }

  static std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
    if (parts.size() == 1) return parts[0];
    std::string joined = "(";
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) joined += separator;
      joined += parts[i];
    }
    return joined + ")";
  }

  std::string_view query_;
  size_t pos_ = 0;
};

// Lower case: ASCII directly, other characters by utf8proc.
std::string Lowered(std::string_view word) {
  std::string lowered;
  lowered.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    const unsigned char byte = static_cast<unsigned char>(word[i]);
    if (byte < 0x80) {
      lowered.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32) : word[i]);
      ++i;
      continue;
    }
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(word.data() + i), word.size() - i, &c);
    if (length <= 0) {
      lowered.push_back(word[i]);
      ++i;
      continue;
    }
    utf8proc_uint8_t encoded[4];
    const utf8proc_ssize_t written = utf8proc_encode_char(utf8proc_tolower(c), encoded);
    lowered.append(reinterpret_cast<const char*>(encoded), written);
    i += length;
  }
  return lowered;
}

// The words of `text` (SearchableText), in order.
std::vector<std::string_view> Words(std::string_view searchable) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < searchable.size()) {
    const size_t end = std::min(searchable.find(' ', start), searchable.size());
    if (end > start) words.push_back(searchable.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// PostgreSQL's limits on a tsvector (tsvector.h: MAXENTRYPOS, MAXNUMPOS, MAXSTRLEN).
constexpr int kMaxPosition = (1 << 14) - 1;
constexpr size_t kMaxPositionsPerTerm = 256;
constexpr size_t kMaxTermBytes = 2046;

}  // namespace

std::string Lexeme(std::string_view word) {
  // libstemmer handles are not thread-safe; one per thread.
  struct Deleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local std::unique_ptr<sb_stemmer, Deleter> stemmer(sb_stemmer_new("english", nullptr));
  const std::string lowered = Lowered(word);
  if (!stemmer) return lowered;
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(lowered.data()),
                      static_cast<int>(lowered.size()));
  if (stem == nullptr) return lowered;
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

std::string TsVectorLiteral(std::string_view text, char weight) {
  const std::string searchable = SearchableText(text);
  std::map<std::string, std::vector<int>> positions;
  int position = 0;
  for (const std::string_view word : Words(searchable)) {
    position = std::min(position + 1, kMaxPosition);
    if (word.size() > kMaxTermBytes) continue;
    std::vector<int>& at = positions[Lexeme(word)];
    if (at.size() < kMaxPositionsPerTerm && (at.empty() || at.back() != position)) {
      at.push_back(position);
    }
  }
  std::string literal;
  for (const auto& [term, at] : positions) {
    if (term.empty() || term.size() > kMaxTermBytes) continue;
    if (!literal.empty()) literal.push_back(' ');
    literal += "'" + term + "':";
    for (size_t i = 0; i < at.size(); ++i) {
      if (i > 0) literal.push_back(',');
      literal += std::to_string(at[i]);
      literal.push_back(weight);
    }
  }
  return literal;
}

std::string SearchableText(std::string_view text) {
  std::string searchable;
  searchable.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char byte = text[i];
    if (static_cast<unsigned char>(byte) < 0x80) {
      searchable.push_back(IsAsciiWordChar(byte) ? byte : ' ');
      ++i;
      continue;
    }
    size_t length = 1;
    const char32_t c = DecodeUtf8(text, i, length);
    if (IsSeparator(c)) {
      searchable.push_back(' ');
    } else if (const char folded = FoldLatin1(c)) {
      searchable.push_back(folded);
    } else {
      searchable.append(text.substr(i, length));
    }
    i += length;
  }
  return searchable;
}

std::optional<std::string> ToTsQuery(std::string_view fts5_query) {
  return Fts5Reader(fts5_query).Read();
}

}  // namespace storyline

namespace storyline {

std::string Snippet(std::string_view text, std::string_view tsquery, size_t max_words) {
  // The query's terms: each quoted term, a prefix when ":*" follows it.
  std::set<std::string> terms;
  std::vector<std::string> prefixes;
  for (size_t open = tsquery.find('\''); open != std::string_view::npos;) {
    const size_t close = tsquery.find('\'', open + 1);
    if (close == std::string_view::npos) break;
    const std::string term(tsquery.substr(open + 1, close - open - 1));
    if (tsquery.substr(close + 1, 2) == ":*") {
      prefixes.push_back(term);
    } else {
      terms.insert(term);
    }
    open = tsquery.find('\'', close + 1);
  }
  // The words of `text` as byte ranges, as SearchableText separates them.
  struct Word {
    size_t start, end;
    bool matched;
  };
  std::vector<Word> words;
  auto close_word = [&](size_t start, size_t end) {
    const std::string term = Lexeme(SearchableText(text.substr(start, end - start)));
    bool matched = terms.contains(term);
    for (const std::string& prefix : prefixes) matched |= term.starts_with(prefix);
    words.push_back({start, end, matched});
  };
  size_t start = std::string_view::npos;
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    const bool word =
        byte < 0x80 ? IsAsciiWordChar(text[i]) : !IsSeparator(DecodeUtf8(text, i, length));
    if (word && start == std::string_view::npos) start = i;
    if (!word && start != std::string_view::npos) {
      close_word(start, i);
      start = std::string_view::npos;
    }
    i += length;
  }
  if (start != std::string_view::npos) close_word(start, text.size());

  // The window of max_words words with the most matches, the earliest of equals.
  size_t best = 0, best_matches = 0, matches = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    matches += words[i].matched;
    if (i >= max_words) matches -= words[i - max_words].matched;
    const size_t first = i + 1 >= max_words ? i + 1 - max_words : 0;
    if (matches > best_matches) {
      best_matches = matches;
      best = first;
    }
  }
  if (best_matches == 0) return "";
  const size_t last = std::min(words.size(), best + max_words) - 1;
  std::string snippet = best > 0 ? "…" : "";
  size_t copied = words[best].start;
  for (size_t i = best; i <= last; ++i) {
    if (!words[i].matched) continue;
    snippet += text.substr(copied, words[i].start - copied);
    snippet += "[" + std::string(text.substr(words[i].start, words[i].end - words[i].start)) + "]";
    copied = words[i].end;
  }
  snippet += text.substr(copied, words[last].end - copied);
  if (last + 1 < words.size()) snippet += "…";
  return snippet;
}

}  // namespace storyline
