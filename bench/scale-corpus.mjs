// Makes a synthetic corpus COPIES times the size of a real one, for the
// scale test (bench/scale.sh): every .txt/.md file is written COPIES times
// under a new name (c1-NAME, c2-NAME, ...), with its front matter kept and
// the words of each body line shuffled (seeded, so the same every run).
// The text stays word-for-word the corpus's own vocabulary, but no copy
// repeats another's sentences.
//
//   node bench/scale-corpus.mjs SOURCE_DIR OUT_DIR [COPIES=5]
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { seededRandom } from "./seeded.mjs";

function shuffled(words, random) {
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  return words;
}

/** The file with its front matter kept and each body line's words shuffled. */
function shuffledDocument(text, random) {
  const front = /^\+\+\+\n[\s\S]*?\n\+\+\+\n/.exec(text)?.[0] ?? "";
  const body = text
    .slice(front.length)
    .split("\n")
    .map((line) => shuffled(line.split(" "), random).join(" "))
    .join("\n");
  return front + body;
}

const [source, out, copiesArg = "5"] = process.argv.slice(2);
const copies = Number(copiesArg);
if (!source || !out || !(copies >= 1)) {
  console.error("usage: node bench/scale-corpus.mjs SOURCE_DIR OUT_DIR [COPIES=5]");
  process.exit(2);
}
const names = (await readdir(source)).filter((n) => [".txt", ".md"].includes(extname(n))).sort();
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const random = seededRandom(14);
let bytes = 0;
for (const name of names) {
  const text = await readFile(join(source, name), "utf8");
  for (let copy = 1; copy <= copies; copy++) {
    const made = shuffledDocument(text, random);
    bytes += Buffer.byteLength(made);
    await writeFile(join(out, `c${copy}-${name}`), made);
  }
}
console.log(`scale-corpus: ${names.length * copies} files, ${(bytes / 1e6).toFixed(1)} MB in ${out}`);
