// Browser tests: Debian's Chromium, headless, against the release build in dist/.
import { defineConfig } from "@playwright/test";

/** The port the site is served on: 8181 unless TEST_PORT names another. */
export const BASE_PORT = Number(process.env.TEST_PORT ?? 8181);
/** The built site under test: dist/ unless DIST_DIR names another build. */
const DIST_DIR = process.env.DIST_DIR ?? "dist";

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs/,
  timeout: 60_000,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${BASE_PORT}/`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node tests/browser/serve.mjs ${DIST_DIR} ${BASE_PORT}`,
    cwd: "../..",
    url: `http://127.0.0.1:${BASE_PORT}/`,
    reuseExistingServer: false,
  },
});
