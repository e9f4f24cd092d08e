// What the release build of the `corpus` command prints for a corpus, for
// the scripts that check its speakers and entities by hand:
// `cargo build -p corpus --release` first; CORPUS=path overrides the binary.
import { execFileSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.CORPUS ?? join(here, "../target/release/corpus");

const run = (args) =>
  execFileSync(binary, args, { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] }).toString();

/// The corpus's entities (`corpus entities DIR --json`).
export const entitiesOf = (dir) => JSON.parse(run(["entities", dir, "--json"]));

/// Every quote record of the corpus (`corpus quotes DIR --json`).
export const quotesOf = (dir) =>
  run(["quotes", dir, "--json"])
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
