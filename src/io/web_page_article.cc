#include "io/web_page_article.h"

#include "io/html_extractor.h"
#include "io/site_name.h"

namespace storyline {
namespace {

std::string OutletFromHost(std::string host) {
  return host.starts_with("www.") ? host.substr(4) : host;
}

}  // namespace

std::string ArticleFromWebPage(std::string_view html, const ReadOptions& options, Article& article,
                               std::string_view address) {
  ExtractedPage page = ExtractArticleFromHtml(html, address);
  if (!page.refused.empty()) return page.refused;
  if (page.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return "no article text found in the page";
  }
  article.text = std::move(page.text);
  article.title = std::move(page.title);
  article.author = std::move(page.author);
  article.url = std::move(page.url);
  // The outlet: as the page names itself, else as the user named it, else its host (as
  // GDELT does), so articles of one unnamed site still count as one outlet.
  article.source = page.site_name.empty() ? options.source : std::move(page.site_name);
  if (article.source.empty()) {
    article.source = OutletFromHost(HostOf(article.url.empty() ? address : article.url));
  }
  if (!page.published.empty()) {
    article.published = std::move(page.published);
  } else {
    article.published = options.published;
  }
  return {};
}

}  // namespace storyline
