import { chromium } from "playwright-core";
import path from "node:path";
const [dir, file, out, width, selector] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(width) === 390 ? 844 : 900 } });
await page.goto("file://" + path.resolve(dir, file));
if (selector) await page.evaluate((s) => { const el = document.querySelector(s); if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 10); }, selector);
await page.screenshot({ path: out });
await browser.close();
