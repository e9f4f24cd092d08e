// Runs the browser benchmark: writes the documents for the page, serves
// bench/ over HTTP (cross-origin isolated, for fine-grained timers), opens
// page.html in headless Chromium and prints the table.
//
// Usage: node bench/run.mjs [CORPUS_DIR [EVAL_NAME]]   (after bench/run.sh has built pkg/)
// EVAL_NAME names the evaluation sets bench/eval/EVAL_NAME.json (default reuters).
// ENGINES=explorer,MiniSearch (environment) runs only the engines named so.
import { createServer } from "node:http";
import { mkdirSync, readFileSync, writeFileSync, existsSync, copyFileSync } from "node:fs";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { gzipSync } from "node:zlib";
import { loadCorpus } from "./corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = process.argv[2] ?? join(here, "../../shared/corpora/reuters-21578");
const evalName = process.argv[3] ?? "reuters";
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

const docs = loadCorpus(corpusDir);
mkdirSync(join(here, "out"), { recursive: true });
writeFileSync(join(here, "out/docs.json"), JSON.stringify(docs));
copyFileSync(join(here, `eval/${evalName}.json`), join(here, "out/eval.json"));
const rawText = docs.map((d) => `${d.title}\n\n${d.text}`).join("\n");
const gzipBytes = gzipSync(Buffer.from(rawText)).length;

const types = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  const file = join(here, path === "/" ? "page.html" : path);
  if (!file.startsWith(here) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    "content-type": types[extname(file)] ?? "application/octet-stream",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
  });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const only = process.env.ENGINES ? `?engines=${encodeURIComponent(process.env.ENGINES)}` : "";
const url = `http://127.0.0.1:${server.address().port}/page.html${only}`;

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  page.on("console", (m) => process.stderr.write(`  [page] ${m.text()}\n`));
  await page.goto(url);
  await page.waitForFunction(() => window.benchResult, null, { timeout: 0, polling: 1000 });
  const result = await page.evaluate(() => window.benchResult);
  if (result.error) throw new Error(result.error);
  print(result);
} finally {
  await browser.close();
  server.close();
}

function print(result) {
  const ms = (x) => (Number.isFinite(x) ? x.toFixed(3) : "-");
  const mb = (b) => (b / 1e6).toFixed(2);
  console.log(`\n${result.documents} documents; ${result.queries} queries; ${result.keystrokes} keystrokes (every prefix of every query)`);
  console.log(`raw text (titles + bodies) gzipped: ${mb(gzipBytes)} MB; timers ${result.isolated ? "cross-origin isolated (5 µs)" : "coarse (100 µs)"}\n`);
  const header = ["engine", "build s", "index MB", "x gzip", "query p50 ms", "query p95 ms", "keystroke p50 ms", "keystroke p95 ms"];
  const rows = result.rows.map((r) => {
    const partial = (t) => (t.searched < t.of ? ` (${t.searched}/${t.of} run)` : "");
    return [
      r.engine,
      (r.buildMs / 1000).toFixed(2),
      mb(r.size),
      (r.size / gzipBytes).toFixed(2),
      ms(r.query.p50),
      ms(r.query.p95) + partial(r.query),
      ms(r.keystroke.p50),
      ms(r.keystroke.p95) + partial(r.keystroke),
    ];
  });
  table(header, rows);
  const cells = Object.keys(result.rows[0]?.recall ?? {}).sort();
  console.log(`\nrecall@5 per evaluation set (${evalName}), tune and score halves apart:\n`);
  table(
    ["engine", ...cells],
    result.rows.map((r) => [
      r.engine,
      ...cells.map((c) => {
        const { found, judged, of } = r.recall[c];
        return `${(100 * found / judged).toFixed(1)}% of ${judged}${judged < of ? ` (${of - judged} not run)` : ""}`;
      }),
    ]),
  );
  const ours = result.rows[0];
  const mini = result.rows.find((r) => r.engine === "MiniSearch");
  if (ours && mini) {
    console.log(`\nexplorer p95 / MiniSearch p95: query ${(ours.query.p95 / mini.query.p95).toFixed(2)}, keystroke ${(ours.keystroke.p95 / mini.keystroke.p95).toFixed(2)} `);
    console.log(`explorer p95: query ${ms(ours.query.p95)} ms (target <= 2), keystroke ${ms(ours.keystroke.p95)} ms (target <= 3)`);
  }
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  rows.forEach((r) => console.log(line(r)));
}
