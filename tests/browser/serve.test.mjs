// The web page of `storyline serve` in a real browser: Playwright drives Debian's
// chromium (headless) through the views an editor uses, clicking from the stories to a
// story, from an event on its timeline to the evidence, from the evidence to the article
// and from a name to the entity, over the real server on a store this test ingests (the
// seeds and tests/serve/hostile_article.h's article, which tries to run script). One
// browser for the file; a screenshot of each view is saved in SCREENSHOTS (the build
// tree's serve-screenshots/) to look at.
//
// Run by ctest (tests/browser/CMakeLists.txt) with STORYLINE (the binary), SHARED (the
// shared folder with seeds/), SOURCE (the checkout) and SCREENSHOTS set.
import assert from "node:assert/strict";
import {spawn, spawnSync} from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {after, before, test} from "node:test";

import {chromium} from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const {STORYLINE, SHARED, SOURCE, SCREENSHOTS} = process.env;

let dir;
let server;
let base;
let browser;
let page;
const problems = [];  // script errors, console errors (a CSP refusal is one) and dialogs

// The hostile article as tests/serve/hostile_article.h holds it (the API tests ingest the
// same one): the pieces of its raw string literal, joined.
function hostileArticle() {
  const header = fs.readFileSync(path.join(SOURCE, "tests/serve/hostile_article.h"), "utf8");
  const pieces = [...header.matchAll(/R"\((.*?)\)"/gs)].map((m) => m[1]);
  assert.ok(pieces.length > 0, "no raw string in hostile_article.h");
  return pieces.join("");
}

// Starts `storyline serve` on a free port; resolves with its address once it says it.
function serve(db) {
  return new Promise((resolve, reject) => {
    server = spawn(STORYLINE, ["serve", "--db", db, "--port", "0"], {stdio: ["ignore", "ignore", "pipe"]});
    let said = "";
    server.stderr.on("data", (chunk) => {
      said += chunk;
      const found = said.match(/at (http:\/\/[\d.]+:\d+)\//);
      if (found) resolve(found[1]);
    });
    server.on("exit", (code) => reject(new Error("serve exited with " + code + ": " + said)));
  });
}

// Saves a screenshot of the view, after checking that it shows no sign of a value the
// page failed to turn into text.
async function shot(name) {
  const text = await page.locator("main").innerText();
  for (const slip of [/\[object \w+\]/, /\bundefined\b/, /\bNaN\b/, /\bnull\b/]) {
    assert.doesNotMatch(text, slip, `${name} shows a value as ${slip}`);
  }
  await page.screenshot({path: path.join(SCREENSHOTS, name + ".png"), fullPage: true});
}

// Goes to a view and waits until the page's script has drawn it (the "Loading…"
// placeholder is gone).
async function visit(fragment) {
  await page.goto(base + "/" + fragment);
  await page.waitForFunction(() => !document.querySelector("#view > p.muted")?.textContent.startsWith("Loading"));
}

before(async () => {
  for (const [name, value] of Object.entries({STORYLINE, SHARED, SOURCE, SCREENSHOTS})) {
    assert.ok(value, name + " is not set (ctest sets it)");
  }
  // Chromium is a test dependency (scripts/install-deps.sh): without it the test fails
  // rather than skipping, so that no run passes with the browser checks unrun.
  assert.ok(fs.existsSync(CHROMIUM), "no " + CHROMIUM);
  fs.mkdirSync(SCREENSHOTS, {recursive: true});
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "storyline-browser-"));
  const hostile = path.join(dir, "hostile.jsonl");
  fs.writeFileSync(hostile, hostileArticle() + "\n");
  const db = path.join(dir, "store.db");
  const ingest = spawnSync(STORYLINE, ["ingest", "--db", db, path.join(SHARED, "seeds/seeds.jsonl"), hostile],
                           {encoding: "utf8"});
  assert.equal(ingest.status, 0, ingest.stderr);
  base = await serve(db);
  browser = await chromium.launch({executablePath: CHROMIUM, headless: true});
  page = await browser.newPage({viewport: {width: 1280, height: 900}});
  page.setDefaultTimeout(90000);  // CI runs this beside the rest of the suite on two cores
  page.on("pageerror", (error) => problems.push("script error: " + error.message));
  page.on("console", (message) => { if (message.type() === "error") problems.push("console: " + message.text()); });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(response.status() + " " + response.url());
  });
  page.on("dialog", async (dialog) => { problems.push("dialog: " + dialog.message()); await dialog.dismiss(); });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test("the stories view lists stories with their outlets and the store's last change", async () => {
  await visit("");
  const stories = page.locator("ol.stories > li");
  assert.ok(await stories.count() >= 1);
  const meta = await stories.first().locator(".meta").textContent();
  assert.match(meta, /\d+ articles? · \d+ outlets? · \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d/);
  await page.waitForFunction(() => document.getElementById("stats").textContent.includes("updated"));
  const stats = await page.locator("#stats").textContent();
  assert.match(stats, /^6 articles · \d+ stor(y|ies) · \d+ outlets · updated \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  assert.match(await page.locator("#stats").getAttribute("title"), /^Last stored: .*Test Wire/);
  await shot("stories");
});

test("story -> event on the zoomable timeline -> evidence -> article", async () => {
  await visit("");
  // The seeds' story is the one with five articles.
  await page.locator("ol.stories > li", {hasText: "5 articles"}).first().locator("a.title").click();
  await page.locator("svg.axis").waitFor();
  assert.match(await page.locator("h1").textContent(), /\S/);

  // The axis: a mark per dated event, placed left to right by day.
  const marks = page.locator("svg.axis .mark");
  const listed = page.locator("ol.timeline:not(.undated) > li");
  assert.equal(await marks.count(), await listed.count());
  const placed = await marks.evaluateAll((nodes) => nodes.map((n) => ({
    x: Number(n.querySelector("circle").getAttribute("cx")), label: n.getAttribute("aria-label").slice(0, 10)})));
  for (let i = 1; i < placed.length; ++i) {
    assert.equal(placed[i].label >= placed[i - 1].label, placed[i].x >= placed[i - 1].x, JSON.stringify(placed));
  }
  // No mark hides another: marks too close to tell apart stack.
  const circles = await page.locator("svg.axis .mark circle").evaluateAll((nodes) =>
    nodes.map((n) => [Number(n.getAttribute("cx")), Number(n.getAttribute("cy")), Number(n.getAttribute("r"))]));
  for (const [i, [x1, y1, r]] of circles.entries()) {
    for (const [x2, y2] of circles.slice(i + 1)) assert.ok(Math.hypot(x1 - x2, y1 - y2) >= 2 * r, "marks overlap");
  }
  // Undated events are listed apart, never on the axis.
  for (const label of await page.locator("ol.timeline.undated .date").allTextContents()) assert.equal(label, "undated");

  // Zoom with the buttons, the keyboard and the wheel; pan by dragging; show all again.
  const range = page.locator(".axis-controls .range");
  const axis = page.locator("svg.axis");
  const days = async () =>
    (Number(await axis.getAttribute("data-to")) - Number(await axis.getAttribute("data-from"))) / 86400000;
  const all = await days();
  await page.getByRole("button", {name: "Zoom in"}).click();
  assert.ok(await days() < all * 0.6, "zoom in narrows the range");
  await page.locator("svg.axis").focus();
  await page.keyboard.press("-");
  assert.ok(Math.abs(await days() - all) < 1, "minus zooms back out");
  const box = await page.locator("svg.axis").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  const wheeled = await days();
  assert.ok(wheeled < all * 0.7, "the wheel zooms in around the pointer");
  const before = Number(await axis.getAttribute("data-from"));
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, {steps: 5});
  await page.mouse.up();
  assert.ok(Number(await axis.getAttribute("data-from")) < before, "a drag to the right shows earlier days");
  assert.match(await range.textContent(), /^\d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d$/);
  assert.ok(Math.abs(await days() - wheeled) < 0.01, "a drag keeps the zoom");
  await page.keyboard.press("0");
  assert.ok(Math.abs(await days() - all) < 1, "0 shows all again");
  await shot("story");
  // On a phone the marks keep their size (the axis is drawn in the box's own pixels).
  await page.setViewportSize({width: 390, height: 844});
  await page.waitForFunction(() => document.querySelector("svg.axis .mark circle").getBoundingClientRect().width >= 12);
  await axis.scrollIntoViewIfNeeded();
  await page.screenshot({path: path.join(SCREENSHOTS, "story-phone.png")});
  await page.setViewportSize({width: 1280, height: 900});

  // Choosing a mark opens that event's evidence: sentences with outlet, date and links.
  await marks.first().click();
  const opened = listed.first();  // the first mark's event: both are in date order
  await opened.locator("ul.evidence > li").first().waitFor();
  const evidence = opened.locator("ul.evidence > li").first();
  // A whole sentence: an abbreviation ("Oct. 7") does not end it.
  assert.match(await evidence.locator("q").textContent(), /^["“A-Z].*\w.*[.!?]["”’]?$/);
  assert.match(await evidence.locator(".cite").textContent(), /— .+, \d{4}-\d\d-\d\d article/);
  assert.equal(await page.locator("svg.axis .mark.selected").count(), 1);
  await opened.scrollIntoViewIfNeeded();
  await shot("evidence");

  // A mark chosen from the keyboard opens its event's evidence too.
  await marks.last().focus();
  await page.keyboard.press("Enter");
  await listed.last().locator("ul.evidence > li").first().waitFor();
  assert.equal(await page.locator("ol.timeline > li:has(button[aria-expanded=true])").count(), 2);
  assert.equal(await page.locator("svg.axis .mark.selected").count(), 1);

  // The evidence's article link opens the article, with its facts highlighted.
  await evidence.getByRole("link", {name: "article", exact: true}).click();
  await page.locator("div.text mark").first().waitFor();
  assert.match(page.url(), /#\/article\//);
  // An article without a title is headed by its first sentence, not its id.
  assert.doesNotMatch(await page.locator("h1").textContent(), /^\d+$/);
  assert.match(await page.locator("p.meta").first().textContent(), /· \d{4}-\d\d-\d\d/);
  await shot("article");
});

test("an entity is shown by its name and opens its own view", async () => {
  await visit("#/entities");
  const first = page.locator("ol.entities > li > a").first();
  await first.waitFor();
  const names = await page.locator("ol.entities > li > a").allTextContents();
  // Names as the articles write them, not ids ("benjamin-netanyahu").
  assert.ok(names.includes("Benjamin Netanyahu"), names.join(", "));
  await shot("entities");
  await page.locator("ol.entities > li > a", {hasText: "Benjamin Netanyahu"}).click();
  await page.locator("h1", {hasText: "Benjamin Netanyahu"}).waitFor();
  assert.ok(await page.locator("svg.axis .mark").count() >= 1, "the entity's events on the axis");
  const named = await page.locator("section:has(h2:text('Named with')) a").allTextContents();
  assert.ok(named.length > 0);
  for (const name of named) assert.doesNotMatch(name, /^[a-z0-9]+(-[a-z0-9]+)+$/, "an id shown as a name");
  await shot("entity");
});

test("an article holding markup shows it as text and runs none of it", async () => {
  await visit("#/article/hostile");
  await page.locator("div.text").waitFor();
  assert.equal(await page.locator("h1").textContent(), "Mayor <script>alert(1)</script> speaks");
  assert.match(await page.locator("div.text").textContent(), /the <img src=x onerror=alert\(2\)> council/);
  assert.equal(await page.locator("#view script, #view img, #view b").count(), 0);
  assert.ok(await page.locator("div.text mark.quote").count() >= 1, "facts highlighted");
  await shot("hostile-article");
});

test("search finds articles and marks the words it matched", async () => {
  await visit("#/search");
  await page.getByRole("searchbox", {name: "Search articles"}).fill("ceasefire");
  await page.getByRole("button", {name: "Search"}).click();
  await page.locator("ol.hits > li").first().waitFor();
  assert.ok(await page.locator("ol.hits .snippet b").count() >= 1);
  assert.match(await page.locator("ol.hits > li > a").first().getAttribute("href"), /^#\/article\//);
  await shot("search");
});

test("no view raised a script error, a refused resource or a dialog", () => {
  assert.deepEqual(problems, []);
});
