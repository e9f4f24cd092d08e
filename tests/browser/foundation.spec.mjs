// The first slice: the page loads cleanly, lists the corpus, filters, opens a document.
import { test, expect } from "@playwright/test";

test("the page loads with no console errors and lists every document", async ({ page }) => {
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto("./");
  await expect(page.locator(".document")).toHaveCount(5);
  expect(errors).toEqual([]);
});

test("typing into Search narrows the list", async ({ page }) => {
  await page.goto("./");
  await expect(page.locator(".document")).toHaveCount(5);
  await page.getByRole("searchbox", { name: "Search" }).fill("knock down doors");
  await expect(page.locator(".document")).toHaveCount(1);
  await expect(page.locator(".document").first()).toContainText("knock down doors");
});

test("clicking a document opens its text", async ({ page }) => {
  await page.goto("./");
  await page.locator(".document-link").filter({ hasText: "knock down doors" }).click();
  const reader = page.getByRole("article", { name: "Document" });
  await expect(reader).toContainText("Matt Hancock told the leaders of trusts");
});
