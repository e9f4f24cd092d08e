// Generates the evaluation query sets of one corpus: known-item queries
// made from a target document's title, spelt right or misspelt, each with
// the file it was made from, so recall@5 can be measured.
//
// Usage: node bench/make-eval-queries.mjs NAME CORPUS_DIR [METADATA_TSV] > bench/eval/NAME.json
//
// Sets (seeded, so a file never changes for the same corpus):
// - "known": 2 or 3 consecutive title words (3+ letters), spelt right;
// - "typo1": the same with one random edit (substitution, deletion,
//   insertion of a random letter, or transposition of neighbours) at any
//   position of any query word of 3+ letters, the first letter included;
// - "typo2": two such edits, each in a random query word of 4+ letters
//   (possibly the same word);
// - "human": a title word replaced by a real misspelling of it from the
//   common-misspellings list of @cspell/dict-en-common-misspellings
//   (CC BY-SA 4.0; Wikipedia's lists of common misspellings and the
//   crate-ci typos list), other title words around it spelt right.
// Every query's right spelling matches at most MAX_MATCHING documents
// (title and text), so the target can be among the first five; a misspelt
// word is never a word of the corpus. Each query is put in the "tune" or the
// "score" half by a hash of its text: tune on one, report both.
//
// METADATA_TSV (PolNeAR's metadata.tsv) gives titles by file name when the
// files have no front matter.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus, wordPostings } from "./corpus.mjs";
import { seededRandom } from "./seeded.mjs";

const [name, dir, metadata] = process.argv.slice(2);
if (!name || !dir) {
  console.error("usage: node bench/make-eval-queries.mjs NAME CORPUS_DIR [METADATA_TSV]");
  process.exit(2);
}
const PER_SET = 200;
const MAX_MATCHING = 3;
const WORD = /\p{L}+/gu;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

const random = seededRandom(1357);
const pick = (list) => list[Math.floor(random() * list.length)];

/// FNV-1a of the query text: its half.
function half(text) {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h % 2 === 0 ? "tune" : "score";
}

const docs = loadCorpus(dir);
if (metadata) {
  const titles = new Map(
    readFileSync(metadata, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split("\t"))
      .map((cells) => [`${cells[1]}.txt`, cells[7]]),
  );
  for (const doc of docs) doc.title ||= titles.get(doc.file) ?? "";
}
const wordsOf = (text) => text.toLowerCase().match(WORD) ?? [];
const { df, matching } = wordPostings(docs, wordsOf);

/// One random edit of `word`, never making a corpus word or the empty word.
function edit(word) {
  for (let tries = 0; tries < 50; tries++) {
    const i = Math.floor(random() * word.length);
    const op = Math.floor(random() * 4);
    let typo;
    if (op === 0) typo = word.slice(0, i) + pick(LETTERS) + word.slice(i + 1);
    else if (op === 1) typo = word.slice(0, i) + word.slice(i + 1);
    else if (op === 2) typo = word.slice(0, i) + pick(LETTERS) + word.slice(i);
    else if (i + 1 < word.length && word[i] !== word[i + 1]) typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else continue;
    if (typo !== word && typo.length > 0 && df(typo) === 0) return typo;
  }
  return null;
}

/// 2 or 3 consecutive title words of a random document, matching at most
/// MAX_MATCHING documents: [target index, words] or null.
function titleWords(filter = () => true) {
  const target = Math.floor(random() * docs.length);
  const words = wordsOf(docs[target].title).filter((w) => w.length >= 3 && df(w) > 0);
  const n = Math.min(words.length, 2 + Math.floor(random() * 2));
  if (n < 2) return null;
  const start = Math.floor(random() * (words.length - n + 1));
  const chosen = words.slice(start, start + n);
  if (!filter(chosen) || matching(chosen).size > MAX_MATCHING) return null;
  return [target, chosen];
}

function misspellings() {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, "node_modules/@cspell/dict-en-common-misspellings/dict/dict-en.json");
  const dict = JSON.parse(readFileSync(file, "utf8"));
  const right = new Map();
  for (const entry of dict.dictionaryDefinitions.flatMap((d) => [...(d.suggestWords ?? []), ...(d.flagWords ?? [])])) {
    const [wrong, fix] = entry.split("->").map((s) => s.trim().toLowerCase());
    if (!fix || fix.includes(",") || !/^[a-z]+$/.test(wrong) || !/^[a-z]+$/.test(fix) || df(wrong) > 0) continue;
    if (!right.has(fix)) right.set(fix, []);
    right.get(fix).push(wrong);
  }
  return right;
}

const out = [];
const seen = new Set();
function add(set, target, words) {
  const q = words.join(" ");
  if (seen.has(`${set} ${q}`)) return false;
  seen.add(`${set} ${q}`);
  out.push({ set, q, target: docs[target].file, half: half(q) });
  return true;
}

/// Fills `set` with PER_SET queries made by `make`, giving up after many tries.
function fill(set, make) {
  let made = 0;
  for (let tries = 0; made < PER_SET && tries < PER_SET * 500; tries++) {
    const query = make();
    if (query && add(set, ...query)) made += 1;
  }
}

fill("known", () => titleWords());
fill("typo1", () => {
  const found = titleWords();
  if (!found) return null;
  const [target, words] = found;
  const at = pick(words.map((w, i) => i));
  const typo = edit(words[at]);
  if (!typo) return null;
  words[at] = typo;
  return [target, words];
});
fill("typo2", () => {
  const found = titleWords((ws) => ws.some((w) => w.length >= 4));
  if (!found) return null;
  const [target, words] = found;
  const long = words.map((w, i) => [w, i]).filter(([w]) => w.length >= 4);
  const original = [...words];
  for (let n = 0; n < 2; n++) {
    const at = pick(long)[1];
    const typo = edit(words[at]);
    if (!typo) return null;
    words[at] = typo;
  }
  if (words.some((w, i) => w !== original[i] && df(w) > 0)) return null;
  return [target, words];
});
const wrongs = misspellings();
fill("human", () => {
  const found = titleWords((ws) => ws.some((w) => wrongs.has(w)));
  if (!found) return null;
  const [target, words] = found;
  const at = pick(words.map((w, i) => [w, i]).filter(([w]) => wrongs.has(w)))[1];
  words[at] = pick(wrongs.get(words[at]));
  return [target, words];
});

process.stdout.write(`${JSON.stringify({ corpus: name, sets: out }, null, 0).replace(/\},\{/g, "},\n{")}\n`);
