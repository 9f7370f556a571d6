// The articles the store tests of both back ends add: a wire story reprinted by several
// outlets (one duplicate family) and helpers that make and prepare an article.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/analysis.h"
#include "core/article.h"
#include "store/store.h"

namespace storyline::store_test {

inline constexpr const char* kWireText =
    "GENEVA — Negotiators from both sides met for six hours on Tuesday at the United Nations "
    "office and agreed on a framework for a temporary truce, according to two officials briefed "
    "on the talks. The framework would pause fighting for four weeks, allow aid convoys through "
    "the northern crossing and start an exchange of detainees in stages. Mediators said a final "
    "text could be signed within days if the remaining disputes over the sequencing of releases "
    "are settled. Critics in both capitals warned that earlier frameworks had collapsed within "
    "hours and that monitoring arrangements remain vague.";

inline Article MakeArticle(std::string id, std::string source, std::string title, std::string text,
                           std::optional<std::string> published = "2024-08-21") {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.title = std::move(title);
  a.text = std::move(text);
  a.published = std::move(published);
  a.url = "https://example.com/" + a.source + "/" + a.id;
  return a;
}

// With one place mention and one quotation, so each article has analysis rows to write.
inline PreparedArticle Prepare(Article a) {
  Analysis analysis;
  analysis.entities.push_back({{0, 6}, a.text.substr(0, 6), "PLACE", "geneva", "Geneva", "", ""});
  analysis.quotes.push_back({{10, 20}, "quoted", std::string("an official"), std::nullopt});
  return PrepareArticle(std::move(a), std::move(analysis));
}

// The wire story as `outlets` outlets printed it ("w0", "w1", ... of "Outlet 0", ...).
inline std::vector<PreparedArticle> WireCopies(int outlets) {
  std::vector<PreparedArticle> batch;
  for (int i = 0; i < outlets; ++i) {
    batch.push_back(Prepare(MakeArticle("w" + std::to_string(i), "Outlet " + std::to_string(i),
                                        "Truce framework agreed", kWireText)));
  }
  return batch;
}

}  // namespace storyline::store_test
