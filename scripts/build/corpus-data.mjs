// The corpus beside the app: runs `corpus bundle` on the corpus folder
// (CORPUS_DIR, relative to the repository, default seeds/) and stores the
// bundle in the build as data/corpus-HASH.bin, named after its content so
// that any host or CDN may cache it for ever. index.html names it in a
// <link rel="preload" as="fetch" data-corpus-bundle data-bytes="N"> so the
// browser starts downloading it while the code is still arriving.
//
// Invariant: the build holds exactly one bundle, the one its index.html
// links to; running this twice gives the same build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const DATA_DIR = "data";
const LINK = /<link\b[^>]*\bdata-corpus-bundle\b[^>]*>\n?/gi;

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

/** Writes dir/data/corpus-HASH.bin; the <link> that names it. */
export async function writeCorpusData(dir, folder = corpusDir()) {
  const bytes = await bundleBytes(folder);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  const name = `${DATA_DIR}/corpus-${hash}.bin`;
  await rm(join(dir, DATA_DIR), { recursive: true, force: true });
  await mkdir(join(dir, DATA_DIR), { recursive: true });
  await writeFile(join(dir, name), bytes);
  return `<link rel="preload" as="fetch" crossorigin href="./${name}" data-corpus-bundle data-bytes="${bytes.length}">`;
}

/** The page linking to the bundle `link` names, instead of any earlier one. */
export function withCorpusLink(html, link) {
  const page = html.replace(LINK, "");
  const at = page.search(/<link\b/i);
  if (at < 0) throw new Error("index.html has no <link> to put the corpus link before");
  return `${page.slice(0, at)}${link}\n    ${page.slice(at)}`;
}
