import { chromium } from "playwright-core";
import { readdirSync } from "node:fs";
import path from "node:path";
const dir = process.argv[2];
const shots = process.argv[3];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
for (const f of readdirSync(dir).filter(f => f.endsWith(".html"))) {
  await page.goto("file://" + path.resolve(dir, f));
  await page.addScriptTag({ path: "node_modules/axe-core/axe.min.js" });
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a","wcag2aa","wcag21a","wcag21aa"] } }));
  for (const v of r.violations) console.log(f, v.id, v.nodes.length, v.nodes[0].target.join(" "), v.nodes[0].failureSummary.slice(0,200));
}
if (shots) {
  for (const [f, name] of [["index.html","index"],["overenskommelse-trygg-hemgang.html","dokument"],["rutin-hjalpmedel-vid-utskrivning.html","upphavd"],["samlad-utgava.html","samlad"]]) {
    for (const [w, label] of [[1280,"desktop"],[390,"telefon"]]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.goto("file://" + path.resolve(dir, f));
      await page.screenshot({ path: `${shots}/${name}-${label}.png`, fullPage: false });
    }
  }
}
await browser.close();
