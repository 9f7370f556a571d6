#include "io/html_extractor.h"

#include <gumbo.h>
#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <vector>

#include "io/html_charset.h"
#include "io/html_metadata.h"
#include "io/html_nesting.h"
#include "io/promo_lines.h"

namespace storyline {
namespace {

// One element or text node of the page, in document (pre-)order: the subtree of node i
// is the index range [i, end).
struct Node {
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool is_text = false;
  int parent = -1;
  int end = 0;
  int block = -1;    // text nodes: the nearest block-level ancestor
  std::string text;  // text nodes: the decoded text
  std::string class_name;
  int weight = 0;                // class/id hint: +25 looks like content, -25 like boilerplate
  bool unlikely = false;         // class/id names a widget that is never article text
  bool boilerplate_tag = false;  // nav, aside, footer, header, figure...
  bool article_marker = false;   // <article> or itemprop=articleBody
};

// Per-node sums over a subtree, recomputed for each pass (removed subtrees count zero).
struct Stats {
  int text = 0;   // bytes of text
  int links = 0;  // bytes of text inside <a>
  int commas = 0;
  int paragraphs = 0;
  int images = 0;
  int list_items = 0;
  int own_text = 0;  // text whose nearest block ancestor is this node
  int own_commas = 0;
};

struct Pass {
  bool strip_unlikely;
  bool weight_classes;
  bool clean_conditionally;
};

constexpr Pass kPasses[] = {
    {true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};

// A paragraph holding only a link with this much text is a teaser, not prose.
constexpr int kMinTeaserLinkText = 20;
// A pass whose text reaches this many bytes is taken; otherwise the longest result is.
constexpr size_t kEnoughText = 500;

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never article text.
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

bool IsBoilerplateTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

std::string Lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char* Attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute ? attribute->value : nullptr;
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Hidden by markup: such text is not shown to readers (screen-reader labels, templates,
// collapsed widgets).
bool IsHidden(const GumboNode* node) {
  if (Attribute(node, "hidden")) return true;
  const char* aria = Attribute(node, "aria-hidden");
  if (aria && Lowercase(aria) == "true") return true;
  const char* style = Attribute(node, "style");
  if (style == nullptr) return false;
  std::string css = Lowercase(style);
  css.erase(std::remove(css.begin(), css.end(), ' '), css.end());
  return Contains(css, "display:none") || Contains(css, "visibility:hidden");
}

// The words of class and id names, split at every character but letters and digits,
// or only at spaces when `split_dashes` is false (whole class names).
std::vector<std::string> HintWords(std::string_view hints, bool split_dashes = true) {
  std::vector<std::string> words;
  std::string word;
  for (char c : hints) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (!split_dashes && c != ' ')) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool AnyWordIn(const std::vector<std::string>& words,
               std::initializer_list<std::string_view> vocabulary) {
  for (const std::string& word : words) {
    for (std::string_view entry : vocabulary) {
      if (word == entry) return true;
    }
  }
  return false;
}

bool AnyPartIn(std::string_view hints, std::initializer_list<std::string_view> parts) {
  for (std::string_view part : parts) {
    if (Contains(hints, part)) return true;
  }
  return false;
}

// Widgets that never hold article text, by whole class/id words ("share-bar" and
// "comments" match, "shareholder" does not) and by distinctive substrings.
bool IsUnlikelyHint(const std::vector<std::string>& words, std::string_view hints) {
  return AnyWordIn(words, {"comment",
                           "comments",
                           "disqus",
                           "share",
                           "sharing",
                           "social",
                           "related",
                           "recommended",
                           "recommendations",
                           "newsletter",
                           "subscribe",
                           "subscription",
                           "promo",
                           "sponsored",
                           "sponsor",
                           "ad",
                           "ads",
                           "advert",
                           "advertisement",
                           "cookie",
                           "cookies",
                           "consent",
                           "gdpr",
                           "breadcrumb",
                           "breadcrumbs",
                           "pagination",
                           "pager",
                           "popup",
                           "modal",
                           "sidebar",
                           "widget",
                           "nav",
                           "navbar",
                           "navigation",
                           "menu",
                           "footer",
                           "masthead",
                           "toolbar",
                           "tags",
                           "byline",
                           "outbrain",
                           "taboola",
                           "trending",
                           "popular",
                           "signup",
                           "login",
                           "banner",
                           "rail",
                           "skip",
                           "overlay",
                           "caption",
                           "credit",
                           "sronly",
                           "print",
                           "hidden",
                           "hide",
                           "author",
                           "dateline",
                           "meta",
                           "timestamp",
                           "embed",
                           "video",
                           "gallery"}) ||
         AnyPartIn(hints, {"sr-only", "visually-hidden", "screen-reader", "mostread", "most-read",
                           "most-popular", "read-more", "newsletter", "adslot", "ad-slot",
                           "ad-container", "ad-wrapper", "adsbygoogle", "social", "related",
                           "comment", "share", "cookie", "caption"});
}

// A hover card: the box a site shows over a name while the pointer rests on it (the
// person's full name, photo and latest headlines), never shown inline, so never text.
// Named by a class that starts with the hover word and names the box ("rollover-block",
// "tooltip-inner", "popover-body", "hovercard"); "article-body__hover--links" and
// "dropdown-hover" describe behaviour, not a card.
bool IsHoverCard(std::string_view class_names) {
  for (const std::string& token : HintWords(class_names, /*split_dashes=*/false)) {
    const std::vector<std::string> parts = HintWords(token);
    if (parts.empty()) continue;
    if (parts.size() == 1 && parts[0] == "hovercard") return true;
    const bool starts_hover = parts[0] == "hover" || parts[0] == "rollover" ||
                              parts[0] == "tooltip" || parts[0] == "popover" || parts[0] == "tippy";
    if (starts_hover &&
        AnyWordIn(parts, {"block", "card", "box", "popup", "panel", "inner", "body"})) {
      return true;
    }
  }
  return false;
}

bool IsPositiveHint(const std::vector<std::string>& words, std::string_view hints) {
  return AnyWordIn(words, {"article", "body", "content", "entry", "hentry", "main", "post", "text",
                           "blog", "story", "articlebody", "storybody", "postbody", "prose"}) ||
         AnyPartIn(hints, {"article-body", "articlebody", "article_body", "story-body",
                           "entry-content", "post-content", "article-content"});
}

// The page as a flat pre-order node array, without skipped, hidden and comment nodes.
// Built with an explicit stack, so nesting depth costs no call stack.
std::vector<Node> Flatten(const GumboNode* root) {
  std::vector<Node> nodes;
  struct Frame {
    const GumboNode* node;
    int index;
    unsigned next_child;
    int block;
  };
  std::vector<Frame> stack;
  auto open = [&](const GumboNode* g, int parent, int block) {
    Node node;
    node.parent = parent;
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
        g->type == GUMBO_NODE_CDATA) {
      node.is_text = true;
      node.block = block;
      node.text = g->v.text.text;
      node.end = static_cast<int>(nodes.size()) + 1;
      nodes.push_back(std::move(node));
      return;
    }
    if (g->type != GUMBO_NODE_ELEMENT) return;
    node.tag = g->v.element.tag;
    if (IsSkipped(node.tag) || IsHidden(g)) return;
    const char* class_name = Attribute(g, "class");
    const char* id = Attribute(g, "id");
    const char* itemprop = Attribute(g, "itemprop");
    node.class_name = class_name ? class_name : "";
    std::string hints = Lowercase(node.class_name + " " + (id ? id : ""));
    std::vector<std::string> words = HintWords(hints);
    if (IsHoverCard(node.class_name)) return;
    bool positive = IsPositiveHint(words, hints);
    node.unlikely = IsUnlikelyHint(words, hints);
    node.weight = (positive ? 25 : 0) - (node.unlikely ? 25 : 0);
    node.article_marker =
        node.tag == GUMBO_TAG_ARTICLE || (itemprop && Lowercase(itemprop) == "articlebody");
    if (node.article_marker) node.unlikely = false;
    node.boilerplate_tag = IsBoilerplateTag(node.tag);
    int index = static_cast<int>(nodes.size());
    nodes.push_back(std::move(node));
    stack.push_back({g, index, 0, IsBlock(nodes[index].tag) ? index : block});
  };
  open(root, -1, -1);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& children = frame.node->v.element.children;
    if (frame.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      open(child, frame.index, frame.block);
    } else {
      nodes[frame.index].end = static_cast<int>(nodes.size());
      stack.pop_back();
    }
  }
  return nodes;
}

int CountCommas(std::string_view text) {
  int commas = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ',') ++commas;
    // U+FF0C and U+3001, the full-width and ideographic commas.
    if (text.compare(i, 3, "\xEF\xBC\x8C") == 0 || text.compare(i, 3, "\xE3\x80\x81") == 0) {
      ++commas;
    }
  }
  return commas;
}

// Visible text bytes, not counting whitespace runs.
int TextLength(std::string_view text) {
  int length = 0;
  bool space = true;
  for (char c : text) {
    bool is_space = std::isspace(static_cast<unsigned char>(c));
    if (!is_space || !space) ++length;
    space = is_space;
  }
  return length;
}

// Lines of only punctuation and symbols ("|", "»", "• • •") are layout, not text.
bool HasLetterOrDigit(std::string_view text) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t length = static_cast<utf8proc_ssize_t>(text.size());
  for (utf8proc_ssize_t at = 0; at < length;) {
    utf8proc_int32_t code_point;
    utf8proc_ssize_t step = utf8proc_iterate(bytes + at, length - at, &code_point);
    if (step <= 0) return false;
    switch (utf8proc_category(code_point)) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO:
        return true;
      default:
        break;
    }
    at += step;
  }
  return false;
}

class Extractor {
 public:
  Extractor(const std::vector<Node>& nodes, Pass pass) : nodes_(nodes), pass_(pass) {}

  std::string Run() {
    MarkRemoved();
    ComputeStats();
    ScoreCandidates();
    int top = TopCandidate();
    if (top < 0) return "";
    std::string text;
    for (int sibling : SelectedSiblings(top)) Emit(sibling, top, text);
    return text;
  }

 private:
  void MarkRemoved() {
    removed_.assign(nodes_.size(), false);
    dead_.assign(nodes_.size(), false);
    if (!pass_.strip_unlikely) return;
    // A subtree holding the marked article body is never removed as a whole.
    std::vector<bool> holds_marker(nodes_.size(), false);
    for (size_t i = nodes_.size(); i-- > 0;) {
      if (nodes_[i].article_marker) holds_marker[i] = true;
      if (holds_marker[i] && nodes_[i].parent >= 0) holds_marker[nodes_[i].parent] = true;
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& node = nodes_[i];
      if (node.is_text || holds_marker[i]) continue;
      bool root =
          node.tag == GUMBO_TAG_HTML || node.tag == GUMBO_TAG_BODY || node.tag == GUMBO_TAG_MAIN;
      if (!root && (node.unlikely || node.boilerplate_tag)) removed_[i] = true;
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      int parent = nodes_[i].parent;
      dead_[i] = removed_[i] || (parent >= 0 && dead_[parent]);
    }
  }

  void ComputeStats() {
    stats_.assign(nodes_.size(), Stats{});
    std::vector<bool> in_link(nodes_.size(), false);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      int parent = nodes_[i].parent;
      in_link[i] = nodes_[i].tag == GUMBO_TAG_A || (parent >= 0 && in_link[parent]);
    }
    for (size_t i = nodes_.size(); i-- > 0;) {
      const Node& node = nodes_[i];
      Stats& s = stats_[i];
      if (dead_[i]) continue;
      if (node.is_text) {
        s.text = TextLength(node.text);
        s.links = in_link[i] ? s.text : 0;
        s.commas = CountCommas(node.text);
        if (node.block >= 0) {
          stats_[node.block].own_text += s.text;
          stats_[node.block].own_commas += s.commas;
        }
      } else {
        s.paragraphs += node.tag == GUMBO_TAG_P;
        s.images += node.tag == GUMBO_TAG_IMG;
        s.list_items += node.tag == GUMBO_TAG_LI;
      }
      if (node.parent >= 0) {
        Stats& p = stats_[node.parent];
        p.text += s.text;
        p.links += s.links;
        p.commas += s.commas;
        p.paragraphs += s.paragraphs;
        p.images += s.images;
        p.list_items += s.list_items;
      }
    }
  }

  double LinkDensity(int i) const {
    return stats_[i].text ? static_cast<double>(stats_[i].links) / stats_[i].text : 0.0;
  }

  int Weight(int i) const { return pass_.weight_classes ? nodes_[i].weight : 0; }

  double InitialScore(int i) const {
    double score = Weight(i);
    switch (nodes_[i].tag) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_MAIN:
        score += 5;
        break;
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_TD:
      case GUMBO_TAG_BLOCKQUOTE:
        score += 3;
        break;
      case GUMBO_TAG_ADDRESS:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_DL:
      case GUMBO_TAG_DD:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_LI:
      case GUMBO_TAG_FORM:
        score -= 3;
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_TH:
        score -= 5;
        break;
      default:
        break;
    }
    if (pass_.weight_classes && nodes_[i].article_marker) score += 25;
    return score;
  }

  // Readability's paragraph scoring: every block with a paragraph's worth of its own
  // text adds 1 + commas + length/100 (at most 3) to its parent, half of that to its
  // grandparent, and a third per level beyond, up to five levels.
  void ScoreCandidates() {
    score_.assign(nodes_.size(), 0.0);
    scored_.assign(nodes_.size(), false);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& node = nodes_[i];
      if (node.is_text || dead_[i] || stats_[i].own_text < 25 || IsHeading(node.tag) ||
          node.tag == GUMBO_TAG_LI) {
        continue;
      }
      double points = 1 + stats_[i].own_commas + std::min(stats_[i].own_text / 100, 3);
      int level = 0;
      for (int at = node.parent; at >= 0 && level < 5; at = nodes_[at].parent, ++level) {
        if (!scored_[at]) {
          scored_[at] = true;
          score_[at] = InitialScore(at);
        }
        score_[at] += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
      }
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (scored_[i]) score_[i] *= 1.0 - LinkDensity(static_cast<int>(i));
    }
  }

  static bool IsHeading(GumboTag tag) {
    return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
           tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
  }

  bool IsAncestor(int ancestor, int node) const {
    return ancestor <= node && node < nodes_[ancestor].end;
  }

  int TopCandidate() const {
    std::vector<int> candidates;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (scored_[i] && nodes_[i].tag != GUMBO_TAG_HTML) candidates.push_back(static_cast<int>(i));
    }
    if (candidates.empty()) {
      for (size_t i = 0; i < nodes_.size(); ++i) {
        if (!nodes_[i].is_text && nodes_[i].tag == GUMBO_TAG_BODY) return static_cast<int>(i);
      }
      return -1;
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [&](int a, int b) { return score_[a] > score_[b]; });
    int top = candidates[0];
    // When several near-best candidates share an ancestor, the article is split into
    // blocks and that ancestor holds all of it.
    std::vector<int> alternatives;
    for (size_t k = 1; k < candidates.size() && k < 5; ++k) {
      if (score_[candidates[k]] >= 0.75 * score_[top]) alternatives.push_back(candidates[k]);
    }
    if (alternatives.size() >= 3) {
      for (int at = nodes_[top].parent; at >= 0 && nodes_[at].tag != GUMBO_TAG_BODY;
           at = nodes_[at].parent) {
        int holds = 0;
        for (int alternative : alternatives) holds += IsAncestor(at, alternative);
        if (holds >= 3) {
          top = at;
          break;
        }
      }
    }
    // Climb while the parent scores higher: the candidate was one block of a larger body.
    double last = score_[top];
    double threshold = last / 3;
    for (int at = nodes_[top].parent; at >= 0 && nodes_[at].tag != GUMBO_TAG_BODY;
         at = nodes_[at].parent) {
      if (!scored_[at]) continue;
      if (score_[at] < threshold) break;
      if (score_[at] > last) {
        top = at;
        break;
      }
      last = score_[at];
    }
    // An only child stands for its parent.
    while (nodes_[top].parent >= 0 && nodes_[nodes_[top].parent].tag != GUMBO_TAG_BODY &&
           ElementChildren(nodes_[top].parent).size() == 1) {
      top = nodes_[top].parent;
    }
    return top;
  }

  std::vector<int> ElementChildren(int i) const {
    std::vector<int> children;
    for (int child = i + 1; child < nodes_[i].end; child = nodes_[child].end) {
      if (!nodes_[child].is_text && !removed_[child]) children.push_back(child);
    }
    return children;
  }

  // The top candidate and those of its siblings that read like more of the article.
  std::vector<int> SelectedSiblings(int top) const {
    int parent = nodes_[top].parent;
    if (parent < 0) return {top};
    double threshold = std::max(10.0, score_[top] * 0.2);
    std::vector<int> selected;
    for (int sibling : ElementChildren(parent)) {
      if (sibling == top) {
        selected.push_back(sibling);
        continue;
      }
      double bonus =
          !nodes_[top].class_name.empty() && nodes_[sibling].class_name == nodes_[top].class_name
              ? score_[top] * 0.2
              : 0.0;
      bool append = scored_[sibling] && score_[sibling] + bonus >= threshold;
      if (!append && nodes_[sibling].tag == GUMBO_TAG_P) {
        int length = stats_[sibling].text;
        double density = LinkDensity(sibling);
        append = (length > 80 && density < 0.25) ||
                 (length > 0 && length <= 80 && density == 0 && EndsSentence(sibling));
      }
      if (append) selected.push_back(sibling);
    }
    return selected;
  }

  bool EndsSentence(int i) const {
    for (int k = nodes_[i].end - 1; k > i; --k) {
      if (!nodes_[k].is_text) continue;
      std::string_view text = nodes_[k].text;
      while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
      }
      if (!text.empty()) return text.back() == '.';
    }
    return false;
  }

  // Readability's conditional cleaning: link lists, image strips and form-like blocks
  // inside the selected content are dropped unless they read like prose.
  bool IsCleaned(int i, int top) const {
    if (!pass_.clean_conditionally || i == top) return false;
    GumboTag tag = nodes_[i].tag;
    bool is_list = tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL;
    const Stats& s = stats_[i];
    // A paragraph that is one link, however long: a teaser for another story.
    if (tag == GUMBO_TAG_P) return s.text >= kMinTeaserLinkText && s.links == s.text;
    if (!is_list && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_SECTION && tag != GUMBO_TAG_FORM &&
        tag != GUMBO_TAG_FIELDSET && tag != GUMBO_TAG_TABLE && tag != GUMBO_TAG_UNKNOWN) {
      return false;
    }
    int weight = Weight(i);
    if (weight + (scored_[i] ? score_[i] : 0.0) < 0) return true;
    if (s.commas >= 10) return false;
    double density = LinkDensity(i);
    if (s.images > 1 && s.paragraphs * 2 < s.images) return true;
    if (!is_list && s.list_items - 100 > s.paragraphs) return true;
    if (!is_list && s.text < 25 && (s.images == 0 || s.images > 2)) return true;
    if (weight < 25 && density > 0.2 && !is_list) return true;
    if (density > 0.5) return true;
    return false;
  }

  // Appends the text under node `root` as lines, one per block.
  void Emit(int root, int top, std::string& out) const {
    std::string line;
    int line_block = -2;
    auto flush = [&] {
      std::string collapsed = CollapseWhitespace(line);
      if (HasLetterOrDigit(collapsed)) {
        if (!out.empty()) out += '\n';
        out += collapsed;
      }
      line.clear();
    };
    for (int i = root; i < nodes_[root].end;) {
      const Node& node = nodes_[i];
      if (removed_[i] || (!node.is_text && IsCleaned(i, top))) {
        i = node.end;
        continue;
      }
      if (node.is_text) {
        if (node.block != line_block) {
          flush();
          line_block = node.block;
        }
        line += node.text;
      } else if (node.tag == GUMBO_TAG_BR) {
        flush();
        line_block = -2;
      }
      ++i;
    }
    flush();
  }

  const std::vector<Node>& nodes_;
  Pass pass_;
  std::vector<bool> removed_;  // roots of subtrees this pass leaves out
  std::vector<bool> dead_;     // removed or inside a removed subtree
  std::vector<Stats> stats_;
  std::vector<double> score_;
  std::vector<bool> scored_;
};

std::string ExtractText(const std::vector<Node>& nodes) {
  std::string best;
  for (const Pass& pass : kPasses) {
    std::string text = Extractor(nodes, pass).Run();
    if (text.size() >= kEnoughText) return text;
    if (text.size() > best.size()) best = std::move(text);
  }
  return best;
}

// The text without lines near its top that repeat the page title: the headline is
// metadata, not body text.
std::string WithoutHeadline(const std::string& text, const std::string& title) {
  constexpr int kTopLines = 3;
  std::string out;
  std::string wanted = Lowercase(title);
  size_t start = 0;
  for (int line = 0; start < text.size(); ++line) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view current(text.data() + start, end - start);
    if (line >= kTopLines || title.empty() || Lowercase(current) != wanted) {
      if (!out.empty()) out += '\n';
      out += current;
    }
    start = end + 1;
  }
  return out;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

ExtractedPage ExtractArticleFromHtml(std::string_view html, std::string_view address) {
  ExtractedPage page;
  try {
    if (LooksLikeBinary(html)) return page;
    std::string converted = HtmlBytesToUtf8(html);
    std::optional<std::string> utf8 = BoundHtmlForParser(converted);
    if (!utf8) {
      page.refused = "page has more than " + std::to_string(ElementBudget(converted.size())) +
                     " elements, too many for its size, not parsed";
      return page;
    }
    std::string().swap(converted);
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
        gumbo_parse_with_options(&options, utf8->data(), utf8->size()));
    if (!output) return page;
    HtmlMetadata metadata = ExtractHtmlMetadata(output->root, address);
    const std::vector<Node> nodes = Flatten(output->root);
    // The passes read only the flat copy: the tree and the bytes it points into go now,
    // so the two never take memory at the same time as the passes' tables.
    output.reset();
    utf8.reset();
    page.title = std::move(metadata.title);
    page.author = std::move(metadata.author);
    page.site_name = std::move(metadata.site_name);
    page.url = std::move(metadata.url);
    page.published = std::move(metadata.published);
    page.text = WithoutPromoLines(WithoutHeadline(ExtractText(nodes), page.title));
    if (page.text.size() * 2 < metadata.article_body.size()) page.text = metadata.article_body;
  } catch (const std::exception&) {
    return ExtractedPage{};
  }
  return page;
}

}  // namespace storyline
