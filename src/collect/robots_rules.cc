#include "collect/robots_rules.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace storyline {
namespace {

constexpr size_t kReadLimit = 500 * 1024;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~';
}

// One spelling for each path: escapes of unreserved characters decoded, other escapes
// in upper case, bytes outside ASCII escaped.
std::string NormalizePath(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    const auto c = static_cast<unsigned char>(path[i]);
    if (c == '%' && i + 2 < path.size() && HexValue(path[i + 1]) >= 0 &&
        HexValue(path[i + 2]) >= 0) {
      const auto decoded =
          static_cast<unsigned char>(HexValue(path[i + 1]) * 16 + HexValue(path[i + 2]));
      if (IsUnreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        out += {'%', kHex[decoded >> 4], kHex[decoded & 15]};
      }
      i += 2;
    } else if (c >= 0x80) {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Whether `pattern` ("*" any run, a final "$" the end) matches a prefix of `path`.
bool Matches(std::string_view pattern, std::string_view path) {
  // The path positions a prefix of the pattern can end at, in increasing order.
  std::vector<size_t> ends = {0};
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '$' && i + 1 == pattern.size()) return ends.back() == path.size();
    std::vector<size_t> next;
    if (c == '*') {
      for (size_t at = ends.front(); at <= path.size(); ++at) next.push_back(at);
    } else {
      for (const size_t at : ends) {
        if (at < path.size() && path[at] == c) next.push_back(at + 1);
      }
    }
    if (next.empty()) return false;
    ends = std::move(next);
  }
  return true;
}

// The product token of a User-agent value: "Googlebot/2.1 (+http://...)" names googlebot.
std::string AgentToken(std::string_view value) {
  const size_t end = value.find_first_of(" /\t");
  return Lower(value.substr(0, end));
}

struct Group {
  std::vector<std::string> agents;
  std::vector<std::pair<std::string, bool>> rules;  // normalised pattern, allow
  std::optional<double> crawl_delay;
};

std::optional<double> ReadDelay(std::string_view value) {
  const std::string text(value);
  char* end = nullptr;
  const double seconds = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || !(seconds >= 0 && seconds <= 86400)) return std::nullopt;
  return seconds;
}

}  // namespace

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  rules.disallow_all_ = true;
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view robots_txt, std::string_view product_token) {
  robots_txt = robots_txt.substr(0, kReadLimit);
  if (robots_txt.starts_with("\xEF\xBB\xBF")) robots_txt.remove_prefix(3);
  RobotsRules out;
  std::vector<Group> groups;
  bool after_agent_line = false;
  while (!robots_txt.empty()) {
    const size_t newline = robots_txt.find('\n');
    std::string_view line = robots_txt.substr(0, newline);
    robots_txt =
        newline == std::string_view::npos ? std::string_view() : robots_txt.substr(newline + 1);
    line = Trim(line.substr(0, line.find('#')));
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!after_agent_line) groups.emplace_back();
      groups.back().agents.push_back(AgentToken(value));
      after_agent_line = true;
      continue;
    }
    if (key == "sitemap") {
      if (!value.empty()) out.sitemaps_.emplace_back(value);
      continue;
    }
    after_agent_line = false;
    if (groups.empty()) continue;  // rules before any User-agent line belong to no one
    if ((key == "allow" || key == "disallow") && !value.empty()) {
      groups.back().rules.emplace_back(NormalizePath(value), key == "allow");
    } else if (key == "crawl-delay") {
      groups.back().crawl_delay = ReadDelay(value);
    }
  }
  const std::string ours = Lower(product_token);
  const auto names = [](const Group& group, const std::string& agent) {
    return std::find(group.agents.begin(), group.agents.end(), agent) != group.agents.end();
  };
  const bool have_ours =
      std::any_of(groups.begin(), groups.end(), [&](const Group& g) { return names(g, ours); });
  const std::string chosen = have_ours ? ours : "*";
  for (const Group& group : groups) {
    if (!names(group, chosen)) continue;
    for (const auto& [pattern, allow] : group.rules) out.rules_.push_back({pattern, allow});
    if (group.crawl_delay)
      out.crawl_delay_ = std::max(out.crawl_delay_.value_or(0), *group.crawl_delay);
  }
  return out;
}

bool RobotsRules::Allowed(std::string_view path) const {
  const std::string normalized = NormalizePath(path.empty() ? "/" : path);
  if (normalized == "/robots.txt") return true;
  if (disallow_all_) return false;
  size_t best_length = 0;
  bool allowed = true;
  for (const Rule& rule : rules_) {
    if (rule.pattern.size() < best_length || !Matches(rule.pattern, normalized)) continue;
    if (rule.pattern.size() > best_length) {
      allowed = rule.allow;
    } else {
      allowed = allowed || rule.allow;
    }
    best_length = rule.pattern.size();
  }
  return allowed;
}

}  // namespace storyline
