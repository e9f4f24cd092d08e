// The most-quoted speakers of a corpus, for checking by hand that each is
// real, of the right kind and carries only its own roles: rank, quotes,
// speaker, the entity's kind, aliases and most frequent roles ("no entity"
// when the quote names a speaker the entities stage did not find).
//
// Usage: node scripts/top-speakers.mjs CORPUS_DIR [COUNT] [FROM]
// (after `cargo build -p corpus --release`; CORPUS=path overrides the binary)
// FROM skips the first ranks: `... 100 100` lists ranks 101 to 200, a sample
// the rules were not tuned on.
import { entitiesOf, quotesOf } from "./corpus-output.mjs";

const [dir, count = "100", from = "0"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/top-speakers.mjs CORPUS_DIR [COUNT] [FROM]");
  process.exit(2);
}
const entities = new Map(entitiesOf(dir).map((e) => [e.name, e]));
const quotes = new Map();
for (const { speaker } of quotesOf(dir)) {
  if (speaker) quotes.set(speaker, (quotes.get(speaker) ?? 0) + 1);
}

const tally = (items) => {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
};
const ranked = [...quotes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
ranked.slice(Number(from), Number(from) + Number(count)).forEach(([speaker, n], i) => {
  const entity = entities.get(speaker);
  const rank = Number(from) + i + 1;
  if (!entity) {
    console.log(`${rank}\t${n}\t${speaker}\tno entity`);
    return;
  }
  const roles = tally(entity.roles.map((r) => r.role))
    .slice(0, 4)
    .map(([role, k]) => `${role} ×${k}`)
    .join("; ");
  const aliases = entity.aliases.slice(0, 4).join(", ");
  console.log(`${rank}\t${n}\t${speaker}\t${entity.kind}\t[${aliases}]\t${roles}`);
});
