#include "io/web_page_article.h"

#include "io/html_extractor.h"

namespace storyline {

std::string ArticleFromWebPage(std::string_view html, const ReadOptions& options,
                               Article& article) {
  ExtractedPage page = ExtractArticleFromHtml(html);
  if (!page.refused.empty()) return page.refused;
  if (page.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return "no article text found in the page";
  }
  article.text = std::move(page.text);
  article.title = std::move(page.title);
  article.author = std::move(page.author);
  article.url = std::move(page.url);
  article.source = page.site_name.empty() ? options.source : std::move(page.site_name);
  if (!page.published.empty()) {
    article.published = std::move(page.published);
  } else {
    article.published = options.published;
  }
  return {};
}

}  // namespace storyline
