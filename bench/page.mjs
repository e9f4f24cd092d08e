// The benchmark itself, run in one browser page: builds every engine over
// the same documents, runs the same queries, and leaves the figures in
// `window.benchResult` for run.mjs to print.
//
// Two workloads: "query" runs each query of queries.json whole; "keystroke"
// runs every prefix of every query, as a search box does while the query
// is typed. Recall@5 counts the typo queries whose target document is among
// the first 5 results.
import init, { Engine } from "./pkg/search_bench_wasm.js";
import MiniSearch from "./node_modules/minisearch/dist/es/index.js";
import FlexSearch from "./node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs";
import Fuse from "./node_modules/fuse.js/dist/fuse.mjs";

const HITS = 10;
/// Timed passes over a workload, after one untimed warm-up pass.
const ROUNDS = 3;
/// Longest time one engine may spend on one workload; slower engines run
/// part of it (reported as the number of searches timed).
const BUDGET_MS = 60_000;

const log = (line) => {
  document.getElementById("log").textContent += `\n${line}`;
  console.log(line);
};

const engines = [
  {
    name: "explorer (wasm)",
    build: (docs) => new Engine(docs),
    size: (engine) => engine.indexBytes(),
    search: (engine, q) => engine.search(q, HITS).hits.map((h) => h.doc),
  },
  {
    name: "MiniSearch",
    build: (docs) => {
      const index = new MiniSearch({
        fields: ["title", "text"],
        searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
      });
      index.addAll(docs);
      return index;
    },
    size: (index) => JSON.stringify(index).length,
    search: (index, q) => index.search(q).slice(0, HITS).map((r) => r.id),
  },
  {
    name: "FlexSearch",
    build: (docs) => {
      const index = new FlexSearch.Document({ document: { id: "id", index: ["title", "text"] }, tokenize: "forward" });
      for (const doc of docs) index.add(doc);
      return index;
    },
    size: (index) => {
      let bytes = 0;
      index.export((key, data) => {
        bytes += key.length + (data ? data.length : 0);
      });
      return bytes;
    },
    search: (index, q) => index.search(q, { limit: HITS, merge: true }).map((r) => r.id),
  },
  {
    name: "Fuse.js",
    build: (docs) => new Fuse(docs, { keys: ["title", "text"], ignoreLocation: true, threshold: 0.3 }),
    size: (index) => JSON.stringify(index.getIndex().toJSON()).length,
    search: (index, q) => index.search(q, { limit: HITS }).map((r) => r.refIndex),
  },
];

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.round((sorted.length - 1) * p)] : NaN;
}

function time(engine, index, workload) {
  const started = performance.now();
  for (const q of workload) {
    engine.search(index, q);
    if (performance.now() - started > BUDGET_MS / (ROUNDS + 1)) break;
  }
  const samples = [];
  const deadline = performance.now() + BUDGET_MS;
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of workload) {
      const t0 = performance.now();
      engine.search(index, q);
      samples.push(performance.now() - t0);
      if (performance.now() > deadline) break;
    }
    if (performance.now() > deadline) break;
  }
  samples.sort((a, b) => a - b);
  const searched = Math.min(samples.length, workload.length);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), searched, of: workload.length };
}

async function main() {
  await init();
  const docs = (await (await fetch("out/docs.json")).json()).map((d, id) => ({ id, ...d }));
  const queries = await (await fetch("queries.json")).json();
  const fileIds = new Map(docs.map((d) => [d.file, d.id]));
  const whole = queries.map((q) => q.q);
  const keystrokes = queries.flatMap((q) => [...q.q].map((_, i) => q.q.slice(0, i + 1)).filter((s) => s.trim()));
  const typos = queries.filter((q) => q.kind === "typo");
  log(`${docs.length} documents, ${queries.length} queries (${typos.length} with typos), ${keystrokes.length} keystrokes`);
  const rows = [];
  for (const engine of engines) {
    log(`${engine.name}: building`);
    const t0 = performance.now();
    const index = engine.build(docs);
    const buildMs = performance.now() - t0;
    const size = engine.size(index);
    let found = 0;
    let judged = 0;
    const recallDeadline = performance.now() + BUDGET_MS;
    for (const q of typos) {
      if (performance.now() > recallDeadline) break;
      judged += 1;
      if (engine.search(index, q.q).slice(0, 5).includes(fileIds.get(q.target))) found += 1;
    }
    log(`${engine.name}: built in ${buildMs.toFixed(0)} ms, timing`);
    const query = time(engine, index, whole);
    const keystroke = time(engine, index, keystrokes);
    rows.push({ engine: engine.name, buildMs, size, recall: found / judged, judged, typos: typos.length, query, keystroke });
    log(`${engine.name}: done`);
  }
  window.benchResult = { documents: docs.length, queries: queries.length, keystrokes: keystrokes.length, rows, isolated: crossOriginIsolated };
}

main().catch((e) => {
  log(`error: ${e.stack ?? e}`);
  window.benchResult = { error: String(e.stack ?? e) };
});
