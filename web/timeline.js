// A time axis of events one can zoom and pan: the wheel (or a trackpad's pinch) zooms
// around the pointer, a drag pans, two fingers pinch, the buttons and the keyboard (+ and
// -, arrows, 0) do both. Each event is a mark at its day; marks too close to tell apart
// stack. Choosing
// a mark calls onSelect(event); the page opens its evidence. Plain SVG, no library.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const DAY_MS = 86400000;
const AXIS_WIDTH = 960;  // viewBox units until the box is measured; then its CSS pixels
const MARK_RADIUS = 7;
const MARK_STEP = 17;    // vertical distance between stacked marks
const MAX_STACK = 6;     // levels of stacked marks drawn before a "+n"

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

// Tick steps from a day to a decade; each advances a UTC date by its step.
const TICK_STEPS = [
  {days: 1, next: (d) => d.setUTCDate(d.getUTCDate() + 1), format: {month: "short", day: "numeric"}},
  {days: 2, next: (d) => d.setUTCDate(d.getUTCDate() + 2), format: {month: "short", day: "numeric"}},
  {days: 7, next: (d) => d.setUTCDate(d.getUTCDate() + 7), format: {month: "short", day: "numeric"}},
  {days: 14, next: (d) => d.setUTCDate(d.getUTCDate() + 14), format: {month: "short", day: "numeric"}},
  {days: 30, month: 1, next: (d) => d.setUTCMonth(d.getUTCMonth() + 1), format: {month: "short", year: "numeric"}},
  {days: 91, month: 3, next: (d) => d.setUTCMonth(d.getUTCMonth() + 3), format: {month: "short", year: "numeric"}},
  {days: 182, month: 6, next: (d) => d.setUTCMonth(d.getUTCMonth() + 6), format: {month: "short", year: "numeric"}},
  {days: 365, year: 1, next: (d) => d.setUTCFullYear(d.getUTCFullYear() + 1), format: {year: "numeric"}},
  {days: 3652, year: 10, next: (d) => d.setUTCFullYear(d.getUTCFullYear() + 10), format: {year: "numeric"}},
];

// The first tick at or after `from` for `step`: days count from the epoch, months and
// years from the start of the month or year.
function firstTick(from, step) {
  const d = new Date(from);
  d.setUTCHours(0, 0, 0, 0);
  if (step.year) {
    d.setUTCMonth(0, 1);
    d.setUTCFullYear(Math.ceil(d.getUTCFullYear() / step.year) * step.year);
  } else if (step.month) {
    d.setUTCDate(1);
    d.setUTCMonth(Math.ceil(d.getUTCMonth() / step.month) * step.month);
  } else if (step.days === 7 || step.days === 14) {
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));  // Mondays
  }
  while (d.getTime() < from) step.next(d);
  return d;
}

// zoomableTimeline(events, {onSelect}): a <div> holding the controls and the axis of the
// events that have a date (the caller lists undated ones apart).
function zoomableTimeline(events, {onSelect}) {
  const dated = events.filter((e) => e.date && !Number.isNaN(Date.parse(String(e.date).slice(0, 10))))
      .map((e) => ({event: e, time: Date.parse(String(e.date).slice(0, 10))}))
      .sort((a, b) => a.time - b.time);
  const times = dated.map((d) => d.time);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = Math.max(DAY_MS, (last - first) * 0.06);
  const full = {from: first - pad, to: last + pad};
  const minSpan = 3 * DAY_MS;
  const maxSpan = Math.max(4 * (full.to - full.from), 60 * DAY_MS);
  let range = {...full};
  let selected = null;

  // Marks closer than a mark's width stack upwards: each takes the lowest level where
  // it overlaps no earlier mark. Levels past MAX_STACK are counted in a "+n" instead.
  const gap = 2 * MARK_RADIUS + 3;
  const stack = (scale) => {
    const lastAt = [];
    return dated.map((d) => {
      const at = scale(d.time);
      let level = lastAt.findIndex((x) => at - x >= gap);
      if (level < 0) level = lastAt.length;
      lastAt[level] = at;
      return level;
    });
  };
  // The viewBox follows the box's width in CSS pixels, so marks and labels keep their
  // size on a phone as on a laptop; the height follows how high marks stack at full view.
  let width = AXIS_WIDTH;
  let axisY = 0;
  const plot = svg("svg", {class: "axis", tabindex: 0, role: "group",
                           "aria-label": "Timeline of dated events. Plus and minus zoom, arrows pan, 0 shows all."});
  const baseline = svg("line", {class: "baseline", x1: 0});
  const ticks = svg("g", {class: "ticks"});
  const marks = svg("g", {class: "marks"});
  plot.append(baseline, ticks, marks);
  function layout() {
    const fullScale = (time) => ((time - full.from) / (full.to - full.from)) * width;
    const tallest = Math.min(MAX_STACK, 1 + Math.max(...stack(fullScale)));
    axisY = 30 + tallest * MARK_STEP;
    plot.setAttribute("viewBox", `0 0 ${width} ${axisY + 34}`);
    for (const [name, value] of Object.entries({x2: width, y1: axisY, y2: axisY})) baseline.setAttribute(name, value);
  }
  const shown = el("span", {class: "range meta", "aria-live": "polite"});
  const button = (label, title, action) => el("button", {type: "button", title, "aria-label": title, onclick: action}, label);
  const controls = el("div", {class: "axis-controls"},
      button("−", "Zoom out", () => zoom(2)), button("+", "Zoom in", () => zoom(0.5)),
      button("◀", "Earlier", () => pan(-0.25)), button("▶", "Later", () => pan(0.25)),
      button("Show all", "Show all events", () => { range = {...full}; draw(); }), shown);

  const x = (time) => ((time - range.from) / (range.to - range.from)) * width;
  const timeAt = (units) => range.from + (units / width) * (range.to - range.from);
  const unitsOf = (clientX) => {
    const box = plot.getBoundingClientRect();
    return ((clientX - box.left) / Math.max(1, box.width)) * width;
  };

  // Zooms by `factor` (below 1 narrows the range) keeping the time under `at` in place.
  function zoom(factor, at = width / 2) {
    const span = range.to - range.from;
    const next = Math.min(maxSpan, Math.max(minSpan, span * factor));
    const pivot = timeAt(at);
    const share = at / width;
    range = {from: pivot - share * next, to: pivot + (1 - share) * next};
    draw();
  }

  function pan(fraction) {
    const shift = (range.to - range.from) * fraction;
    range = {from: range.from + shift, to: range.to + shift};
    draw();
  }

  function draw() {
    const span = range.to - range.from;
    const most = Math.max(2, Math.floor(width / 110));  // ticks that fit their labels
    const step = TICK_STEPS.find((s) => span / (s.days * DAY_MS) <= most) || TICK_STEPS[TICK_STEPS.length - 1];
    const format = new Intl.DateTimeFormat("en", {...step.format, timeZone: "UTC"});
    const tickNodes = [];
    for (const d = firstTick(range.from, step); d.getTime() <= range.to; step.next(d)) {
      const at = x(d.getTime());
      tickNodes.push(svg("line", {x1: at, x2: at, y1: axisY, y2: axisY + 6}),
                     svg("text", {x: at, y: axisY + 22, "text-anchor": "middle"}, format.format(d)));
    }
    ticks.replaceChildren(...tickNodes);
    const markNodes = [];
    const hidden = new Map();  // x of a column past MAX_STACK -> marks not drawn
    const levels = stack(x);
    dated.forEach(({event, time}, i) => {
      const at = x(time);
      if (at < -MARK_RADIUS || at > width + MARK_RADIUS) return;
      if (levels[i] >= MAX_STACK) {
        hidden.set(Math.round(at), (hidden.get(Math.round(at)) || 0) + 1);
        return;
      }
      const label = `${String(event.date).slice(0, 10)} ${event.type}: ${event.summary}`;
      const mark = svg("g", {class: "mark" + (event === selected ? " selected" : ""), tabindex: 0, role: "button",
                             "aria-label": label, "data-event": event.id},
                       svg("title", {}, label),
                       svg("circle", {cx: at, cy: axisY - 14 - levels[i] * MARK_STEP, r: MARK_RADIUS}));
      mark.addEventListener("click", () => choose(event));
      mark.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); e.stopPropagation(); choose(event); }
      });
      markNodes.push(mark);
    });
    for (const [at, count] of hidden) {
      markNodes.push(svg("text", {class: "more", x: at, y: 12, "text-anchor": "middle"}, "+" + count));
    }
    marks.replaceChildren(...markNodes);
    const dayOf = (time) => new Date(time).toISOString().slice(0, 10);
    shown.textContent = dayOf(range.from) + " – " + dayOf(range.to);
    plot.dataset.from = String(range.from);  // the exact range, for tests and tools
    plot.dataset.to = String(range.to);
  }

  function choose(event) {
    selected = event;
    draw();
    onSelect(event);
  }

  plot.addEventListener("wheel", (e) => {
    e.preventDefault();
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
      pan((e.deltaX || e.deltaY) / width);
    } else {
      zoom(Math.exp(e.deltaY * (e.ctrlKey ? 0.01 : 0.002)), unitsOf(e.clientX));
    }
  }, {passive: false});

  plot.addEventListener("keydown", (e) => {
    const actions = {"+": () => zoom(0.5), "=": () => zoom(0.5), "-": () => zoom(2), "_": () => zoom(2),
                     ArrowLeft: () => pan(-0.1), ArrowRight: () => pan(0.1),
                     "0": () => { range = {...full}; draw(); }, Home: () => { range = {...full}; draw(); }};
    if (actions[e.key]) { e.preventDefault(); actions[e.key](); }
  });

  // One pointer drags (pans); two pinch (zoom about their midpoint). A drag of a few
  // units or more is no click, so the mark under it is not chosen.
  const pointers = new Map();
  let dragged = false;
  plot.addEventListener("pointerdown", (e) => {
    pointers.set(e.pointerId, unitsOf(e.clientX));
    dragged = false;
  });
  plot.addEventListener("pointermove", (e) => {
    if (!pointers.has(e.pointerId)) return;
    const now = unitsOf(e.clientX);
    if (pointers.size === 1) {
      const moved = now - pointers.get(e.pointerId);
      if (!dragged && Math.abs(moved) < 4) return;
      if (!dragged) plot.setPointerCapture(e.pointerId);
      dragged = true;
      const shift = (moved / width) * (range.to - range.from);
      range = {from: range.from - shift, to: range.to - shift};
      pointers.set(e.pointerId, now);
      draw();
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.entries()];
      const other = a[0] === e.pointerId ? b[1] : a[1];
      const before = Math.abs(pointers.get(e.pointerId) - other);
      const after = Math.abs(now - other);
      if (before > 4 && after > 4) zoom(before / after, (now + other) / 2);
      pointers.set(e.pointerId, now);
      dragged = true;
    }
  });
  const release = (e) => pointers.delete(e.pointerId);
  plot.addEventListener("pointerup", release);
  plot.addEventListener("pointercancel", release);
  plot.addEventListener("click", (e) => { if (dragged) { e.stopPropagation(); dragged = false; } }, true);

  new ResizeObserver(([entry]) => {
    const measured = Math.round(entry.contentRect.width);
    if (measured > 0 && measured !== width) {
      width = measured;
      layout();
      draw();
    }
  }).observe(plot);
  layout();
  draw();
  return el("div", {class: "zoomable"}, controls, plot);
}
