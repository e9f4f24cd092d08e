// Load benchmark: how fast and how light a built explorer opens (issue #14).
//
//   node bench/load.mjs NAME=DIR[:QUERY] ...
//
// Serves each built site (a `trunk build --release --dist DIR`) the way a
// static host does (gzip, ETag, hashed files cached for ever), drives
// Debian's Chromium (or $CHROMIUM) and prints, per site, beside its target:
// - first visit: bytes sent over the wire (gzipped) until the service worker
//   has precached the build, counted by the server;
// - first answer, cold (empty cache), at 20 Mbit/s with 20 ms latency (CDP
//   network emulation): navigation start to the first result on the page;
// - everything ready: navigation start to the status line counting
//   matching paragraphs, which it does once the index's detail is made from
//   the documents' words (the last thing the page does as it opens);
// - second visit, offline (served by the service worker): the same;
// - renderer memory once loaded: the renderer process's resident memory, in
//   a browser driven over the DevTools pipe with no network instrumentation
//   (Playwright's keeps a copy of every response body up to 10 MB, which
//   the renderer's memory would count); and the JavaScript heap plus the
//   wasm memory;
// - keystroke p95: typing a query letter by letter, input to the next frame.
// Targets are those of issue #14 for the sites named `seeds` and `reuters`;
// "memory vs seeds" needs a site named `seeds` in the same run.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const SLOW_NETWORK = { offline: false, latency: 20, downloadThroughput: 20e6 / 8, uploadThroughput: 20e6 / 8 };
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".bin": "application/octet-stream",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".wasm", ".webmanifest", ".svg", ".bin"]);
/** Issue #14's targets: [label, site, figure key, limit, unit]. */
const TARGETS = {
  reuters: { firstVisitBytes: 8.8e6, firstAnswerMs: 2000, offlineAnswerMs: 1000, memoryOverSeedsMb: 100 },
  seeds: { firstVisitBytes: 250e3, localAnswerMs: 150 },
};

/** A file's bytes as a static host sends them, computed once per file. */
async function loadSite(root) {
  const files = new Map();
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(file);
    const gzipped = COMPRESSIBLE.has(extname(file)) ? gzipSync(body, { level: 6 }) : null;
    const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
    files.set(file, { body, gzipped, etag });
  }
  return files;
}

/** Serves `root`; `sent.bytes` counts every byte of every response body. */
async function serve(root) {
  const base = resolve(root);
  const files = await loadSite(base);
  const sent = { bytes: 0, requests: 0 };
  const server = createServer(async (req, res) => {
    sent.requests++;
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(base, path));
    if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
    const entry = file.startsWith(base + sep) ? files.get(file) : undefined;
    if (!entry) return res.writeHead(404).end();
    const immutable = /[-.][0-9a-f]{16}\.[a-z]+$/.test(file);
    const headers = {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      etag: entry.etag,
      vary: "accept-encoding",
    };
    if (req.headers["if-none-match"] === entry.etag) return res.writeHead(304, headers).end();
    const gzip = entry.gzipped && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = gzip ? entry.gzipped : entry.body;
    if (gzip) headers["content-encoding"] = "gzip";
    sent.bytes += body.length;
    res.writeHead(200, { ...headers, "content-length": body.length }).end(body);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, sent, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Resident memory of the largest renderer process of a browser, in bytes. */
async function rendererMemory(browserPid) {
  const parents = new Map();
  const renderers = [];
  for (const pid of await readdir("/proc").catch(() => [])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes("--type=renderer")) renderers.push(Number(pid));
  }
  const descends = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parents.get(p) ?? 0, hops++) if (p === browserPid) return true;
    return false;
  };
  let largest = 0;
  for (const pid of renderers.filter(descends)) {
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    largest = Math.max(largest, kb * 1024);
  }
  return largest;
}

/** Milliseconds from navigation start until the page shows a result. */
async function timeToAnswer(page, url) {
  await page.goto(url, { waitUntil: "commit" });
  return page
    .waitForFunction(() => document.querySelector(".result, .quote-result") && performance.now(), null, {
      polling: "raf",
      timeout: 120_000,
    })
    .then((handle) => handle.jsonValue());
}

/** In the page: the time once it counts matching paragraphs, which it does
 * once the index's detail is made; false before. */
function detailMade() {
  return /matching paragraph/.test(document.querySelector(".results-bar .status")?.textContent ?? "") && performance.now();
}

/** Milliseconds from navigation start until the index's detail is made. */
async function timeToDetail(page) {
  return page
    .waitForFunction(detailMade, null, { polling: 100, timeout: 180_000 })
    .then((handle) => handle.jsonValue());
}

/** In the page: whether the service worker has stored the whole build. */
async function isPrecached() {
  await navigator.serviceWorker.ready;
  const names = await caches.keys();
  const script = await fetch("sw.js").then((r) => r.text());
  const files = JSON.parse(/const PRECACHE = (.*);\n/.exec(script)[1]).files;
  const cache = names.length === 1 ? await caches.open(names[0]) : null;
  return cache !== null && (await cache.keys()).length === files.length;
}

/** Waits until the service worker has stored the whole build. */
async function precached(page) {
  await page.waitForFunction(isPrecached, null, { polling: 250, timeout: 120_000 });
}

/** p95 of input-to-next-frame times while `query` is typed letter by letter. */
async function keystrokeP95(page, query) {
  const times = await page.evaluate(async (query) => {
    const input = document.querySelector('input[type="search"]');
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const times = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 1; i <= query.length; i++) {
        const start = performance.now();
        input.value = query.slice(0, i);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await frame();
        times.push(performance.now() - start);
      }
    }
    return times;
  }, query);
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
}

/** The process id of the browser started with `profile` as its user data dir. */
async function browserPid(profile) {
  for (const pid of await readdir("/proc")) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(`--user-data-dir=${profile}`) && !cmdline.includes("--type=")) return Number(pid);
  }
  return 0;
}

/**
 * A fresh browser with a profile on disk, as a visitor's is: its HTTP cache
 * keeps large files (an in-memory, incognito cache does not), which is what
 * lets the service worker revalidate the corpus file instead of fetching it.
 */
async function freshBrowser(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), "corpus-explorer-load-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu"],
    ...options,
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, profile, close };
}

/**
 * A fresh browser driven over the DevTools pipe (fd 3 in, fd 4 out, each
 * message JSON ended by a NUL byte), with no DevTools domain enabled:
 * `send(method, params, sessionId)` answers a command's result.
 */
async function bareBrowser() {
  const profile = await mkdtemp(join(tmpdir(), "corpus-explorer-load-"));
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", `--user-data-dir=${profile}`, "about:blank"];
  const browser = spawn(CHROMIUM, args, { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] });
  const waiting = new Map();
  let received = Buffer.alloc(0);
  browser.stdio[4].on("data", (chunk) => {
    received = Buffer.concat([received, chunk]);
    for (let end = received.indexOf(0); end >= 0; end = received.indexOf(0)) {
      const message = JSON.parse(received.subarray(0, end).toString("utf8"));
      received = received.subarray(end + 1);
      const reply = waiting.get(message.id);
      waiting.delete(message.id);
      if (reply) message.error ? reply.fail(new Error(message.error.message)) : reply.ok(message.result);
    }
  });
  let lastId = 0;
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((ok, fail) => {
      waiting.set(++lastId, { ok, fail });
      browser.stdio[3].write(JSON.stringify({ id: lastId, method, params, sessionId }) + "\0");
    });
  const close = async () => {
    await send("Browser.close").catch(() => {});
    await new Promise((ok) => (browser.exitCode === null ? browser.once("exit", ok) : ok()));
    await rm(profile, { recursive: true, force: true });
  };
  return { send, pid: browser.pid, close };
}

/**
 * The renderer's resident memory once `url` has answered, made the index's
 * detail and been precached, in a browser that keeps no copy of responses.
 */
async function uninstrumentedMemory(url) {
  const browser = await bareBrowser();
  try {
    const { targetId } = await browser.send("Target.createTarget", { url });
    const { sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true });
    const until = async (test) => {
      const expression = `(${test})()`;
      for (const start = Date.now(); Date.now() - start < 180_000; await new Promise((ok) => setTimeout(ok, 250))) {
        const { result } = await browser.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, sessionId);
        if (result.value) return;
      }
      throw new Error(`${url}: timed out waiting for ${test.name}`);
    };
    await until(detailMade);
    await until(isPrecached);
    await new Promise((ok) => setTimeout(ok, 1000));
    await browser.send("HeapProfiler.collectGarbage", {}, sessionId).catch(() => {});
    return await rendererMemory(browser.pid);
  } finally {
    await browser.close();
  }
}

/** Every figure of one site. */
async function measure(name, dir, query) {
  const { server, sent, url } = await serve(dir);
  const answerUrl = `${url}?q=${encodeURIComponent(query)}`;
  const figures = {};
  try {
    // Cold, no network limits, no service worker: the localhost figure.
    const local = await freshBrowser({ serviceWorkers: "block" });
    figures.localAnswerMs = await timeToAnswer(local.context.pages()[0] ?? (await local.context.newPage()), answerUrl);
    await local.close();

    const visitor = await freshBrowser();
    const { context } = visitor;
    await context.addInitScript(() =>
      addEventListener("TrunkApplicationStarted", (e) => (globalThis.benchWasmMemory = e.detail.wasm.memory)),
    );
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
    sent.bytes = 0;
    figures.firstAnswerMs = await timeToAnswer(page, answerUrl);
    figures.readyMs = await timeToDetail(page);
    await precached(page);
    figures.firstVisitBytes = sent.bytes;
    await cdp.send("Network.emulateNetworkConditions", { ...SLOW_NETWORK, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.waitForTimeout(1000);
    await cdp.send("HeapProfiler.collectGarbage").catch(() => {});
    await cdp.send("Performance.enable");
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    const wasmBytes = await page.evaluate(() => globalThis.benchWasmMemory?.buffer.byteLength ?? 0);
    figures.heapAndWasmBytes = metrics.JSHeapUsedSize + wasmBytes;
    figures.instrumentedRendererBytes = await rendererMemory(await browserPid(visitor.profile));
    figures.keystrokeP95Ms = await keystrokeP95(page, query);
    await context.setOffline(true);
    figures.offlineAnswerMs = await timeToAnswer(page, `${url}?q=${encodeURIComponent(query.slice(0, -1))}`);
    await visitor.close();
    figures.rendererBytes = await uninstrumentedMemory(answerUrl);
    return { name, ...figures };
  } finally {
    server.close();
  }
}

function report(results) {
  const seeds = results.find((r) => r.name === "seeds");
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  const ms = (n) => `${n.toFixed(0)} ms`;
  const rows = [];
  for (const r of results) {
    const targets = TARGETS[r.name] ?? {};
    const over = seeds && r !== seeds ? r.rendererBytes - seeds.rendererBytes : null;
    const line = (label, value, shown, limit, showLimit) =>
      rows.push([r.name, label, shown(value), limit === undefined ? "" : `<= ${showLimit(limit)}`, limit === undefined ? "" : value <= limit ? "met" : "NOT MET"]);
    line("first visit, gzipped", r.firstVisitBytes, mb, targets.firstVisitBytes, mb);
    line("first answer, localhost", r.localAnswerMs, ms, targets.localAnswerMs, ms);
    line("first answer, 20 Mbit/s 20 ms", r.firstAnswerMs, ms, targets.firstAnswerMs, ms);
    line("everything ready, 20 Mbit/s 20 ms", r.readyMs, ms);
    line("second visit, offline", r.offlineAnswerMs, ms, targets.offlineAnswerMs, ms);
    line("renderer memory (RSS)", r.rendererBytes, mb);
    line("  the same under Playwright", r.instrumentedRendererBytes, mb);
    if (over !== null) line("renderer memory over seeds", over / 1e6, (n) => `${n.toFixed(0)} MB`, targets.memoryOverSeedsMb, (n) => `${n} MB`);
    line("JS heap + wasm memory", r.heapAndWasmBytes, mb);
    line("keystroke p95 (input to frame)", r.keystrokeP95Ms, (n) => `${n.toFixed(1)} ms`);
  }
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  "));
}

const sites = process.argv.slice(2).map((arg) => {
  const match = /^([^=]+)=([^:]+)(?::(.+))?$/.exec(arg);
  if (!match) {
    console.error("usage: node bench/load.mjs NAME=DIR[:QUERY] ...");
    process.exit(2);
  }
  return { name: match[1], dir: match[2], query: match[3] ?? "minister" };
});
if (sites.length === 0) {
  console.error("usage: node bench/load.mjs NAME=DIR[:QUERY] ...");
  process.exit(2);
}
const results = [];
for (const { name, dir, query } of sites) {
  console.error(`load: measuring ${name} (${dir}), query "${query}"`);
  results.push(await measure(name, dir, query));
}
report(results);
