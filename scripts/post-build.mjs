// Finishes a trunk build (a post_build hook in Trunk.toml, also runnable by
// hand on a built folder): preprocesses the corpus into the build's data
// file and names it in index.html (scripts/build/corpus-data.mjs), puts
// the hashes of index.html's inline scripts into its Content-Security-Policy,
// then writes sw.js, the service worker that precaches every file of the
// build.
//   node scripts/post-build.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR)
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { corpusDir, withCorpusTags, writeCorpusData } from "./build/corpus-data.mjs";
import { withInlineHashes } from "./build/csp.mjs";
import { writeServiceWorker } from "./build/precache.mjs";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("usage: node scripts/post-build.mjs DIR (or run it as a trunk post_build hook)");
  process.exit(2);
}
const index = join(dir, "index.html");
try {
  const tags = await writeCorpusData(dir);
  await writeFile(index, withInlineHashes(withCorpusTags(await readFile(index, "utf8"), tags)));
  const { version, files } = await writeServiceWorker(dir);
  let bytes = 0;
  for (const [path] of files) bytes += (await stat(join(dir, decodeURIComponent(path)))).size;
  console.log(`post-build: corpus ${corpusDir()}`);
  console.log(`post-build: sw.js precaches ${files.length} files (${(bytes / 1024).toFixed(0)} KiB), build ${version}`);
} catch (error) {
  console.error(`post-build: ${index}: ${error.message}`);
  process.exit(1);
}
