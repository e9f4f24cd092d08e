// The explorer's service worker: serves every file of one build from a cache
// named after that build, so the explorer opens and works with no network.
//
// This is a template. After each build, scripts/post-build.mjs writes the
// build's sw.js: this file preceded by
//   const PRECACHE = { version: "<hash of every file>", files: [[path, integrity], ...] };
// Any change to any file changes sw.js, which is how the browser learns of a
// new build.
//
// Invariants:
// - A page is served entirely from one build: the cache of the worker that
//   controls it holds exactly that build's files, each checked against its
//   integrity hash when it was stored.
// - A new build waits until the page asks for it (the reload offer in
//   sw-register.js); when it takes over it deletes the older builds' caches
//   of its own scope, never those of another explorer on the same origin
//   (two builds under /a/ and /b/ keep their own caches).
// - A cached response is never a redirect: hosts that redirect /index.html
//   to the folder URL get the page's bytes stored as a plain response, which
//   the browser accepts for a navigation.
// - Requests outside the build's file list go to the network untouched.
/* global PRECACHE */
"use strict";

const CACHE_PREFIX = "corpus-explorer-";
const scope = self.registration.scope;
/** This build's cache: "corpus-explorer-VERSION SCOPE". */
const CACHE = `${CACHE_PREFIX}${PRECACHE.version} ${scope}`;
/** Where a page leaves its copy of the corpus file for the worker (pwa/corpus-download.js). */
const HANDOVER = `${CACHE_PREFIX}download ${scope}`;
/** The names of files named after their content (16 hex digits of its hash). */
const CONTENT_NAMED = /[-.][0-9a-f]{16}\.[a-z]+$/;
/** The message a page sends to let a waiting new build take over. */
const ACTIVATE_UPDATE = "corpus-explorer:activate-update";

const index = new URL("index.html", scope).href;
/** Absolute URL → the integrity hash its response must match. */
const files = new Map(PRECACHE.files.map(([path, integrity]) => [new URL(path, scope).href, integrity]));

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(dropOlderBuilds());
});

self.addEventListener("message", (event) => {
  if (event.data?.type === ACTIVATE_UPDATE) self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const key = cacheKey(event.request);
  if (key) event.respondWith(fromCache(key, event.request));
});

/**
 * Stores every file of the build, each checked against its hash: taken from
 * another cache of this scope when one holds the same bytes (the corpus file
 * the page copied while downloading it, pwa/corpus-download.js; an older
 * build's unchanged files), otherwise from the server.
 */
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    [...files].map(async ([url, integrity]) => {
      // A previous, interrupted install of this same build already checked it.
      if (await cache.match(url)) return;
      const response = (await storedCopy(url, integrity)) ?? (await fetch(url, { cache: "no-cache", integrity }));
      if (!response.ok) throw new Error(`cannot precache ${url}: HTTP ${response.status}`);
      await cache.put(url, await withoutRedirect(response));
    }),
  );
  // The very first build has no older one to stay consistent with.
  if (!self.registration.active) await self.skipWaiting();
}

/**
 * A copy of `url` in another cache of this scope with the bytes `integrity`
 * names, or null. A file named after its content ("NAME-HASH.EXT", 16 hex
 * digits: the corpus file among others) is that content, so its copy is
 * moved as it is, streamed rather than read into the worker's memory (the
 * corpus file is tens of megabytes); a cache only ever holds whole
 * responses. Any other file is read and checked against its hash.
 */
async function storedCopy(url, integrity) {
  for (const name of (await caches.keys()).filter((name) => name === HANDOVER || isOlderBuild(name))) {
    const cached = await (await caches.open(name)).match(url);
    if (!cached?.ok || cached.redirected) continue;
    if (CONTENT_NAMED.test(new URL(url).pathname)) return cached;
    const bytes = await cached.arrayBuffer();
    if ((await integrityOf(bytes, integrity)) === integrity) return new Response(bytes, { headers: cached.headers });
  }
  return null;
}

/** The integrity string ("sha384-BASE64") of `bytes`, by the algorithm `like` names. */
async function integrityOf(bytes, like) {
  const algorithm = like.slice(0, like.indexOf("-"));
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm.replace("sha", "SHA-"), bytes));
  return `${algorithm}-${btoa(String.fromCharCode(...digest))}`;
}

/**
 * A response the browser will serve for a navigation: a redirected one (the
 * host sent /index.html on to the folder URL) is rebuilt from its body.
 */
async function withoutRedirect(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

/**
 * Whether a cache holds an older build of this explorer: same scope, other
 * version; or a cache named before scopes were part of the name.
 */
function isOlderBuild(name) {
  if (!name.startsWith(CACHE_PREFIX) || name === CACHE || name === HANDOVER) return false;
  return name.endsWith(` ${scope}`) || !name.includes(" ");
}

/** Deletes older builds' caches and the page's copy; on a first install, takes over open pages. */
async function dropOlderBuilds() {
  const older = (await caches.keys()).filter(isOlderBuild);
  await Promise.all([...older, HANDOVER].map((name) => caches.delete(name)));
  if (older.length === 0) await self.clients.claim();
}

/** The cached URL that answers a request, or null to leave it to the network. */
function cacheKey(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  url.hash = "";
  if (request.mode === "navigate") {
    // The explorer keeps its state in the query string: every state is index.html.
    url.search = "";
    return url.href === scope || url.href === index ? index : null;
  }
  return files.has(url.href) ? url.href : null;
}

/**
 * Answers from this build's cache. Should the browser have evicted an entry,
 * a page is fetched afresh (its files then come from the network too, as a
 * whole), and any other file only if it still matches this build's hash.
 */
async function fromCache(key, request) {
  const cached = await caches.match(key, { cacheName: CACHE });
  if (cached) return cached;
  return request.mode === "navigate" ? fetch(request) : fetch(key, { integrity: files.get(key) });
}
