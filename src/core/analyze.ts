/**
 * The per-document step: bytes in, a serialisable DocumentResult out. Pure
 * apart from its inputs, so that it can be cached by content and could run in
 * a worker thread. One bad document never stops the run: every failure here
 * becomes a diagnostic on that document.
 */
import type { Root } from "mdast";
import type { BodyFacts, DocumentResult, Lang, Range } from "./types.js";
import type { LoadedConfig } from "./config.js";
import { decodeDocument } from "./read.js";
import { parseFrontMatter, type FrontMatter } from "./front-matter.js";
import { BodyLimitError, parseBodyForRules, extractFacts } from "./markdown.js";
import { fromReport, makeDiagnostic, rangeOf, ruleCrashed, ruleIsOn } from "./diagnostic.js";
import { pick } from "../i18n/text.js";
import type { DocumentContext, DocumentRule } from "../rules/types.js";
import { ruleById } from "../rules/index.js";
export { makeDiagnostic, rangeOf } from "./diagnostic.js";
import { resultText, storedText } from "./pipeline/stored-result.js";

export interface AnalyzeInput {
  file: string;
  rootPath: string;
  absPath: string;
  bytes: Uint8Array;
  loaded: LoadedConfig;
  lang: Lang;
  today: string;
  rules: readonly DocumentRule[];
  /**
   * Given the parsed body (from `parseBodyForRules`) once the rules are done
   * with it, for a document that is not broken: the editions use it (`editionBody`).
   */
  onBody?: (tree: Root) => void;
  /** "front-matter": stop before the body; only rules that read front matter alone (the schema) run. */
  stage?: "front-matter";
}

/** What a rule sees of the body in the front-matter stage, where the body is not parsed. */
const NO_FACTS: BodyFacts = { headings: [], links: [] };

/**
 * Analyses one document. Whatever happens while it is parsed (a stack
 * overflow in a parser, say, on a structure the limits did not foresee)
 * becomes a finding on this document: the run goes on with the others.
 */
export function analyzeDocument(input: AnalyzeInput): DocumentResult {
  try {
    return analyzeUnguarded(input);
  } catch (error) {
    return failedAnalysis(input, error);
  }
}

/** The result of a document whose analysis threw: one SD001 finding at its start. */
export function failedAnalysis(input: Pick<AnalyzeInput, "file" | "rootPath" | "lang">, error: unknown): DocumentResult {
  const overflow = error instanceof RangeError && /call stack/i.test(error.message);
  const detail = error instanceof Error ? error.message : String(error);
  const message = overflow
    ? {
        sv: "Dokumentet är för djupt nästlat för att kunna tolkas (tolken fick slut på stackutrymme). samdok har inte kontrollerat det. Minska antalet nivåer av listor, citat eller formatering.",
        en: "The document is nested too deeply to be parsed (the parser ran out of stack space). samdok has not checked it. Reduce the levels of lists, quotes or formatting.",
      }
    : {
        sv: `Dokumentet kunde inte tolkas (${detail}). samdok har inte kontrollerat det. Rapportera gärna felet.`,
        en: `The document could not be parsed (${detail}). samdok has not checked it. Please report the error.`,
      };
  return {
    file: input.file,
    rootPath: input.rootPath,
    fatal: true,
    diagnostics: [makeDiagnostic(input.file, ruleById("SD001"), "error", [1, 1, 1, 1], pick(message, input.lang))],
  };
}

function analyzeUnguarded(input: AnalyzeInput): DocumentResult {
  const { file, rootPath, lang } = input;
  const result: DocumentResult = { file, rootPath, diagnostics: [] };
  const parseFailure = (ruleId: string, range: Range, message: string): DocumentResult => {
    const rule = ruleById(ruleId);
    result.diagnostics.push(makeDiagnostic(file, rule, "error", range, message));
    result.fatal = true;
    return result;
  };

  const decoded = decodeDocument(input.bytes);
  if (!decoded.ok) {
    const { line, column, message } = decoded.problem;
    return parseFailure("SD001", [line, column, line, column], pick(message, lang));
  }
  const text = decoded.text;
  const split = parseFrontMatter(text);
  if (!split.ok) {
    for (const p of split.problems) {
      result.diagnostics.push(
        makeDiagnostic(
          file,
          ruleById(p.ruleId),
          "error",
          [p.line, p.column, p.endLine ?? p.line, p.endColumn ?? p.column],
          pick(p.message, lang),
        ),
      );
    }
    result.fatal = true;
    return result;
  }
  const fm = split.value;
  result.data = fm.data;
  result.positions = fm.positions;
  result.bodyLine = fm.bodyLine;

  const lines = text.split("\n");
  if (input.stage === "front-matter") {
    runRules(input, result, {
      text,
      lines,
      fm,
      facts: NO_FACTS,
      mdast: () => {
        throw new Error("the body is not parsed in the front-matter stage");
      },
    });
    return result;
  }
  let tree: Root | undefined;
  const mdast = (): Root => (tree ??= parseBodyForRules(text, fm.bodyLine));
  let facts: BodyFacts;
  try {
    facts = extractFacts(mdast());
  } catch (error) {
    if (error instanceof BodyLimitError) {
      // A body that would take the parser minutes or gigabytes, refused before it was parsed (limits.ts).
      const p = error.problem;
      return parseFailure("SD001", [p.line, p.column, p.endLine ?? p.line, p.endColumn ?? p.column], pick(p.message, lang));
    }
    return parseFailure(
      "SD001",
      [fm.bodyLine, 1, fm.bodyLine, 1],
      pick(
        {
          sv: `Dokumentets text kunde inte tolkas som Markdown: ${(error as Error).message}`,
          en: `The document's text could not be parsed as Markdown: ${(error as Error).message}`,
        },
        lang,
      ),
    );
  }
  result.facts = facts;

  runRules(input, result, { text, lines, fm, facts, mdast });
  if (input.onBody && tree) input.onBody(tree);
  return result;
}

/** What the rules read of one document besides its front matter. */
interface Parsed {
  text: string;
  lines: readonly string[];
  fm: FrontMatter;
  facts: BodyFacts;
  mdast: () => Root;
}

/** Runs the document rules the configuration has on, each report through core/diagnostic.ts. */
function runRules(input: AnalyzeInput, result: DocumentResult, { text, lines, fm, facts, mdast }: Parsed): void {
  const { file, rootPath, loaded, lang } = input;
  let schemaValid = true;
  for (const rule of input.rules) {
    if (!ruleIsOn(rule, loaded.config)) continue;
    const before = result.diagnostics.length;
    const ctx: DocumentContext = {
      file,
      rootPath,
      absPath: input.absPath,
      data: fm.data,
      positions: fm.positions,
      text,
      lines,
      bodyLine: fm.bodyLine,
      closeLine: fm.closeLine,
      loaded,
      config: loaded.config,
      lang,
      today: input.today,
      schemaValid,
      mdast,
      facts,
      report: (r) => {
        const d = fromReport(file, rule, loaded.config, r, rangeOf(r, fm.positions), lang);
        if (d) result.diagnostics.push(d);
      },
    };
    try {
      rule.check(ctx);
    } catch (error) {
      result.diagnostics.push(ruleCrashed(file, rule, error, lang));
    }
    if (rule.id === "SD005" && result.diagnostics.length > before) schemaValid = false;
  }
}

/**
 * The per-document step as the pipeline keeps it: the result as text (see
 * pipeline/stored-result.ts), with the front-matter positions packed. The
 * same function runs in the main thread and in the worker threads of parallel.ts.
 */
export function analyzeToText(input: AnalyzeInput): string {
  try {
    return storedText(analyzeDocument(input));
  } catch (error) {
    return resultText(failedAnalysis(input, error));
  }
}
