// The Content-Security-Policy of a built page: the policy is written by hand
// in index.html's <meta http-equiv="Content-Security-Policy">, and the only
// thing filled in after the build is the list of hashes that allow the page's
// own inline scripts and styles (trunk writes the inline script that starts
// the wasm, so its hash is only known once the build is done).
//
// Invariant: after withInlineHashes(html), script-src allows exactly the
// inline scripts of html by hash (and style-src its inline styles), plus the
// sources written by hand; running it twice gives the same page.
import { createHash } from "node:crypto";

const META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;

/** The CSP source expression allowing exactly `text` inline. */
export function cspHash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The bodies of the inline elements `tag` (script or style) of a page. */
export function inlineBodies(html, tag) {
  const element = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, "gi");
  return [...html.matchAll(element)].filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs)).map(([, , body]) => body);
}

/** The page's CSP directives, name → source list, in order. */
export function readPolicy(html) {
  const meta = META.exec(html);
  if (!meta) throw new Error('no <meta http-equiv="Content-Security-Policy" content="..."> in the page');
  return new Map(
    meta[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** Writes a policy back as the content of the page's CSP meta tag. */
export function writePolicy(html, policy) {
  const content = [...policy].map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
  return html.replace(META, `<meta http-equiv="Content-Security-Policy" content="${content}">`);
}

/** The page with its CSP allowing its inline scripts and styles by hash. */
export function withInlineHashes(html) {
  const policy = readPolicy(html);
  for (const [directive, tag] of [["script-src", "script"], ["style-src", "style"]]) {
    const hashes = [...new Set(inlineBodies(html, tag).map(cspHash))];
    const sources = (policy.get(directive) ?? []).filter((s) => !s.startsWith("'sha256-"));
    if (hashes.length === 0 && !policy.has(directive)) continue;
    if (sources.length === 1 && sources[0] === "'none'" && hashes.length > 0) sources.pop();
    policy.set(directive, [...sources, ...hashes]);
  }
  return writePolicy(html, policy);
}
