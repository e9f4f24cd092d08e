// Reads a folder of .txt files with TOML front matter (Reuters-21578 as
// shipped in shared/corpora) into plain documents {file, title, date, text}:
// the same input for every engine in the benchmark; and the word counts
// the query generators choose their words by.
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

/// For the query generators: how many documents hold a word (`df`) and
/// which documents hold all of some words (`matching`), over the words
/// `wordsOf` finds in each document's title and text.
export function wordPostings(docs, wordsOf) {
  const postings = new Map();
  docs.forEach((doc, i) => {
    for (const w of new Set(wordsOf(`${doc.title} ${doc.text}`))) {
      if (!postings.has(w)) postings.set(w, []);
      postings.get(w).push(i);
    }
  });
  const df = (w) => postings.get(w)?.length ?? 0;
  const matching = (words) =>
    words.map((w) => new Set(postings.get(w) ?? [])).reduce((a, b) => new Set([...a].filter((d) => b.has(d))));
  return { df, matching };
}
