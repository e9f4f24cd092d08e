// Recall@5 of the explorer's engine, run natively (`corpus search --batch`),
// on one corpus's evaluation sets (bench/eval/NAME.json), per set and half:
// the quick loop for tuning; bench/run.sh gives the browser figures beside
// the other engines.
//
// Usage: node bench/score-native.mjs CORPUS_DIR bench/eval/NAME.json [--misses]
// [--first-answer] (after `cargo build -p corpus --release`; CORPUS=path
// overrides the binary; --first-answer scores the browser's first answer,
// made before the index's detail arrives)
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "./corpus.mjs";
import { twinsOf } from "./twins.mjs";

const [dir, evalFile, ...flags] = process.argv.slice(2);
const flag = flags.includes("--misses") ? "--misses" : undefined;
const firstAnswer = flags.includes("--first-answer") ? ["--first-answer"] : [];
const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.CORPUS ?? join(here, "../target/release/corpus");
const { corpus, sets } = JSON.parse(readFileSync(evalFile, "utf8"));
const file = join(mkdtempSync(join(tmpdir(), "eval-")), "queries.txt");
writeFileSync(file, sets.map((s) => s.q).join("\n"));
const output = execFileSync(binary, ["search", dir, "--batch", file, "--json", "--limit", "5", ...firstAnswer], {
  maxBuffer: 1 << 30,
  stdio: ["ignore", "pipe", "ignore"],
});
const results = output.toString().trim().split("\n").map((line) => JSON.parse(line));
const twins = twinsOf(loadCorpus(dir));
const table = new Map();
sets.forEach((query, i) => {
  const targets = twins(query.target);
  const found = results[i].hits?.some((h) => targets.includes(h.file)) ?? false;
  const key = `${query.set} ${query.half}`;
  const row = table.get(key) ?? { found: 0, of: 0 };
  row.found += found;
  row.of += 1;
  table.set(key, row);
  if (!found && flag === "--misses") console.log(`miss ${query.set}/${query.half}: ${query.q}  (${query.target}; got ${results[i].hits?.map((h) => h.file).join(" ")})`);
});
console.log(`${corpus}: recall@5 of the explorer (native)`);
for (const [key, row] of [...table].sort()) console.log(`${key.padEnd(12)} ${(100 * row.found / row.of).toFixed(1).padStart(5)}%  (${row.found}/${row.of})`);
