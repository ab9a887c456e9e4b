/**
 * The register in a browser: filtering works without JavaScript (the
 * generated stylesheet), and JavaScript adds the count, the address and
 * sorting.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { ALL_WORKING_COPIES, buildHtml, copyFixture, launchBrowser, tempDir } from "./helpers.js";

let browser: Browser;
let url: string;

beforeAll(async () => {
  const source = copyFixture("html-utgava");
  const out = path.join(tempDir("register"), "dist");
  // Every working copy, whatever its status: five rows to filter.
  const r = await buildHtml([source], out, ALL_WORKING_COPIES, { cwd: path.dirname(source) });
  expect(r.code, r.stderr).toBe(0);
  url = `file://${path.join(out, "index.html")}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function visibleIds(page: Page): Promise<string[]> {
  return page.$$eval(".register tbody tr", (rows) =>
    rows.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.querySelector(".dokument-id")?.textContent ?? ""),
  );
}

describe("without JavaScript", () => {
  it("shows every document, and the menus filter the rows", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(url);
      expect(await visibleIds(page)).toHaveLength(5);
      await page.selectOption("#filter-status", "fastställd");
      expect(await visibleIds(page)).toEqual(["overenskommelse-hemgang", "rutin-hemgang"]);
      await page.selectOption("#filter-typ", "rutin");
      expect(await visibleIds(page)).toEqual(["rutin-hemgang"]);
      await page.selectOption("#filter-status", "");
      await page.selectOption("#filter-part", "0484");
      expect(await visibleIds(page)).toEqual(["rutin-hemgang", "rutin-hemgang-gammal", "rutin-utkast"]);
      expect(await page.locator("button.sortera").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe("with JavaScript", () => {
  it("announces the count, keeps the selection in the address, and resets", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await expect.poll(() => page.textContent("#register-antal")).toBe("Visar alla 5 dokument.");
      await page.selectOption("#filter-ansvarig", "mas");
      expect(await page.textContent("#register-antal")).toBe("Visar 1 av 5 dokument.");
      expect(await visibleIds(page)).toEqual(["riktlinje-hemgang"]);
      expect(new URL(page.url()).hash).toBe("#ansvarig=mas");
      await page.click("text=Visa alla dokument");
      expect(await visibleIds(page)).toHaveLength(5);

      await page.goto(`${url}#status=upph%C3%A4vd`);
      await page.reload();
      expect(await page.inputValue("#filter-status")).toBe("upphävd");
      expect(await visibleIds(page)).toEqual(["rutin-hemgang-gammal"]);
    } finally {
      await page.close();
    }
  });

  it("sorts by a column, both ways, and says so", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      const button = page.locator("th button.sortera", { hasText: "Revideras senast" });
      await button.click();
      expect(await page.getAttribute("th:has(button:text('Revideras senast'))", "aria-sort")).toBe("ascending");
      expect((await visibleIds(page))[0]).toBe("rutin-hemgang-gammal");
      await button.click();
      expect(await page.getAttribute("th:has(button:text('Revideras senast'))", "aria-sort")).toBe("descending");
      expect((await visibleIds(page)).slice(0, 3)).toEqual(["riktlinje-hemgang", "rutin-utkast", "overenskommelse-hemgang"]);
      expect(await page.textContent("#register-antal")).toBe("Sorterat efter revideras senast, fallande.");
      await page.locator("th button.sortera", { hasText: /^Dokument$/ }).click();
      expect(await visibleIds(page)).toEqual([
        "riktlinje-hemgang",
        "rutin-hemgang-gammal",
        "rutin-utkast",
        "rutin-hemgang",
        "overenskommelse-hemgang",
      ]);
    } finally {
      await page.close();
    }
  });

  it("shows a visible focus on links and buttons", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { text: el.textContent, outline: style.outlineStyle, top: el.getBoundingClientRect().top };
      });
      expect(skip.text).toBe("Hoppa till innehållet");
      expect(skip.top).toBeGreaterThanOrEqual(0);
      await page.keyboard.press("Tab");
      const link = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as HTMLElement);
        return { outline: style.outlineStyle, width: style.outlineWidth, background: style.backgroundColor };
      });
      expect(link.outline).toBe("solid");
      expect(link.width).toBe("3px");
      expect(link.background).toBe("rgb(255, 210, 63)");
    } finally {
      await page.close();
    }
  });
});
