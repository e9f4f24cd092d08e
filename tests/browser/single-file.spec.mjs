// The single file: made from the build under test by scripts/single-file.mjs,
// opened from disk with file:// and no server, it searches, filters and reads
// under its own strict Content-Security-Policy, and asks for nothing.
import { test, expect } from "@playwright/test";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { makeSingleFile } from "../../scripts/single-file.mjs";
import { DIST, collectErrors, recordRequests } from "./offline-helpers.mjs";

test("the single file opens from disk and searches", async ({ page, context }) => {
  const file = join(await mkdtemp(join(tmpdir(), "corpus-explorer-single-")), "corpus-explorer.html");
  await makeSingleFile(DIST, file);
  const errors = collectErrors(page);
  const requests = recordRequests(context);

  await page.goto(pathToFileURL(file).href);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toContain("unsafe-inline");

  await expect(page.locator(".result").first()).toBeVisible();
  await page.getByRole("searchbox", { name: "Search" }).fill("visa");
  await expect(page.locator(".results-bar [role=status]")).toContainText(/\d+ documents?/);
  await expect(page.locator(".result .snippet mark").first()).toHaveText(/^visas?$/i);
  await page.locator(".result-link").first().click();
  await expect(page.locator("article.reader")).toBeVisible();
  await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Quotes" }).click();
  await expect(page.locator(".quote-card").first()).toBeVisible();

  expect(requests.map((r) => r.url).filter((url) => !/^(file|data|blob):/.test(url))).toEqual([]);
  expect(errors).toEqual([]);
});
