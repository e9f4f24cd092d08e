// Start-up: the corpus is a file beside the app, downloaded with a progress
// bar; the explorer answers as soon as the index is in, before the texts;
// a missing or damaged file gives a message saying what to do, never a
// blank page.
import { test, expect } from "@playwright/test";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyOfBuild, serve, stop } from "./offline-helpers.mjs";

const FAILURE_TITLE = "This explorer could not load its documents";

/** The build's corpus file, relative to the build. */
async function corpusFile(build) {
  const [name] = (await readdir(join(build, "data"))).filter((f) => f.endsWith(".bin"));
  return join(build, "data", name);
}

test("the page shows how much of the corpus has arrived, then the explorer", async ({ page }) => {
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/data/*.bin", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("./?q=visa");
  const bar = page.getByRole("progressbar", { name: /Loading the documents/ });
  await expect(bar).toBeVisible();
  await expect(page.locator("#main")).toHaveAttribute("aria-busy", "true");
  release();
  await expect(page.locator(".result").first()).toBeVisible();
  await expect(bar).toHaveCount(0);
  await expect(page.locator(".results-bar .status")).toHaveText(/documents?, \d+ matching paragraphs?$/);
});

/** Bytes of a bundle's header (magic and version) and its first zstd
 * frame, which holds the head and the index: what the explorer needs to
 * answer. A zstd frame is its magic, a descriptor byte, the optional window
 * byte, dictionary id and content size it announces, then blocks, each a
 * 3-byte header (last-block bit, type, size) and its content, then an
 * optional 4-byte checksum. */
function headAndIndexBytes(bytes) {
  const start = 10;
  const descriptor = bytes[start + 4];
  const singleSegment = (descriptor >> 5) & 1;
  const contentSizeBytes = [singleSegment, 2, 4, 8][descriptor >> 6];
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3];
  let at = start + 5 + (singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes;
  for (let last = 0; !last; ) {
    const header = bytes.readUIntLE(at, 3);
    last = header & 1;
    const type = (header >> 1) & 3;
    at += 3 + (type === 1 ? 1 : header >> 3);
  }
  return at + ((descriptor >> 2) & 1) * 4;
}

test("a corpus whose texts are cut off answers queries and says the texts are damaged", async ({ page }) => {
  const build = await copyOfBuild("texts-cut");
  const file = await corpusFile(build);
  const bytes = await readFile(file);
  await writeFile(file, bytes.subarray(0, headAndIndexBytes(bytes) + 1));
  const site = await serve(build);
  await page.goto(`${site.url}?q=visa`);
  await expect(page.locator(".result-title").first()).toBeVisible();
  // Without the index's detail, paragraphs are not counted rather than
  // counted wrong.
  await expect(page.locator(".results-bar .status")).toHaveText(/^\d+ documents?$/);
  await expect(page.getByRole("heading", { name: FAILURE_TITLE })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("is damaged");
  await expect(page.getByRole("alert")).toContainText("the bundle ends before the entities");
  await expect(page.getByText(/documents · quotes and names unavailable/)).toBeVisible();
  await page.getByRole("link", { name: "Quotes" }).click();
  await expect(page.locator(".contents-missing")).toBeVisible();
  // The cards' facets count without the texts; a filter on names, which
  // needs them, says it cannot apply now that they will not come.
  await page.goto(`${site.url}?q=${encodeURIComponent("visa person:hunt")}`);
  await expect(page.getByRole("list", { name: "About your query" })).toContainText(
    "The person filter cannot apply: the documents' names and quotes did not arrive.",
  );
  await page.goto(`${site.url}?q=visa`);
  await expect(page.locator(".facet h3").first()).toBeVisible();
  await expect(page.locator(".facet h3", { hasText: "Source" })).toHaveCount(1);
  await expect(page.locator(".facet h3", { hasText: "People" })).toHaveCount(0);
  await stop(site);
});

test("a corpus file that cannot be downloaded says so and to reload", async ({ page }) => {
  const build = await copyOfBuild("missing-corpus");
  await rm(await corpusFile(build));
  const site = await serve(build);
  await page.goto(site.url);
  await expect(page.getByRole("heading", { name: FAILURE_TITLE })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("could not be downloaded");
  await expect(page.getByRole("alert")).toContainText("HTTP 404");
  await stop(site);
});

test("a corpus file cut short says it is damaged", async ({ page }) => {
  const build = await copyOfBuild("damaged-corpus");
  const file = await corpusFile(build);
  const bytes = await readFile(file);
  await writeFile(file, bytes.subarray(0, bytes.length >> 1));
  const site = await serve(build);
  await page.goto(site.url);
  await expect(page.getByRole("heading", { name: FAILURE_TITLE })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("is damaged");
  await stop(site);
});
