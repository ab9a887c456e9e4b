/**
 * The terminal view: aligned columns, colour only when asked for. Every value
 * from the documents and the configuration is shown as one line of text
 * (`safeText`), and no line can be read as a CI log command.
 */
import { pick } from "../../../i18n/text.js";
import { longDate } from "../../../core/dates.js";
import { TYPE_ORDER } from "../../../core/document.js";
import { countsText, groupItems, kindLabel, mergeOwners, stateLabel, type DueItem } from "../model.js";
import type { DueReporter } from "./types.js";
import { neutralizeWorkflowCommands, safeText } from "../../../core/safe-text.js";

const ansi =
  (code: string) =>
  (on: boolean, s: string): string =>
    on ? `\u001b[${code}m${s}\u001b[0m` : s;
const red = ansi("31");
const yellow = ansi("33");
const bold = ansi("1");
const dim = ansi("2");

/** Grapheme clusters: an emoji with its joiners, or a letter with its combining marks, is cut or counted as one. */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** East Asian wide and fullwidth ranges (Hangul, CJK, fullwidth forms): two terminal cells each. */
const WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|^[\u{20000}-\u{3FFFD}]/u;

/** The terminal cells one grapheme takes: 0 for a lone mark or format character, 2 for an emoji or a wide character. */
function graphemeWidth(g: string): number {
  if (/^[\p{M}\p{Cf}]+$/u.test(g)) return 0;
  if (/\p{Emoji_Presentation}|\uFE0F/u.test(g) || WIDE.test(g)) return 2;
  return 1;
}

/**
 * How many terminal cells a text takes. Not `length`: a title written with
 * decomposed letters (a + U+0308 for ä, as some Mac tools save it) or with an
 * emoji would otherwise push its row out of line and past the terminal's edge.
 */
export function displayWidth(s: string): number {
  let n = 0;
  for (const { segment } of graphemes.segment(s)) n += graphemeWidth(segment);
  return n;
}

/** `s` cut to at most `width` cells, ending in "…" when cut; never inside a grapheme. */
function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = graphemeWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

const padEnd = (s: string, width: number): string => s + " ".repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number): string => " ".repeat(Math.max(0, width - displayWidth(s))) + s;

/** The title keeps this many cells where "Ansvarig" can give room for it. */
const TITLE_MIN = 24;
/** Where even "Vad" has to give room: a title of this many cells is still recognisable. */
const TITLE_SHORT = 12;
/** "Vad" and "Ansvarig" give room down to this many cells ("uppföljning 2" stays readable). */
const SHRINK_FLOOR = 16;
const VAD = 3;
const ANSVARIG = 4;

/**
 * The document cell: the title and, whole, the id. The id is what `samdok
 * revise` and the other commands take, so it is never the part that is cut;
 * the title is shortened instead, and where not even a few letters of it fit,
 * the cell is the id alone (an id is made from the title, so it still says
 * which document). Without a width (output to a pipe or a file) nothing is cut.
 */
export function documentCell(title: string, id: string, width?: number): string {
  const suffix = ` (${id})`;
  const whole = `${title}${suffix}`;
  if (width === undefined || displayWidth(whole) <= width) return whole;
  const room = width - displayWidth(suffix);
  return room >= 4 ? `${truncate(title, room)}${suffix}` : `(${id})`;
}

/**
 * The "Vad" cell in `width` cells. For a party's item ("antagande saknas:
 * Laxå kommun") the party is what tells the rows of one document apart, so
 * the label is shortened before the party's name.
 */
export function kindCell(label: string, party: string | undefined, width: number): string {
  const whole = party === undefined ? label : `${label}: ${party}`;
  if (party === undefined || displayWidth(whole) <= width) return truncate(whole, width);
  const room = width - displayWidth(`: ${party}`);
  return room >= 2 ? `${truncate(label, room)}: ${party}` : truncate(party, width);
}

/**
 * The widths of the five fixed columns and the room left for the document on
 * a terminal `columns` wide. What gives way, in order: the titles (down to
 * TITLE_MIN cells), then "Ansvarig" (down to SHRINK_FLOOR), then the titles
 * (down to TITLE_SHORT), and only then "Vad", whose party name is often all
 * that tells one row from the next (`kindCell` keeps the party and shortens
 * the kind's label). Then the titles shrink to nothing but the id; a row whose id alone is wider
 * than the room left runs past the edge (the terminal wraps it) rather than
 * losing the id.
 */
export function fitColumns(
  fixedWidths: readonly number[],
  docs: readonly { title: string; id: string }[],
  indent: number,
  columns: number,
): { widths: number[]; room: number } {
  const widths = [...fixedWidths];
  const roomFor = (): number => columns - indent - widths.reduce((n, w) => n + w + 2, 0);
  const need = (titleCells: number): number =>
    Math.max(0, ...docs.map((d) => Math.min(displayWidth(d.title), titleCells) + displayWidth(` (${d.id})`)));
  const give = (column: number, need: number): void => {
    const over = Math.min(need - roomFor(), (widths[column] ?? 0) - SHRINK_FLOOR);
    if (over > 0) widths[column] = (widths[column] ?? 0) - over;
  };
  give(ANSVARIG, need(TITLE_MIN));
  give(VAD, need(TITLE_SHORT));
  return { widths, room: roomFor() };
}

export const table: DueReporter = ({ list: input, lang, groupBy, color, columns }) => {
  // One row per task; per role only when the list is split by role.
  const list = groupBy === "ansvarig" ? input : { ...input, items: mergeOwners(input.items) };
  const out: string[] = [];
  out.push(
    bold(
      color,
      pick(
        {
          sv: `Bevakning per ${longDate(list.asOf, "sv")}, ${list.within} dagar framåt`,
          en: `Due as of ${longDate(list.asOf, "en")}, ${list.within} days ahead`,
        },
        lang,
      ),
    ),
  );
  out.push("");
  if (list.items.length === 0) {
    out.push(
      pick({ sv: "Inget är förfallet eller förfaller inom perioden.", en: "Nothing is overdue or falls due within the period." }, lang),
    );
    return `${out.join("\n")}\n`;
  }
  const header = [
    pick({ sv: "Läge", en: "State" }, lang),
    pick({ sv: "Datum", en: "Date" }, lang),
    pick({ sv: "Dagar", en: "Days" }, lang),
    pick({ sv: "Vad", en: "Kind" }, lang),
    pick({ sv: "Ansvarig", en: "Owner" }, lang),
    pick({ sv: "Dokument", en: "Document" }, lang),
  ];
  const cells = (i: DueItem): string[] => [
    stateLabel(i.state, lang),
    i.date,
    String(i.daysLeft),
    kindLabel(i.kind, lang) + (i.index !== undefined ? ` ${i.index}` : ""),
    safeText(i.ownerName || "–"),
  ];
  const doc = (i: DueItem): { title: string; id: string } => ({ title: safeText(i.title), id: safeText(i.id) });
  const party = (i: DueItem): string | undefined => (i.partyName !== undefined ? safeText(i.partyName) : undefined);
  const rows = list.items.map((i) => {
    const r = cells(i);
    const p = party(i);
    if (p !== undefined) r[VAD] = `${r[VAD] ?? ""}: ${p}`;
    return r;
  });
  const indent = groupBy ? "  " : "";
  const natural = header.slice(0, 5).map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))));
  // Only a terminal has a width; piped or written to a file, every cell is whole.
  const fit = columns ? fitColumns(natural, list.items.map(doc), indent.length, columns) : undefined;
  const widths = fit?.widths ?? natural;
  const render = (r: string[], last: string, item?: DueItem): string => {
    const fixed = r.map((cell, c) => {
      const w = widths[c] ?? 0;
      const shown = c === VAD ? kindCell(cell, item && party(item), w) : truncate(cell, w);
      return c === 2 ? padStart(shown, w) : padEnd(shown, w);
    });
    let first = fixed[0] ?? "";
    if (item?.state === "overdue") first = red(color, first);
    else if (item?.state === "due") first = yellow(color, first);
    return `${indent}${[first, ...fixed.slice(1), last].join("  ")}`.trimEnd();
  };
  for (const group of groupItems(list.items, groupBy, lang, TYPE_ORDER)) {
    if (groupBy) out.push(bold(color, safeText(group.title)), "");
    out.push(dim(color, render(header.slice(0, 5), header[5] ?? "")));
    for (const item of group.items) {
      const { title, id } = doc(item);
      out.push(render(cells(item), documentCell(title, id, fit?.room), item));
    }
    out.push("");
  }
  out.push(`${countsText(list.items, lang).replace(/^./, (c) => c.toUpperCase())}.`);
  return `${neutralizeWorkflowCommands(out.join("\n"))}\n`;
};
