// Shared steps of the browser tests.
import { expect } from "@playwright/test";

/** Opens the explorer at a URL query and waits for the app to render. */
export async function open(page, query = "") {
  await page.goto(`./${query ? `?${query}` : ""}`);
  await expect(page.locator("main#main")).toBeVisible();
}

/** The search box. */
export function searchBox(page) {
  return page.getByRole("searchbox", { name: "Search" });
}

/** The URL's query parameters as an object of arrays. */
export function params(page) {
  const url = new URL(page.url());
  const out = {};
  for (const [k, v] of url.searchParams) (out[k] ??= []).push(v);
  return out;
}

/** Collects console errors and uncaught exceptions of a page. */
export function collectErrors(page) {
  const errors = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  return errors;
}
