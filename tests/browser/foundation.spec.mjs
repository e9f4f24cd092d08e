// The first slice: the page loads cleanly, lists the corpus, narrows as you type, opens a document.
import { test, expect } from "@playwright/test";
import { collectErrors, open, searchBox } from "./helpers.mjs";

test("the page loads with no console errors and lists all five documents", async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await expect(page.locator(".result")).toHaveCount(5);
  await expect(page.getByRole("status").first()).toHaveText("5 documents");
  expect(errors).toEqual([]);
});

test("typing into Search narrows the list", async ({ page }) => {
  await open(page);
  await expect(page.locator(".result")).toHaveCount(5);
  await searchBox(page).pressSequentially("knock down doors");
  await expect(page.locator(".result")).toHaveCount(1);
  await expect(page.locator(".result-title").first()).toContainText("knock down doors");
});

test("clicking a document opens its text", async ({ page }) => {
  await open(page, "q=Whitehall");
  await page.locator(".result-link").first().click();
  const reader = page.getByRole("article");
  await expect(reader).toContainText("Matt Hancock told the leaders of trusts");
  await expect(reader.locator("mark").first()).toHaveText("Whitehall");
});
