#include "io/html_metadata.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "io/page_dates.h"
#include "io/published_date.h"
#include "io/site_name.h"

namespace storyline {
namespace {

using nlohmann::json;

// JSON-LD blocks past this size are not parsed (they are product catalogues, not
// article metadata), and the search inside one stops after this many values.
constexpr size_t kMaxJsonLdBytes = size_t{2} << 20;
constexpr size_t kMaxJsonLdValues = 20000;
// An author element with more text than this is a bio box, not a name.
constexpr size_t kMaxBylineBytes = 80;

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute ? attribute->value : nullptr;
}

std::string ChildText(const GumboNode* node) {
  std::string text;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

bool IsArticleType(const json& type) {
  auto matches = [](const json& t) {
    if (!t.is_string()) return false;
    const std::string& name = t.get_ref<const std::string&>();
    return name.ends_with("Article") || name.ends_with("Posting") || name == "Report";
  };
  if (type.is_array()) {
    for (const json& t : type) {
      if (matches(t)) return true;
    }
    return false;
  }
  return matches(type);
}

std::string StringOf(const json& value) {
  if (value.is_string()) return CollapseWhitespace(value.get_ref<const std::string&>());
  return "";
}

std::string PersonName(std::string name) {
  if (name.starts_with("http") || name.find('@') != std::string::npos) return "";
  if (name.size() > 3 && Lowercase(name.substr(0, 3)) == "by ") name = name.substr(3);
  return name;
}

// A schema.org Person/Organization (or a list of them, or plain names) as "A, B".
std::string NamesOf(const json& value) {
  std::vector<const json*> items;
  if (value.is_array()) {
    for (const json& item : value) items.push_back(&item);
  } else {
    items.push_back(&value);
  }
  std::string names;
  for (const json* item : items) {
    std::string name =
        item->is_object() && item->contains("name") ? StringOf((*item)["name"]) : StringOf(*item);
    name = PersonName(name);
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

std::string UrlOf(const json& value) {
  if (value.is_object() && value.contains("@id")) return StringOf(value["@id"]);
  return StringOf(value);
}

// The first object of an article type anywhere in the document (top level, arrays,
// "@graph"), searched breadth-first without recursion.
const json* FindArticleObject(const json& document) {
  std::vector<const json*> queue = {&document};
  for (size_t i = 0; i < queue.size() && i < kMaxJsonLdValues; ++i) {
    const json& value = *queue[i];
    if (value.is_object()) {
      auto type = value.find("@type");
      if ((type != value.end() && IsArticleType(*type)) || value.contains("headline")) {
        return &value;
      }
      for (const auto& [key, member] : value.items()) {
        if (member.is_structured()) queue.push_back(&member);
      }
    } else if (value.is_array()) {
      for (const json& member : value) {
        if (member.is_structured()) queue.push_back(&member);
      }
    }
  }
  return nullptr;
}

// The datePublished of the first object of any type that has one (a WebPage, a
// VideoObject, an article nested where FindArticleObject did not look).
std::string AnyDatePublished(const json& document) {
  std::vector<const json*> queue = {&document};
  for (size_t i = 0; i < queue.size() && i < kMaxJsonLdValues; ++i) {
    const json& value = *queue[i];
    if (value.is_object()) {
      auto date = value.find("datePublished");
      if (date != value.end() && date->is_string()) return date->get<std::string>();
    }
    if (value.is_structured()) {
      for (const json& member : value) {
        if (member.is_structured()) queue.push_back(&member);
      }
    }
  }
  return "";
}

// Dates before year 1000 and the Unix epoch's first day are content-management
// placeholders ("0001-01-01", a zero timestamp), and a date after tomorrow is a page's
// mistake: none is a publication date.
std::string PageDate(std::string_view value) {
  std::string date = NormalizePublishedDate(value);
  if (date.compare(0, 4, "1000") < 0 || date.starts_with("1970-01-01")) return "";
  const std::time_t tomorrow = std::time(nullptr) + 86400;
  std::tm utc{};
  gmtime_r(&tomorrow, &utc);
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", &utc);
  return date.compare(0, 10, day) > 0 ? "" : date;
}

struct Sources {
  std::string title_element;
  std::map<std::string, std::string> meta;  // lowercased name/property/itemprop -> content
  std::string canonical;
  std::string time_published;  // <time itemprop=datePublished> or the like
  std::string byline;          // text of an itemprop=author or rel=author element
  std::string dateline;        // the date a dateline element shows
  std::string time_element;    // the date of the first <time datetime> among the page's own
  HtmlMetadata json_ld;
  bool json_ld_found = false;
  std::string json_ld_any_date;  // datePublished of any schema.org object
};

// The string value of the first `"key": "value"` pair in `text`, unescaped only as far
// as plain values need; for JSON-LD that does not parse (stray HTML entities, raw
// newlines, trailing commas are common).
std::string RawStringField(std::string_view text, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t at = text.find(quoted);
  if (at == std::string_view::npos) return "";
  at += quoted.size();
  while (at < text.size() && (text[at] == ' ' || text[at] == ':' || text[at] == '\n' ||
                              text[at] == '\t' || text[at] == '\r')) {
    ++at;
  }
  if (at >= text.size() || text[at] != '"') return "";
  size_t end = text.find('"', at + 1);
  if (end == std::string_view::npos) return "";
  return CollapseWhitespace(text.substr(at + 1, end - at - 1));
}

bool ReadBrokenJsonLd(std::string_view text, HtmlMetadata& out) {
  out.title = RawStringField(text, "headline");
  out.published = PageDate(RawStringField(text, "datePublished"));
  return !out.title.empty() || !out.published.empty();
}

// Fills `out` from the first article object in a JSON-LD block; returns whether it
// found one. `any_date` takes the block's first datePublished of any object, if empty.
bool ReadJsonLd(std::string_view text, HtmlMetadata& out, std::string& any_date) {
  if (text.size() > kMaxJsonLdBytes) return false;
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return ReadBrokenJsonLd(text, out);
  if (any_date.empty()) any_date = PageDate(AnyDatePublished(document));
  const json* article = FindArticleObject(document);
  if (article == nullptr) return false;
  const json& a = *article;
  auto field = [&](const char* key) -> const json& {
    static const json kNull;
    auto it = a.find(key);
    return it == a.end() ? kNull : *it;
  };
  out.title = StringOf(field("headline"));
  if (out.title.empty()) out.title = StringOf(field("name"));
  out.author = NamesOf(field("author"));
  out.site_name = NamesOf(field("publisher"));
  out.published = PageDate(StringOf(field("datePublished")));
  if (out.published.empty()) out.published = PageDate(StringOf(field("dateCreated")));
  out.url = UrlOf(field("url"));
  if (out.url.empty()) out.url = UrlOf(field("mainEntityOfPage"));
  out.article_body = StringOf(field("articleBody"));
  return true;
}

std::vector<std::string> SplitWhitespace(const std::string& text) {
  std::vector<std::string> words;
  std::string collapsed = CollapseWhitespace(text);
  for (size_t start = 0; start < collapsed.size();) {
    size_t end = std::min(collapsed.find(' ', start), collapsed.size());
    words.push_back(collapsed.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// All text under `node`, whitespace collapsed, gathered without recursion.
std::string SubtreeText(const GumboNode* node) {
  std::string text;
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty() && text.size() <= kMaxBylineBytes) {
    const GumboNode* at = stack.back();
    stack.pop_back();
    if (at->type == GUMBO_NODE_TEXT || at->type == GUMBO_NODE_WHITESPACE) {
      text += at->v.text.text;
      text += ' ';
    } else if (at->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = at->v.element.children;
      for (unsigned i = children.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
  }
  return CollapseWhitespace(text);
}

// The lowercased class and id of an element, space-separated.
std::string ClassAndId(const GumboNode* node) {
  std::string names;
  for (const char* attribute : {"class", "id"}) {
    if (const char* value = Attribute(node, attribute)) names += Lowercase(value) + " ";
  }
  return names;
}

bool HasAnyPart(const std::string& names, std::initializer_list<std::string_view> parts) {
  for (const std::string_view part : parts) {
    if (names.find(part) != std::string::npos) return true;
  }
  return false;
}

// Whether the class or id of an element names a list of other stories, comments, a
// calendar or the like, whose dates are not the page's.
bool NamesOtherDates(const std::string& names) {
  return HasAnyPart(names,
                    {"recommend", "related", "comment", "sidebar", "widget", "calendar", "tweet",
                     "popular", "modified", "updated", "promo", "teaser", "footer"});
}

// Whether a class or id is a date itself: "date", or a name whose last part is "date"
// ("press__date", "author-name-date"); not a word that merely ends so ("candidate").
bool NamesADate(const std::string& names) {
  for (const std::string& name : SplitWhitespace(names)) {
    if (name == "date") return true;
    if (name.size() > 5 && name.ends_with("date") &&
        (name[name.size() - 5] == '-' || name[name.size() - 5] == '_')) {
      return true;
    }
  }
  return false;
}

// Whether an element shows the page's publication date, by its class or id
// ("article-publish-date", "published-on", "dateline", "entry-date"), and is not part
// of a list of other stories, comments or a calendar.
bool IsDatelineElement(const GumboNode* node) {
  const std::string names = ClassAndId(node);
  if (names.empty()) return false;
  return (HasAnyPart(names,
                     {"publish", "dateline", "posted-on", "post-date", "postdate", "entry-date",
                      "article-date", "story-date", "storydate", "byline-date", "datetime"}) ||
          NamesADate(names)) &&
         !NamesOtherDates(names) && !HasAnyPart(names, {"today", "current", "event", "update"});
}

// Whether an element sits in a list of other stories, comments or the like.
bool AmongOtherDates(const GumboNode* node) {
  for (const GumboNode* up = node; up != nullptr && up->type == GUMBO_NODE_ELEMENT;
       up = up->parent) {
    if (NamesOtherDates(ClassAndId(up))) return true;
  }
  return false;
}

void ReadDateline(const GumboNode* node, Sources& sources) {
  const bool time_element = node->v.element.tag == GUMBO_TAG_TIME;
  const bool pubdate = time_element && Attribute(node, "pubdate") != nullptr;
  if (!pubdate && !IsDatelineElement(node)) return;
  const char* datetime = time_element ? Attribute(node, "datetime") : nullptr;
  sources.dateline = datetime ? PageDate(datetime) : DateInText(SubtreeText(node));
}

// A <time datetime> element with no class saying what it dates ("1 day ago"): the first
// one outside lists of other stories and comments dates the page, when nothing else does.
void ReadTimeElement(const GumboNode* node, Sources& sources) {
  if (node->v.element.tag != GUMBO_TAG_TIME) return;
  const char* datetime = Attribute(node, "datetime");
  if (datetime == nullptr || AmongOtherDates(node)) return;
  sources.time_element = PageDate(datetime);
}

void ReadElement(const GumboNode* node, Sources& sources) {
  const GumboElement& element = node->v.element;
  switch (element.tag) {
    case GUMBO_TAG_TITLE:
      if (sources.title_element.empty())
        sources.title_element = CollapseWhitespace(ChildText(node));
      break;
    case GUMBO_TAG_META: {
      const char* content = Attribute(node, "content");
      if (content == nullptr) break;
      // itemprop and property may list several names ("datePublished dateCreated").
      for (const char* key_attribute : {"property", "name", "itemprop"}) {
        const char* keys = Attribute(node, key_attribute);
        if (keys == nullptr) continue;
        for (const std::string& key : SplitWhitespace(Lowercase(keys))) {
          sources.meta.emplace(key, CollapseWhitespace(content));
        }
      }
      break;
    }
    case GUMBO_TAG_LINK: {
      const char* rel = Attribute(node, "rel");
      const char* href = Attribute(node, "href");
      if (rel && href && Lowercase(rel) == "canonical" && sources.canonical.empty()) {
        sources.canonical = CollapseWhitespace(href);
      }
      break;
    }
    case GUMBO_TAG_SCRIPT: {
      const char* type = Attribute(node, "type");
      if (type && Lowercase(type) == "application/ld+json" && !sources.json_ld_found) {
        sources.json_ld_found =
            ReadJsonLd(ChildText(node), sources.json_ld, sources.json_ld_any_date);
      }
      break;
    }
    default:
      break;
  }
  const char* itemprop = Attribute(node, "itemprop");
  const char* rel = Attribute(node, "rel");
  bool names_author =
      (itemprop && Lowercase(itemprop) == "author") || (rel && Lowercase(rel) == "author");
  if (names_author && sources.byline.empty()) {
    std::string byline = SubtreeText(node);
    if (byline.size() <= kMaxBylineBytes) sources.byline = PersonName(byline);
  }
  if (sources.dateline.empty()) ReadDateline(node, sources);
  if (sources.time_element.empty()) ReadTimeElement(node, sources);
  if (itemprop && sources.time_published.empty() &&
      Lowercase(itemprop).find("datepublished") != std::string::npos) {
    const char* value = Attribute(node, "datetime");
    if (value == nullptr) value = Attribute(node, "content");
    if (value) sources.time_published = value;
  }
}

// The first non-empty of `candidates`.
std::string FirstOf(std::initializer_list<std::string> candidates) {
  for (const std::string& candidate : candidates) {
    if (!candidate.empty()) return candidate;
  }
  return "";
}

// The outlet's name: the page's declared name, unless it is only the host as a slug
// ("oregonlive") and the title names the outlet properly; else the title's; else the
// application name.
std::string SiteName(std::initializer_list<std::string> declared, const std::string& from_title,
                     const std::string& application) {
  const std::string name = FirstOf(declared);
  const bool slug =
      !name.empty() && name.find(' ') == std::string::npos &&
      std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (name.empty() || (slug && !from_title.empty()))
    return FirstOf({from_title, name, application});
  return name;
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
      pending_space = !out.empty();
      if (nbsp) ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

HtmlMetadata ExtractHtmlMetadata(const GumboNode* root, std::string_view address) {
  Sources sources;
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    ReadElement(node, sources);
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  }
  auto meta = [&](const char* key) {
    auto it = sources.meta.find(key);
    return it == sources.meta.end() ? std::string() : it->second;
  };
  const HtmlMetadata& ld = sources.json_ld;
  HtmlMetadata out;
  out.url = FirstOf({sources.canonical, meta("og:url"), ld.url});
  const std::string where = out.url.empty() ? std::string(address) : out.url;
  const std::string host = HostOf(where);
  out.site_name = SiteName({CleanSiteName(meta("og:site_name")), CleanSiteName(ld.site_name)},
                           SiteNameInTitle(sources.title_element, host),
                           CleanSiteName(meta("application-name")));
  out.title = TitleWithoutSiteName(
      FirstOf({meta("og:title"), meta("twitter:title"), ld.title, sources.title_element}),
      out.site_name, host);
  out.author = FirstOf({ld.author, PersonName(meta("author")), PersonName(meta("article:author")),
                        PersonName(meta("parsely-author")), PersonName(meta("sailthru.author")),
                        PersonName(meta("dc.creator")), PersonName(meta("byl")), sources.byline});
  for (const std::string& date :
       {meta("article:published_time"), meta("article:published"), ld.published,
        meta("og:published_time"), meta("datepublished"), sources.time_published, meta("pubdate"),
        meta("publishdate"), meta("parsely-pub-date"), meta("sailthru.date"),
        meta("dc.date.issued"), meta("dc.date"), meta("dcterms.created"), meta("date"),
        sources.json_ld_any_date, sources.dateline, DateFromUrl(where), sources.time_element}) {
    out.published = PageDate(date);
    if (!out.published.empty()) break;
  }
  out.article_body = ld.article_body;
  return out;
}

}  // namespace storyline
