// Offline use: after one visit the service worker serves the whole build, so
// the explorer works with its server gone; a newer build is offered, and
// taken only when the reader reloads; the app asks no other origin for anything.
import { test, expect } from "@playwright/test";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import {
  REPO,
  buildVersion,
  collectErrors,
  controllingWorker,
  copyOfBuild,
  foreignRequests,
  originOf,
  recordRequests,
  serve,
  stop,
} from "./offline-helpers.mjs";

/** Opens each view from the start page the way a reader does, checking that each one answers. */
async function useEveryView(page, url) {
  if (page.url() !== url) await page.goto(url);
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill("visa");
  await expect(page.locator(".result").first()).toBeVisible();
  await expect(page.locator(".results-bar [role=status]")).toContainText(/\d+ documents?/);

  const value = page.locator(".facet-value").first();
  const expected = Number((await value.locator(".count").textContent()).trim());
  await value.click();
  await expect(page.getByRole("group", { name: "Active filters" })).toBeVisible();
  await expect(page.locator(".result")).toHaveCount(expected);

  await page.locator(".result-link").first().click();
  await expect(page.locator("article.reader")).toBeVisible();
  await expect(page.locator(".doc-text mark").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Quotes" }).click();
  await expect(page).toHaveURL(/view=quotes/);
  await expect(page.locator(".quote-card").first()).toBeVisible();
}

/** A newer build: the same files with a marked index.html, finished by the post-build step. */
async function newerBuild(from) {
  const dir = await copyOfBuild("newer");
  const index = join(dir, "index.html");
  const html = await readFile(index, "utf8");
  await writeFile(index, html.replace("<head>", '<head>\n<meta name="corpus-explorer-test-build" content="newer">'));
  execFileSync("node", [join(REPO, "scripts/post-build.mjs"), dir], { stdio: "pipe" });
  expect(await buildVersion(dir), "the newer build has a new version").not.toBe(await buildVersion(from));
  return dir;
}

test("works offline after one visit, then offers and takes a newer build", async ({ page, context }) => {
  const errors = collectErrors(page);
  const build = await copyOfBuild("offline");
  const oldVersion = await buildVersion(build);
  let site = await serve(build);

  await page.goto(site.url);
  await expect(page.locator(".result").first()).toBeVisible();
  expect(await controllingWorker(page)).toBe(`${site.url}sw.js`);

  await stop(site);
  await page.reload();
  await expect(page.locator(".result").first()).toBeVisible();
  await useEveryView(page, site.url);
  expect(await page.evaluate(() => caches.keys())).toEqual([`corpus-explorer-${oldVersion} ${site.url}`]);

  // The same origin now serves a newer build: the open page keeps the old one
  // until the reader accepts the offer.
  const newer = await newerBuild(build);
  const newVersion = await buildVersion(newer);
  site = await serve(newer, { port: site.port });
  try {
    await page.reload();
    const offer = page.locator(".update-banner");
    await expect(offer).toContainText("A new version of the explorer is ready.");
    await expect(page.locator('meta[name="corpus-explorer-test-build"]')).toHaveCount(0);
    await expect(page.locator(".quote-card").first()).toBeVisible();

    await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: "Reload" }).click()]);
    await expect(page.locator('meta[name="corpus-explorer-test-build"]')).toHaveAttribute("content", "newer");
    await expect(page.locator(".update-banner")).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`corpus-explorer-${newVersion} ${site.url}`]);

    // The newer build works offline too.
    await stop(site);
    await page.goto(site.url);
    await expect(page.locator('meta[name="corpus-explorer-test-build"]')).toHaveAttribute("content", "newer");
    await useEveryView(page, site.url);
  } finally {
    if (site.server.listening) await stop(site);
  }
  expect(errors).toEqual([]);
});

test("a first visit downloads the corpus file once: the worker keeps the page's copy", async ({ page, context }) => {
  const requests = recordRequests(context);
  const build = await copyOfBuild("once");
  const version = await buildVersion(build);
  const site = await serve(build);
  try {
    await page.goto(site.url);
    await expect(page.locator(".result").first()).toBeVisible();
    await controllingWorker(page);
    // The page's copy has moved into the build's cache, and nothing else is left.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`corpus-explorer-${version} ${site.url}`]);
  } finally {
    await stop(site);
  }
  const bundles = requests.filter(({ url }) => /\/data\/corpus-[0-9a-f]+\.bin$/.test(url));
  expect(bundles.map(({ by }) => by)).toEqual([originOf(site.url)]);
  await page.reload();
  await useEveryView(page, site.url);
});

test("the app asks no other origin for anything", async ({ page, context }) => {
  const requests = recordRequests(context);
  const site = await serve(await copyOfBuild("origins"));
  try {
    await page.goto(site.url);
    await controllingWorker(page);
    await useEveryView(page, site.url);
    for (const view of ["People", "Timeline"]) {
      await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: view }).click();
      await expect(page.locator("main#main")).not.toBeEmpty();
    }
    await page.reload();
    await expect(page.locator("main#main")).not.toBeEmpty();
  } finally {
    await stop(site);
  }
  const origin = originOf(site.url);
  expect(requests.filter((r) => r.by === origin).length, "requests were recorded").toBeGreaterThan(5);
  expect(foreignRequests(requests, origin)).toEqual([]);
});

test("the explorer can be installed as an app", async ({ page, context }) => {
  const site = await serve(await copyOfBuild("install"));
  try {
    await page.goto(site.url);
    await controllingWorker(page);
    const devtools = await context.newCDPSession(page);
    // Test browsers run like private windows, which never install apps: that
    // one reason aside, Chromium must find nothing missing.
    await expect
      .poll(async () => {
        const { installabilityErrors } = await devtools.send("Page.getInstallabilityErrors");
        return installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito");
      })
      .toEqual([]);
    const { errors } = await devtools.send("Page.getAppManifest");
    expect(errors).toEqual([]);
  } finally {
    await stop(site);
  }
});
