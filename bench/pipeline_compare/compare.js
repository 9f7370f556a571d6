// The JavaScript side of the speed comparison (run.sh): compromise or wink-nlp over the
// same JSON Lines articles pipeline_compare reads, timed the same way.
//
// usage: node --single-threaded compare.js compromise|wink ARTICLES.jsonl [PASSES]
//
//   compromise  nlp(text) (tokenize and tag), then .people(), .places() and
//               .organizations(), each written out as an array of strings
//   wink        wink-nlp with wink-eng-lite-web-model, pipe sbd + pos + ner (sentiment
//               and negation off, as storyline has neither): readDoc(text), then every
//               token's POS and every entity's detail. Its entities are dates, times,
//               money, quantities, URLs and the like, not names: the model has no
//               person, organization or place recognizer.
//
// Each tool runs in its own process, so its peak RSS is its own. One warm-up pass over
// the first 20 articles runs untimed (the JIT needs it), then PASSES full passes (3 by
// default) are timed and the fastest by CPU time is reported. --single-threaded keeps
// V8's compiler and garbage collector on the main thread, so CPU time is one core's.
// Words are whitespace tokens, counted as pipeline_compare counts them.
"use strict";

const fs = require("fs");

const kWarmUpArticles = 20;

function readArticles(path) {
  return fs
    .readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

function whitespaceWords(text) {
  return text.split(/[ \t\n\r\f\v]+/).filter((word) => word !== "").length;
}

// Loads a tool; returns a function from a text to a count of what it found.
function loadCompromise() {
  const nlp = require("compromise");
  return (text) => {
    const doc = nlp(text);
    return (
      doc.people().out("array").length +
      doc.places().out("array").length +
      doc.organizations().out("array").length
    );
  };
}

function loadWink() {
  const winkNLP = require("wink-nlp");
  const model = require("wink-eng-lite-web-model");
  const nlp = winkNLP(model, ["sbd", "pos", "ner"]);
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    return doc.tokens().out(its.pos).length + doc.entities().out(its.detail).length;
  };
}

const kTools = { compromise: loadCompromise, wink: loadWink };

function cpuSeconds() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

function wallSeconds() {
  return Number(process.hrtime.bigint()) / 1e9;
}

function timeFastestPass(articles, passes, analyze) {
  for (const article of articles.slice(0, kWarmUpArticles)) analyze(article.text);
  let best = { cpu_s: Infinity, wall_s: Infinity, found: 0 };
  for (let pass = 0; pass < passes; ++pass) {
    let found = 0;
    const cpuStart = cpuSeconds();
    const wallStart = wallSeconds();
    for (const article of articles) found += analyze(article.text);
    const time = { cpu_s: cpuSeconds() - cpuStart, wall_s: wallSeconds() - wallStart, found };
    if (time.cpu_s < best.cpu_s) best = time;
  }
  return best;
}

function main() {
  const [toolName, input, passesArg] = process.argv.slice(2);
  if (!(toolName in kTools) || !input) {
    console.error("usage: node compare.js compromise|wink ARTICLES.jsonl [PASSES]");
    process.exit(2);
  }
  const passes = passesArg ? Number(passesArg) : 3;
  const articles = readArticles(input);
  const words = articles.reduce((sum, article) => sum + whitespaceWords(article.text), 0);

  const loadStart = wallSeconds();
  const run = kTools[toolName]();
  const loadSeconds = wallSeconds() - loadStart;
  const time = timeFastestPass(articles, passes, run);
  console.log(
    JSON.stringify({
      tool: toolName === "wink" ? "wink-nlp" : "compromise",
      pipeline: toolName === "wink" ? "tokenize+sbd+pos+ner" : "tokenize+tag+people/places/orgs",
      articles: articles.length,
      words,
      load_s: Number(loadSeconds.toFixed(4)),
      cpu_s: Number(time.cpu_s.toFixed(4)),
      wall_s: Number(time.wall_s.toFixed(4)),
      words_per_cpu_s: Math.round(words / time.cpu_s),
      words_per_wall_s: Math.round(words / time.wall_s),
      found: time.found,
      peak_rss_kib: process.resourceUsage().maxRSS,
    }),
  );
}

main();
