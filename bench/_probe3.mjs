import { chromium } from "playwright-core";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../tests/browser/serve.mjs";
const server = await startServer({ root: process.argv[2], port: 0 });
const url = `http://127.0.0.1:${server.address().port}/?q=`;
const ctx = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), "p3-")), { executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
await ctx.addInitScript(() => addEventListener("TrunkApplicationStarted", () => (globalThis.started = performance.now())));
const page = ctx.pages()[0];
await page.goto(url + "oil");
await page.waitForSelector(".result", { timeout: 60000 });
await page.waitForTimeout(10000);
await ctx.setOffline(true);
for (const q of ["oil", "wheat", "bank"]) {
  await page.goto(url + q, { waitUntil: "commit" });
  const t = await page.waitForFunction(() => document.querySelector(".result") && performance.now(), null, { polling: "raf", timeout: 60000 }).then((h) => h.jsonValue());
  const info = await page.evaluate(() => ({ started: Math.round(globalThis.started), res: performance.getEntriesByType("resource").filter((r) => /wasm|bin/.test(r.name)).map((r) => [r.name.slice(-12), Math.round(r.startTime), Math.round(r.responseEnd)]) }));
  console.log(Math.round(t), JSON.stringify(info));
}
await ctx.close(); server.close();
