// Screenshots of an HTML edition for a person to look at (not a test):
//   node test/render-html/screenshots.mjs dist /tmp/shots
// Desktop (1280 px) and phone (390 px) of the register, a document page and
// the consolidated edition, the top of each page and a full-page view.
import { chromium } from "playwright-core";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const [dir = "dist", out = "/tmp/shots", doc] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const pages = readdirSync(dir).filter((f) => f.endsWith(".html"));
const documentPage =
  doc ?? pages.find((f) => f.startsWith("overenskommelse")) ?? pages.find((f) => f !== "index.html" && f !== "samlad-utgava.html");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
for (const [file, name] of [
  ["index.html", "register"],
  [documentPage, "dokument"],
  ["samlad-utgava.html", "samlad"],
]) {
  for (const [width, label] of [
    [1280, "dator"],
    [390, "telefon"],
  ]) {
    const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 }, deviceScaleFactor: 1 });
    await page.goto(`file://${path.resolve(dir, file)}`);
    await page.screenshot({ path: path.join(out, `${name}-${label}.png`) });
    await page.screenshot({ path: path.join(out, `${name}-${label}-hel.png`), fullPage: true });
    await page.close();
  }
}
await browser.close();
console.log(`Skärmbilder i ${out}`);
