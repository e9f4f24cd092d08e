// The corpus beside the app: runs `corpus bundle` on the corpus folder
// (CORPUS_DIR, relative to the repository, default seeds/) and stores the
// bundle in the build as data/corpus-HASH.bin, named after its content so
// that any host or CDN may cache it for ever. index.html names it in a
// <meta name="corpus-bundle" content="./data/corpus-HASH.bin" data-bytes="N">
// followed by pwa/corpus-download.js inline, which starts downloading it
// while the code is still arriving.
//
// Invariant: the build holds exactly one bundle, the one its index.html
// names; running this twice gives the same build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const DATA_DIR = "data";
const DOWNLOAD_SCRIPT = join(REPO, "pwa/corpus-download.js");
/** What an earlier run put in index.html: the bundle's meta and the download script. */
const EARLIER = /[ \t]*(?:<meta name="corpus-bundle"[^>]*>|<script data-corpus-download>[^]*?<\/script>)\n?/gi;

/** The corpus folder a build is made of. */
export function corpusDir() {
  return resolve(REPO, process.env.CORPUS_DIR ?? "seeds");
}

/** Preprocesses the corpus natively (cargo's `data` profile); the bundle's bytes. */
async function bundleBytes(folder) {
  const scratch = await mkdtemp(join(tmpdir(), "corpus-bundle-"));
  const out = join(scratch, "corpus.bin");
  try {
    const run = spawnSync(
      "cargo",
      ["run", "--quiet", "--profile", "data", "-p", "corpus", "--", "bundle", folder, out],
      { cwd: REPO, stdio: ["ignore", "inherit", "inherit"] },
    );
    if (run.error) throw new Error(`cannot run cargo: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`corpus bundle ${folder} failed (exit ${run.status})`);
    return await readFile(out);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Writes dir/data/corpus-HASH.bin; the tags that name it and start its download. */
export async function writeCorpusData(dir, folder = corpusDir()) {
  const bytes = await bundleBytes(folder);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const name = `${DATA_DIR}/corpus-${hash}.bin`;
  await rm(join(dir, DATA_DIR), { recursive: true, force: true });
  await mkdir(join(dir, DATA_DIR), { recursive: true });
  await writeFile(join(dir, name), bytes);
  const script = (await readFile(DOWNLOAD_SCRIPT, "utf8")).replace(/^[ \t]*\/\/.*\n/gm, "");
  if (/<\/script/i.test(script)) throw new Error(`${DOWNLOAD_SCRIPT} contains </script`);
  return `<meta name="corpus-bundle" content="./${name}" data-bytes="${bytes.length}">
    <script data-corpus-download>${script}</script>`;
}

/** The page with the bundle tags `tags`, instead of any earlier ones, before its first <link>. */
export function withCorpusTags(html, tags) {
  const page = html.replace(EARLIER, "");
  const at = page.search(/<link\b/i);
  if (at < 0) throw new Error("index.html has no <link> to put the corpus tags before");
  return `${page.slice(0, at)}${tags}\n    ${page.slice(at)}`;
}
