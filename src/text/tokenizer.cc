#include "text/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {
namespace {

// What the scanner needs to know about one code point.
enum class CharClass : uint8_t {
  kSpace,
  kNewline,
  kUpper,
  kLower,
  kLetter,  // a letter without case, or a combining mark (it belongs to its word)
  kDigit,
  kOther,    // punctuation and symbols: a token of their own
  kInvalid,  // a byte that is not part of valid UTF-8
};

struct Char {
  int32_t code_point = -1;
  uint32_t size = 1;  // bytes
  CharClass cls = CharClass::kInvalid;
};

constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> classes{};
  for (int c = 0; c < 128; ++c) {
    if (c >= 'A' && c <= 'Z') {
      classes[c] = CharClass::kUpper;
    } else if (c >= 'a' && c <= 'z') {
      classes[c] = CharClass::kLower;
    } else if (c >= '0' && c <= '9') {
      classes[c] = CharClass::kDigit;
    } else if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      classes[c] = CharClass::kNewline;
    } else if (c <= ' ' || c == 127) {
      classes[c] = CharClass::kSpace;
    } else {
      classes[c] = CharClass::kOther;
    }
  }
  return classes;
}

constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClasses();

CharClass ClassifyNonAscii(int32_t cp) {
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return CharClass::kNewline;
  // Zero-width spaces, joiners and the byte order mark separate nothing visible.
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x200C || cp == 0x200D || cp == 0xAD) {
    return CharClass::kSpace;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return CharClass::kUpper;
    case UTF8PROC_CATEGORY_LL:
      return CharClass::kLower;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kNewline;
    default:
      return CharClass::kOther;
  }
}

// Decodes the character at `pos` (< text.size()).
Char DecodeAt(std::string_view text, size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return Char{byte, 1, kAsciiClasses[byte]};
  utf8proc_int32_t cp = -1;
  const utf8proc_ssize_t size =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                       static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
  if (size <= 0) return Char{-1, 1, CharClass::kInvalid};
  return Char{cp, static_cast<uint32_t>(size), ClassifyNonAscii(cp)};
}

bool IsWordClass(CharClass cls) {
  return cls == CharClass::kUpper || cls == CharClass::kLower || cls == CharClass::kLetter ||
         cls == CharClass::kDigit;
}

bool IsLetterClass(CharClass cls) {
  return cls == CharClass::kUpper || cls == CharClass::kLower || cls == CharClass::kLetter;
}

bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

bool IsHyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool Contains(std::initializer_list<std::string_view> words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// "GEN" -> "Gen", so that headlines and transcripts in capitals find their
// abbreviations; other words are returned unchanged.
std::string CapitalizeUpperCase(std::string_view word) {
  std::string result(word);
  for (size_t i = 1; i < result.size(); ++i) {
    if (result[i] < 'A' || result[i] > 'Z') return std::string(word);
    result[i] = static_cast<char>(result[i] + 32);
  }
  return result;
}

// Titles precede a name, so a period after them never ends a sentence.
bool IsTitleAbbreviation(std::string_view word) {
  return Contains({"Mr",     "Mrs",  "Ms",   "Dr",   "Gen", "Sen",  "Rep",  "Gov",  "Prof",
                   "Lt",     "Col",  "Sgt",  "Capt", "Rev", "Adm",  "Maj",  "Cmdr", "Cpl",
                   "Pvt",    "Gens", "Sens", "Reps", "Fr",  "Hon",  "Pres", "Supt", "Insp",
                   "Messrs", "Mme",  "Mlle", "Sr",   "Sra", "Atty", "Dist", "Det",  "Asst"},
                  word);
}

// Abbreviations that keep their period; a sentence may still end after them.
bool IsOtherAbbreviation(std::string_view word) {
  return Contains(
      {"Jan",   "Feb", "Mar",  "Apr",  "Jun",  "Jul",    "Aug",  "Sep",  "Sept", "Oct",  "Nov",
       "Dec",   "Inc", "Corp", "Co",   "Ltd",  "Bros",   "Jr",   "St",   "Ave",  "Blvd", "Rd",
       "Mt",    "Ft",  "vs",   "etc",  "al",   "approx", "est",  "dept", "Dept", "Univ", "Assn",
       "Gov't", "cf",  "viz",  "Ark",  "Ariz", "Calif",  "Colo", "Conn", "Del",  "Fla",  "Ga",
       "Ill",   "Ind", "Kan",  "Ky",   "La",   "Md",     "Mass", "Mich", "Minn", "Miss", "Mo",
       "Mont",  "Neb", "Nev",  "Okla", "Ore",  "Pa",     "Tenn", "Tex",  "Va",   "Vt",   "Wash",
       "Wis",   "Wyo", "div",  "ca",   "no",   "No",     "p",    "pp",   "vol",  "Vol",  "ed",
       "eds",   "fig", "Fig",  "ch"},
      word);
}

// Capitalized words that start sentences and are not names: after an abbreviation
// they signal that the abbreviation's period also ends the sentence.
bool IsSentenceOpener(std::string_view word) {
  return Contains(
      {"The",   "A",      "An",        "He",        "She",     "It",        "They",     "We",
       "I",     "You",    "His",       "Her",       "Its",     "Their",     "Our",      "My",
       "This",  "That",   "These",     "Those",     "There",   "But",       "And",      "Or",
       "So",    "Yet",    "In",        "On",        "At",      "For",       "As",       "If",
       "When",  "While",  "After",     "Before",    "However", "Meanwhile", "Although", "Though",
       "Since", "During", "Some",      "Many",      "Most",    "All",       "What",     "Who",
       "Why",   "How",    "Where",     "Both",      "Each",    "Still",     "Also",     "Now",
       "Then",  "Today",  "Yesterday", "According", "Earlier", "Later",     "By"},
      word);
}

// Token flags the sentence splitter reads.
enum TokenFlag : uint8_t {
  kAbbreviation = 1,  // a word with its period attached ("Inc.", "U.S.", "J.")
  kTitle = 2,         // an abbreviation that precedes a name ("Mr.", "Gen.")
};

// Scans the text once, left to right, appending tokens and their flags.
class Scanner {
 public:
  Scanner(std::string_view text, const TokenizerOptions& options, std::vector<Token>* tokens,
          std::vector<uint8_t>* flags)
      : text_(text), options_(options), tokens_(tokens), flags_(flags) {}

  void Run() {
    size_t pos = 0;
    while (pos < text_.size()) {
      const Char c = DecodeAt(text_, pos);
      if (c.cls == CharClass::kSpace || c.cls == CharClass::kNewline) {
        pos += c.size;
        continue;
      }
      if (IsWordClass(c.cls)) {
        if (pos >= checked_chunk_end_) {
          const size_t url_end = MatchUrlOrEmail(pos);
          if (url_end > pos) {
            Emit(pos, url_end);
            pos = url_end;
            continue;
          }
        }
        pos = ScanWord(pos, pos);
      } else if (StartsMarkedWord(pos, c)) {
        pos = ScanWord(pos, pos + 1);
      } else if (IsListLetter(pos, c)) {
        Emit(pos, pos + 3);
        pos += 3;
      } else {
        pos = ScanSymbol(pos, c);
      }
    }
  }

 private:
  void Emit(size_t start, size_t end, uint8_t flags = 0) {
    tokens_->push_back(Token{static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    flags_->push_back(flags);
  }

  CharClass ClassAt(size_t pos) const {
    return pos < text_.size() ? DecodeAt(text_, pos).cls : CharClass::kSpace;
  }

  size_t ChunkEnd(size_t pos) const {
    while (pos < text_.size()) {
      const Char c = DecodeAt(text_, pos);
      if (c.cls == CharClass::kSpace || c.cls == CharClass::kNewline) break;
      pos += c.size;
    }
    return pos;
  }

  // Returns the end of a URL or e-mail address starting at `start`, or `start`.
  size_t MatchUrlOrEmail(size_t start) {
    const size_t chunk_end = ChunkEnd(start);
    checked_chunk_end_ = chunk_end;
    const std::string_view chunk = text_.substr(start, chunk_end - start);
    bool is_url = chunk.find("://") != std::string_view::npos ||
                  (chunk.size() > 4 && EqualsIgnoreCase(chunk.substr(0, 4), "www."));
    if (!is_url && !IsEmail(chunk)) return start;
    size_t end = chunk_end;
    const bool has_open_paren = chunk.find('(') != std::string_view::npos;
    while (end > start) {
      const char last = text_[end - 1];
      if (std::string_view(".,;:!?]}\"'>").find(last) != std::string_view::npos ||
          (last == ')' && !has_open_paren)) {
        --end;
      } else if (end - start >= 3 && static_cast<unsigned char>(last) >= 0x80) {
        // Closing curly quotes (U+2019, U+201D) are three bytes.
        const std::string_view tail = text_.substr(end - 3, 3);
        if (tail != "\u2019" && tail != "\u201D") break;
        end -= 3;
      } else {
        break;
      }
    }
    return end;
  }

  static bool IsEmail(std::string_view chunk) {
    const size_t at = chunk.find('@');
    if (at == std::string_view::npos || at == 0) return false;
    for (size_t i = 0; i < at; ++i) {
      const char c = chunk[i];
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_' || c == '+';
      if (!ok) return false;
    }
    const size_t dot = chunk.find('.', at + 1);
    return dot != std::string_view::npos && dot > at + 1 && dot + 1 < chunk.size() &&
           IsAsciiLetter(chunk[dot + 1]);
  }

  bool PrecededBySpace(size_t pos) const {
    return pos == 0 || IsSpaceByte(text_[pos - 1]) || text_[pos - 1] == '(';
  }

  // Symbols that belong to the word after them: a hashtag or number sign ("#1"), a
  // telephone number's "+", a decimal without its zero (".348").
  bool StartsMarkedWord(size_t pos, Char c) const {
    if (!PrecededBySpace(pos)) return false;
    const CharClass next = ClassAt(pos + 1);
    if (c.code_point == '#') return IsWordClass(next);
    return (c.code_point == '+' || c.code_point == '.') && next == CharClass::kDigit;
  }

  // A list item letter in brackets: "(a)", "(b)".
  bool IsListLetter(size_t pos, Char c) const {
    return c.code_point == '(' && PrecededBySpace(pos) && pos + 2 < text_.size() &&
           text_[pos + 1] >= 'a' && text_[pos + 1] <= 'h' && text_[pos + 2] == ')';
  }

  // Scans a word from `from` (the first word character; `start` may be a symbol
  // before it) and emits it, with its clitics split off. Returns the position after
  // the last emitted token.
  size_t ScanWord(size_t start, size_t from) {
    size_t end = from;
    CharClass prev = CharClass::kSpace;
    bool has_inner_period = false;
    while (end < text_.size()) {
      const Char c = DecodeAt(text_, end);
      if (IsWordClass(c.cls)) {
        prev = c.cls;
        end += c.size;
        continue;
      }
      const size_t next_pos = end + c.size;
      const CharClass next = ClassAt(next_pos);
      if (IsApostrophe(c.code_point) && IsLetterClass(prev) && IsLetterClass(next)) {
        const size_t split = CliticSplit(start, end, next_pos);
        if (split != kNoSplit) return EmitWordWithClitic(start, split, next_pos);
        prev = next;  // an apostrophe inside a name: "O'Brien"
        end = next_pos;
        continue;
      }
      if (!JoinsWord(start, end, c.code_point, prev, next)) break;
      has_inner_period |= c.code_point == '.';
      prev = next;
      end = next_pos;
    }
    return FinishWord(start, end, has_inner_period);
  }

  // Connectors that stay inside a word when a word character follows.
  bool JoinsWord(size_t start, size_t hyphen, int32_t cp, CharClass prev, CharClass next) const {
    if (!IsWordClass(next)) return false;
    switch (cp) {
      case '.':
      case '_':
        return true;
      case ',':  // thousands: "40,170", not a list of citations "[13,14]"
        return prev == CharClass::kDigit && IsThousandsGroup(hyphen + 1);
      case ':':
      case '/':
        return prev == CharClass::kDigit && next == CharClass::kDigit;
      case '&':
        return prev == CharClass::kUpper && next == CharClass::kUpper;
      default:
        return IsHyphen(cp) &&
               (!options_.split_hyphens || IsHyphenPrefix(start, hyphen) ||
                (prev == CharClass::kDigit && next == CharClass::kDigit));  // "363-0555"
    }
  }

  bool IsThousandsGroup(size_t pos) const {
    for (size_t i = pos; i < pos + 3; ++i) {
      if (i >= text_.size() || text_[i] < '0' || text_[i] > '9') return false;
    }
    return ClassAt(pos + 3) != CharClass::kDigit;
  }

  // UD keeps prefixes that are no words of their own attached even where it splits
  // hyphenated compounds: "non-profit", "co-founder", "e-mail".
  bool IsHyphenPrefix(size_t start, size_t hyphen) const {
    const std::string_view prefix = text_.substr(start, hyphen - start);
    for (std::string_view known :
         {"non",   "pro",   "co",    "re",    "anti",  "pre",     "post",  "mid",  "semi",
          "cross", "sub",   "mini",  "pan",   "inter", "counter", "multi", "ex",   "e",
          "bi",    "neo",   "quasi", "ultra", "un",    "micro",   "macro", "meta", "mega",
          "trans", "intra", "extra", "de",    "dis",   "mis"}) {
      if (EqualsIgnoreCase(prefix, known)) return true;
    }
    return false;
  }

  static constexpr size_t kNoSplit = static_cast<size_t>(-1);

  // Decides what an apostrophe at `apostrophe` inside a word means. Returns where the
  // word before the clitic ends, or kNoSplit when the apostrophe belongs to the word
  // ("O'Brien").
  size_t CliticSplit(size_t start, size_t apostrophe, size_t after) const {
    size_t suffix_end = after;
    while (suffix_end < text_.size() && suffix_end - after < 3 &&
           IsAsciiLetter(text_[suffix_end])) {
      ++suffix_end;
    }
    if (IsWordClass(ClassAt(suffix_end))) return kNoSplit;
    const std::string_view suffix = text_.substr(after, suffix_end - after);
    if (EqualsIgnoreCase(suffix, "t") && apostrophe - start >= 2 &&
        AsciiLower(text_[apostrophe - 1]) == 'n') {
      return apostrophe - 1;
    }
    for (std::string_view clitic : {"s", "re", "ll", "ve", "d", "m"}) {
      if (EqualsIgnoreCase(suffix, clitic)) return apostrophe;
    }
    return kNoSplit;
  }

  // Emits text[start, split) as a word and text[split, clitic end) as a clitic.
  size_t EmitWordWithClitic(size_t start, size_t split, size_t after) {
    size_t clitic_end = after;
    while (clitic_end < text_.size() && IsLetterClass(ClassAt(clitic_end))) ++clitic_end;
    if (split > start) Emit(start, split);
    Emit(split, clitic_end);
    return clitic_end;
  }

  size_t FinishWord(size_t start, size_t end, bool has_inner_period) {
    const std::string_view word = text_.substr(start, end - start);
    if (end < text_.size() && text_[end] == '.' &&
        !(end + 1 < text_.size() && text_[end + 1] == '.')) {
      const uint8_t flags = PeriodFlags(start, word, has_inner_period, end + 1);
      if (flags != 0) {
        Emit(start, end + 1, flags);
        return end + 1;
      }
    }
    if (SplitContraction(start, word)) return end;
    // A list item: "a) first", "2) second".
    if (end < text_.size() && text_[end] == ')' && end - start == 1 && AtLineStart(start)) {
      ++end;
    }
    Emit(start, end);
    return end;
  }

  // Flags for a word followed by a period that belongs to it, or 0 when the period
  // is a token of its own.
  uint8_t PeriodFlags(size_t start, std::string_view word, bool has_inner_period,
                      size_t after_period) const {
    const std::string capitalized = CapitalizeUpperCase(word);  // "GEN" -> "Gen"
    if (IsTitleAbbreviation(word) || IsTitleAbbreviation(capitalized)) {
      return kAbbreviation | kTitle;
    }
    if (IsOtherAbbreviation(word) || IsOtherAbbreviation(capitalized)) {
      // "No." and "p." abbreviate only before a number ("No. 5", "p. 12").
      if (word == "no" || word == "No" || word == "p" || word == "pp") {
        return NextNonSpaceIsDigit(after_period) ? kAbbreviation : 0;
      }
      return kAbbreviation;
    }
    const Char first = DecodeAt(text_, start);
    if (first.size == word.size() && IsLetterClass(first.cls)) return kAbbreviation;
    if (has_inner_period && IsLetterClass(first.cls)) return kAbbreviation;  // "U.S."
    // A list number at the start of a line: "1. First point".
    if (first.cls == CharClass::kDigit && word.size() <= 5 && AtLineStart(start) &&
        !IsWordClass(ClassAt(after_period))) {
      return kAbbreviation | kTitle;  // an item number never ends its sentence
    }
    return 0;
  }

  bool NextNonSpaceIsDigit(size_t pos) const {
    while (pos < text_.size() && text_[pos] == ' ') ++pos;
    return ClassAt(pos) == CharClass::kDigit;
  }

  bool AtLineStart(size_t pos) const {
    while (pos > 0 && (text_[pos - 1] == ' ' || text_[pos - 1] == '\t')) --pos;
    return pos == 0 || text_[pos - 1] == '\n' || text_[pos - 1] == '\r';
  }

  // UD splits a few fused forms into two words: "cannot" -> "can" "not".
  bool SplitContraction(size_t start, std::string_view word) {
    size_t first_length = 0;
    if (EqualsIgnoreCase(word, "cannot")) {
      first_length = 3;
    } else if (EqualsIgnoreCase(word, "gonna") || EqualsIgnoreCase(word, "wanna") ||
               EqualsIgnoreCase(word, "gotta")) {
      first_length = 3;
    } else {
      return false;
    }
    Emit(start, start + first_length);
    Emit(start + first_length, start + word.size());
    return true;
  }

  // Punctuation, symbols and invalid bytes: one token each, except runs that UD keeps
  // together ("...", "--", "?!").
  size_t ScanSymbol(size_t start, Char c) {
    if (c.cls == CharClass::kInvalid) {
      Emit(start, start + 1);
      return start + 1;
    }
    size_t end = start + c.size;
    if (c.code_point == '.' || c.code_point == '-') {
      while (end < text_.size() && text_[end] == static_cast<char>(c.code_point)) ++end;
    } else if (c.code_point == '!' || c.code_point == '?') {
      while (end < text_.size() && (text_[end] == '!' || text_[end] == '?')) ++end;
    } else if (IsApostrophe(c.code_point)) {
      return ScanApostrophe(start, end);
    }
    Emit(start, end);
    return end;
  }

  // An apostrophe at the start of a token is a quote, except for a clitic after a
  // closing quote ("’s") and a decade ("'90s").
  size_t ScanApostrophe(size_t start, size_t after) {
    size_t end = after;
    while (end < text_.size() && IsLetterClass(ClassAt(end)) &&
           static_cast<unsigned char>(text_[end]) < 0x80 && end - after < 3) {
      ++end;
    }
    const std::string_view suffix = text_.substr(after, end - after);
    const bool attached = start > 0 && !IsSpaceByte(text_[start - 1]);
    if (attached && !IsWordClass(ClassAt(end)) &&
        (EqualsIgnoreCase(suffix, "s") || EqualsIgnoreCase(suffix, "re") ||
         EqualsIgnoreCase(suffix, "ll") || EqualsIgnoreCase(suffix, "ve") ||
         EqualsIgnoreCase(suffix, "d") || EqualsIgnoreCase(suffix, "m"))) {
      Emit(start, end);
      return end;
    }
    Emit(start, after);
    return after;
  }

  static bool IsSpaceByte(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  }

  std::string_view text_;
  const TokenizerOptions& options_;
  std::vector<Token>* tokens_;
  std::vector<uint8_t>* flags_;
  size_t checked_chunk_end_ = 0;  // URL and e-mail checks are done once per chunk
};

// Sentence splitting over the scanned tokens.
class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view text, const std::vector<Token>& tokens,
                   const std::vector<uint8_t>& flags)
      : text_(text), tokens_(tokens), flags_(flags) {}

  std::vector<Sentence> Split() const {
    std::vector<Sentence> sentences;
    uint32_t first = 0;
    const uint32_t count = static_cast<uint32_t>(tokens_.size());
    for (uint32_t i = 1; i < count; ++i) {
      if (BreaksBefore(i)) {
        sentences.push_back(Sentence{first, i});
        first = i;
      }
    }
    if (first < count) sentences.push_back(Sentence{first, count});
    return sentences;
  }

 private:
  std::string_view Text(uint32_t i) const { return tokens_[i].In(text_); }

  // Number of line breaks between tokens i - 1 and i.
  int NewlinesBefore(uint32_t i) const {
    int newlines = 0;
    for (uint32_t pos = tokens_[i - 1].end; pos < tokens_[i].start; ++pos) {
      const char c = text_[pos];
      if (c == '\n' || (c == '\r' && !(pos + 1 < tokens_[i].start && text_[pos + 1] == '\n'))) {
        ++newlines;
      } else if (static_cast<unsigned char>(c) == 0xE2 && pos + 2 < tokens_[i].start &&
                 text_[pos + 1] == '\x80' &&
                 (text_[pos + 2] == '\xA8' || text_[pos + 2] == '\xA9')) {
        newlines += text_[pos + 2] == '\xA9' ? 2 : 1;  // line / paragraph separator
      }
    }
    return newlines;
  }

  bool StartsLower(uint32_t i) const {
    return DecodeAt(text_, tokens_[i].start).cls == CharClass::kLower;
  }

  bool BreaksBefore(uint32_t i) const {
    const int newlines = NewlinesBefore(i);
    if (newlines >= 2) return true;
    if (newlines == 1 && BreaksAtLineEnd(i)) return true;
    // Closing quotes and brackets right after an end mark, and citation marks
    // ("[12]"), belong to its sentence.
    if (IsClosing(i) && tokens_[i].start == tokens_[i - 1].end) return false;
    if (IsCitation(i)) return false;
    uint32_t last = i - 1;
    while (true) {
      if (last >= 3 && IsCitation(last - 2)) {
        last -= 3;
      } else if (last > 0 && IsClosing(last) && tokens_[last].start == tokens_[last - 1].end) {
        --last;
      } else {
        break;
      }
    }
    if (IsSentenceEnd(last)) return StartsSentence(i);
    if (last != i - 1 || (flags_[last] & kTitle)) return false;
    if (flags_[last] & kAbbreviation) return IsSentenceOpener(Text(i));
    return false;
  }

  bool IsCitation(uint32_t i) const {
    if (i + 2 >= tokens_.size() || Text(i) != "[" || Text(i + 2) != "]") return false;
    const std::string_view inside = Text(i + 1);
    return inside.find_first_not_of("0123456789,") == std::string_view::npos;
  }

  // A line break ends a sentence unless the line clearly continues on the next one.
  bool BreaksAtLineEnd(uint32_t i) const {
    if (StartsLower(i)) return false;
    const std::string_view prev = Text(i - 1);
    if (prev == "," || prev == "(" || prev == "[" || prev == "-" || prev == "&") return false;
    return !(flags_[i - 1] & kTitle);
  }

  bool IsSentenceEnd(uint32_t i) const {
    const std::string_view t = Text(i);
    const char c = t[0];
    if (c == '.' || c == '!' || c == '?') return true;
    return t == "\u2026";  // …
  }

  bool IsClosing(uint32_t i) const {
    const std::string_view t = Text(i);
    return t == ")" || t == "]" || t == "}" || t == "\"" || t == "'" || t == "\u201D" ||
           t == "\u2019" || t == "\u00BB";
  }

  // After an end mark, anything but lower-case words and mid-sentence punctuation
  // starts a new sentence.
  bool StartsSentence(uint32_t i) const {
    if (StartsLower(i)) return false;
    const std::string_view t = Text(i);
    return !(t == "," || t == ";" || t == ":" || t == ")" || t == "]" || t == "%" || t == "-" ||
             t == "\u2013" || t == "\u2014" || IsSentenceEnd(i));
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<uint8_t>& flags_;
};

char ShapeOf(CharClass cls) {
  switch (cls) {
    case CharClass::kUpper:
      return 'X';
    case CharClass::kLower:
    case CharClass::kLetter:
      return 'x';
    case CharClass::kDigit:
      return 'd';
    default:
      return 0;
  }
}

}  // namespace

TokenizedText Tokenizer::Tokenize(std::string_view text) const {
  TokenizedText result;
  std::vector<uint8_t> flags;
  result.tokens.reserve(text.size() / 5 + 1);
  flags.reserve(text.size() / 5 + 1);
  Scanner(text, options_, &result.tokens, &flags).Run();
  result.sentences = SentenceSplitter(text, result.tokens, flags).Split();
  return result;
}

std::string WordShape(std::string_view token) {
  std::string shape;
  shape.reserve(token.size());
  char run_char = 0;
  int run_length = 0;
  size_t pos = 0;
  while (pos < token.size()) {
    const Char c = DecodeAt(token, pos);
    const char mapped = ShapeOf(c.cls);
    if (mapped != 0) {
      run_length = mapped == run_char ? run_length + 1 : 1;
      run_char = mapped;
      if (run_length <= 4) shape.push_back(mapped);
    } else {
      run_char = 0;
      run_length = 0;
      if (c.cls == CharClass::kInvalid) {
        shape.push_back('?');
      } else {
        shape.append(token.substr(pos, c.size));
      }
    }
    pos += c.size;
  }
  return shape;
}

}  // namespace storyline
