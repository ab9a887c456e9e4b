/**
 * `--template FILE.docx|.dotx`: a region's own look. samdok takes the
 * template's styles (word/styles.xml: fonts, sizes, colours of Normal,
 * Heading 1–6, Title, …), its theme (theme fonts and colours) and its page
 * size and margins; the content, headers and footers are samdok's own, since
 * each chapter needs a header of its own document.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readTheme } from "docx";
import type { IThemeOptions } from "docx";
import { UsageError } from "../../core/errors.js";
import type { Lang } from "../../core/types.js";
import { pick } from "../../i18n/text.js";
import { A4, type PageSetup } from "./styles.js";

export interface Template {
  styles: string;
  styleIds: Set<string>;
  theme?: IThemeOptions;
  page: PageSetup;
}

function attr(tag: string, name: string): number | undefined {
  const m = new RegExp(`\\bw:${name}="(-?\\d+)"`).exec(tag);
  return m ? Number(m[1]) : undefined;
}

/** Page size and margins of the template's last section, falling back to A4. */
function pageSetup(documentXml: string | undefined): PageSetup {
  if (!documentXml) return A4;
  const sections = [...documentXml.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)];
  const last = sections[sections.length - 1]?.[0];
  if (!last) return A4;
  const size = /<w:pgSz\b[^>]*>/.exec(last)?.[0] ?? "";
  const margin = /<w:pgMar\b[^>]*>/.exec(last)?.[0] ?? "";
  const pick2 = (tag: string, name: string, fallback: number): number => {
    const v = attr(tag, name);
    return v !== undefined && v >= 0 ? v : fallback;
  };
  const page: PageSetup = {
    width: pick2(size, "w", A4.width),
    height: pick2(size, "h", A4.height),
    top: pick2(margin, "top", A4.top),
    right: pick2(margin, "right", A4.right),
    bottom: pick2(margin, "bottom", A4.bottom),
    left: pick2(margin, "left", A4.left),
    header: pick2(margin, "header", A4.header),
    footer: pick2(margin, "footer", A4.footer),
  };
  // A page with no room for text is not a usable setup.
  return page.width - page.left - page.right < 2000 ? A4 : page;
}

export function readTemplate(file: string, lang: Lang): Template {
  const shown = path.basename(file);
  const fail = (sv: string, en: string): never => {
    throw new UsageError(pick({ sv, en }, lang));
  };
  if (!/\.(docx|dotx)$/i.test(file))
    fail(`Mallen ${shown} ska vara en .docx- eller .dotx-fil.`, `The template ${shown} must be a .docx or .dotx file.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    return fail(
      `Kan inte läsa mallen ${shown}: ${(error as Error).message}`,
      `Cannot read the template ${shown}: ${(error as Error).message}`,
    );
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "word/styles.xml" || f.name === "word/document.xml" });
  } catch {
    return fail(
      `Mallen ${shown} är ingen Word-fil (den går inte att packa upp).`,
      `The template ${shown} is not a Word file (it cannot be unzipped).`,
    );
  }
  const stylesBytes = files["word/styles.xml"];
  if (!stylesBytes)
    return fail(
      `Mallen ${shown} har inga formatmallar (word/styles.xml saknas).`,
      `The template ${shown} has no styles (word/styles.xml is missing).`,
    );
  const styles = strFromU8(stylesBytes);
  const styleIds = new Set([...styles.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"/g)].map((m) => m[1] ?? ""));
  const documentBytes = files["word/document.xml"];
  const template: Template = { styles, styleIds, page: pageSetup(documentBytes ? strFromU8(documentBytes) : undefined) };
  try {
    template.theme = readTheme(bytes);
  } catch {
    // A template without a theme keeps Office's.
  }
  return template;
}
