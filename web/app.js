// The storyline page: a small hash-routed view over the JSON API (/api/v1). Every string
// that comes from an article is put into the page as text (textContent, text nodes),
// never as markup, so an article holding <script> or onerror= shows as what it says.
"use strict";

const API = "/api/v1/";
const POLL_MS = 5000;
const view = document.getElementById("view");
let lastVersion = null;
let renderId = 0;

// el("a", {href: "#/x", class: "y"}, "text", child...): an element whose string children
// become text nodes. Attributes are set one by one; none takes markup.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path) {
  const response = await fetch(API + path, {headers: {Accept: "application/json"}});
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function q(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) search.set(k, v);
  const text = search.toString();
  return text ? "?" + text : "";
}

function enc(id) { return encodeURIComponent(id); }
function day(date) { return date ? String(date).slice(0, 10) : "undated"; }
function plural(n, noun, nouns) { return n + " " + (n === 1 ? noun : nouns || noun + "s"); }
function articleLink(id, label) { return el("a", {href: "#/article/" + enc(id)}, label || id); }
function entityLink(id, name) { return el("a", {href: "#/entity/" + enc(id)}, name || id); }

function show(...nodes) {
  view.replaceChildren(...nodes.filter((node) => node !== null && node !== undefined));
}

function failure(error) {
  show(el("p", {class: "error", role: "alert"}, "Could not load: " + error.message));
}

// A bar per day from the first to the last day of the story's events: how busy it was.
function sparkline(events) {
  const counts = new Map();
  for (const e of events) if (e.date) counts.set(day(e.date), (counts.get(day(e.date)) || 0) + 1);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("viewBox", "0 0 100 20");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("aria-hidden", "true");
  const days = [...counts.keys()].sort();
  if (days.length === 0) return svg;
  const first = Date.parse(days[0]);
  const span = Math.max(1, (Date.parse(days[days.length - 1]) - first) / 86400000 + 1);
  const most = Math.max(...counts.values());
  const width = Math.min(6, Math.max(1, 100 / span));  // one busy day is a bar, not a block
  for (const [d, n] of counts) {
    const bar = document.createElementNS(ns, "rect");
    const x = ((Date.parse(d) - first) / 86400000) * (100 / span);
    bar.setAttribute("x", x.toFixed(2));
    bar.setAttribute("width", Math.max(0.8, width - 0.4).toFixed(2));
    bar.setAttribute("y", (20 - (18 * n) / most).toFixed(2));
    bar.setAttribute("height", ((18 * n) / most).toFixed(2));
    svg.append(bar);
  }
  return svg;
}

// Stories: newest active first, filtered by the words of their labels, redrawn when the
// store changes (an ingest or a follow writing beside the server).
async function storiesView(params) {
  const filter = el("input", {type: "search", id: "filter", placeholder: "Filter stories by label",
                              "aria-label": "Filter stories", value: params.get("q") || ""});
  const list = el("ol", {class: "stories"});
  const more = el("p", {class: "muted"});
  const form = el("form", {role: "search"}, filter);
  form.addEventListener("submit", (e) => e.preventDefault());
  let timer = null;
  filter.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      history.replaceState(null, "", "#/" + q({q: filter.value}));
      load();
    }, 200);
  });
  show(el("h1", {}, "Stories"), form, list, more);
  async function load() {
    const data = await api("stories" + q({sort: "date", q: filter.value, limit: 100}));
    list.replaceChildren(...data.stories.map((s) =>
      el("li", {},
         el("a", {href: "#/story/" + s.id, class: "title"}, s.label || "story " + s.id),
         el("span", {class: "meta"}, plural(s.articles.length, "article"), " · ",
            plural(s.outlets.length, "outlet"), " · ", day(s.first), " – ", day(s.last)),
         sparkline(s.events))));
    more.textContent = data.total > data.stories.length
        ? "Showing " + data.stories.length + " of " + data.total + " stories." : "";
    if (data.total === 0) list.replaceChildren(el("li", {class: "muted"}, "No stories."));
  }
  view.reload = load;
  await load();
}

// A sentence ends at . ! or ? (and any closing quote) before a space and a capital, a
// digit-free opening quote or the end; so "Oct. 7" and "U.S. officials" go on.
const SENTENCE_END = /[.!?]["'”’)]*\s+(?=["“‘(]?[A-Z])/g;

// The sentence of `text` holding the UTF-8 byte offset `start` (fact spans are bytes).
function sentenceAt(text, start) {
  const at = new TextDecoder().decode(new TextEncoder().encode(text).slice(0, start)).length;
  let from = 0;
  let to = text.length;
  for (const end of text.matchAll(SENTENCE_END)) {
    const next = end.index + end[0].length;
    if (next <= at) from = next; else { to = end.index + end[0].trimEnd().length; break; }
  }
  const paragraph = text.lastIndexOf("\n", at - 1);
  if (paragraph >= from) from = paragraph + 1;
  const cut = text.indexOf("\n", at);
  if (cut >= 0 && cut < to) to = cut;
  const sentence = text.slice(from, to).trim();
  return sentence.length > 400 ? sentence.slice(0, 400) + "…" : sentence;
}

// What an article is called: its title, else its first sentence (some sources give none).
function headline(article) {
  return article.title || (article.text ? sentenceAt(article.text, 0) : "") || article.id;
}

function citation(c) {
  return el("span", {class: "cite"}, "[", articleLink(c.article),
            c.source ? ", " + c.source : "", c.published ? ", " + day(c.published) : "", "]");
}

// The evidence of one event: each reporting article's sentence around the event's trigger.
async function evidence(event, sources, box) {
  box.replaceChildren(el("p", {class: "muted"}, "Loading evidence…"));
  const items = [];
  for (const id of event.articles.slice(0, 20)) {
    try {
      const {article} = await api("articles/" + enc(id));
      // The article's own event of this type, on the event's day when one is.
      const same = article.events.filter((e) => e.type === event.type);
      const found = same.find((e) => event.date && String(e.time || "").startsWith(day(event.date))) ||
                    same[0] || article.events[0];
      const sentence = found ? sentenceAt(article.text, found.start) : article.title;
      items.push(el("li", {}, el("q", {}, sentence.trim()), " ",
                    el("span", {class: "cite"}, "— ", sources[id] || article.source || "unknown outlet",
                       ", ", day(article.published), " ", articleLink(id, "article"),
                       article.url ? el("span", {}, " · ", el("a", {href: article.url, rel: "noopener noreferrer"}, "original")) : null)));
    } catch (error) {
      items.push(el("li", {class: "error"}, id + ": " + error.message));
    }
  }
  box.replaceChildren(el("ul", {class: "evidence"}, items));
}

// The events on a zoomable time axis (timeline.js), then listed: dated ones by day,
// undated ones apart. Choosing an event on the axis or in the list opens its evidence.
function timeline(events, sources, names = {}) {
  const items = new Map();
  const item = (event) => {
    const box = el("div", {class: "evidence-box"});
    const button = el("button", {type: "button", "aria-expanded": "false"},
                      el("span", {class: "date"}, day(event.date)), " ",
                      el("span", {class: "type"}, event.type), " ", event.summary);
    const open = (wanted) => {
      if ((button.getAttribute("aria-expanded") === "true") === wanted) return;
      button.setAttribute("aria-expanded", String(wanted));
      if (wanted) evidence(event, sources, box); else box.replaceChildren();
    };
    button.addEventListener("click", () => open(button.getAttribute("aria-expanded") !== "true"));
    const named = [...event.actors, ...(event.place && !event.actors.includes(event.place) ? [event.place] : [])];
    const li = el("li", {id: "event-" + event.id}, button,
                  el("div", {class: "meta"}, plural(event.articles.length, "report"),
                     named.length ? " · " : "", named.flatMap((a, i) => i ? [", ", entityLink(a, names[a])] : [entityLink(a, names[a])])),
                  box);
    items.set(event, {li, button, open});
    return li;
  };
  const dated = events.filter((e) => e.date);
  const undated = events.filter((e) => !e.date);
  const select = (event) => {
    const {li, button, open} = items.get(event);
    open(true);
    li.scrollIntoView({block: "nearest"});
    button.focus({preventScroll: true});
  };
  return el("section", {class: "timeline-section"}, el("h2", {}, "Timeline"),
            dated.length ? zoomableTimeline(dated, {onSelect: select}) : null,
            dated.length ? el("ol", {class: "timeline"}, dated.map(item)) : el("p", {class: "muted"}, "No dated events."),
            undated.length ? [el("h3", {}, "Undated"), el("ol", {class: "timeline undated"}, undated.map(item))] : null);
}

function quotesBySpeaker(groups) {
  return el("section", {}, el("h2", {}, "Quotes by speaker"),
    groups.length ? groups.map((g) => el("div", {class: "speaker"},
      el("h3", {}, g.speaker || "(unknown speaker)"),
      el("ul", {}, g.quotes.map((quote) => el("li", {}, el("q", {}, quote.text), " ", citation(quote)))))) :
    el("p", {class: "muted"}, "No quotations."));
}

function table(headers, rows) {
  return el("div", {class: "scroll"}, el("table", {},
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {scope: "col"}, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c)))))));
}

function comparison(c) {
  const parts = [el("h2", {}, "Across outlets")];
  parts.push(el("h3", {}, "Numbers"), c.numbers.length ? table(["verdict", "unit", "figure", "outlet", "date", "article"],
    c.numbers.flatMap((n) => n.reports.map((r) => [n.disagreement ? (n.same_day ? "disagree" : "changed") : "agree",
      n.unit, r.text, r.source, day(r.published), articleLink(r.article)]))) : el("p", {class: "muted"}, "No figures reported by several outlets."));
  parts.push(el("h3", {}, "Contradictions"), c.contradictions.length ? el("ul", {}, c.contradictions.map((x) =>
    el("li", {}, el("strong", {}, x.name), ": denies ", el("q", {}, x.denial.text), " ", citation(x.denial),
       "; asserts ", el("q", {}, x.assertion.text), " ", citation(x.assertion)))) : el("p", {class: "muted"}, "None found."));
  parts.push(el("h3", {}, "First reports"), table(["date", "event", "first", "then"],
    c.first_reports.events.map((e) => [day(e.date), e.summary, e.first.join(", "),
      e.reports.filter((r) => !e.first.includes(r.source)).map((r) => r.source + " (" + day(r.published) + ")").join("; ")])));
  parts.push(el("h3", {}, "Framing"), c.framing.length ? c.framing.map(framing) : el("p", {class: "muted"}, "No descriptors."));
  return el("section", {}, parts);
}

function framing(f) {
  return el("div", {class: "framing"}, el("h4", {}, entityLink(f.entity, f.name), " (", f.type, ")"),
    table(["descriptor", "outlets", "example"], f.descriptors.map((d) => [d.text,
      d.outlets.map((o) => o.source + " ×" + o.count).join(", "), citation(d.outlets[0].example)])));
}

async function storyView(id) {
  const [{story}, compare] = await Promise.all([api("stories/" + enc(id)), api("stories/" + enc(id) + "/compare")]);
  const unknown = story.unknown_source_articles ? ", " + story.unknown_source_articles + " of unknown source" : "";
  show(el("h1", {}, story.label || "Story " + story.id),
       el("p", {class: "meta"}, plural(story.articles.length, "article"), " from ",
          plural(story.outlets.length, "outlet"), unknown, " · ", day(story.first), " – ", day(story.last)),
       el("section", {}, el("h2", {}, "Summary"), story.summary.length ? el("ul", {class: "summary"},
          story.summary.map((s) => el("li", {}, s.text, " ", citation(s)))) : el("p", {class: "muted"}, "No summary.")),
       timeline(story.events, story.sources, story.entity_names),
       quotesBySpeaker(story.quotes_by_speaker),
       comparison(compare));
}

async function entitiesView(params) {
  const filter = el("input", {type: "search", placeholder: "Filter entities", "aria-label": "Filter entities",
                              value: params.get("q") || ""});
  const list = el("ol", {class: "entities"});
  const form = el("form", {role: "search"}, filter);
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  async function load() {
    const data = await api("entities" + q({q: filter.value, limit: 200}));
    list.replaceChildren(...data.entities.map((e) => el("li", {}, entityLink(e.id, e.name), " ",
      el("span", {class: "meta"}, plural(e.events, "event"), " · ", plural(e.stories, "story", "stories")))));
  }
  show(el("h1", {}, "Entities"), form, list);
  await load();
}

async function entityView(id) {
  const {entity} = await api("entities/" + enc(id));
  show(el("h1", {}, entity.name || entity.id),
       el("section", {}, el("h2", {}, "Stories"), el("ul", {}, entity.stories.map((s) =>
         el("li", {}, el("a", {href: "#/story/" + s.id}, s.label || "story " + s.id), " ",
            el("span", {class: "meta"}, plural(s.events, "event"), " · ", day(s.first), " – ", day(s.last)))))),
       timeline(entity.events, {}, entity.entity_names),
       el("section", {}, el("h2", {}, "What it said"), entity.quotes.length ? el("ul", {}, entity.quotes.map((quote) =>
         el("li", {}, el("q", {}, quote.text), " ", citation(quote)))) : el("p", {class: "muted"}, "No quotations.")),
       el("section", {}, el("h2", {}, "Named with"), el("p", {}, entity.co_occurring.flatMap((c, i) =>
         [i ? ", " : "", entityLink(c.id, c.name), " ×" + c.events]))),
       el("section", {}, el("h2", {}, "How outlets describe it"),
          entity.framing ? framing(entity.framing) : el("p", {class: "muted"}, "No descriptors found.")));
}

// The article's text with each fact's byte span marked; spans are UTF-8 byte offsets, so
// the text is cut as bytes and each piece decoded.
function highlighted(article) {
  const bytes = new TextEncoder().encode(article.text);
  const marks = [];
  const add = (list, kind, title) => { for (const f of list) marks.push({start: f.start, end: f.end, kind, title: title(f)}); };
  add(article.quotes, "quote", (f) => "quote" + (f.speaker ? ": " + f.speaker : ""));
  add(article.entities, "entity", (f) => f.type + (f.entity ? " " + f.entity : ""));
  add(article.times, "time", (f) => "time" + (f.value ? " " + f.value : ""));
  add(article.quantities, "quantity", (f) => "quantity " + (f.value ?? ""));
  add(article.events, "event", (f) => "event " + f.type);
  // Nested spans (an entity inside a quote) open and close in order; crossing ones are dropped.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const decoder = new TextDecoder();
  const root = el("div", {class: "text"});
  const stack = [{node: root, end: Infinity}];
  let at = 0;
  const emit = (until) => {
    while (at < until) {
      const top = stack[stack.length - 1];
      const stop = Math.min(until, top.end);
      if (stop > at) top.node.append(decoder.decode(bytes.slice(at, stop)));
      at = Math.max(at, stop);
      if (at >= top.end && stack.length > 1) stack.pop();
    }
  };
  for (const m of marks) {
    if (m.start < at || m.end > bytes.length || m.end <= m.start) continue;
    emit(m.start);
    while (stack.length > 1 && stack[stack.length - 1].end <= m.start) stack.pop();
    if (m.end > stack[stack.length - 1].end) continue;
    const node = el("mark", {class: m.kind, title: m.title});
    stack[stack.length - 1].node.append(node);
    stack.push({node, end: m.end});
  }
  emit(bytes.length);
  return root;
}

async function articleView(id) {
  const {article} = await api("articles/" + enc(id));
  show(el("h1", {class: article.title ? null : "untitled", title: article.title ? null : "No headline: its first sentence"},
          headline(article)),
       el("p", {class: "meta"}, article.source || "unknown outlet", " · ", day(article.published),
          article.author ? " · " + article.author : "",
          article.url ? el("span", {}, " · ", el("a", {href: article.url, rel: "noopener noreferrer"}, "original")) : null),
       article.story ? el("p", {}, "Story: ", el("a", {href: "#/story/" + article.story.id}, article.story.label)) : null,
       article.near_duplicates.length ? el("p", {}, "Near-duplicates: ",
         article.near_duplicates.flatMap((d, i) => [i ? ", " : "", articleLink(d)])) : null,
       el("p", {class: "legend"}, ["entity", "time", "quantity", "quote", "event"].map((k) => el("mark", {class: k}, k))),
       highlighted(article));
}

// Snippets mark matched words with [ ]: they become <b> elements holding the words as text.
function snippet(text) {
  const node = el("p", {class: "snippet"});
  for (const [i, part] of String(text).split(/\[|\]/).entries()) node.append(i % 2 ? el("b", {}, part) : part);
  return node;
}

async function searchView(params) {
  const input = el("input", {type: "search", name: "q", placeholder: "Search articles",
                             "aria-label": "Search articles", value: params.get("q") || ""});
  const sort = el("select", {name: "sort", "aria-label": "Order"}, el("option", {value: "relevance"}, "best first"),
                  el("option", {value: "date"}, "newest first"));
  sort.value = params.get("sort") || "relevance";
  const from = el("input", {type: "date", name: "from", "aria-label": "From", value: params.get("from") || ""});
  const to = el("input", {type: "date", name: "to", "aria-label": "To", value: params.get("to") || ""});
  const source = el("input", {type: "text", name: "source", placeholder: "outlet", "aria-label": "Outlet",
                              value: params.get("source") || ""});
  const form = el("form", {role: "search", class: "search"}, input, sort, from, to, source, el("button", {type: "submit"}, "Search"));
  const results = el("ol", {class: "hits"});
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/search" + q({q: input.value, sort: sort.value, from: from.value, to: to.value, source: source.value});
  });
  show(el("h1", {}, "Search"), form, results);
  input.focus();
  const offset = Number(params.get("offset") || 0);
  if (!params.get("q")) return;
  const data = await api("search" + q({q: params.get("q"), sort: params.get("sort"), from: params.get("from"),
                                       to: params.get("to"), source: params.get("source"), limit: 20, offset}));
  results.replaceChildren(...data.hits.map((h) => el("li", {}, articleLink(h.article, h.title || "Untitled article " + h.article),
    el("span", {class: "meta"}, " ", h.source), snippet(h.snippet))));
  if (data.hits.length === 0) results.replaceChildren(el("li", {class: "muted"}, "No matches."));
  if (data.hits.length === 20) {
    params.set("offset", offset + 20);
    results.after(el("p", {}, el("a", {href: "#/search?" + params.toString()}, "More results")));
  }
}

async function route() {
  const id = ++renderId;
  view.reload = null;
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query || "");
  const parts = (path || "/").split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts.length === 0) await storiesView(params);
    else if (parts[0] === "story" && parts[1]) await storyView(parts[1]);
    else if (parts[0] === "entities") await entitiesView(params);
    else if (parts[0] === "entity" && parts[1]) await entityView(parts.slice(1).join("/"));
    else if (parts[0] === "article" && parts[1]) await articleView(parts.slice(1).join("/"));
    else if (parts[0] === "search") await searchView(params);
    else show(el("p", {class: "error"}, "No such page."));
  } catch (error) {
    if (id === renderId) failure(error);
  }
  if (id === renderId && parts[0] !== "search") view.focus({preventScroll: true});
}

async function poll() {
  try {
    const stats = await api("stats");
    const line = document.getElementById("stats");
    line.textContent = plural(stats.articles, "article") + " · " + plural(stats.stories, "story", "stories") +
        " · " + plural(stats.outlets, "outlet") + (stats.changed ? " · updated " + stats.changed.replace("T", " ").slice(0, 16) + " UTC" : "");
    line.title = stats.last_stored ? "Last stored: " + (stats.last_stored.title || stats.last_stored.id) +
        (stats.last_stored.source ? " (" + stats.last_stored.source + ")" : "") : "";
    if (lastVersion !== null && stats.version !== lastVersion && view.reload) await view.reload();
    lastVersion = stats.version;
  } catch (error) {
    document.getElementById("stats").textContent = "offline";
  }
}

window.addEventListener("hashchange", route);
document.addEventListener("keydown", (e) => {
  if (e.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
    e.preventDefault();
    const box = view.querySelector("input[type=search]");
    if (box) box.focus(); else location.hash = "#/search";
  }
});
route();
poll();
setInterval(poll, POLL_MS);
