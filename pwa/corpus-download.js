// Starts downloading the corpus bundle as soon as the page is parsed, while
// the app's code is still arriving. scripts/build/corpus-data.mjs puts this
// script inline in index.html (without these comment lines), right after
// the meta element named "corpus-bundle" whose content is the file's URL and
// data-bytes its size; the app (src/data.rs) takes the response from
// `globalThis.corpusBundleDownload`.
//
// The file is downloaded once and stored once: the request bypasses the
// HTTP cache, and on a visit with no offline copy yet the bytes are copied,
// as they arrive, into a cache of this scope that the service worker adopts
// when it installs (pwa/sw.js) instead of downloading the file again.
// `globalThis.corpusBundleStored` settles when that copy is stored or is not
// needed; pwa/sw-register.js registers the worker after it.
(() => {
  "use strict";
  const meta = document.querySelector('meta[name="corpus-bundle"]');
  if (!meta) return;
  const href = new URL(meta.content, location.href).href;
  /** The cache sw.js looks in (its name begins as a build cache's and ends with the scope). */
  const HANDOVER = `corpus-explorer-download ${new URL(".", location.href).href}`;

  let storedCopy;
  globalThis.corpusBundleStored = new Promise((done) => (storedCopy = done));
  globalThis.corpusBundleDownload = fetch(href, { cache: "no-store" }).then(async (response) => {
    const copy = response.ok && response.body && (await needsOfflineCopy());
    if (!copy) {
      storedCopy();
      return response;
    }
    const [forApp, forCache] = response.body.tee();
    const type = response.headers.get("content-type") ?? "application/octet-stream";
    caches
      .open(HANDOVER)
      .then((cache) => cache.put(href, new Response(forCache, { headers: { "content-type": type } })))
      .catch(() => {})
      .then(storedCopy);
    const { status, statusText, headers } = response;
    return new Response(forApp, { status, statusText, headers });
  }, (error) => {
    storedCopy();
    throw error;
  });

  /** Whether a service worker can keep the file and no cache holds it yet. */
  async function needsOfflineCopy() {
    if (!("serviceWorker" in navigator) || !globalThis.caches || location.protocol === "file:") return false;
    return caches.match(href).then((cached) => !cached, () => false);
  }
})();
