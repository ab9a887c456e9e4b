/**
 * An earlier text of a document, read the way the editions read the
 * documents they publish: decoded (UTF-8, NFC, LF), its front matter parsed
 * by the safe parser and checked against today's schema (the renderers and
 * the field summary rely on the typed view), the body's first line found.
 * Nothing in it is run; its body is not even parsed here (the diff does that).
 */
import type { SamDoc } from "../core/document.js";
import type { LoadedConfig } from "../core/config.js";
import type { Lang } from "../core/types.js";
import type { DocumentRule } from "../rules/types.js";
import type { Out } from "../cli/io.js";
import type { EditionDocument } from "../render/edition.js";
import type { RedlineBase } from "./types.js";
import { analyzeDocument } from "../core/analyze.js";
import { isUsable } from "../core/loaded-document.js";
import { ruleById } from "../rules/index.js";
import { pick } from "../i18n/text.js";
import { safeMessage } from "../core/safe-text.js";
import { checkBody } from "../core/limits.js";

const SCHEMA = ruleById("SD005") as DocumentRule;

/** What the comparison needs of an earlier text: everything of a RedlineBase but who changed it and when. */
export type Compared = Omit<RedlineBase, "author" | "date">;

/** An earlier text's front matter, read. */
export interface ReadBase {
  data: Record<string, unknown>;
  bodyLine: number;
  /** The typed view, when the front matter passes today's schema. */
  doc?: SamDoc;
}

export interface ReadContext {
  lang: Lang;
  today: string;
}

/** Reads `bytes` (a file at `repoPath` in the set `loaded`); undefined when it is no document (no front matter with an id, title, type and status). */
export function readBase(
  bytes: Uint8Array,
  repoPath: string,
  rootPath: string,
  loaded: LoadedConfig,
  ctx: ReadContext,
): ReadBase | undefined {
  const result = analyzeDocument({
    file: repoPath,
    rootPath,
    absPath: repoPath,
    bytes,
    loaded,
    lang: ctx.lang,
    today: ctx.today,
    rules: [SCHEMA],
    stage: "front-matter",
  });
  if (!isUsable(result) || !result.data) return undefined;
  const read: ReadBase = { data: result.data, bodyLine: result.bodyLine ?? 1 };
  if (!result.diagnostics.some((x) => x.severity === "error")) read.doc = result.data as unknown as SamDoc;
  return read;
}

/** The comparison of a document whose text is unchanged: its own front matter and body line. */
export function sameAs(d: EditionDocument, from?: Compared["from"]): Compared {
  const c: Compared = { text: d.text, doc: d.doc };
  if (d.result.bodyLine !== undefined) c.bodyLine = d.result.bodyLine;
  if (from) c.from = from;
  return c;
}

/**
 * The comparison with an earlier text. Its front matter is compared only
 * when it passes today's schema; otherwise the person who builds is told,
 * and the body alone is marked (the field table would name what cannot be trusted).
 */
export function comparedWith(text: string, read: ReadBase, from: Compared["from"], d: EditionDocument, stderr: Out, lang: Lang): Compared {
  // The earlier text was never validated: a body over the parser's limits (limits.ts) is not parsed, and the document is shown as new.
  const problem = checkBody(text, read.bodyLine);
  if (problem) {
    const where = from ? ` (${from.path} i ${from.commit}, rad ${problem.line})` : ` (rad ${problem.line})`;
    const whereEn = from ? ` (${from.path} in ${from.commit}, line ${problem.line})` : ` (line ${problem.line})`;
    stderr.write(
      `samdok: ${pick({ sv: "varning", en: "warning" }, lang)}: ${safeMessage(
        pick(
          {
            sv: `${d.result.file}: den version det jämförs med${where} går inte att jämföra: ${problem.message.sv} Dokumentet visas som nytt.`,
            en: `${d.result.file}: the version it is compared with${whereEn} cannot be compared: ${problem.message.en} The document is shown as new.`,
          },
          lang,
        ),
      )}\n`,
    );
    return {};
  }
  const c: Compared = { text, bodyLine: read.bodyLine };
  if (read.doc) c.doc = read.doc;
  else
    stderr.write(
      `samdok: ${pick({ sv: "varning", en: "warning" }, lang)}: ${safeMessage(
        pick(
          {
            sv: `${d.result.file}: YAML-huvudet i den version det jämförs med${from ? ` (${from.path} i ${from.commit})` : ""} följer inte dagens schema; bara texten jämförs.`,
            en: `${d.result.file}: the front matter of the version it is compared with${from ? ` (${from.path} in ${from.commit})` : ""} does not follow today's schema; only the text is compared.`,
          },
          lang,
        ),
      )}\n`,
    );
  if (from) c.from = from;
  return c;
}
