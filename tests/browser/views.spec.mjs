// Each view of the explorer on the seeds corpus, and the URL parameters that reproduce it.
import { test, expect } from "@playwright/test";
import { collectErrors, open, params, searchBox } from "./helpers.mjs";

const HSJ_FILE = "000_94a91b39da9b792f.txt";
const LETTER_FILE = "003_d502e40edd5697bc.txt";
const NATIONAL_FILE = "001_984e122eb82378e5.txt";

test.describe("search view", () => {
  test("results are grouped by document with highlighted snippets and a live count", async ({ page }) => {
    await open(page, "q=visa");
    const results = page.locator(".result");
    await expect(results.first()).toBeVisible();
    const count = await results.count();
    expect(count).toBeGreaterThanOrEqual(3);
    await expect(page.locator(".results-bar [role=status]")).toContainText(`${count} documents`);
    await expect(results.first().locator(".snippet mark").first()).toHaveText(/^visas?$/i);
  });

  test("a query from a link or the search box is cut to the length limit", async ({ page }) => {
    await open(page, `q=${"visa ".repeat(400)}`);
    await expect(searchBox(page)).toHaveAttribute("maxlength", "500");
    expect((await searchBox(page).inputValue()).length).toBe(500);
    await expect(page.locator(".result").first()).toBeVisible();
  });

  test("the query is kept in the URL as you type", async ({ page }) => {
    await open(page);
    await searchBox(page).pressSequentially("recruitment");
    await expect(page).toHaveURL(/[?&]q=recruitment/);
  });

  test("a facet value filters, shows a chip, and the chip clears it", async ({ page }) => {
    await open(page);
    const yearFacet = page.locator(".facet").filter({ has: page.getByRole("heading", { name: "Year" }) });
    const first = yearFacet.locator(".facet-value").first();
    const year = (await first.locator(".facet-name").textContent()).trim();
    const expected = Number((await first.locator(".count").textContent()).trim());
    await first.click();
    await expect(page).toHaveURL(new RegExp(`f\\.year=${year}`));
    await expect(page.locator(".result")).toHaveCount(expected);
    const chip = page.getByRole("button", { name: `Remove filter Year: ${year}` });
    await expect(chip).toBeVisible();
    await chip.click();
    await expect(page.locator(".result")).toHaveCount(5);
    expect(params(page)["f.year"]).toBeUndefined();
  });

  test("a link with a kind filter reproduces the filtered list", async ({ page }) => {
    await open(page, "f.kind=letter");
    await expect(page.locator(".result")).toHaveCount(1);
    await expect(page.locator(".result-link")).toHaveAttribute("href", new RegExp(LETTER_FILE));
    await expect(page.getByRole("button", { name: "Remove filter Kind: letter" })).toBeVisible();
  });

  test("sort by date puts the newest dated document first and undated ones last", async ({ page }) => {
    await open(page, "sort=newest");
    await expect(page.getByRole("combobox", { name: /Sort by/ })).toHaveValue("newest");
    const metas = await page.locator(".result .meta").allTextContents();
    const years = metas.map((t) => Number(t.match(/\b(1\d\d\d|20\d\d)\b/)?.[1] ?? NaN));
    const dated = years.filter((y) => !Number.isNaN(y));
    expect(dated.length).toBeGreaterThan(0);
    expect(dated).toEqual([...dated].sort((a, b) => b - a));
    expect(years.slice(0, dated.length)).toEqual(dated);
  });

  test("a query that matches nothing shows what to try", async ({ page }) => {
    await open(page, "q=zzzqqqxx");
    await expect(page.getByText("No documents match.")).toBeVisible();
    await expect(page.locator(".result")).toHaveCount(0);
  });

  test("a malformed query still searches and says what it did", async ({ page }) => {
    const errors = collectErrors(page);
    await open(page, `q=${encodeURIComponent('"health and care')}`);
    await expect(page.locator(".result").first()).toBeVisible();
    await expect(page.locator(".notices")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("back and forward move between the list and a document", async ({ page }) => {
    await open(page, "q=visa");
    await page.locator(".result-link").first().click();
    await expect(page.getByRole("article")).toBeVisible();
    await expect(page).toHaveURL(/view=read/);
    await page.goBack();
    await expect(page.locator(".result").first()).toBeVisible();
    await expect(searchBox(page)).toHaveValue("visa");
    await page.goForward();
    await expect(page.getByRole("article")).toBeVisible();
  });
});

test.describe("reader", () => {
  test("shows metadata, highlights the query and steps through matches", async ({ page }) => {
    await open(page, `view=read&doc=${HSJ_FILE}&q=visa`);
    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 2 })).toContainText("Jeremy Hunt");
    await expect(article.locator(".doc-meta")).toContainText("HSJ");
    const marks = article.locator(".doc-text mark");
    expect(await marks.count()).toBeGreaterThan(1);
    await page.getByRole("button", { name: "Next match" }).click();
    await expect(page.locator(".match-count")).toHaveText(/^Match 1 of \d+$/);
    await page.getByRole("button", { name: "Next match" }).click();
    await expect(page.locator(".match-count")).toHaveText(/^Match 2 of \d+$/);
    await expect(article.locator("mark.current")).toHaveCount(1);
  });

  test("marks quotes with their speakers and links names to their pages", async ({ page }) => {
    await open(page, `view=read&doc=${HSJ_FILE}`);
    const quote = page.locator(".quote.direct").filter({ hasText: "really interesting idea" });
    await expect(quote).toBeVisible();
    await expect(page.locator(".speaker-tag").filter({ hasText: "Jeremy Hunt" }).first()).toBeVisible();
    await page.locator(".doc-entities").getByRole("link", { name: "Sajid Javid" }).click();
    await expect(page).toHaveURL(/view=entity/);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Sajid Javid");
  });

  test("a quote parameter scrolls to that quote", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 500 });
    await open(page, `view=read&doc=${HSJ_FILE}`);
    const last = (await page.locator(".doc-quotes li").count()) - 1;
    await open(page, `view=read&doc=${HSJ_FILE}&quote=${last}`);
    await expect(page.locator(`#quote-${last}`)).toBeInViewport();
  });

  test("show original text reveals what cleaning removed", async ({ page }) => {
    await open(page, `view=read&doc=${NATIONAL_FILE}`);
    await expect(page.locator(".doc-text")).not.toContainText("READ MORE");
    await page.getByRole("button", { name: "Show original text" }).click();
    await expect(page.locator(".original del").filter({ hasText: "READ MORE" }).first()).toBeVisible();
  });

  test("an unknown document says so", async ({ page }) => {
    await open(page, "view=read&doc=missing.txt");
    await expect(page.getByRole("heading", { name: "Document not found" })).toBeVisible();
  });
});

test.describe("quotes view", () => {
  test("lists quotes with speaker, source and a link to their place", async ({ page }) => {
    await open(page, "view=quotes&q=invidious");
    const card = page.locator(".quote-card");
    await expect(card).toHaveCount(1);
    await expect(card.locator(".speaker")).toHaveText("Jeremy Hunt");
    await expect(card.locator(".meta")).toContainText("HSJ");
    await card.getByRole("link", { name: /In context/ }).click();
    await expect(page).toHaveURL(/view=read/);
    await expect(page).toHaveURL(/quote=\d+/);
    await expect(page.locator(".quote").filter({ hasText: "invidious" }).first()).toBeInViewport();
  });

  test("filters by speaker and by kind from the URL", async ({ page }) => {
    await open(page, `view=quotes&f.speaker=${encodeURIComponent("Matt Hancock")}&f.kind=direct`);
    const speakers = await page.locator(".quote-card .speaker").allTextContents();
    expect(speakers.length).toBeGreaterThan(1);
    expect(new Set(speakers)).toEqual(new Set(["Matt Hancock"]));
    const kinds = await page.locator(".quote-card .badge").allTextContents();
    expect(new Set(kinds)).toEqual(new Set(["direct"]));
  });

  test("a statement with quoted words is one card with those words marked", async ({ page }) => {
    await open(page, "view=quotes&f.kind=mixed&q=message");
    const card = page.locator(".quote-card").filter({ hasText: "send a message" });
    await expect(card).toHaveCount(1);
    await expect(card.locator(".badge")).toHaveText("mixed");
    await expect(card.locator(".quoted-words").first()).toHaveText("send a message");
    await expect(card.locator(".speaker")).toHaveText("Jeremy Hunt");
  });

  test("filters quotes by how far their speaker is known", async ({ page }) => {
    await open(page, "view=quotes&f.attribution=unattributed");
    const speakers = await page.locator(".quote-card .speaker").allTextContents();
    expect(speakers.length).toBeGreaterThan(0);
    expect(new Set(speakers)).toEqual(new Set(["Unattributed"]));
    // the words that name a source the explorer could not resolve are shown
    await expect(page.locator(".quote-card .named-as").first()).toContainText("named as “the strategy”");
    await open(page, "view=quotes&f.attribution=named");
    const named = await page.locator(".quote-card .speaker").allTextContents();
    expect(named.length).toBeGreaterThan(0);
    expect(named).not.toContain("Unattributed");
  });

  test("copy citation puts a ready-to-paste citation on the clipboard", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await open(page, "view=quotes&q=invidious");
    await page.getByRole("button", { name: /Copy citation/ }).click();
    await expect(page.getByText("Citation copied")).toBeAttached();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^Jeremy Hunt/);
    expect(text).toContain("HSJ");
    expect(text).toContain("It is invidious when the NHS gets traded off");
  });

  test("exports the listed quotes as JSON", async ({ page }) => {
    await open(page, `view=quotes&f.speaker=${encodeURIComponent("Jeremy Hunt")}`);
    const status = await page.locator(".results-bar [role=status]").textContent();
    const shown = Number(status.match(/^(\d+) quotes?$/)[1]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export JSON" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("quotes.json");
    const rows = JSON.parse(await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
    expect(rows).toHaveLength(shown);
    expect(new Set(rows.map((r) => r.speaker))).toEqual(new Set(["Jeremy Hunt"]));
  });
});

test.describe("people and organisations", () => {
  test("the index lists people with roles and filters as you type", async ({ page }) => {
    await open(page, "view=people");
    await expect(page.getByRole("link", { name: "Jeremy Hunt" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Health Education England" })).toBeVisible();
    await searchBox(page).fill("hancock");
    await expect(page.locator(".entity-item").first()).toContainText("Matt Hancock");
  });

  test("a person's page lists roles, quotes and documents", async ({ page }) => {
    await open(page, `view=entity&entity=${encodeURIComponent("Jeremy Hunt")}`);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Jeremy Hunt");
    await expect(page.locator(".roles-list")).toContainText(/health/i);
    await expect(page.locator(".roles-list")).toContainText(/foreign secretary/i);
    expect(await page.locator(".quote-card").count()).toBeGreaterThan(2);
    expect(await page.locator(".doc-links li").count()).toBeGreaterThanOrEqual(3);
  });
});

test.describe("timeline", () => {
  test("draws an accessible chart and a table, and a period filters the search", async ({ page }) => {
    await open(page, "view=timeline");
    await expect(page.getByRole("img", { name: /^Documents and quotes per (year|month)$/ })).toBeVisible();
    const row = page.locator(".timeline-table tbody tr").first();
    const count = Number((await row.locator("td").first().textContent()).trim());
    await row.getByRole("button").click();
    await expect(page).toHaveURL(/f\.(year|month)=\d{4}/);
    await expect(page.locator(".result")).toHaveCount(count);
  });
});

test.describe("export", () => {
  test("exports the current results as CSV", async ({ page }) => {
    await open(page);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("results.csv");
    const chunks = await (await file.createReadStream()).toArray();
    const text = Buffer.concat(chunks).toString();
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe('"file","title","source","date","kind","snippet"');
    expect(lines.filter((l) => /^"\d{3}_[0-9a-f]+\.txt",/.test(l))).toHaveLength(5);
  });

  test("exports every matching quote, not only the page shown", async ({ page }) => {
    await open(page, "view=quotes");
    const status = await page.locator(".results-bar [role=status]").textContent();
    const total = Number(status.match(/^(\d+) quotes?$/)[1]);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export JSON" }).click();
    const file = await download;
    const rows = JSON.parse(await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()));
    expect(rows).toHaveLength(total);
  });
});

test.describe("keyboard", () => {
  test("slash focuses search, arrows move through results, Enter opens, Escape goes back", async ({ page }) => {
    await open(page);
    await page.locator("body").click();
    await page.keyboard.press("/");
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.type("visa");
    await expect(page.locator(".result").first()).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator(".result-link").first()).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator(".result-link").nth(1)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("article")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.locator(".result").first()).toBeVisible();
    await expect(searchBox(page)).toHaveValue("visa");
  });

  test("Escape in the search box clears the query", async ({ page }) => {
    await open(page, "q=visa");
    await searchBox(page).focus();
    await page.keyboard.press("Escape");
    await expect(searchBox(page)).toHaveValue("");
    await expect(page.locator(".result")).toHaveCount(5);
  });
});

test("corpus text is shown as text, never run as HTML", async ({ page }) => {
  await open(page, `view=read&doc=${LETTER_FILE}`);
  await expect(page.locator(".doc-text")).toContainText("Dear Anna and Cathy");
  expect(await page.locator(".doc-text script, .doc-text img").count()).toBe(0);
});

test("About this corpus shows what the build holds and what it left out", async ({ page }) => {
  const errors = collectErrors(page);
  await open(page);
  await page.getByRole("link", { name: "About this corpus" }).click();
  await expect(page).toHaveURL(/view=about/);
  const about = page.locator("section.about");
  await expect(about.getByRole("heading", { name: "About this corpus" })).toBeVisible();
  const fact = (label) => about.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(fact("Documents")).toHaveText("5");
  await expect(fact("Writing systems")).toHaveText("Latin 5");
  await expect(fact("Dates")).toContainText("undated");
  await expect(about.getByRole("heading", { name: "Files left out (0)" })).toBeVisible();
  await expect(about.getByText("Every file found was built.")).toBeVisible();
  expect(errors).toEqual([]);
});
