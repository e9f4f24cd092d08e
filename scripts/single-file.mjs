// Makes the whole explorer one HTML file that opens from disk (file://) with
// no server: to email, archive or keep on a USB stick.
//
//   node scripts/single-file.mjs [BUILD] [OUT]
//
// BUILD is a trunk build (default dist/, made by `trunk build --release`);
// OUT defaults to dist-single/corpus-explorer.html. The file inlines the
// stylesheet, the app icon (as a data: URL), the wasm-bindgen JavaScript,
// the wasm module and the corpus bundle. A browser will not fetch from
// file://, so the module and the bundle are stored as base64: the module is
// instantiated from its bytes, and the bundle's bytes are left in
// `globalThis.corpusBundle`, where the app looks before downloading. The service worker, manifest and embed loader are left out:
// they need a web origin.
//
// Invariant: the page runs under a Content-Security-Policy that allows only
// its own inline script and style by hash, wasm, and the data: icon; nothing
// it contains can load anything from anywhere.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { inlineBodies, withInlineHashes } from "./build/csp.mjs";

const POLICY =
  "default-src 'none'; script-src 'wasm-unsafe-eval'; style-src 'none'; img-src data:; base-uri 'none'; form-action 'none'";

/** The names of trunk's outputs, read from the start-up script and links of its index.html. */
function buildFiles(index) {
  const start = inlineBodies(index, "script").find((s) => /\bimport\s+init\b/.test(s));
  const js = start && /from\s+'\.\/([^']+\.js)'/.exec(start)?.[1];
  const wasm = start && /'\.\/([^']+_bg\.wasm)'/.exec(start)?.[1];
  const css = /<link\s+rel="stylesheet"\s+href="\.\/([^"]+\.css)"/.exec(index)?.[1];
  if (!js || !wasm || !css) {
    throw new Error("index.html: cannot find trunk's start-up script, wasm and stylesheet; is this a trunk build?");
  }
  const data = /<meta name="corpus-bundle" content="\.\/([^"]+)"/i.exec(index)?.[1];
  if (!data) throw new Error('index.html: cannot find the corpus bundle\'s <meta name="corpus-bundle">');
  return { js, wasm, css, data };
}

/**
 * wasm-bindgen's ES module as the body of an inline module script: its
 * exports become plain declarations (an inline script cannot be imported).
 */
function inlineModule(glue) {
  const body = glue
    .replace(/^export\s+\{[^}]*\};?[ \t]*$/gm, "")
    .replace(/^export\s+((?:async\s+)?function\*?|class|const|let|var)\s/gm, "$1 ");
  const left = /^\s*(?:export|import)\b.*$/m.exec(body);
  if (left) throw new Error(`wasm-bindgen output has a statement an inline script cannot hold: ${left[0].trim()}`);
  if (!/\bfunction\s+__wbg_init\b/.test(body)) throw new Error("wasm-bindgen output has no __wbg_init");
  return body;
}

/** Text that cannot end the element it is put in early. */
function safeInside(tag, text) {
  if (tag === "style" && /<\/style/i.test(text)) throw new Error("the stylesheet contains </style");
  return tag === "script" ? text.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--") : text;
}

export async function makeSingleFile(buildDir, outFile) {
  const read = (name, encoding) => readFile(join(buildDir, name), encoding);
  const index = await read("index.html", "utf8");
  const { js, wasm, css, data } = buildFiles(index);
  const icon = (await read("icons/icon.svg")).toString("base64");
  const title = /<title>([^<]*)<\/title>/.exec(index)?.[1] ?? "Corpus Explorer";
  const themes = index.match(/<meta name="theme-color"[^>]*>/g) ?? [];
  // In a block of its own, so its names cannot clash with wasm-bindgen's.
  const script = `${inlineModule(await read(js, "utf8"))}
{
  const decode = (base64) => {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };
  globalThis.corpusBundle = decode("${(await read(data)).toString("base64")}");
  await __wbg_init({ module_or_path: decode("${(await read(wasm)).toString("base64")}") });
}
`;
  const page = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="color-scheme" content="light dark">
${themes.join("\n")}
<title>${title}</title>
<link rel="icon" href="data:image/svg+xml;base64,${icon}" type="image/svg+xml">
<style>${safeInside("style", await read(css, "utf8"))}</style>
</head>
<body>
<script type="module">${safeInside("script", script)}</script>
</body>
</html>
`;
  const html = withInlineHashes(page);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, html);
  return { bytes: Buffer.byteLength(html), gzipBytes: gzipSync(html, { level: 9 }).length };
}

if (fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? "")) {
  const repo = fileURLToPath(new URL("..", import.meta.url));
  const [build = join(repo, "dist"), out = join(repo, "dist-single/corpus-explorer.html")] = process.argv.slice(2);
  try {
    const { bytes, gzipBytes } = await makeSingleFile(resolve(build), resolve(out));
    const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(`single-file: ${resolve(out)}: ${kib(bytes)} (${kib(gzipBytes)} gzipped)`);
  } catch (error) {
    console.error(`single-file: ${resolve(build)}: ${error.message}`);
    process.exit(1);
  }
}
