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
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type ErrorCode,
  type Node,
  type YAMLError,
} from "yaml";
import type { PositionMap, Range } from "./types.js";
import type { Localized } from "../i18n/text.js";
import { checkYamlDepth, checkYamlSize, MAX_DEPTH, yamlTooDeep } from "./limits.js";
import { fill } from "../messages/template.js";
import { FRONT_MATTER_MESSAGES as M, YAML_ERRORS, YAML_MISTAKES } from "../messages/front-matter.js";

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
  const lines = padded.split("\n");
  for (const error of shownErrors(doc.errors, padded)) {
    const { code, message: original } = error;
    let [from, to] = error.pos;
    const quote = /Missing closing (["'])quote/.exec(original)?.[1];
    if (quote) {
      // yaml reports where it gave up; the reader needs the quote that was opened.
      const opened = openingQuote(padded, from, quote);
      if (opened !== -1) [from, to] = [opened, opened + 1];
    }
    let start = lineCounter.linePos(from);
    let end = lineCounter.linePos(Math.max(to, from + 1));
    // yaml turns a stack overflow into an error at wherever the stack ran out.
    const overflow = /Maximum call stack size exceeded/.test(original);
    let message: Localized;
    if (quote) message = unclosedQuote(quote);
    else if (overflow) message = yamlTooDeep(start.line, start.col).message;
    else {
      const explained = explainYamlError(code, original, lines, start.line);
      message = explained.message;
      if (explained.at) {
        start = { line: explained.at.line, col: explained.at.col };
        end = { line: explained.at.line, col: explained.at.col + 1 };
      }
    }
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

/**
 * The parser's errors worth showing. After the first syntax error the parser
 * reads the rest of the text from a wrong place, and its further errors are
 * mostly echoes of the first: one tab gives five. So a syntax error is shown
 * alone, the first in the text (a reader fixes it and runs again); duplicate
 * keys, which do not derail the parser, are each shown when there is no
 * syntax error.
 */
function shownErrors(errors: readonly YAMLError[], text: string): YAMLError[] {
  const byPosition = errors.map((error) => ({ error, at: errorOffset(error, text) })).sort((a, b) => a.at - b.at);
  const syntax = byPosition.find(({ error }) => error.code !== "DUPLICATE_KEY");
  return syntax ? [syntax.error] : byPosition.map(({ error }) => error);
}

/** Where an error is in the text, for ordering: an unclosed quote counts from where it opened, not where the parser gave up. */
function errorOffset(error: YAMLError, text: string): number {
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  if (!quote) return error.pos[0];
  const opened = openingQuote(text, error.pos[0], quote);
  return opened === -1 ? error.pos[0] : opened;
}

/** The typographic quotes a Swedish word processor puts in place of straight ones. */
export const TYPOGRAPHIC_QUOTES = /[”“„‘’‚«»]/gu;

/** `key: value` on one line (a list entry's `- ` included in the prefix); the key is a plain field name. */
const FIELD_LINE = /^( *(?:- +)?)([\p{L}\p{N}_][\p{L}\p{N}_.-]*):(?:[ \t]+(.*?))?[ \t]*$/u;

interface FieldLine {
  prefix: string;
  key: string;
  /** The value, without a trailing comment. */
  value: string;
  /** A trailing ` # comment`, with its space, or "". */
  comment: string;
}

function fieldLine(text: string): FieldLine | undefined {
  const m = FIELD_LINE.exec(text);
  if (!m) return undefined;
  const raw = m[3] ?? "";
  const hash = /(^|[ \t])#/.exec(raw);
  const value = hash ? raw.slice(0, hash.index).trimEnd() : raw;
  const comment = hash ? raw.slice(hash.index) : "";
  return { prefix: m[1] ?? "", key: m[2] ?? "", value, comment: comment === "" ? "" : ` ${comment.trimStart()}` };
}

/** The distinct typographic quotes in a value, as the reader should see them named: `”` or `“ ”`. */
export function typographicQuotesIn(value: string): string {
  return [...new Set(value.match(TYPOGRAPHIC_QUOTES) ?? [])].join(" ");
}

/** The value with typographic quotes around it taken off: `”3.0”` → `3.0`. */
export function withoutTypographicQuotes(value: string): string {
  const chars = [...value];
  const quoted = chars.length >= 2 && /^[”“„‘’‚«»]$/u.test(chars[0] ?? "") && /^[”“„‘’‚«»]$/u.test(chars.at(-1) ?? "");
  return quoted ? chars.slice(1, -1).join("") : value;
}

/** A value in straight quotes, as YAML reads it back unchanged: double quotes unless the value needs single ones. */
export function quoteYamlValue(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

interface Explained {
  message: Localized;
  /** Where the message points instead of the parser's position (the tab, the bracket that was opened). */
  at?: { line: number; col: number };
}

/**
 * The message for an error of the YAML parser. The line itself is looked at
 * first, for the mistakes people make by hand (a colon inside a value, a tab,
 * typographic quotes, a list begun on the key's line), so that the message can
 * name the field and show the line as it should be; otherwise the code's own
 * message (YAML_ERRORS). The parser's English text is only used to tell apart
 * mistakes that share a code, and is never shown.
 */
function explainYamlError(code: ErrorCode, original: string, lines: readonly string[], line: number): Explained {
  const text = lines[line - 1] ?? "";
  const indent = /^[ \t]*/.exec(text)?.[0] ?? "";
  if (code === "TAB_AS_INDENT" || indent.includes("\t")) {
    return { message: fill(YAML_MISTAKES.tabIndent), at: { line, col: indent.indexOf("\t") + 1 || 1 } };
  }
  const field = fieldLine(text);
  if (field && code !== "DUPLICATE_KEY") {
    const { prefix, key, value, comment } = field;
    const typographic = typographicQuotesIn(value);
    if (typographic !== "" && withoutTypographicQuotes(value) !== value) {
      const fixed = `${prefix}${key}: ${quoteYamlValue(withoutTypographicQuotes(value))}${comment}`;
      return { message: fill(YAML_MISTAKES.typographicQuotes, { quotes: typographic, fixed }) };
    }
    if (code === "UNEXPECTED_TOKEN" && /^- /.test(value)) return { message: fill(YAML_MISTAKES.listOnKeyLine, { key }) };
    if (/:(\s|$)/.test(value)) {
      if (/^["'[{|>&*!]/.test(value)) return { message: fill(YAML_MISTAKES.colonInValueNoExample) };
      const fixed = `${prefix}${key}: ${quoteYamlValue(value)}${comment}`;
      return { message: fill(YAML_MISTAKES.colonInValue, { key, fixed }) };
    }
    if (code === "BAD_SCALAR_START" && value !== "") {
      const fixed = `${prefix}${key}: ${quoteYamlValue(value)}${comment}`;
      return { message: fill(YAML_MISTAKES.reservedStart, { char: [...value][0] ?? "", fixed }) };
    }
  }
  if (code === "DUPLICATE_KEY" && field) return { message: fill(YAML_MISTAKES.duplicateKey, { key: field.key }) };
  const close = /end with an? ([\]}])/.exec(original)?.[1];
  if (code === "BAD_INDENT" && close) {
    const open = close === "]" ? "[" : "{";
    const opened = lastOpening(lines, line, open);
    return { message: fill(YAML_MISTAKES.flowNotClosed, { open, close }), ...(opened ? { at: opened } : {}) };
  }
  if (code === "BAD_INDENT") return { message: fill(YAML_MISTAKES.uneven) };
  if (code === "BLOCK_AS_IMPLICIT_KEY") {
    // `id: a` over an indented `  titel: x`: the indented line is read as part of the value above.
    const next = lines[line] ?? "";
    const nextIndent = /^ */.exec(next)?.[0].length ?? 0;
    if (fieldLine(next) && nextIndent > indent.length) return { message: fill(YAML_MISTAKES.uneven), at: { line: line + 1, col: 1 } };
  }
  return { message: fill(Object.hasOwn(YAML_ERRORS, code) ? YAML_ERRORS[code] : M.syntaxError) };
}

/** The last `[` or `{` at or above `line`, where a list or mapping that was never closed began. */
function lastOpening(lines: readonly string[], line: number, open: string): { line: number; col: number } | undefined {
  for (let l = Math.min(line, lines.length); l >= 1; l--) {
    const col = (lines[l - 1] ?? "").lastIndexOf(open);
    if (col !== -1) return { line: l, col: col + 1 };
  }
  return undefined;
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
