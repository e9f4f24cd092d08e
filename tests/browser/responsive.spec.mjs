// Every view fits a 360 px phone without sideways scrolling, and the reader prints cleanly.
import { test, expect } from "@playwright/test";
import { open } from "./helpers.mjs";

const VIEWS = [
  "q=visa",
  "view=read&doc=003_d502e40edd5697bc.txt&q=visa",
  "view=quotes",
  "view=people",
  `view=entity&entity=${encodeURIComponent("Jeremy Hunt")}`,
  "view=timeline",
];

test.use({ viewport: { width: 360, height: 740 } });

for (const query of VIEWS) {
  test(`fits a phone: ${query}`, async ({ page }) => {
    await open(page, query);
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("the print style shows the document without the app's chrome", async ({ page }) => {
  await open(page, "view=read&doc=000_94a91b39da9b792f.txt");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".reader-tools")).toBeHidden();
  await expect(page.locator(".doc-text")).toBeVisible();
});
