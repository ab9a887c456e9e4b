/**
 * Splits a document into YAML front matter and Markdown body, and parses the
 * front matter as YAML 1.2 with every value's position kept.
 *
 * gray-matter does the split, locked down so that no engine but our YAML
 * parser can ever run (`---js` front matter is otherwise eval'd). The fences
 * are checked here first, so that every problem gets a located message
 * (the words of which are in src/messages/front-matter.ts).
 */
import matter from "gray-matter";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from "yaml";
import type { PositionMap, Range } from "./types.js";
import type { Localized } from "../i18n/text.js";
import { checkYamlDepth, checkYamlSize, MAX_DEPTH, yamlTooDeep } from "./limits.js";
import { fill } from "../messages/template.js";
import { FRONT_MATTER_MESSAGES as M, YAML_ERRORS } from "../messages/front-matter.js";

export interface FrontMatterProblem {
  ruleId: "SD002" | "SD003" | "SD004";
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: Localized;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  positions: PositionMap;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** 1-based line of the closing fence. */
  closeLine: number;
}

export type SplitResult = { ok: true; value: FrontMatter } | { ok: false; problems: FrontMatterProblem[]; bodyLine?: number };

const FENCE = /^---([^\n]*)$/;
/** Largest number of alias expansions accepted (a "billion laughs" guard). */
const MAX_ALIASES = 200;

class DeniedEngine extends Error {}
const deny = (): never => {
  throw new DeniedEngine("only YAML front matter is allowed");
};

/**
 * Parses `text` (already NFC-normalised, LF line ends, no BOM). With
 * `positions: false` the positions are not worked out (`positions` is empty):
 * for the old versions of a document (core/history), whose data alone is read.
 */
export function parseFrontMatter(text: string, options: { positions?: boolean } = {}): SplitResult {
  if (text.trim() === "") {
    return fail("SD002", 1, 1, fill(M.emptyFile));
  }
  const lines = text.split("\n");
  const first = lines[0] ?? "";
  const open = FENCE.exec(first);
  if (!open) {
    return fail("SD002", 1, 1, fill(M.noFrontMatter), first.length + 1);
  }
  const language = (open[1] ?? "").trim();
  if (language !== "" && language !== "yaml" && language !== "yml") {
    return fail("SD004", 1, 4, fill(M.notYamlFence, { language }), 4 + language.length);
  }
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^---[ \t]*$/.test(lines[i] ?? "")) {
      close = i;
      break;
    }
  }
  if (close === -1) {
    return fail("SD002", 1, 1, fill(M.notClosed), 4);
  }

  // Size and nesting the YAML parser could not survive (minutes, gigabytes, a stack overflow)
  // are refused before it parses (limits.ts).
  const deep = checkYamlSize(lines, 2, close) ?? checkYamlDepth(lines, 2, close);
  if (deep)
    return { ok: false, bodyLine: close + 2, problems: [{ ruleId: "SD003", line: deep.line, column: deep.column, message: deep.message }] };

  let doc: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  let problems: FrontMatterProblem[] = [];
  let data: unknown;
  try {
    // Always pass an options object: gray-matter caches silently without one.
    matter(text, {
      engines: {
        yaml: {
          parse: (source: string): object => {
            // gray-matter hands over the text right after the opening fence, so
            // LineCounter lines are file lines once the fence line is added.
            const parsed = parseYaml(first, source, lineCounter);
            doc = parsed.doc;
            problems = parsed.problems;
            data = parsed.data;
            return {};
          },
          stringify: deny,
        },
        javascript: deny,
        js: deny,
        json: deny,
        coffee: deny,
        cson: deny,
        toml: deny,
      } as never,
    });
  } catch (error) {
    if (error instanceof DeniedEngine) {
      return fail("SD004", 1, 1, fill(M.notYaml));
    }
    if (error instanceof RangeError) {
      // A stack overflow in the parser: nesting the pre-scan did not see.
      const problem = yamlTooDeep(2, 1);
      return {
        ok: false,
        bodyLine: close + 2,
        problems: [{ ruleId: "SD003", line: problem.line, column: problem.column, message: problem.message }],
      };
    }
    throw error;
  }
  const bodyLine = close + 2;
  if (problems.length > 0 || doc === undefined) return { ok: false, problems, bodyLine };
  if (data === null || data === undefined) {
    return {
      ok: false,
      bodyLine,
      problems: [{ ruleId: "SD002", line: 1, column: 1, endLine: close + 1, endColumn: 4, message: fill(M.emptyFrontMatter) }],
    };
  }
  if (typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, bodyLine, problems: [{ ruleId: "SD003", line: 2, column: 1, message: fill(M.notMapping) }] };
  }
  const positions = options.positions === false ? {} : positionsOf(doc, lineCounter);
  return { ok: true, value: { data: data as Record<string, unknown>, positions, bodyLine, closeLine: close + 1 } };
}

function fail(
  ruleId: FrontMatterProblem["ruleId"],
  line: number,
  column: number,
  message: FrontMatterProblem["message"],
  endColumn?: number,
): SplitResult {
  const problem: FrontMatterProblem = { ruleId, line, column, message };
  if (endColumn !== undefined && endColumn > column) {
    problem.endLine = line;
    problem.endColumn = endColumn;
  }
  return { ok: false, problems: [problem] };
}

interface ParsedYaml {
  doc: Document.Parsed;
  data: unknown;
  problems: FrontMatterProblem[];
}

function parseYaml(fenceLine: string, source: string, lineCounter: LineCounter): ParsedYaml {
  // Pad with the fence line so that offsets and lines are those of the file.
  const padded = " ".repeat(fenceLine.length) + source;
  const doc = parseDocument(padded, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true, version: "1.2" });
  const problems: FrontMatterProblem[] = [];
  for (const error of doc.errors) {
    let [from, to] = error.pos;
    const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
    if (quote) {
      // yaml reports where it gave up; the reader needs the quote that was opened.
      const opened = openingQuote(padded, from, quote);
      if (opened !== -1) [from, to] = [opened, opened + 1];
    }
    const start = lineCounter.linePos(from);
    const end = lineCounter.linePos(Math.max(to, from + 1));
    // yaml turns a stack overflow into an error at wherever the stack ran out.
    const overflow = /Maximum call stack size exceeded/.test(error.message);
    const message = quote
      ? unclosedQuote(quote)
      : overflow
        ? yamlTooDeep(start.line, start.col).message
        : yamlMessage(error.code, error.message);
    const problem: FrontMatterProblem = { ruleId: "SD003", line: start.line, column: start.col, message };
    if (end.line > start.line || end.col > start.col) {
      problem.endLine = end.line;
      problem.endColumn = end.col;
    }
    problems.push(problem);
  }
  if (problems.length === 0) {
    const deepest = deepestNode(doc);
    if (deepest) {
      const at = lineCounter.linePos(deepest.range?.[0] ?? 0);
      problems.push({ ruleId: "SD003", line: at.line, column: at.col, message: yamlTooDeep(at.line, at.col).message });
    }
  }
  if (problems.length === 0) {
    const loop = selfReferencingAlias(doc);
    if (loop) {
      const at = lineCounter.linePos(loop.range?.[0] ?? 0);
      problems.push({ ruleId: "SD003", line: at.line, column: at.col, message: fill(M.selfReferencingAlias, { name: loop.source }) });
    }
  }
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      problems.push({ ruleId: "SD003", line: 2, column: 1, message: fill(M.tooManyAliases, { max: MAX_ALIASES }) });
      void error;
    }
  }
  return { doc, data, problems };
}

/** The first alias that stands inside the collection its anchor names (`x: &a [*a]`): its value would contain itself. */
function selfReferencingAlias(doc: Document.Parsed): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (target && (path as readonly unknown[]).includes(target)) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The first collection nested deeper than MAX_DEPTH, found without recursion; undefined when there is none. */
function deepestNode(doc: Document.Parsed): Node | undefined {
  const pending: [unknown, number][] = [[doc.contents, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (isMap(node) || isSeq(node)) {
      if (depth > MAX_DEPTH) return node;
      for (const item of node.items as unknown[]) {
        if (isPair(item)) {
          pending.push([item.key, depth + 1], [item.value, depth + 1]);
        } else pending.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

/** The offset of the quote that opens the scalar which never closes. */
function openingQuote(text: string, before: number, quote: string): number {
  const re = quote === '"' ? /(^|[:\-[,{]\s*)"/gm : /(^|[:\-[,{]\s*)'/gm;
  let found = -1;
  for (const m of text.slice(0, before).matchAll(re)) found = (m.index ?? 0) + (m[1]?.length ?? 0);
  return found;
}

function unclosedQuote(quote: string): FrontMatterProblem["message"] {
  return fill(M.unclosedQuote, { quote });
}

/** The message for an error of the YAML parser: its own for a code a person makes by hand, a general one otherwise. */
function yamlMessage(code: string, original: string): FrontMatterProblem["message"] {
  const detail = original.split("\n")[0] ?? original;
  const template = Object.hasOwn(YAML_ERRORS, code) ? YAML_ERRORS[code as keyof typeof YAML_ERRORS] : M.syntaxError;
  return fill(template, { detail });
}

function rangeOf(node: Node | null | undefined, lineCounter: LineCounter): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  const start = lineCounter.linePos(r[0]);
  const end = lineCounter.linePos(Math.max(r[1], r[0]));
  return [start.line, start.col, end.line, end.col];
}

export function positionsOf(doc: Document.Parsed, lineCounter: LineCounter): PositionMap {
  const map: PositionMap = {};
  const visit = (node: unknown, pointer: string, keyRange?: Range): void => {
    const v = rangeOf(node as Node, lineCounter);
    if (v) map[pointer] = keyRange ? { v, k: keyRange } : { v };
    else if (keyRange) map[pointer] = { v: keyRange, k: keyRange };
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value, `${pointer}/${escapePointer(key)}`, rangeOf(pair.key as Node, lineCounter));
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, `${pointer}/${index}`));
    }
  };
  visit(doc.contents, "");
  return map;
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
