// Generates bench/queries.json: a fixed, reproducible list of search queries
// over the Reuters-21578 corpus, as a user would type them.
//
// Usage: node bench/make-queries.mjs [CORPUS_DIR] > bench/queries.json
//
// Kinds of query (1 to 3 words each):
// - "word": words taken from a random document;
// - "prefix": the same, with the last word cut mid-word, as typed;
// - "typo": words from one target document's title, chosen so that their
//   exact spelling matches at most 3 documents, with one word of 5+ letters
//   misspelt by one edit (substitution, deletion, insertion or transposition
//   of neighbours) that is not the first letter, leaves 5+ letters (shorter
//   words get no typo tolerance, by design) and makes no corpus word. The
//   target document is recorded so recall@5 can be measured.
import { loadCorpus, wordPostings } from "./corpus.mjs";
import { seededRandom } from "./seeded.mjs";

const dir = process.argv[2] ?? "/work/shared/corpora/reuters-21578";
const WORD = /[a-z]+/g;

const random = seededRandom(21578);
const pick = (list) => list[Math.floor(random() * list.length)];

const docs = loadCorpus(dir);
const wordsOf = (text) => (text.toLowerCase().match(WORD) ?? []).filter((w) => w.length >= 3);
const { df, matching } = wordPostings(docs, wordsOf);

const queries = [];
const seen = new Set();
function add(query) {
  if (!seen.has(query.q)) {
    seen.add(query.q);
    queries.push(query);
  }
}

// Plain and prefix queries from the body of random documents.
while (queries.length < 150) {
  const doc = pick(docs);
  const words = wordsOf(doc.text).filter((w) => df(w) >= 2 && df(w) < 3000);
  if (words.length < 3) continue;
  const n = 1 + Math.floor(random() * 3);
  const start = Math.floor(random() * (words.length - n));
  const chosen = words.slice(start, start + n);
  if (queries.length % 3 === 2 && chosen[n - 1].length >= 5) {
    const last = chosen[n - 1];
    chosen[n - 1] = last.slice(0, 3 + Math.floor(random() * (last.length - 4)));
    add({ kind: "prefix", q: chosen.join(" ") });
  } else {
    add({ kind: "word", q: chosen.join(" ") });
  }
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
function misspell(word) {
  for (;;) {
    const i = 1 + Math.floor(random() * (word.length - 1));
    const op = Math.floor(random() * 4);
    let typo;
    if (op === 0) typo = word.slice(0, i) + pick(LETTERS) + word.slice(i + 1);
    else if (op === 1) typo = word.slice(0, i) + word.slice(i + 1);
    else if (op === 2) typo = word.slice(0, i) + pick(LETTERS) + word.slice(i);
    else if (i + 1 < word.length) typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else continue;
    if (typo !== word && typo.length >= 5 && df(typo) === 0) return typo;
  }
}

// Typo queries with a known target document.
let typos = 0;
while (typos < 70) {
  const target = Math.floor(random() * docs.length);
  const words = [...new Set(wordsOf(docs[target].title))].filter((w) => df(w) > 0 && df(w) < 400);
  if (words.length === 0) continue;
  const n = Math.min(words.length, 1 + Math.floor(random() * 3));
  const start = Math.floor(random() * (words.length - n + 1));
  const chosen = words.slice(start, start + n);
  if (matching(chosen).size > 3) continue;
  const long = chosen.map((w, i) => [w, i]).filter(([w]) => w.length >= 5);
  if (long.length === 0) continue;
  const [word, at] = pick(long);
  chosen[at] = misspell(word);
  const q = chosen.join(" ");
  if (seen.has(q)) continue;
  add({ kind: "typo", q, target: docs[target].file });
  typos += 1;
}

process.stdout.write(JSON.stringify(queries, null, 1) + "\n");
