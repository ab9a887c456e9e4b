/**
 * Limits on what one document may cost to parse, checked by a cheap linear
 * pre-scan of the text before micromark/remark or the YAML parser sees it.
 *
 * The parsers are not built for hostile input. Measured before these limits
 * (2 cores): 20,000 list markers on one line (`- - - …`, 40 kB) took 495 s,
 * as micromark's work grows with the square of the nesting; 500,000 list
 * items (2 MB) ran out of memory and took the whole run with them; a 1.9 MB
 * table took 2.4 GB; a YAML sequence nested 3,000 deep overflowed the stack;
 * 150,000 YAML keys took 216 s. micromark keeps every token of a document
 * until it is done, so its memory follows the number of lines, list items,
 * table cells and markup characters, not the number of bytes (about 4.5 kB
 * per line, 5 kB per markup character, 6.5 kB per table cell, measured on
 * Node 20; see the weights below).
 *
 * So a document is refused, with a located finding and before it is parsed,
 * when
 * - its containers (block quotes `>`, list items `-`, `*`, `+`, `1.`, `1)`,
 *   footnote definitions; by markers on one line, by indentation or with
 *   tabs) nest deeper than MAX_DEPTH;
 * - inline markup nests deeper than MAX_DEPTH (`*`, `_`, `~` runs, `[`, `![`)
 *   or one paragraph holds more than MAX_INLINE_MARKS of these marks
 *   (micromark matches them with a cost that grows with the square);
 * - the estimate of the parser's memory (`weight`) exceeds MAX_WEIGHT_KB:
 *   at the limit, a run of one such document peaked at 170–290 MB;
 * - its YAML front matter is larger than MAX_YAML_LINES or MAX_YAML_CHARS,
 *   or nests deeper than MAX_DEPTH (front-matter.ts also checks the parsed
 *   tree and catches a stack overflow, so a structure the scan misreads is
 *   still refused).
 *
 * The scan must never count less than micromark builds: a document it
 * underestimates gets through. So where it cannot tell, it counts more:
 * nothing is skipped as code (a line the scan took for a code fence while
 * micromark did not, inside HTML or a link title, would hide all after it),
 * a line that may continue a paragraph lazily keeps the containers open
 * (`- a`, `b`, `  - c` nests), tabs are expanded to columns, and a container
 * marker that cannot interrupt a paragraph (`2.`) still counts for the depth.
 * Fuzzing against micromark (random lines of markers, indentation, tabs,
 * fences, tables and inline markup) found no document it counts too shallow.
 *
 * Every document of documents/ and of the test fixtures weighs less than
 * 4 MB by this estimate and nests at most 4 deep; the limits are far above
 * that (a list of 2,000 items weighs about 45 MB, a table of 300 rows × 6
 * columns about 20 MB).
 *
 * What a refused document is told is in src/messages/limits.ts.
 */
import type { Localized } from "../i18n/text.js";
import { fill } from "../messages/template.js";
import { BODY_COUNTS, grouped, LIMIT_MESSAGES, YAML_OVER } from "../messages/limits.js";

/** Deepest nesting of containers, of inline markup and of the YAML front matter. */
export const MAX_DEPTH = 32;
/** Largest estimated parser memory of one document's body, in kB. */
export const MAX_WEIGHT_KB = 200 * 1024;
/**
 * Most emphasis marks (`*`, `_`, `~`) and brackets (`[`, `]`) in one
 * paragraph or table row. micromark matches them with a cost that grows with
 * the square of their number and of their nesting: 1,000 nested ones take
 * about 0.3 s. This bounds the time whatever the nesting scan makes of them.
 */
export const MAX_INLINE_MARKS = 1_000;

/** The estimate's weights, in kB (see the module comment). */
const W_LINE = 4.5;
const W_MARK = 5;
const W_BLOCK = 4.5;
const W_ITEM = 6;
const W_CELL = 6.5;
/** Per line, for each container (list item, quote) it is inside. */
const W_NEST = 2.5;

export interface LimitProblem {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: Localized;
}

/** What the scan counted, for messages and tests. */
export interface BodyCounts {
  lines: number;
  /** ASCII punctuation, code included (every markup character is one). */
  marks: number;
  /** Paragraphs, headings and other blocks. */
  blocks: number;
  listItems: number;
  definitions: number;
  tableCells: number;
  /** Deepest container nesting seen. */
  depth: number;
  /** Deepest inline nesting seen. */
  inlineDepth: number;
  /** Estimated parser memory, kB. */
  weight: number;
}

const SPACE = 0x20;
const TAB = 0x09;

function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

function isWhitespace(c: number | undefined): boolean {
  return c === undefined || c === SPACE || c === TAB || c === 0x0a;
}

/** How micromark classifies the code point next to an emphasis run: whitespace, punctuation or other. */
function kindOf(code: number | undefined): "space" | "punctuation" | "other" {
  if (isWhitespace(code)) return "space";
  const c = code as number;
  if (c < 0x80) return isPunctuation(c) ? "punctuation" : "other";
  const char = String.fromCodePoint(c);
  return UNICODE_SPACE.test(char) ? "space" : UNICODE_PUNCTUATION.test(char) ? "punctuation" : "other";
}

/** The code point that ends just before index `j` (a surrogate pair read whole). */
function codePointBefore(ln: string, j: number): number | undefined {
  if (j <= 0) return undefined;
  const low = ln.charCodeAt(j - 1);
  if (low >= 0xdc00 && low <= 0xdfff && j >= 2) {
    const high = ln.charCodeAt(j - 2);
    if (high >= 0xd800 && high <= 0xdbff) return ln.codePointAt(j - 2);
  }
  return low;
}

const UNICODE_SPACE = /\s/u;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;

interface Container {
  quote: boolean;
  /** For a list item or footnote definition: the columns its content is indented by. */
  indent: number;
}

/**
 * Scans the body of `text` (LF line ends) from line `bodyLine` (1-based).
 * Returns the first limit the document exceeds, or undefined; `counts` gets
 * what was counted (up to where the scan stopped).
 */
export function checkBody(text: string, bodyLine: number, counts: BodyCounts = emptyCounts()): LimitProblem | undefined {
  let lineNo = 0;
  let at = 0;
  // Skip the front matter.
  while (lineNo < bodyLine - 1 && at <= text.length) {
    const nl = text.indexOf("\n", at);
    at = nl === -1 ? text.length + 1 : nl + 1;
    lineNo++;
  }
  const stack: Container[] = [];
  let table: { columns: number; depth: number } | undefined;
  /**
   * The previous line may have left a paragraph open, which a following
   * line can continue lazily, keeping containers open it does not repeat
   * (`> a` then `b`). When unsure this is true: keeping containers open
   * can only count too deep, never too shallow.
   */
  let paragraph = false;
  let previousBlank = true;
  /** The previous line's text after its containers, a table's header row perhaps. */
  let previousText: { line: string; depth: number } | undefined;
  // Inline state of the current paragraph (or row, or item line).
  /** Open emphasis levels by character (`*`, `_`, `~`): a run closes only its own kind. */
  const emphasis = new Map<number, number>();
  let emphasisDepth = 0;
  let bracketDepth = 0;
  let inlineMarks = 0;
  const resetInline = (): void => {
    emphasis.clear();
    emphasisDepth = 0;
    bracketDepth = 0;
    inlineMarks = 0;
  };

  while (at <= text.length) {
    const nl = text.indexOf("\n", at);
    const end = nl === -1 ? text.length : nl;
    lineNo++;
    counts.lines++;
    const line = lineNo;
    // Tabs are expanded (stops of 4), so that an index is a column.
    const raw = text.slice(at, end);
    const ln = raw.includes("\t") ? expandTabs(raw) : raw;
    const n = ln.length;
    /** Where the spaces from `from` end. */
    const spacesEnd = (from: number): number => {
      let j = from;
      while (j < n && ln.charCodeAt(j) === SPACE) j++;
      return j;
    };
    let i = 0;

    // 1. Which open containers the line continues.
    let matched = 0;
    for (const container of stack) {
      const j = spacesEnd(i);
      if (container.quote) {
        if (j - i > 3 || ln.charCodeAt(j) !== 0x3e) break;
        i = j + 1;
        if (ln.charCodeAt(i) === SPACE) i++;
      } else if (j === n) {
        i = j; // a blank line: the item goes on
      } else if (j - i >= container.indent) {
        i += container.indent;
      } else break;
      matched++;
    }
    const restStart = spacesEnd(i);
    const restBlank = restStart === n;

    // 2. New containers on this line, or a lazy line that keeps the unmatched ones open.
    let opened = 0;
    /** Whether the first container opened here would end an open paragraph (an empty item or `2.` would not). */
    let interrupts = false;
    const lazy = matched < stack.length && paragraph && !restBlank && !(restStart - i <= 3 && containerStart(ln, restStart, n) > 0);
    if (!lazy) {
      stack.length = matched;
      for (;;) {
        const markerAt = spacesEnd(i);
        if (markerAt - i > 3 || markerAt === n) break; // four spaces or more: indented code
        const width = containerStart(ln, markerAt, n);
        if (width === 0) break;
        const c = ln.charCodeAt(markerAt);
        if (c === 0x3e) {
          i = markerAt + 1;
          if (ln.charCodeAt(i) === SPACE) i++;
          stack.push({ quote: true, indent: 0 });
          if (opened === 0) interrupts = true;
        } else if (c === 0x5b) {
          // A footnote definition: its content is indented by four.
          i = spacesEnd(markerAt + width);
          stack.push({ quote: false, indent: 4 });
        } else {
          // A list item: its content is indented by the marker, its width and the spaces after it (1–4).
          const contentAt = spacesEnd(markerAt + width);
          const spaces = contentAt === n || contentAt - (markerAt + width) > 4 ? 1 : contentAt - (markerAt + width);
          stack.push({ quote: false, indent: markerAt - i + width + spaces });
          if (opened === 0) interrupts = contentAt < n && (width === 1 || (width === 2 && c === 0x31));
          i = Math.min(markerAt + width + spaces, n);
          counts.listItems++;
        }
        opened++;
        if (stack.length > counts.depth) counts.depth = stack.length;
        if (stack.length > MAX_DEPTH) return tooDeep(line, columnOf(raw, markerAt), "containers", columnOf(raw, i));
      }
    }
    const continued = matched;

    // 3. What is left of the line.
    let weight = W_LINE + W_NEST * stack.length + W_ITEM * opened;
    if (opened > 0) {
      counts.blocks++;
      weight += W_BLOCK;
    }
    if (spacesEnd(i) === n) {
      if (table && continued <= table.depth) table = undefined;
      previousBlank = true;
      paragraph = false;
      previousText = undefined;
      resetInline();
      counts.weight += weight;
      at = end + 1;
      if (counts.weight > MAX_WEIGHT_KB) return tooHeavy(line, counts);
      continue;
    }
    const textAt = spacesEnd(i);
    const indented = textAt - i > 3;
    const c0 = ln.charCodeAt(textAt);
    const hashes = indented || c0 !== 0x23 ? 0 : runLength(ln, textAt, n, 0x23);
    const heading = hashes > 0 && hashes <= 6 && (textAt + hashes === n || ln.charCodeAt(textAt + hashes) === SPACE);
    // A table goes on with its rows; the scan ends it at any line without a `|` or that is a
    // heading (GFM ends it at other blocks too): a paragraph taken for table rows would be undercounted.
    if (table && (opened > 0 || lazy || continued !== table.depth || heading || !ln.includes("|", textAt))) table = undefined;
    // Where micromark starts a new paragraph (or row), the inline counts start again. The scan
    // must not start them again where micromark goes on: a container that cannot interrupt a
    // paragraph (`2.`, an empty item) still counts for the depth, but not as a new paragraph.
    let newUnit = !paragraph || (opened > 0 && interrupts) || heading || table !== undefined;
    if (table) {
      counts.tableCells += table.columns;
      weight += W_CELL * table.columns;
    } else if (previousText && previousText.depth === stack.length && opened === 0 && !lazy) {
      // A delimiter row under a header row of as many cells (else GFM makes no table).
      const columns = delimiterRowColumns(ln, textAt, n);
      if (columns > 0 && (previousText.line.includes("|") || ln.includes("|", textAt)) && headerCells(previousText.line) === columns) {
        table = { columns, depth: stack.length };
        counts.tableCells += columns;
        weight += W_CELL * columns;
        newUnit = true;
      }
    }
    if (!indented && c0 === 0x5b && isDefinitionStart(ln, textAt, n)) {
      counts.definitions++;
      weight += W_ITEM;
    }
    if (newUnit) {
      resetInline();
      if (opened === 0 && (previousBlank || heading)) {
        counts.blocks++;
        weight += W_BLOCK;
      }
    }

    // 4. Inline markup: marks, emphasis and bracket nesting.
    let marks = 0;
    for (let j = 0; j < textAt; j++) if (isPunctuation(ln.charCodeAt(j))) marks++;
    for (let j = textAt; j < n; j++) {
      const c = ln.charCodeAt(j);
      if (!isPunctuation(c)) continue;
      marks++;
      if (c === 0x5c) {
        // A backslash escape: the next character is text.
        if (j + 1 < n && isPunctuation(ln.charCodeAt(j + 1))) {
          j++;
          marks++;
        }
        continue;
      }
      if (c === 0x2a || c === 0x5f || c === 0x7e) {
        const length = runLength(ln, j, n, c);
        const before = kindOf(codePointBefore(ln, j));
        const after = kindOf(j + length < n ? ln.codePointAt(j + length) : undefined);
        // CommonMark's flanking rules; `_` inside a word (snake_case) neither opens nor closes.
        const left = after !== "space" && (after !== "punctuation" || before !== "other");
        const right = before !== "space" && (before !== "punctuation" || after !== "other");
        const opens = c === 0x5f ? left && (!right || before === "punctuation") : left;
        const closes = c === 0x5f ? right && (!left || after === "punctuation") : right;
        marks += length - 1;
        j += length - 1;
        if (!opens && !closes) continue;
        inlineMarks += length;
        const levels = Math.ceil(length / 2);
        const open = emphasis.get(c) ?? 0;
        // A run that can close closes its own kind when one is open; otherwise it counts as opening.
        const change = closes && open > 0 ? -Math.min(open, levels) : opens ? levels : 0;
        emphasis.set(c, open + change);
        emphasisDepth += change;
      } else if (c === 0x5b) {
        inlineMarks++;
        bracketDepth++;
      } else if (c === 0x5d) {
        inlineMarks++;
        if (bracketDepth > 0) bracketDepth--;
      } else continue;
      const depth = emphasisDepth + bracketDepth;
      if (depth > counts.inlineDepth) counts.inlineDepth = depth;
      if (depth > MAX_DEPTH) return tooDeep(line, columnOf(raw, j), "inline");
      if (inlineMarks > MAX_INLINE_MARKS) return tooManyMarks(line, columnOf(raw, j));
    }
    counts.marks += marks;
    weight += W_MARK * marks;
    counts.weight += weight;
    if (counts.weight > MAX_WEIGHT_KB) return tooHeavy(line, counts);
    previousBlank = false;
    // Only indented code (not after a paragraph) leaves no paragraph open; the scan
    // does not trust anything else to end one (a lazy line keeps containers open).
    paragraph = indented ? paragraph : true;
    previousText = heading ? undefined : { line: ln.slice(textAt), depth: stack.length };
    if (table || heading) resetInline();
    at = end + 1;
  }
  return undefined;
}

/**
 * The width of the container marker at `j`: `>` (1), a list item marker
 * (`-`, `*`, `+`, or 1–9 digits and `.` or `)`, followed by a space or the
 * line's end; not a thematic break like `- - -`), or a footnote definition's
 * `[^label]:`. 0 when there is none.
 */
function containerStart(ln: string, j: number, n: number): number {
  const c = ln.charCodeAt(j);
  if (c === 0x3e) return 1;
  if (c === 0x2d || c === 0x2a || c === 0x2b) {
    if (!isWhitespace(j + 1 < n ? ln.charCodeAt(j + 1) : undefined)) return 0;
    return c !== 0x2b && isThematicBreak(ln, j, n) ? 0 : 1;
  }
  if (c >= 0x30 && c <= 0x39) {
    let k = j;
    while (k < n && k - j < 10 && ln.charCodeAt(k) >= 0x30 && ln.charCodeAt(k) <= 0x39) k++;
    const d = ln.charCodeAt(k);
    return k - j <= 9 && (d === 0x2e || d === 0x29) && isWhitespace(k + 1 < n ? ln.charCodeAt(k + 1) : undefined) ? k - j + 1 : 0;
  }
  if (c === 0x5b && ln.charCodeAt(j + 1) === 0x5e) {
    for (let k = j + 2; k < n && k - j < 1001; k++) {
      const d = ln.charCodeAt(k);
      if (d === 0x5c) k++;
      else if (d === 0x5b || d === SPACE) return 0;
      else if (d === 0x5d) return ln.charCodeAt(k + 1) === 0x3a && k > j + 2 ? k + 2 - j : 0;
    }
  }
  return 0;
}

/** The cells of a table row: `a | b`, `| a | b |` and `|a|b` have two. */
function headerCells(row: string): number {
  let cells = 1;
  let j = 0;
  const n = row.trimEnd().length;
  while (j < n && row.charCodeAt(j) === SPACE) j++;
  if (row.charCodeAt(j) === 0x7c) j++;
  for (; j < n; j++) {
    const c = row.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x7c && j < n - 1) cells++;
  }
  return cells;
}

/** `line` with its tabs expanded to the next column that is a multiple of 4. */
function expandTabs(line: string): string {
  let out = "";
  let from = 0;
  for (let t = line.indexOf("\t"); t !== -1; t = line.indexOf("\t", from)) {
    out += line.slice(from, t);
    out += " ".repeat(4 - (out.length % 4));
    from = t + 1;
  }
  return out + line.slice(from);
}

/** The 1-based column in the line as written of index `j` in its tab-expanded form. */
function columnOf(raw: string, j: number): number {
  if (!raw.includes("\t")) return j + 1;
  let col = 0;
  for (let k = 0; k < raw.length; k++) {
    col = raw.charCodeAt(k) === TAB ? col + 4 - (col % 4) : col + 1;
    if (col > j) return k + 1;
  }
  return raw.length + 1;
}

export function emptyCounts(): BodyCounts {
  return { lines: 0, marks: 0, blocks: 0, listItems: 0, definitions: 0, tableCells: 0, depth: 0, inlineDepth: 0, weight: 0 };
}

function runLength(text: string, i: number, end: number, c: number): number {
  let j = i;
  while (j < end && text.charCodeAt(j) === c) j++;
  return j - i;
}

/** `---`, `***` or `___` (three or more, spaces between allowed) and nothing else on the line. */
function isThematicBreak(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  let n = 0;
  for (let j = i; j < end; j++) {
    const d = text.charCodeAt(j);
    if (d === c) n++;
    else if (d !== SPACE && d !== TAB) return false;
  }
  return n >= 3;
}

/** `[label]:` at `i`: a link reference or footnote definition. */
function isDefinitionStart(text: string, i: number, end: number): boolean {
  for (let j = i + 1; j < end && j - i < 1001; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x5b) return false;
    else if (c === 0x5d) return text.charCodeAt(j + 1) === 0x3a;
  }
  return false;
}

/** The number of columns of a GFM table delimiter row (`| --- | :-: |`) at `i`, or 0. */
function delimiterRowColumns(text: string, i: number, end: number): number {
  let j = i;
  let columns = 0;
  let pipes = 0;
  const skip = (): void => {
    while (j < end && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  };
  skip();
  if (text.charCodeAt(j) === 0x7c) {
    j++;
    pipes++;
  }
  for (;;) {
    skip();
    if (j >= end) break;
    if (text.charCodeAt(j) === 0x3a) j++;
    const dashes = runLength(text, j, end, 0x2d);
    if (dashes === 0) return 0;
    j += dashes;
    if (text.charCodeAt(j) === 0x3a) j++;
    columns++;
    skip();
    if (j >= end) break;
    if (text.charCodeAt(j) !== 0x7c) return 0;
    j++;
    pipes++;
  }
  return columns > 1 || pipes > 0 ? columns : 0;
}

function tooDeep(line: number, column: number, what: "containers" | "inline", endColumn = column + 1): LimitProblem {
  const message = fill(what === "containers" ? LIMIT_MESSAGES.containersTooDeep : LIMIT_MESSAGES.inlineTooDeep, { max: MAX_DEPTH });
  return { line, column, endLine: line, endColumn, message };
}

function tooManyMarks(line: number, column: number): LimitProblem {
  return { line, column, message: fill(LIMIT_MESSAGES.tooManyMarks, { max: grouped(MAX_INLINE_MARKS) }) };
}

/** The text is too heavy by line `line`: the message names the three counts that weigh most. */
function tooHeavy(line: number, counts: BodyCounts): LimitProblem {
  const items: [weight: number, count: number, words: (typeof BODY_COUNTS)[keyof typeof BODY_COUNTS]][] = [
    [counts.lines * W_LINE, counts.lines, BODY_COUNTS.lines],
    [counts.listItems * W_ITEM, counts.listItems, BODY_COUNTS.listItems],
    [counts.tableCells * W_CELL, counts.tableCells, BODY_COUNTS.tableCells],
    [counts.marks * W_MARK, counts.marks, BODY_COUNTS.marks],
    [counts.definitions * W_ITEM, counts.definitions, BODY_COUNTS.definitions],
  ];
  const heaviest = items
    .filter(([w]) => w > 0)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([, count, words]) => fill(words, { count: grouped(count) }));
  const shown: Localized = { sv: heaviest.map((x) => x.sv).join(", "), en: heaviest.map((x) => x.en).join(", ") };
  return {
    line,
    column: 1,
    message: fill(LIMIT_MESSAGES.tooHeavy, { line: grouped(line), counts: shown, limit: Math.round(MAX_WEIGHT_KB / 1024) }),
  };
}

/** Most lines of YAML front matter (the documents' largest has 134). */
export const MAX_YAML_LINES = 2_000;
/** Most characters of YAML front matter (the documents' largest has 4,000). */
export const MAX_YAML_CHARS = 64 * 1024;

/**
 * The size of YAML front matter (lines `from` to `to`, 1-based, inclusive):
 * the YAML parser and the schema check take seconds and hundreds of MB for
 * a megabyte of it (150,000 keys took 216 s and 1 GB; 600,000 list items
 * 1.3 GB). Returns where a limit is first exceeded, or undefined.
 */
export function checkYamlSize(lines: readonly string[], from: number, to: number): LimitProblem | undefined {
  let chars = 0;
  for (let n = from; n <= to; n++) {
    chars += (lines[n - 1] ?? "").length + 1;
    const tooMany = n - from + 1 > MAX_YAML_LINES;
    if (tooMany || chars > MAX_YAML_CHARS) {
      const maxLines = grouped(MAX_YAML_LINES);
      const maxKb = MAX_YAML_CHARS / 1024;
      const over = tooMany ? fill(YAML_OVER.lines, { lines: maxLines }) : fill(YAML_OVER.size, { kb: maxKb });
      return { line: n, column: 1, message: fill(LIMIT_MESSAGES.yamlTooLarge, { over, maxLines, maxKb }) };
    }
  }
  return undefined;
}

/**
 * Scans YAML front matter (the lines between the fences, `from` to `to`
 * 1-based, inclusive) for nesting deeper than MAX_DEPTH: block collections by
 * indentation and compact `- ` entries, flow collections by brackets outside
 * quoted strings. Returns where the limit is first exceeded, or undefined.
 */
export function checkYamlDepth(lines: readonly string[], from: number, to: number): LimitProblem | undefined {
  /** Indentation of the open block levels. */
  const indents: number[] = [];
  let flow = 0;
  let quote: number | undefined;
  /** Inside a block scalar (`|` or `>`): the indentation of the line that opened it. */
  let scalar: number | undefined;
  for (let n = from; n <= to; n++) {
    const line = lines[n - 1] ?? "";
    let i = 0;
    if (quote === undefined && flow === 0) {
      while (i < line.length && line.charCodeAt(i) === SPACE) i++;
      if (i === line.length || line.charCodeAt(i) === 0x23) continue; // blank or comment
      if (scalar !== undefined && i > scalar) continue; // text of a block scalar
      scalar = BLOCK_SCALAR.test(line) ? i : undefined;
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= i) indents.pop();
      indents.push(i);
      // Compact nested entries on one line: `- - - x`, `- a: - b`.
      for (;;) {
        const c = line.charCodeAt(i);
        if ((c === 0x2d || c === 0x3f || c === 0x3a) && isWhitespace(line.charCodeAt(i + 1) || undefined)) {
          i++;
          while (i < line.length && line.charCodeAt(i) === SPACE) i++;
          if (i < line.length && line.charCodeAt(i) !== 0x23) indents.push(i);
          else break;
        } else break;
        if (indents.length > MAX_DEPTH) return yamlTooDeep(n, i + 1);
      }
      if (indents.length > MAX_DEPTH) return yamlTooDeep(n, i + 1);
    }
    for (; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (quote !== undefined) {
        if (quote === 0x22 && c === 0x5c) i++;
        else if (c === quote) {
          if (quote === 0x27 && line.charCodeAt(i + 1) === 0x27) i++;
          else quote = undefined;
        }
        continue;
      }
      const before = i > 0 ? line.charCodeAt(i - 1) : SPACE;
      if ((c === 0x22 || c === 0x27) && (isWhitespace(before) || before === 0x5b || before === 0x7b || before === 0x2c)) quote = c;
      else if (c === 0x23 && isWhitespace(before))
        break; // a comment
      else if (c === 0x5b || c === 0x7b) {
        flow++;
        if (indents.length + flow > MAX_DEPTH) return yamlTooDeep(n, i + 1);
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
    }
  }
  return undefined;
}

/** A line whose value is a block scalar (`key: |`, `- >-`): the lines under it are text. */
const BLOCK_SCALAR = /(?:^|[ \t])[|>][-+0-9]{0,2}[ \t]*(?:#.*)?$/;

/** The problem of front matter nested deeper than MAX_DEPTH at `line`:`column` (also for front-matter.ts, which finds some itself). */
export function yamlTooDeep(line: number, column: number): LimitProblem {
  return { line, column, message: fill(LIMIT_MESSAGES.yamlTooDeep, { max: MAX_DEPTH }) };
}
