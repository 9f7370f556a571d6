#include "collect/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <utf8proc.h>

#include <climits>
#include <memory>
#include <mutex>

#include "io/canonical_url.h"
#include "io/published_date.h"

namespace storyline {
namespace {

constexpr std::string_view kSitemapNews = "http://www.google.com/schemas/sitemap-news/0.9";

// Recover what a malformed feed still holds; never touch the network; no DTD loading and
// no entity substitution (entity references stay nodes the text walk skips); CDATA read
// as text; libxml2's own messages off (the caller reports one line).
constexpr int kParseOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA |
                              XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Document = std::unique_ptr<xmlDoc, DocFree>;

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

// An element whose local name is `name`, in any namespace: feeds mix dialects freely.
bool Named(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && View(node->name) == name;
}

// An element named `name` in no namespace, or in `ns` when one is given.
bool NamedIn(const xmlNode* node, std::string_view name, std::string_view ns) {
  if (!Named(node, name)) return false;
  const std::string_view href = node->ns == nullptr ? std::string_view() : View(node->ns->href);
  return href == ns;
}

const xmlNode* FirstChild(const xmlNode* parent, std::string_view name) {
  for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
    if (Named(child, name)) return child;
  }
  return nullptr;
}

void AppendText(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      out += View(child->content);
    } else if (child->type == XML_ELEMENT_NODE) {
      AppendText(child, out);
    }
  }
}

// `text` with every byte that starts no valid UTF-8 character made U+FFFD: libxml2
// passes bytes through when a feed declares an encoding it does not know.
std::string ValidUtf8(const std::string& text) {
  std::string out;
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (size_t at = 0; at < text.size();) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(data + at, text.size() - at, &code_point);
    if (step <= 0) {
      out += "\xEF\xBF\xBD";
      ++at;
    } else {
      out.append(text, at, static_cast<size_t>(step));
      at += static_cast<size_t>(step);
    }
  }
  return out;
}

// The text inside an element with runs of whitespace made one space, trimmed, as UTF-8.
std::string TextOf(const xmlNode* node) {
  if (node == nullptr) return {};
  std::string raw;
  AppendText(node, raw);
  raw = ValidUtf8(raw);
  std::string out;
  bool space = false;
  for (const char c : raw) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string ChildText(const xmlNode* parent, std::string_view name) {
  return TextOf(FirstChild(parent, name));
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string out(View(value));
  xmlFree(value);
  return out;
}

// `reference` as an absolute address, read where `node` stands (xml:base and the
// document's own address both count).
std::string AbsoluteUrl(const xmlDoc* doc, const xmlNode* node, const std::string& reference) {
  if (reference.empty()) return {};
  xmlChar* base = xmlNodeGetBase(doc, node);
  std::string out = ResolveUrl(View(base), reference);
  xmlFree(base);
  return out;
}

std::string FirstDate(const xmlNode* parent, std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names) {
    const std::string date = NormalizePublishedDate(ChildText(parent, name));
    if (!date.empty()) return date;
  }
  return {};
}

// The page an Atom entry (or an RSS item using atom:link) is about: the link with no rel
// or rel="alternate", the first such.
std::string AtomAlternate(const xmlDoc* doc, const xmlNode* entry) {
  for (const xmlNode* child = entry->children; child != nullptr; child = child->next) {
    if (!Named(child, "link")) continue;
    const std::string rel = Attribute(child, "rel");
    if (!rel.empty() && rel != "alternate") continue;
    std::string url = AbsoluteUrl(doc, child, Attribute(child, "href"));
    if (!url.empty()) return url;
  }
  return {};
}

void AddItem(Feed& feed, FeedItem item) {
  if (!item.url.empty()) feed.items.push_back(std::move(item));
}

FeedItem RssItem(const xmlDoc* doc, const xmlNode* item) {
  FeedItem out;
  for (const xmlNode* child = item->children; child != nullptr && out.url.empty();
       child = child->next) {
    if (NamedIn(child, "link", "") || NamedIn(child, "link", "http://purl.org/rss/1.0/")) {
      out.url = AbsoluteUrl(doc, child, TextOf(child));
    }
  }
  if (out.url.empty()) out.url = AtomAlternate(doc, item);
  const xmlNode* guid = FirstChild(item, "guid");
  out.id = TextOf(guid);
  if (out.url.empty() && guid != nullptr && Attribute(guid, "isPermaLink") != "false") {
    out.url = AbsoluteUrl(doc, guid, out.id);
  }
  if (out.url.empty()) out.url = AbsoluteUrl(doc, item, Attribute(item, "about"));
  out.title = ChildText(item, "title");
  out.published = FirstDate(item, {"pubDate", "date", "published", "issued"});
  out.updated = FirstDate(item, {"updated", "modified"});
  return out;
}

void ReadRss(const xmlDoc* doc, const xmlNode* root, Feed& feed) {
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const xmlNode* channel = FirstChild(root, "channel");
  if (channel != nullptr) feed.title = ChildText(channel, "title");
  for (const xmlNode* parent : {channel, root}) {
    if (parent == nullptr) continue;
    for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
      if (Named(child, "item")) AddItem(feed, RssItem(doc, child));
    }
  }
}

void ReadAtom(const xmlDoc* doc, const xmlNode* root, Feed& feed) {
  feed.title = ChildText(root, "title");
  for (const xmlNode* entry = root->children; entry != nullptr; entry = entry->next) {
    if (!Named(entry, "entry")) continue;
    FeedItem item;
    item.url = AtomAlternate(doc, entry);
    item.id = ChildText(entry, "id");
    item.title = ChildText(entry, "title");
    item.published = FirstDate(entry, {"published", "issued", "created"});
    item.updated = FirstDate(entry, {"updated", "modified"});
    AddItem(feed, std::move(item));
  }
}

void ReadUrlSet(const xmlDoc* doc, const xmlNode* root, Feed& feed) {
  feed.format = FeedFormat::kSitemap;
  for (const xmlNode* entry = root->children; entry != nullptr; entry = entry->next) {
    if (!Named(entry, "url")) continue;
    FeedItem item;
    const xmlNode* loc = FirstChild(entry, "loc");
    item.url = AbsoluteUrl(doc, entry, TextOf(loc));
    item.updated = FirstDate(entry, {"lastmod"});
    for (const xmlNode* news = entry->children; news != nullptr; news = news->next) {
      if (!NamedIn(news, "news", kSitemapNews)) continue;
      feed.format = FeedFormat::kNewsSitemap;
      item.title = ChildText(news, "title");
      item.published = FirstDate(news, {"publication_date"});
    }
    AddItem(feed, std::move(item));
  }
}

void ReadSitemapIndex(const xmlDoc* doc, const xmlNode* root, Feed& feed) {
  for (const xmlNode* entry = root->children; entry != nullptr; entry = entry->next) {
    if (!Named(entry, "sitemap")) continue;
    std::string url = AbsoluteUrl(doc, entry, ChildText(entry, "loc"));
    if (!url.empty()) feed.sitemaps.push_back(std::move(url));
  }
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  for (size_t at = 0; at < bytes.size();) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t step = utf8proc_iterate(data + at, bytes.size() - at, &code_point);
    if (step <= 0) return false;
    at += static_cast<size_t>(step);
  }
  return true;
}

// The encoding named in the XML declaration (`<?xml ... encoding="..."?>`), empty if none.
std::string DeclaredEncoding(std::string_view body) {
  if (!body.starts_with("<?xml")) return {};
  const std::string_view declaration = body.substr(0, body.find("?>"));
  const size_t key = declaration.find("encoding");
  if (key == std::string_view::npos) return {};
  const size_t open = declaration.find_first_of("\"'", key);
  if (open == std::string_view::npos) return {};
  const size_t close = declaration.find(declaration[open], open + 1);
  if (close == std::string_view::npos) return {};
  return std::string(declaration.substr(open + 1, close - open - 1));
}

bool NamesUtf8(std::string_view label) {
  std::string lower;
  for (const char c : label) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower == "utf-8" || lower == "utf8";
}

// The encoding to impose on libxml2, or nullptr to let the document's own declaration
// (or byte-order mark) decide.
const char* EncodingOverride(std::string_view body, const std::string& content_type_charset) {
  const std::string declared = DeclaredEncoding(body);
  const bool starts_with_bom = body.starts_with("\xEF\xBB\xBF") || body.starts_with("\xFF\xFE") ||
                               body.starts_with("\xFE\xFF");
  if (starts_with_bom) return nullptr;
  const bool claims_utf8 = declared.empty()
                               ? content_type_charset.empty() || NamesUtf8(content_type_charset)
                               : NamesUtf8(declared);
  if (claims_utf8) return IsValidUtf8(body) ? nullptr : "windows-1252";
  if (declared.empty()) return content_type_charset.c_str();
  return nullptr;
}

Document Parse(std::string_view body, const std::string& address,
               const std::string& content_type_charset) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { xmlInitParser(); });
  if (body.size() > static_cast<size_t>(INT_MAX)) throw FeedError("feed too large to read");
  return Document(xmlReadMemory(body.data(), static_cast<int>(body.size()), address.c_str(),
                                EncodingOverride(body, content_type_charset), kParseOptions));
}

}  // namespace

std::string_view FeedFormatName(FeedFormat format) {
  switch (format) {
    case FeedFormat::kRss:
      return "RSS";
    case FeedFormat::kRdf:
      return "RSS 1.0";
    case FeedFormat::kAtom:
      return "Atom";
    case FeedFormat::kNewsSitemap:
      return "news sitemap";
    case FeedFormat::kSitemap:
      return "sitemap";
    case FeedFormat::kSitemapIndex:
      return "sitemap index";
  }
  return "feed";
}

Feed ReadFeed(std::string_view body, std::string_view address,
              std::string_view content_type_charset) {
  const Document doc = Parse(body, std::string(address), std::string(content_type_charset));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) throw FeedError("not a feed: no XML document could be read");
  Feed feed;
  if (Named(root, "rss")) {
    feed.format = FeedFormat::kRss;
    ReadRss(doc.get(), root, feed);
  } else if (Named(root, "RDF")) {
    feed.format = FeedFormat::kRdf;
    ReadRss(doc.get(), root, feed);
  } else if (Named(root, "feed")) {
    feed.format = FeedFormat::kAtom;
    ReadAtom(doc.get(), root, feed);
  } else if (Named(root, "urlset")) {
    ReadUrlSet(doc.get(), root, feed);
  } else if (Named(root, "sitemapindex")) {
    feed.format = FeedFormat::kSitemapIndex;
    ReadSitemapIndex(doc.get(), root, feed);
  } else {
    throw FeedError("not a feed: the document is <" + std::string(View(root->name)) + ">");
  }
  return feed;
}

}  // namespace storyline
