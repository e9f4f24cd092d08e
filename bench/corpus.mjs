// Reads a folder of .txt files with TOML front matter (Reuters-21578 as
// shipped in shared/corpora) into plain documents {file, title, date, text}:
// the same input for every engine in the benchmark.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/// One document: `title` and `date` from the front matter, `text` the body.
export function parseDocument(file, raw) {
  const match = raw.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n?/);
  const front = match ? match[1] : "";
  const body = match ? raw.slice(match[0].length) : raw;
  const field = (name) => (front.match(new RegExp(`^${name} = "(.*)"$`, "m")) ?? [])[1] ?? "";
  return { file, title: field("title"), date: field("date"), text: body.trim() };
}

/// Every .txt file of `dir`, sorted by name.
export function loadCorpus(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseDocument(f, readFileSync(join(dir, f), "utf8")));
}
