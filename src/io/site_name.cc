#include "io/site_name.h"

#include <array>
#include <optional>
#include <vector>

#include "text/ascii.h"

namespace storyline {
namespace {

// Separators between a title and the outlet's name, widest first.
constexpr std::array<std::string_view, 6> kSeparators = {" | ", " - ", " – ", " — ", " :: ", " · "};
// A title part longer than this is a headline, not a name.
constexpr size_t kMaxNameCharacters = 48;
constexpr size_t kMaxWordsBesideName = 2;

std::string LettersAndDigits(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// Characters, not bytes, so that names in any script get the same room.
size_t CharacterCount(std::string_view text) {
  size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// The label of a host that names the site: "thespacereview" in www.thespacereview.com,
// "givewell" in blog.givewell.org (the longest label before the top-level domain).
std::string MainLabel(std::string_view host) {
  std::vector<std::string_view> labels;
  for (size_t at = 0; at <= host.size();) {
    const size_t dot = std::min(host.find('.', at), host.size());
    labels.push_back(host.substr(at, dot - at));
    at = dot + 1;
  }
  std::string best;
  for (size_t i = 0; i + 1 < labels.size(); ++i) {
    const std::string label = LettersAndDigits(labels[i]);
    if (label != "www" && label.size() > best.size()) best = label;
  }
  return best;
}

struct Split {
  std::string_view head, tail;  // before and after the separator
};

// The title cut at its last separator (for a trailing name) or its first (leading).
std::optional<Split> SplitAt(std::string_view title, bool last) {
  std::optional<Split> best;
  for (const std::string_view separator : kSeparators) {
    const size_t at = last ? title.rfind(separator) : title.find(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const Split split{title.substr(0, at), title.substr(at + separator.size())};
    const bool better = !best || (last ? split.head.size() > best->head.size()
                                       : split.head.size() < best->head.size());
    if (better) best = split;
  }
  if (!last) {
    const size_t colon = title.find(": ");
    if (colon != std::string_view::npos && (!best || colon < best->head.size())) {
      best = Split{title.substr(0, colon), title.substr(colon + 2)};
    }
  }
  return best;
}

// Names written alike but for case, spaces and punctuation; names in scripts without
// ASCII letters must be written exactly alike.
bool SameName(std::string_view a, std::string_view b) {
  const std::string letters = LettersAndDigits(a);
  if (letters.empty()) return !a.empty() && TrimAsciiSpace(a) == TrimAsciiSpace(b);
  return letters == LettersAndDigits(b);
}

}  // namespace

std::string CleanSiteName(std::string_view value) {
  value = TrimAsciiSpace(value);
  if (value.starts_with('@') || value.find("://") != std::string_view::npos ||
      value.starts_with("www.")) {
    return "";
  }
  size_t parts = 1;
  for (size_t at = value.find(" | "); at != std::string_view::npos;
       at = value.find(" | ", at + 3)) {
    ++parts;
  }
  if (parts >= 3) value = TrimAsciiSpace(value.substr(0, value.find(" | ")));
  return std::string(value);
}

bool NamesHost(std::string_view name, std::string_view host) {
  const std::string letters = LettersAndDigits(name);
  const std::string label = MainLabel(host);
  if (letters.size() < 3 || label.size() < 3) return false;
  if (label.find(letters) != std::string::npos) return true;
  // The name holds the label in a run of its words, with at most two words besides
  // ("The GiveWell Blog"); more, and it is a headline that mentions the outlet.
  std::vector<std::string> words;
  for (size_t at = 0; at < name.size();) {
    const size_t space = std::min(name.find(' ', at), name.size());
    std::string word = LettersAndDigits(name.substr(at, space - at));
    if (!word.empty()) words.push_back(std::move(word));
    at = space + 1;
  }
  for (size_t first = 0; first < words.size(); ++first) {
    std::string run;
    for (size_t last = first; last < words.size(); ++last) {
      run += words[last];
      if (run.find(label) == std::string::npos) continue;
      if (words.size() - (last - first + 1) <= kMaxWordsBesideName) return true;
      break;
    }
  }
  return false;
}

std::string SiteNameInTitle(std::string_view title, std::string_view host) {
  for (const bool last : {true, false}) {
    const std::optional<Split> split = SplitAt(title, last);
    if (!split) continue;
    const std::string_view name = TrimAsciiSpace(last ? split->tail : split->head);
    if (CharacterCount(name) <= kMaxNameCharacters && NamesHost(name, host))
      return std::string(name);
  }
  return "";
}

std::string TitleWithoutSiteName(std::string_view title, std::string_view site_name,
                                 std::string_view host) {
  for (const bool last : {true, false}) {
    const std::optional<Split> split = SplitAt(title, last);
    if (!split) continue;
    const std::string_view name = TrimAsciiSpace(last ? split->tail : split->head);
    const std::string_view rest = TrimAsciiSpace(last ? split->head : split->tail);
    if (rest.empty() || CharacterCount(name) > kMaxNameCharacters) continue;
    if (SameName(name, site_name) || NamesHost(name, host)) return std::string(rest);
  }
  return std::string(title);
}

std::string HostOf(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  const size_t start = scheme + 3;
  const size_t end = std::min(url.find_first_of("/?#:", start), url.size());
  return AsciiLower(url.substr(start, end - start));
}

}  // namespace storyline
