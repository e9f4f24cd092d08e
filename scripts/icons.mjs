// Renders the app icon, pwa/icons/icon.svg, into the PNGs the web app
// manifest lists, with the Chromium the browser tests use. Run it after
// changing the SVG and commit the PNGs:  node scripts/icons.mjs
// Each PNG is then cut to a palette of 256 colours by pngquant (Debian's
// `pngquant` package): a third of the bytes, and no visible difference.
//
// icon-192.png and icon-512.png are the SVG as drawn. icon-maskable-512.png
// is for launchers that crop icons to a circle or squircle: the drawing is
// shrunk to 80% on a full-bleed background, so nothing falls outside the
// maskable safe zone (a centred circle of 40% radius).
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../pwa/icons/", import.meta.url));
const svg = await readFile(`${dir}icon.svg`, "utf8");
const background = /<rect width="512" height="512"[^>]*fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1];
if (!background) throw new Error("icon.svg: no full-size background <rect> to read the maskable background from");
const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;

const outputs = [
  { file: "icon-192.png", size: 192, scale: 1, fill: "transparent" },
  { file: "icon-512.png", size: 512, scale: 1, fill: "transparent" },
  { file: "icon-maskable-512.png", size: 512, scale: 0.8, fill: background },
];

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const { file, size, scale, fill } of outputs) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const inner = Math.round(size * scale);
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${fill}">` +
        `<img src="${source}" width="${inner}" height="${inner}" alt=""></body>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    await page.screenshot({ path: `${dir}${file}`, omitBackground: fill === "transparent" });
    await page.close();
    execFileSync("pngquant", ["--force", "--strip", "--speed", "1", "--output", `${dir}${file}`, `${dir}${file}`]);
    console.log(`pwa/icons/${file}`);
  }
} finally {
  await browser.close();
}
