// What a site's robots.txt lets `follow` fetch, read as RFC 9309 says crawlers must:
//
// - The rules are those of the groups naming our product token ("storyline"), matched
//   without regard to case; groups naming the same agent are merged; without such a
//   group, the groups for "*" apply; without those, everything is allowed.
// - A path is allowed unless its longest matching rule is a Disallow; where an Allow and
//   a Disallow match equally long, Allow wins. Rules may use "*" (any run of characters)
//   and a final "$" (the end of the path). Percent-escapes are compared decoded where
//   they stand for unreserved characters, in rules and paths alike.
// - "/robots.txt" itself is always allowed. Only the first 500 KiB are read.
//
// Crawl-delay (not in the RFC, but sites use it to ask for a gap between requests) and
// Sitemap lines are kept for the fetcher. What to do when robots.txt cannot be fetched
// (a 4xx allows everything, a 5xx or no answer disallows everything for a while) is the
// fetcher's decision; AllowAll and DisallowAll give it the two rule sets.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

class RobotsRules {
 public:
  static RobotsRules Parse(std::string_view robots_txt, std::string_view product_token);
  static RobotsRules AllowAll();
  static RobotsRules DisallowAll();

  // `path` is the URL's path with its query ("/news/a?id=1"); empty means "/".
  bool Allowed(std::string_view path) const;

  // The gap the site asks for between requests, if its group gives one (seconds).
  std::optional<double> crawl_delay() const { return crawl_delay_; }
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    std::string pattern;  // percent-normalised, "*" and a final "$" as written
    bool allow;
  };

  std::vector<Rule> rules_;
  bool disallow_all_ = false;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

}  // namespace storyline
