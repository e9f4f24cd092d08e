// Embedding: a host page on one origin (localhost) shows the explorer from
// another (127.0.0.1) in an iframe with embed/loader.js. The iframe renders
// the state in its URL, is sized to its content, answers the host's messages,
// ignores malformed ones, and keeps working once both servers are gone.
import { test, expect } from "@playwright/test";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import config from "./playwright.config.mjs";
import {
  collectErrors,
  controllingWorker,
  copyOfBuild,
  foreignRequests,
  originOf,
  recordRequests,
  serve,
  stop,
} from "./offline-helpers.mjs";

// Chromium as readers have it, with third-party storage partitioned rather
// than blocked, so the iframe can keep its own offline copy.
test.use({
  launchOptions: {
    ...config.use.launchOptions,
    executablePath: fileURLToPath(new URL("./chromium-partitioned.sh", import.meta.url)),
  },
});

/** A host page with one explorer iframe and the loader, both from `explorer`. */
async function hostPage(explorer) {
  const dir = await mkdtemp(join(tmpdir(), "corpus-explorer-host-"));
  await writeFile(
    join(dir, "host.html"),
    `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>A host page</title><link rel="icon" href="data:,"></head>
<body style="margin: 0">
  <h1>A news site</h1>
  <iframe id="explorer" data-corpus-explorer title="Quotes about visas"
          src="${explorer}?embed=1&q=visa&view=quotes" style="width: 100%; height: 300px; border: 0"></iframe>
  <p>After the explorer.</p>
  <script src="${explorer}loader.js"></script>
</body>
</html>
`,
  );
  return dir;
}

/** The iframe's height in the host, and the explorer's content height inside it. */
async function heights(page) {
  const iframe = await page.locator("#explorer").evaluate((f) => f.getBoundingClientRect().height);
  const content = await page
    .frameLocator("#explorer")
    .locator("body")
    .evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
  return { iframe, content };
}

async function expectSizedToContent(page) {
  await expect
    .poll(async () => {
      const { iframe, content } = await heights(page);
      return Math.abs(iframe - content) <= 1 && iframe !== 300;
    }, "the iframe takes its content's height")
    .toBe(true);
}

/** Posts raw data to the iframe as the host page (no loader in between). */
async function postRaw(page, data) {
  await page.evaluate((d) => document.getElementById("explorer").contentWindow.postMessage(d, "*"), data);
}

test("an embedded explorer renders, resizes, answers its host, and works offline", async ({ page, context }) => {
  const errors = collectErrors(page);
  const requests = recordRequests(context);
  const explorerSite = await serve(await copyOfBuild("embedded"));
  const hostSite = await serve(await hostPage(explorerSite.url), { name: "localhost" });
  const frame = page.frameLocator("#explorer");
  const search = frame.getByRole("searchbox", { name: "Search" });
  try {
    await page.goto(`${hostSite.url}host.html`);

    // The state in the iframe's URL, in the compact layout.
    await expect(frame.locator(".quote-card").first()).toBeVisible();
    await expect(search).toHaveValue("visa");
    await expect(frame.locator(".site-footer")).toHaveCount(0);
    await expect(frame.locator(".brand")).toHaveCount(0);
    const full = frame.getByRole("link", { name: /Open in full explorer/ });
    await expect(full).toHaveAttribute("target", "_blank");
    await expect(full).toHaveAttribute("href", "?view=quotes&q=visa");
    await expectSizedToContent(page);

    // The host sets the query and view through the loader.
    await page.evaluate(() =>
      window.CorpusExplorer.set(document.getElementById("explorer"), { query: "nurses", view: "search" }),
    );
    await expect(search).toHaveValue("nurses");
    await expect(frame.locator(".result").first()).toBeVisible();
    await expect(full).toHaveAttribute("href", "?q=nurses");
    await expectSizedToContent(page);

    // Malformed messages change nothing; a message's text is only ever text.
    for (const junk of [
      "corpus-explorer:set",
      null,
      42,
      { type: "corpus-explorer:set", query: 42 },
      { type: "corpus-explorer:set", view: "admin" },
      { type: "corpus-explorer:set", view: "read" },
      { type: "corpus-explorer:set", query: "a".repeat(501) },
      { type: "corpus-explorer:set", query: "x", script: "alert(1)" },
      { type: "corpus-explorer:set", filters: { "not a facet": ["x"] } },
      { type: "corpus-explorer:set", filters: { speaker: "Jeremy Hunt" } },
      { type: "corpus-explorer:unknown", query: "x" },
      { type: "something-else", height: 1 },
    ]) {
      await postRaw(page, junk);
    }
    const markup = '<img src="x" onerror="parent.window.injected = 1">';
    await postRaw(page, { type: "corpus-explorer:set", query: markup });
    await expect(search).toHaveValue(markup);
    await expect(frame.locator(".result-list, .empty").first()).toBeVisible();
    await expect(frame.locator("img")).toHaveCount(0);
    expect(await page.evaluate(() => window.injected)).toBeUndefined();
    await expect(frame.getByRole("navigation", { name: "Views" }).locator('[aria-current="page"]')).toHaveText(
      "Documents",
    );

    // Filters from the host, with a view change.
    await page.evaluate(() =>
      window.CorpusExplorer.set(document.getElementById("explorer"), {
        query: "",
        view: "quotes",
        filters: { kind: ["direct"] },
      }),
    );
    await expect(frame.getByRole("button", { name: "Remove filter Kind: direct" })).toBeVisible();
    const kinds = await frame.locator(".quote-card .badge").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["direct"]));

    // Offline after the first load: both servers gone.
    const explorerFrame = page.frame({ url: (u) => u.origin === originOf(explorerSite.url) });
    expect(await controllingWorker(explorerFrame)).toBe(`${explorerSite.url}sw.js`);
    await stop(explorerSite);
    await stop(hostSite);

    await page.evaluate(() => window.CorpusExplorer.set(document.getElementById("explorer"), { query: "Hunt" }));
    await expect(search).toHaveValue("Hunt");
    await expect(frame.locator(".quote-card").first()).toBeVisible();
    await expectSizedToContent(page);

    // Even a new page in the iframe comes from the explorer's offline copy.
    await page
      .locator("#explorer")
      .evaluate((f, url) => (f.src = `${url}?embed=1&view=quotes&q=invidious`), explorerSite.url);
    await expect(frame.locator(".quote-card")).toHaveCount(1);
    await expect(frame.locator(".quote-card .speaker")).toHaveText("Jeremy Hunt");
    await expectSizedToContent(page);
  } finally {
    for (const site of [explorerSite, hostSite]) if (site.server.listening) await stop(site);
  }
  expect(foreignRequests(requests, originOf(explorerSite.url))).toEqual([]);
  expect(errors).toEqual([]);
});

test("a framed explorer turns on embed mode by itself", async ({ page }) => {
  const explorerSite = await serve(await copyOfBuild("framed"));
  const hostSite = await serve(await hostPage(explorerSite.url), { name: "localhost" });
  try {
    await page.goto(`${hostSite.url}host.html`);
    await page.locator("#explorer").evaluate((f, url) => (f.src = `${url}?q=visa`), explorerSite.url);
    const frame = page.frameLocator("#explorer");
    await expect(frame.getByRole("link", { name: /Open in full explorer/ })).toHaveAttribute("href", "?q=visa");
    await expect(frame.locator(".site-footer")).toHaveCount(0);
    await expectSizedToContent(page);
  } finally {
    await stop(explorerSite);
    await stop(hostSite);
  }
});
