// Corpus Explorer embed loader, for pages that show the explorer in an iframe.
//
// It sizes every explorer iframe to its content, and lets the page set an
// explorer's query, filters, view or order. Put it after the iframes:
//
//   <iframe src="https://explorer.example/?embed=1&q=visa&view=quotes"
//           data-corpus-explorer title="Quotes about visas" loading="lazy"
//           style="width: 100%; height: 600px; border: 0"></iframe>
//   <script src="https://explorer.example/loader.js" async></script>
//
// The explorer posts, and this loader reads (only from an explorer iframe,
// only from the origin of that iframe's src):
//   {type: "corpus-explorer:ready", version: 1}   the explorer listens
//   {type: "corpus-explorer:height", height: 812} content height, CSS pixels
// and the loader then sets the iframe's height and fires the DOM events
// "corpus-explorer:ready" and "corpus-explorer:resize" (detail: {height}) on
// the iframe for the page's own scripts.
//
// The loader posts {type: "corpus-explorer:hello"} to each explorer iframe
// when it starts and whenever the iframe loads a page, so that an explorer
// that was ready before the loader ran says "ready" (and its height) again.
//
// The page calls
//   CorpusExplorer.set(iframe, {query: "nurses", filters: {speaker: ["Jeremy Hunt"]},
//                               view: "quotes", sort: "newest"})
// (every field optional) to post {type: "corpus-explorer:set", ...} to that
// iframe's origin only. Calls made before the explorer is ready are queued.
// The explorer checks what it receives and ignores anything malformed.
(() => {
  "use strict";
  if (window.CorpusExplorer) return;

  const SELECTOR = "iframe[data-corpus-explorer]";
  const SET_FIELDS = ["query", "filters", "view", "sort"];
  /** Heights beyond this are taken as a fault, not content. */
  const MAX_HEIGHT = 100_000;
  /** iframe → {ready, queue} */
  const frames = new WeakMap();

  function entry(iframe) {
    let e = frames.get(iframe);
    if (!e) {
      frames.set(iframe, (e = { ready: false, queue: [] }));
      iframe.addEventListener("load", () => {
        e.ready = false;
        post(iframe, { type: "corpus-explorer:hello" });
      });
    }
    return e;
  }

  function originOf(iframe) {
    try {
      return new URL(iframe.src, location.href).origin;
    } catch {
      return null;
    }
  }

  function iframeOf(source) {
    for (const iframe of document.querySelectorAll(SELECTOR)) {
      if (iframe.contentWindow === source) return iframe;
    }
    return null;
  }

  window.addEventListener("message", (event) => {
    const iframe = iframeOf(event.source);
    if (iframe) entry(iframe);
    const data = event.data;
    if (!iframe || event.origin !== originOf(iframe) || data === null || typeof data !== "object") return;
    if (data.type === "corpus-explorer:height") {
      const height = data.height;
      if (typeof height !== "number" || !(height >= 0 && height <= MAX_HEIGHT)) return;
      iframe.style.height = `${Math.ceil(height)}px`;
      iframe.dispatchEvent(new CustomEvent("corpus-explorer:resize", { detail: { height } }));
    } else if (data.type === "corpus-explorer:ready") {
      const e = entry(iframe);
      e.ready = true;
      for (const message of e.queue.splice(0)) post(iframe, message);
      iframe.dispatchEvent(new CustomEvent("corpus-explorer:ready"));
    }
  });

  function post(iframe, message) {
    const origin = originOf(iframe);
    if (origin && origin !== "null") iframe.contentWindow?.postMessage(message, origin);
  }

  /** Sets an explorer's query, filters, view or order. */
  function set(iframe, request) {
    if (!(iframe instanceof HTMLIFrameElement) || !iframe.matches(SELECTOR)) {
      throw new TypeError("CorpusExplorer.set: expected an <iframe data-corpus-explorer>");
    }
    const message = { type: "corpus-explorer:set" };
    for (const field of SET_FIELDS) {
      if (request?.[field] !== undefined) message[field] = request[field];
    }
    const e = entry(iframe);
    if (e.ready) post(iframe, message);
    else e.queue.push(message);
  }

  window.CorpusExplorer = Object.freeze({ set });
  for (const iframe of document.querySelectorAll(SELECTOR)) {
    entry(iframe);
    post(iframe, { type: "corpus-explorer:hello" });
  }
})();
