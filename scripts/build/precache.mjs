// The service worker of a build: pwa/sw.js preceded by the build's precache
// list, every file of the build with its integrity hash, and a version
// derived from those hashes.
//
// Invariant: the version (and so the cache name) changes exactly when some
// file of the build changes, and sw.js itself changes with it, which is what
// makes browsers install the new build.
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const WORKER = "sw.js";
const TEMPLATE = fileURLToPath(new URL("../../pwa/sw.js", import.meta.url));

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

/** [[path relative to the build, "sha384-..."], ...] sorted by path, without sw.js. */
export async function precacheList(dir) {
  const list = [];
  for (const file of await filesUnder(dir)) {
    const path = relative(dir, file).split(sep).map(encodeURIComponent).join("/");
    if (path === WORKER) continue;
    const digest = createHash("sha384").update(await readFile(file)).digest("base64");
    list.push([path, `sha384-${digest}`]);
  }
  return list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The version of a precache list: 16 hex digits of the hash of all entries. */
export function versionOf(list) {
  return createHash("sha256")
    .update(list.map(([path, integrity]) => `${path} ${integrity}\n`).join(""))
    .digest("hex")
    .slice(0, 16);
}

/** Writes dir/sw.js for the build in dir; returns what it precaches. */
export async function writeServiceWorker(dir) {
  const files = await precacheList(dir);
  const version = versionOf(files);
  const template = await readFile(TEMPLATE, "utf8");
  const header = `const PRECACHE = ${JSON.stringify({ version, files })};\n`;
  await writeFile(join(dir, WORKER), header + template);
  return { version, files };
}
