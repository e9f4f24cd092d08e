// Hosting: the explorer works, and keeps working offline, on static hosts
// that redirect /index.html to the folder URL, and beside another build of
// the explorer under another path of the same origin.
import { test, expect } from "@playwright/test";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { collectErrors, controllingWorker, copyOfBuild, DIST, serve, stop } from "./offline-helpers.mjs";

/** Searches for a common word and waits for the first result. */
async function answers(page) {
  await page.getByRole("searchbox", { name: "Search" }).fill("visa");
  await expect(page.locator(".result").first()).toBeVisible();
}

test("a host that redirects /index.html to the folder keeps working, online and offline", async ({ page }) => {
  const errors = collectErrors(page);
  const build = await copyOfBuild("redirecting");
  const site = await serve(build, { redirectIndex: true });
  const redirected = await fetch(`${site.url}index.html`, { redirect: "manual" });
  expect(redirected.status, "the test host redirects /index.html").toBe(301);

  await page.goto(site.url);
  await answers(page);
  expect(await controllingWorker(page)).toBe(`${site.url}sw.js`);
  await page.reload();
  await answers(page);
  await page.goto(`${site.url}index.html?q=nurses`);
  await expect(page.locator(".result").first()).toBeVisible();

  await stop(site);
  await page.goto(site.url);
  await answers(page);
  await page.reload();
  await answers(page);
  expect(errors).toEqual([]);
});

test("two builds under two paths of one origin keep their own offline copies", async ({ page }) => {
  const errors = collectErrors(page);
  const root = await mkdtemp(join(tmpdir(), "corpus-explorer-two-builds-"));
  await cp(DIST, join(root, "a"), { recursive: true });
  await cp(DIST, join(root, "b"), { recursive: true });
  const site = await serve(root);

  for (const path of ["a/", "b/"]) {
    await page.goto(`${site.url}${path}`);
    await answers(page);
    expect(await controllingWorker(page)).toBe(`${site.url}${path}sw.js`);
  }
  const names = await page.evaluate(() => caches.keys());
  expect(names.sort(), "one cache per build, named after its scope").toEqual(
    [expect.stringMatching(/ http:.*\/a\/$/), expect.stringMatching(/ http:.*\/b\/$/)],
  );

  await stop(site);
  for (const path of ["a/", "b/", "a/"]) {
    await page.goto(`${site.url}${path}`);
    await answers(page);
  }
  expect(await page.evaluate(() => caches.keys())).toHaveLength(2);
  expect(errors).toEqual([]);
});
