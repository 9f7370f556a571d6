// News organizations are ORG names: "told Axios", "the AP reported", "© 2024 Newsmax".
// The recognizer reads an outlet's name by its shape and context and often takes it for
// a person ("told Axios") or misses it; the outlets are a closed, well-known set.
//
// Outlets come from models/news_outlets.tsv (a hand list of wire services and major
// outlets, see the file's header) and from the article's own `source`. An outlet's name
// is found only as whole tokens in its exact case or in capitals ("USA TODAY", as
// mastheads print it; "AP", never "AP-style", which stays one token, nor "ap"), and not inside a
// longer capitalized name ("Thomson Reuters", "AP Calculus", "Reuters Institute"); a weekday or
// month may follow ("told Reuters Monday"). A leading "The" of the name ("The Epoch Times") is
// optional in the text and joins the span when written capitalized.
//
// Names that are also common words or other names ("The Hill", "AP", "Bloomberg") are
// marked `reporting` in the table and count only in a reporting context: after "told",
// "to", "with", "by", "via", "for", "from", "according to", "(" or "©", or before
// "reported", "reporter", "report", "correspondent", "inputs", ")" or a possessive. A
// name with a leading "The" needs its article in the text when it is `reporting` or one
// word besides ("The Hill", "the Intercept"; not "Hill said", "Intercept: -0.39").
//
// A found outlet replaces whatever the recognizer made of those words, unless the
// recognizer read a longer name around them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analysis.h"
#include "text/token.h"

namespace storyline {

struct NewsOutlet {
  std::vector<std::string> words;  // the name's tokens after any leading "The"
  bool leading_the = false;        // the name starts with "The" ("The Hill")
  bool needs_reporting_context = false;
};

class NewsOutletLexicon {
 public:
  NewsOutletLexicon() = default;

  // Reads `name<TAB>any|reporting` lines ('#' starts a comment line) from
  // `models_dir`/news_outlets.tsv; throws std::runtime_error naming the file and line
  // when it cannot be read or a line is bad.
  static NewsOutletLexicon Load(const std::filesystem::path& models_dir);

  void Add(std::string_view name, bool needs_reporting_context);

  // Outlets whose name starts with token `first_word`.
  const std::vector<NewsOutlet>* StartingWith(std::string_view first_word) const;

 private:
  std::unordered_map<std::string, std::vector<NewsOutlet>> by_first_word_;
};

// The outlet names an article's `source` field gives: the source itself when it reads as
// a name ("Anadolu Agency", "The Hill"; not "unknown (carries AP material)"), and an
// agency's short name ("Anadolu" for "Anadolu Agency", "Xinhua" for "Xinhua News Agency").
std::vector<std::string> OutletNamesOfSource(std::string_view source);

// Tags the outlets of `lexicon` and of `source` (the article's own) in `text` as ORG.
// `mentions` in text order; kept in text order.
void TagNewsOutlets(std::string_view text, const TokenizedText& tokens,
                    const NewsOutletLexicon& lexicon, std::string_view source,
                    std::vector<EntityMention>& mentions);

}  // namespace storyline
