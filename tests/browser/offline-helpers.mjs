// Shared steps of the offline, embed and single-file tests: copies of the
// build under test, servers that can be stopped for real, service-worker
// control, and a record of every request a browser context makes.
import { cp, mkdtemp, readFile, realpath } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "@playwright/test";
import { startServer } from "./serve.mjs";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** The build under test: dist/ unless DIST_DIR names another. */
export const DIST = resolve(REPO, process.env.DIST_DIR ?? "dist");

/** A private copy of the build, which a test may change and serve. */
export async function copyOfBuild(label) {
  const dir = await mkdtemp(join(tmpdir(), `corpus-explorer-${label}-`));
  await cp(await realpath(DIST), dir, { recursive: true });
  return dir;
}

/** The build version sw.js precaches (its cache is "corpus-explorer-VERSION SCOPE"). */
export async function buildVersion(dir) {
  const worker = await readFile(join(dir, "sw.js"), "utf8");
  const version = /"version":"([0-9a-f]+)"/.exec(worker)?.[1];
  if (!version) throw new Error(`${dir}/sw.js has no precache version`);
  return version;
}

/** Serves `root`; `url` is its address under the given host name. */
export async function serve(root, { host = "127.0.0.1", name = host, port = 0, redirectIndex = false } = {}) {
  const server = await startServer({ root, host, port, redirectIndex });
  const bound = server.address().port;
  return { server, port: bound, url: `http://${name}:${bound}/` };
}

/** Stops a server for real: no new connections, open ones closed, port free. */
export async function stop({ server, url }) {
  const closed = new Promise((ok) => server.close(ok));
  server.closeAllConnections();
  await closed;
  await expect(fetch(url), `${url} still answers after stopping its server`).rejects.toThrow();
}

/** Waits until a service worker controls the page (or frame); returns its script URL. */
export async function controllingWorker(target) {
  return target.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
    return navigator.serviceWorker.controller.scriptURL;
  });
}

/**
 * Records the URL of every request made in a browser context, by its pages,
 * frames and service workers, as {url, by} where `by` is the origin of the
 * document or worker that asked.
 */
export function recordRequests(context) {
  const requests = [];
  context.on("request", (request) => {
    const worker = request.serviceWorker();
    let by = "unknown";
    try {
      by = originOf(worker ? worker.url() : request.frame().url());
    } catch {
      // A request with neither a frame nor a worker is nobody's: it stays "unknown".
    }
    requests.push({ url: request.url(), by, navigation: request.isNavigationRequest() });
  });
  return requests;
}

/**
 * Requests that a document or worker of `origin` made to another origin.
 * Navigations are left out: opening a page is the page's URL, not a request
 * the app makes.
 */
export function foreignRequests(requests, origin) {
  return requests.filter(({ url, by, navigation }) => {
    const to = originOf(url);
    return (by === origin || by === "unknown") && !navigation && to !== origin && to !== "data:" && to !== "blob:";
  });
}

/** The origin of a URL, or its scheme for data:, blob:, about: and file: URLs. */
export function originOf(url) {
  const parsed = new URL(url);
  if (parsed.protocol === "data:" || parsed.protocol === "blob:" || parsed.protocol === "about:") return parsed.protocol;
  if (parsed.protocol === "file:") return "file:";
  return parsed.origin;
}

/** Collects console errors and uncaught exceptions of a page (CSP violations included). */
export function collectErrors(page) {
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}
