// A small static file server for the built site, used by `scripts/serve.sh`
// and the browser tests. Usage: node serve.mjs DIR [PORT] [HOST]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` on `host:port`; resolves to the running server. With
 * `redirectIndex`, it answers `…/index.html` with a redirect to its folder
 * URL, as hosts with "pretty URLs" do.
 */
export function startServer({ root, port = 0, host = "127.0.0.1", redirectIndex = false }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      const path = decodeURIComponent(url.pathname);
      if (redirectIndex && path.endsWith("/index.html")) {
        res.writeHead(301, { location: url.pathname.slice(0, -"index.html".length) + url.search }).end();
        return;
      }
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root = "dist", port = "8080", host = "127.0.0.1"] = process.argv.slice(2);
  const server = await startServer({ root, port: Number(port), host });
  const { port: bound } = server.address();
  console.log(`serving ${resolve(root)} on http://${host}:${bound}/`);
}
