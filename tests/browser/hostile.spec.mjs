// A corpus of hostile entries next to good files (scripts/hostile-corpus.sh),
// built into dist-hostile/ by scripts/test.sh: the explorer answers searches
// that touch a 400-character URL and Chinese and Japanese text, and its About
// page lists every file the build left out, with the reason.
import { test, expect } from "@playwright/test";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { collectErrors, REPO, serve, stop } from "./offline-helpers.mjs";

const HOSTILE_DIST = resolve(REPO, process.env.HOSTILE_DIST ?? "dist-hostile");

test.describe("a hostile corpus", () => {
  let site;
  test.beforeAll(async () => {
    expect(existsSync(HOSTILE_DIST), `${HOSTILE_DIST} is built by scripts/test.sh`).toBe(true);
    site = await serve(HOSTILE_DIST);
  });
  test.afterAll(async () => {
    if (site) await stop(site);
  });

  for (const [query, file] of [
    ["details", "url.txt"],
    ["东京都政府", "cjk.txt"],
    ["東京都は水曜日", "cjk.txt"],
  ]) {
    test(`a search for ${query} finds ${file} and shows its snippet`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.goto(`${site.url}?q=${encodeURIComponent(query)}`);
      const result = page.locator(".result").filter({ has: page.locator(`a[href*="${file}"]`) });
      await expect(result).toHaveCount(1);
      await expect(result.locator(".snippet").first()).toBeVisible();
      await result.locator(".result-link").click();
      await expect(page.locator("article.reader")).toBeVisible();
      expect(errors).toEqual([]);
    });
  }

  test("About this corpus lists every file left out, with its reason", async ({ page }) => {
    await page.goto(`${site.url}?view=about`);
    const about = page.locator("section.about");
    await expect(about.getByRole("heading", { name: "Files left out (9)" })).toBeVisible();
    for (const [file, reason] of [
      ["image.txt:1", "binary file"],
      ["huge.txt", "over the"],
      ["bad-front-matter.txt:3", "malformed front matter"],
      ["pipe.txt", "not a regular file"],
      ["secret.txt", "outside the corpus folder"],
      ["zero.txt", "link to a special file"],
      ["sub/a", "link to a folder"],
      ["elsewhere", "link to a folder"],
    ]) {
      await expect(about.locator(".about-problems li", { hasText: file }).filter({ hasText: reason })).toHaveCount(1);
    }
    await expect(page.locator("body")).not.toContainText("A secret from elsewhere");
  });
});
