// What the quotes of a corpus name as their speakers, counted by kind: an
// organisation or a person the entities stage found (by name or alias), a
// place, no entity at all, a name holding a wire's ticker code ("Volkswagen
// AG VOWG.F") or a generic word ("Inc", "Company", "Others"). A whole-corpus
// companion to the hand check of scripts/top-speakers.mjs.
//
// Usage: node scripts/speaker-kinds.mjs CORPUS_DIR
// (after `cargo build -p corpus --release`; CORPUS=path overrides the binary)
import { entitiesOf, quotesOf } from "./corpus-output.mjs";

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/speaker-kinds.mjs CORPUS_DIR");
  process.exit(2);
}

const GENERIC_WORDS = new Set([
  "Inc", "Corp", "Co", "Ltd", "Plc", "Company", "Government", "Commission", "Ministry",
  "Association", "Group", "Terms", "Recent", "Others", "Traders",
]);
const TICKER_CODE = /\b[A-Z0-9]{2,}\.[A-Z]{1,2}\b/;

const entities = new Map();
for (const entity of entitiesOf(dir)) {
  entities.set(entity.name, entity);
  for (const alias of entity.aliases ?? []) if (!entities.has(alias)) entities.set(alias, entity);
}

const kindOf = (speaker) => {
  if (GENERIC_WORDS.has(speaker)) return "a generic word";
  if (TICKER_CODE.test(speaker)) return "a name with a ticker code";
  const entity = entities.get(speaker);
  if (!entity) return "no entity";
  return { Place: "a place", Person: "a person", Organisation: "an organisation" }[entity.kind];
};

const counts = new Map();
const records = quotesOf(dir);
const speakers = records.map((q) => q.speaker).filter(Boolean);
for (const kind of speakers.map(kindOf)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
console.log(`${records.length} records, ${speakers.length} with a speaker; the speaker is`);
for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${kind.padEnd(28)} ${String(n).padStart(7)}`);
}
