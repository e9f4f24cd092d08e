// axe-core audits every view in both colour schemes: no serious or critical violations.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { open } from "./helpers.mjs";

const VIEWS = {
  search: "q=visa",
  reader: "view=read&doc=000_94a91b39da9b792f.txt&q=visa",
  quotes: "view=quotes",
  people: "view=people",
  entity: `view=entity&entity=${encodeURIComponent("Jeremy Hunt")}`,
  timeline: "view=timeline",
};

for (const scheme of ["light", "dark"]) {
  for (const [name, query] of Object.entries(VIEWS)) {
    test(`${name} view has no serious accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, query);
      await page.waitForTimeout(200);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
      expect(serious).toEqual([]);
    });
  }
}
