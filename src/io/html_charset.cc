#include "io/html_charset.h"

#include <simdjson.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace storyline {
namespace {

// How far into the page a charset declaration is looked for (the HTML standard's
// prescan reads 1024 bytes; pages in the wild put long <head> content first).
constexpr size_t kPrescanBytes = 8192;

bool IsLabelChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The value after "<key>" and '=' at `pos` in `text`, lowercased; empty if none.
std::string LabelAfter(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '=' || text[pos] == '"' ||
                               text[pos] == '\'' || text[pos] == '\t' || text[pos] == '\n')) {
    ++pos;
  }
  std::string label;
  while (pos < text.size() && IsLabelChar(text[pos]) && label.size() < 40) {
    label.push_back(text[pos++]);
  }
  return label;
}

std::string DeclaredCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, kPrescanBytes));
  std::transform(head.begin(), head.end(), head.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  if (head.starts_with("<?xml")) {
    size_t end = head.find("?>");
    size_t at = head.find("encoding");
    if (at != std::string::npos && at < end) return LabelAfter(head, at + 8);
  }
  for (size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    size_t end = head.find('>', meta);
    size_t at = head.find("charset", meta);
    if (at != std::string::npos && at < end) {
      std::string label = LabelAfter(head, at + 7);
      if (!label.empty()) return label;
    }
  }
  return "";
}

// The ICU converter name for a declared label, following the WHATWG label table for
// the labels that matter; empty for UTF-8 (and for UTF-16, which a meta tag cannot
// truthfully declare).
std::string ConverterName(const std::string& label) {
  static constexpr std::string_view kWindows1252[] = {
      "iso-8859-1",   "iso8859-1", "iso_8859-1", "latin1", "l1",     "us-ascii",   "ascii",
      "windows-1252", "cp1252",    "x-cp1252",   "cp819",  "ibm819", "iso-ir-100", "csisolatin1"};
  if (label.empty() || label == "utf-8" || label == "utf8" || label.starts_with("utf-16") ||
      label == "unicode-1-1-utf-8") {
    return "";
  }
  if (std::find(std::begin(kWindows1252), std::end(kWindows1252), label) !=
      std::end(kWindows1252)) {
    return "windows-1252";
  }
  return label;
}

// `bytes` converted from `charset` to UTF-8, or nothing when ICU cannot do it.
std::optional<std::string> ConvertToUtf8(const char* charset, std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 16, '\0');
  int32_t length = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                                bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    out.assign(static_cast<size_t>(length) + 1, '\0');
    length = ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()),
                          bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) return std::nullopt;
  out.resize(static_cast<size_t>(length));
  return out;
}

// Whether `bytes` hold at least one well-formed UTF-8 sequence of two or more bytes. A
// page that declares UTF-8 but holds none, only stray high bytes, was written in a
// single-byte encoding and mislabelled.
bool HasMultibyteUtf8(std::string_view bytes) {
  for (size_t i = 0; i < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                          : lead >= 0xE0 && lead <= 0xEF ? 3
                          : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                         : 0;
    if (length == 0 || i + length > bytes.size()) continue;
    if (simdjson::validate_utf8(bytes.data() + i, length)) return true;
  }
  return false;
}

}  // namespace

bool LooksLikeBinary(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;
  std::string_view sample = bytes.substr(0, 8192);
  size_t controls = 0;
  for (char c : sample) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') ++controls;
  }
  return controls * 50 > sample.size();
}

std::string HtmlBytesToUtf8(std::string_view bytes) {
  // ICU takes int32_t lengths; pages past that size are left to the UTF-8 path.
  bool convertible = bytes.size() < (size_t{1} << 29);
  if (bytes.starts_with("\xEF\xBB\xBF")) return std::string(bytes.substr(3));
  if (convertible && bytes.starts_with("\xFF\xFE")) {
    if (auto text = ConvertToUtf8("UTF-16LE", bytes.substr(2))) return *std::move(text);
  }
  if (convertible && bytes.starts_with("\xFE\xFF")) {
    if (auto text = ConvertToUtf8("UTF-16BE", bytes.substr(2))) return *std::move(text);
  }
  std::string label = DeclaredCharset(bytes);
  std::string charset = ConverterName(label);
  if (charset.empty()) {
    if (simdjson::validate_utf8(bytes.data(), bytes.size()) ||
        (!label.empty() && HasMultibyteUtf8(bytes))) {
      return std::string(bytes);  // the parser replaces any stray invalid byte
    }
    charset = "windows-1252";
  }
  if (convertible) {
    if (auto text = ConvertToUtf8(charset.c_str(), bytes)) return *std::move(text);
  }
  return std::string(bytes);
}

}  // namespace storyline
