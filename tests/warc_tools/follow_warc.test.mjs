// The archive `storyline follow --warc-dir` writes, read by warcio.js (Webrecorder's WARC
// library, a port of Python's warcio): every record parses, pages and feeds are response
// records with their target URI, date and request, and each payload digest is the SHA-1
// of the payload as warcio reads it. What the C++ tests check against our own reader,
// this checks against a tool of the field.
//
// Run by ctest (tests/warc_tools/CMakeLists.txt) with STORYLINE (the binary) set.
import assert from "node:assert/strict";
import {execFile} from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import {promisify} from "node:util";
import {after, before, test} from "node:test";

import {WARCParser} from "warcio";

const {STORYLINE} = process.env;

const ARTICLE_TEXT = [
  "The city council voted on Tuesday to rebuild the old harbour bridge after the storm.",
  "Mayor Ann Lee said the work would start in spring and take two years.",
  "\"We owe it to the people who cross it every day,\" Lee said.",
];

function page(title) {
  const paragraphs = ARTICLE_TEXT.map((p) => `<p>${p}</p>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
         `<body><article><h1>${title}</h1>\n${paragraphs}</article></body></html>`;
}

let dir;
let server;
let base;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "storyline-warc-tools-"));
  server = http.createServer((req, res) => {
    if (req.url === "/feed.xml") {
      res.writeHead(200, {"Content-Type": "application/rss+xml"});
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>` +
              `<item><title>Bridge</title><link>${base}/bridge.html</link></item>` +
              `<item><title>Harbour</title><link>${base}/harbour.html</link></item>` +
              `</channel></rss>`);
    } else if (req.url === "/bridge.html" || req.url === "/harbour.html") {
      res.writeHead(200, {"Content-Type": "text/html; charset=utf-8"});
      res.end(page(req.url === "/bridge.html" ? "Council votes to rebuild bridge" : "Harbour plan"));
    } else {
      res.writeHead(404, {"Content-Type": "text/plain"});
      res.end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  fs.writeFileSync(path.join(dir, "feeds.txt"), `${base}/feed.xml\n`);
  // Asynchronous, so this process's server answers while `follow` runs.
  await promisify(execFile)(STORYLINE, [
    "follow", "--db", path.join(dir, "store.db"), "--feeds", path.join(dir, "feeds.txt"),
    "--once", "--host-delay", "0", "--warc-dir", path.join(dir, "warc"),
  ]);
});

after(() => {
  server?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

// RFC 4648 base32, as WARC payload digests write SHA-1.
function base32(bytes) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

async function readArchive() {
  const files = fs.readdirSync(path.join(dir, "warc")).filter((f) => f.endsWith(".warc.gz"));
  assert.ok(files.length > 0, "follow wrote no .warc.gz");
  const records = [];
  for (const file of files) {
    const stream = fs.createReadStream(path.join(dir, "warc", file));
    for await (const record of WARCParser.iterRecords(stream)) {
      const payload = await record.readFully(true);
      records.push({record, payload: Buffer.from(payload)});
    }
  }
  return records;
}

test("warcio reads every record follow archived, with digests that hold", async () => {
  const records = await readArchive();
  const responses = records.filter(({record}) => record.warcType === "response");
  const requests = records.filter(({record}) => record.warcType === "request");
  const targets = responses.map(({record}) => record.warcTargetURI);
  for (const wanted of ["/feed.xml", "/bridge.html", "/harbour.html"]) {
    assert.ok(targets.includes(base + wanted), `no response for ${wanted} in ${targets}`);
  }
  for (const {record, payload} of responses) {
    assert.equal(record.warcHeaders.protocol, "WARC/1.1");
    assert.match(record.warcDate ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    assert.ok(record.httpHeaders, `no HTTP headers in the response for ${record.warcTargetURI}`);
    const digest = crypto.createHash("sha1").update(payload).digest();
    assert.equal(record.warcPayloadDigest, `sha1:${base32(digest)}`, record.warcTargetURI);
  }
  // Each response has its request, naming the same address.
  const requested = requests.map(({record}) => record.warcTargetURI);
  for (const target of targets) assert.ok(requested.includes(target), `no request for ${target}`);
  const bridge = responses.find(({record}) => record.warcTargetURI === `${base}/bridge.html`);
  assert.ok(bridge.payload.toString("utf8").includes(ARTICLE_TEXT[1]));
});
