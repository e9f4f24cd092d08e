// The benchmark itself, run in one browser page: builds every engine over
// the same documents, runs the same queries, and leaves the figures in
// `window.benchResult` for run.mjs to print.
//
// Two workloads: "query" runs each query of queries.json and of the
// corpus's evaluation sets (out/eval.json, from bench/eval/) whole;
// "keystroke" runs every prefix of every query of queries.json and of every
// KEYSTROKE_SAMPLE-th evaluation query, as a search box does while the
// query is typed. Recall@5, per evaluation set and per half (tune, score),
// counts the queries whose target document (or a document with the same
// text, see twins.mjs) is among the first 5 results.
import init, { Engine } from "./pkg/search_bench_wasm.js";
import MiniSearch from "./node_modules/minisearch/dist/es/index.js";
import FlexSearch from "./node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs";
import Fuse from "./node_modules/fuse.js/dist/fuse.mjs";
import { twinsOf } from "./twins.mjs";

const HITS = 10;
/// Timed passes over a workload, after one untimed warm-up pass.
const ROUNDS = 3;
/// Longest time one engine may spend on one workload; slower engines run
/// part of it (reported as the number of searches timed).
const BUDGET_MS = 60_000;
/// Longest time one engine may spend on the recall sets.
const RECALL_BUDGET_MS = 180_000;
/// One evaluation query in this many is typed key by key in the keystroke workload.
const KEYSTROKE_SAMPLE = 8;

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
  const evaluation = (await (await fetch("out/eval.json")).json()).sets;
  const fileIds = new Map(docs.map((d) => [d.file, d.id]));
  const twins = twinsOf(docs);
  const targetIds = (file) => twins(file).map((f) => fileIds.get(f));
  // Sets and halves take turns, so an engine too slow to finish them all
  // is judged on a fair part of each.
  const cells = Map.groupBy(evaluation, (q) => `${q.set} ${q.half}`);
  const longest = Math.max(0, ...[...cells.values()].map((c) => c.length));
  const interleaved = Array.from({ length: longest }, (_, i) => [...cells.values()].map((c) => c[i])).flat().filter(Boolean);
  const typed = queries.map((q) => q.q).concat(evaluation.filter((_, i) => i % KEYSTROKE_SAMPLE === 0).map((q) => q.q));
  const whole = queries.map((q) => q.q).concat(evaluation.map((q) => q.q));
  const keystrokes = typed.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1)).filter((s) => s.trim()));
  log(`${docs.length} documents, ${whole.length} queries (${evaluation.length} in evaluation sets), ${keystrokes.length} keystrokes`);
  const rows = [];
  // `?engines=explorer,MiniSearch` times only the engines whose names start so.
  const only = new URLSearchParams(location.search).get("engines")?.split(",");
  for (const engine of engines.filter((e) => !only || only.some((o) => e.name.startsWith(o)))) {
    log(`${engine.name}: building`);
    const t0 = performance.now();
    const index = engine.build(docs);
    const buildMs = performance.now() - t0;
    const size = engine.size(index);
    const recall = {};
    const recallDeadline = performance.now() + RECALL_BUDGET_MS;
    for (const q of interleaved) {
      const cell = (recall[`${q.set} ${q.half}`] ??= { found: 0, judged: 0, of: 0 });
      cell.of += 1;
      if (performance.now() > recallDeadline) continue;
      cell.judged += 1;
      const targets = targetIds(q.target);
      if (engine.search(index, q.q).slice(0, 5).some((id) => targets.includes(id))) cell.found += 1;
    }
    log(`${engine.name}: built in ${buildMs.toFixed(0)} ms, timing`);
    const query = time(engine, index, whole);
    const keystroke = time(engine, index, keystrokes);
    rows.push({ engine: engine.name, buildMs, size, recall, query, keystroke });
    log(`${engine.name}: done`);
  }
  window.benchResult = { documents: docs.length, queries: whole.length, keystrokes: keystrokes.length, rows, isolated: crossOriginIsolated };
}

main().catch((e) => {
  log(`error: ${e.stack ?? e}`);
  window.benchResult = { error: String(e.stack ?? e) };
});
