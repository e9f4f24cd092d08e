// Registers the service worker (sw.js) that keeps the explorer working
// offline, and offers a reload when a new build has been downloaded.
//
// Invariant: a page never runs a mix of two builds. A new build waits until
// the reader presses "Reload" in the offer; it then takes over, and every
// open page of the explorer reloads into it at once.
//
// Plain DOM rather than the Leptos app, so that an update can still be offered
// when the app itself fails to start. The offer's text is fixed: nothing from
// the network is put into it.
(() => {
  "use strict";
  const ACTIVATE_UPDATE = "corpus-explorer:activate-update";
  const CHECK_EVERY_MS = 60 * 60 * 1000;

  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  const workers = navigator.serviceWorker;

  // A page controlled by one build reloads when another takes over; the very
  // first worker taking over an uncontrolled page changes nothing it runs.
  let controlled = workers.controller !== null;
  workers.addEventListener("controllerchange", () => {
    if (controlled) location.reload();
    controlled = true;
  });

  // Registered once the page has its documents (or has said why not) and
  // has stored its copy of the corpus file (pwa/corpus-download.js): the
  // worker adopts that copy instead of downloading the file a second time.
  const STARTED = "corpus-explorer:started";
  const STARTED_ATTRIBUTE = "data-corpus-started";
  const GIVE_UP_WAITING_MS = 60 * 1000;
  const started = new Promise((ok) => {
    if (document.documentElement.hasAttribute(STARTED_ATTRIBUTE)) ok();
    window.addEventListener(STARTED, ok, { once: true });
    setTimeout(ok, GIVE_UP_WAITING_MS);
  });
  const loaded = new Promise((ok) => window.addEventListener("load", ok, { once: true }));

  Promise.all([started, loaded, globalThis.corpusBundleStored]).then(async () => {
    let registration;
    try {
      registration = await workers.register("sw.js");
    } catch (error) {
      console.warn("The explorer will not work offline: cannot register its service worker.", error);
      return;
    }
    if (registration.waiting && workers.controller) offer(registration.waiting);
    if (registration.installing) whenInstalled(registration.installing);
    registration.addEventListener("updatefound", () => whenInstalled(registration.installing));
    // Long-open pages look for a new build when they are shown again.
    let lastCheck = Date.now();
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState !== "visible" || Date.now() - lastCheck < CHECK_EVERY_MS) return;
      lastCheck = Date.now();
      registration.update().catch(() => {});
    });
  });

  /** Offers a worker once it has installed, if it is a new build for a controlled page. */
  function whenInstalled(worker) {
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && workers.controller) offer(worker);
    });
  }

  /** Shows the reload offer for a waiting worker (once). */
  function offer(worker) {
    if (document.querySelector(".update-banner")) return;
    const banner = document.createElement("div");
    banner.className = "update-banner";
    banner.setAttribute("role", "status");
    const text = document.createElement("p");
    text.textContent = "A new version of the explorer is ready.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => {
      reload.disabled = true;
      worker.postMessage({ type: ACTIVATE_UPDATE });
    });
    const later = document.createElement("button");
    later.type = "button";
    later.className = "secondary";
    later.textContent = "Later";
    later.addEventListener("click", () => banner.remove());
    banner.append(text, reload, later);
    document.body.append(banner);
  }
})();
