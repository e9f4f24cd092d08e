// Where the bytes of a built explorer go: every file of DIST with its size
// and its gzipped size (level 6, as bench/load.mjs's server sends it), then,
// given the wasm as wasm-bindgen wrote it (with its function names, before
// wasm-opt strips them) and twiggy on PATH, the wasm's code and data by
// crate.
//   node bench/code-size.mjs DIST [NAMED_WASM]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const [dist, namedWasm] = process.argv.slice(2);
if (!dist) {
  console.error("usage: node bench/code-size.mjs DIST [NAMED_WASM]");
  process.exit(2);
}

/// Every file below `dir`, sorted.
function files(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8);
let total = 0;
let totalGzipped = 0;
console.log(`${"bytes".padStart(8)} ${"gzipped".padStart(8)}  file (kB)`);
for (const file of files(dist)) {
  const body = readFileSync(file);
  const gzipped = gzipSync(body, { level: 6 }).length;
  total += body.length;
  totalGzipped += gzipped;
  console.log(`${kb(body.length)} ${kb(gzipped)}  ${relative(dist, file)}`);
}
console.log(`${kb(total)} ${kb(totalGzipped)}  total`);

/// The crate an item of twiggy's list belongs to: the first crate its
/// (demangled) name mentions, or what kind of item it is.
function crateOf(name) {
  if (name.includes("function names")) return "(function names)";
  if (name.startsWith("data segment")) return "(data: strings and tables)";
  const crate = /([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/i.exec(name)?.[1];
  return crate ?? "(other)";
}

if (namedWasm) {
  const csv = execFileSync("twiggy", ["top", "-n", "1000000", "-f", "csv", namedWasm], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const byCrate = new Map();
  for (const line of csv.split("\n").slice(1)) {
    const match = /^(.*),(\d+),[\d.]+,[\d.]*,[\d.]*$/.exec(line);
    if (!match) continue;
    const crate = crateOf(match[1].replace(/^"|"$/g, ""));
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + Number(match[2]));
  }
  const named = [...byCrate].filter(([crate]) => crate !== "(function names)");
  const sum = named.reduce((s, [, bytes]) => s + bytes, 0);
  console.log(`\nthe wasm by crate, before wasm-opt and without its names (${kb(sum).trim()} kB):`);
  for (const [crate, bytes] of named.sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${kb(bytes)} ${((100 * bytes) / sum).toFixed(1).padStart(5)}%  ${crate}`);
  }
}
