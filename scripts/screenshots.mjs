// Takes screenshots of every view at phone and desktop widths in both themes,
// for looking at what the explorer shows. Usage:
//   node scripts/screenshots.mjs [DIST_DIR] [OUT_DIR] [QUERY...]
// Each QUERY is a URL query string such as "view=quotes&q=visa".
import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { startServer } from "../tests/browser/serve.mjs";

const [dist = "dist", out = "screenshots", ...extra] = process.argv.slice(2);
const pages = extra.length
  ? extra
  : ["", "q=visa", "view=quotes", "view=people", "view=timeline", "view=read&doc=000_94a91b39da9b792f.txt&q=visa"];
await mkdir(out, { recursive: true });
const server = await startServer({ root: dist, port: 0 });
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
for (const scheme of ["light", "dark"]) {
  for (const [label, width, height] of [["desktop", 1280, 900], ["phone", 375, 800]]) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && console.error(`console: ${m.text()}`));
    for (const query of pages) {
      await page.goto(`${base}?${query}`);
      await page.waitForSelector("main");
      await page.waitForTimeout(300);
      const name = (query || "home").replace(/[^a-z0-9]+/gi, "_").slice(0, 60);
      const file = `${out}/${name}-${label}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
    }
    await page.close();
  }
}
await browser.close();
server.close();
