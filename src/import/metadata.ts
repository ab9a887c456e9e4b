/**
 * The front matter of an imported Word document (`samdok import`), built from
 * what the document itself says: its properties (the title, and the custom
 * properties samdok's own Word edition writes: id, version, status …) and the
 * first-page metadata table Swedish governance documents carry ("Fastställd
 * av", "Beslutsdatum", "Giltig till" …). Every value that names something of
 * the set (a party, a decision body, a role, a track) is matched against the
 * configuration; what does not match is left out and reported with a "Menade
 * du …?" suggestion, never guessed silently. A value samdok has to invent to
 * write a valid document (a track, a version) is reported as guessed.
 *
 * The same pass takes out of the body what the front matter now holds, so
 * that the Markdown does not repeat it: the metadata table, the title
 * heading, the document's own table of contents and the change-history table.
 */
import { fromHtml } from "hast-util-from-html";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { unified } from "unified";
import rehypeStringify from "rehype-stringify";
import { stringify as yamlStringify } from "yaml";
import { DOCUMENT_TYPES, partyCodes, type DocumentType, type SamdokConfig } from "../core/config.js";
import { addMonths, isIsoDate } from "../core/dates.js";
import { closest } from "../core/suggest.js";
import { fold, freshId } from "../due/edit/template.js";
import type { Localized } from "../i18n/text.js";
import type { ImportNote, WordContent } from "./types.js";

export interface MetadataOptions {
  config: SamdokConfig;
  /** Ids (and file names without .md) already used in the set: the new id must differ. */
  taken: ReadonlySet<string>;
  /** `--type`: wins over what the document says. */
  type?: DocumentType;
  /** `--track`: wins over what the document says (an id or a name of the configuration). */
  track?: string;
  /** The run's date (YYYY-MM-DD): the change-history line when the document has none. */
  today: string;
  /** The source file's name, for the change-history line. */
  fileName: string;
}

export interface Metadata {
  id: string;
  title: string;
  /** Front matter in the order samdok's own templates write it. */
  frontMatter: Record<string, unknown>;
  /** The body without the metadata table, title heading, table of contents and change history. */
  html: string;
  notes: ImportNote[];
}

/** A document samdok cannot write at all (no type can be told): the file is reported, not written. */
export class MetadataError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = "MetadataError";
  }
}

type Field =
  | "id"
  | "titel"
  | "dokumenttyp"
  | "status"
  | "version"
  | "spar"
  | "beslut"
  | "faststalld_av"
  | "faststalld_datum"
  | "beslutsparagraf"
  | "diarienummer"
  | "giltig_fran"
  | "giltig_till"
  | "giltighetstid"
  | "revideras_senast"
  | "upphavd_datum"
  | "dokumentansvarig"
  | "parter"
  | "antaganden"
  | "ignored";

/** The labels of a first-page metadata table (folded: lower case, no accents, no colon) and the field each fills. */
const LABELS: Record<string, Field> = {
  id: "id",
  "dokument-id": "id",
  dokumentid: "id",
  titel: "titel",
  dokumentnamn: "titel",
  dokumenttitel: "titel",
  dokumenttyp: "dokumenttyp",
  dokumentslag: "dokumenttyp",
  typ: "dokumenttyp",
  status: "status",
  version: "version",
  versionsnummer: "version",
  versionsnr: "version",
  spar: "spar",
  "faststalld av och nar": "beslut",
  "beslutad av och nar": "beslut",
  beslut: "beslut",
  "faststalld av": "faststalld_av",
  "fastställt av": "faststalld_av",
  "faststallt av": "faststalld_av",
  "beslutad av": "faststalld_av",
  "beslutat av": "faststalld_av",
  beslutsfattare: "faststalld_av",
  beslutsinstans: "faststalld_av",
  "godkand av": "faststalld_av",
  beslutsdatum: "faststalld_datum",
  "faststalld datum": "faststalld_datum",
  "faststallt datum": "faststalld_datum",
  faststalld: "faststalld_datum",
  faststallt: "faststalld_datum",
  faststallandedatum: "faststalld_datum",
  "datum for faststallande": "faststalld_datum",
  "datum for beslut": "faststalld_datum",
  "beslutad datum": "faststalld_datum",
  beslutsparagraf: "beslutsparagraf",
  paragraf: "beslutsparagraf",
  diarienummer: "diarienummer",
  diarienr: "diarienummer",
  dnr: "diarienummer",
  arendenummer: "diarienummer",
  "giltig fran": "giltig_fran",
  "galler fran": "giltig_fran",
  "giltig from": "giltig_fran",
  "galler from": "giltig_fran",
  "giltig fr.o.m.": "giltig_fran",
  "galler fr.o.m.": "giltig_fran",
  ikrafttradande: "giltig_fran",
  "giltig till": "giltig_till",
  "galler till": "giltig_till",
  "giltig tom": "giltig_till",
  "galler tom": "giltig_till",
  "giltig t.o.m.": "giltig_till",
  "galler t.o.m.": "giltig_till",
  giltighetstid: "giltighetstid",
  "revideras senast": "revideras_senast",
  "ska revideras senast": "revideras_senast",
  "nasta revidering": "revideras_senast",
  revideras: "revideras_senast",
  revidering: "revideras_senast",
  "oversyn senast": "revideras_senast",
  "ses over senast": "revideras_senast",
  upphavd: "upphavd_datum",
  "upphavd datum": "upphavd_datum",
  dokumentansvarig: "dokumentansvarig",
  dokumentansvariga: "dokumentansvarig",
  dokumentagare: "dokumentansvarig",
  ansvarig: "dokumentansvarig",
  "ansvarig for dokumentet": "dokumentansvarig",
  innehallsansvarig: "dokumentansvarig",
  "galler for": "parter",
  parter: "parter",
  "berorda parter": "parter",
  "antagen av": "antaganden",
  uppgift: "ignored",
};

/** Rows of samdok's own table that name other documents or statutes: reported with their value, not carried over. */
const REFERENCE_LABELS = ["Relaterade dokument", "Överordnat dokument", "Ersätter", "Ersätts av", "Lagrum"];

/** Labels that are the header row of samdok's own table ("Uppgift | Värde"), not data. */
const HEADER_LABELS = new Set(["uppgift", "falt"]);

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const LONG_DATE = new RegExp(`(\\d{1,2})\\s+(${MONTHS.join("|")})\\s+(\\d{4})`, "i");
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;

function labelKey(text: string): string {
  return fold(text)
    .replace(/[:*]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first date in a text, Swedish long form ("20 mars 2025") or ISO, as YYYY-MM-DD; undefined when there is none. */
export function parseSwedishDate(text: string): string | undefined {
  const iso = ISO_DATE.exec(text);
  const long = LONG_DATE.exec(fold(text));
  const first = iso && (!long || iso.index <= long.index) ? iso : undefined;
  let value: string | undefined;
  if (first) value = `${first[1]}-${first[2]}-${first[3]}`;
  else if (long) {
    const month = MONTHS.indexOf((long[2] ?? "").toLowerCase()) + 1;
    value = `${long[3]}-${String(month).padStart(2, "0")}-${String(Number(long[1])).padStart(2, "0")}`;
  }
  return value !== undefined && isIsoDate(value) ? value : undefined;
}

/** Every date in a text, in order (a "Giltighetstid: 1 maj 2025 – 30 april 2029"). */
function allDates(text: string): string[] {
  const found: string[] = [];
  let rest = text;
  for (;;) {
    const d = parseSwedishDate(rest);
    if (!d) return found;
    found.push(d);
    const folded = fold(rest);
    const iso = ISO_DATE.exec(rest);
    const long = LONG_DATE.exec(folded);
    const hits = [iso, long].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index);
    const m = hits[0];
    if (!m) return found;
    rest = rest.slice(m.index + m[0].length);
  }
}

/** The text of a hast node, line breaks kept as "\n" and paragraphs of a cell on lines of their own. */
function textOf(node: ElementContent | RootContent | Root): string {
  if (node.type === "text") return node.value;
  if (node.type === "element" && node.tagName === "br") return "\n";
  if (node.type === "element" || node.type === "root") {
    const parts = node.children.map((c) => textOf(c));
    if (node.type === "element" && (node.tagName === "td" || node.tagName === "th")) {
      const paras = node.children.filter((c) => c.type === "element" && c.tagName === "p");
      if (paras.length > 1) return paras.map((p) => textOf(p)).join("\n");
    }
    return parts.join("");
  }
  return "";
}

const clean = (s: string): string => s.replace(/[ \t\u00a0]+/g, " ").trim();

function isElement(node: RootContent | ElementContent | undefined, ...tags: string[]): node is Element {
  return node?.type === "element" && (tags.length === 0 || tags.includes(node.tagName));
}

function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.tagName === "tr") rows.push(c.children.filter((x): x is Element => isElement(x, "td", "th")));
      else if (c.tagName === "thead" || c.tagName === "tbody" || c.tagName === "tfoot") walk(c);
    }
  };
  walk(table);
  return rows;
}

/** The labelled values of a two-column table, when most of its first column are metadata labels. */
function metadataTable(table: Element): { field: Field; label: string; value: string }[] | undefined {
  const rows = rowsOf(table).filter((r) => r.length >= 2);
  const read = rows.map((r) => ({ label: clean(textOf(r[0] as Element)), value: textOf(r[1] as Element) }));
  const known = read.filter((r) => LABELS[labelKey(r.label)] !== undefined && !HEADER_LABELS.has(labelKey(r.label)));
  if (known.length < 2 || known.length * 2 < read.length) return undefined;
  return read
    .filter((r) => !HEADER_LABELS.has(labelKey(r.label)))
    .map((r) => ({ field: LABELS[labelKey(r.label)] ?? "ignored", label: r.label, value: r.value }));
}

/** A paragraph that is only links into the document itself (Word's table of contents: `#_Toc…`). */
function isTocEntry(node: RootContent): boolean {
  if (!isElement(node, "p")) return false;
  const links = node.children.filter((c) => isElement(c, "a"));
  if (links.length === 0) return false;
  const inner = links.every((a) => String((a as Element).properties?.href ?? "").startsWith("#_Toc"));
  const rest = node.children
    .filter((c) => !isElement(c, "a"))
    .map((c) => textOf(c))
    .join("")
    .trim();
  return inner && rest === "";
}

/** Tables of contents are titled like this in Swedish documents. */
const TOC_TITLES = new Set(["innehall", "innehallsforteckning", "innehallsforteckning:"]);

interface Matcher {
  id: string;
  names: string[];
}

/**
 * The entries of the configuration that a text names, by name or id (several
 * may be named: "Region Sörmland, Gnesta kommun och Trosa kommun"), and what
 * is left over that names none of them.
 */
function matchAll(text: string, entries: readonly Matcher[]): { ids: string[]; rest: string[] } {
  const original = ` ${text.normalize("NFC").replace(/\s+/g, " ")} `;
  let remaining = ` ${fold(text.normalize("NFC")).replace(/\s+/g, " ")} `;
  // Folding keeps one character per character of NFC text, so what is left can be shown as it was written.
  const shown = original.length === remaining.length ? original : remaining;
  const found: { id: string; at: number }[] = [];
  const candidates = entries
    .flatMap((e) => e.names.map((n) => ({ id: e.id, name: fold(n) })))
    .sort((a, b) => b.name.length - a.name.length);
  for (const c of candidates) {
    if (c.name.length === 0) continue;
    const pattern = new RegExp(`(^|[^a-z0-9åäö])${c.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=$|[^a-z0-9åäö])`);
    for (;;) {
      const m = pattern.exec(remaining);
      if (!m) break;
      const at = m.index + (m[1] ?? "").length;
      if (!found.some((f) => f.id === c.id)) found.push({ id: c.id, at });
      remaining = `${remaining.slice(0, at)}${" ".repeat(c.name.length)}${remaining.slice(at + c.name.length)}`;
    }
  }
  const mask = remaining.replace(/,|;|\boch\b|\bsamt\b/g, (m) => "\u0000".repeat(m.length));
  // Only what is left unmatched (not blanked out in `remaining`) is reported, as it was written.
  const rest = [...mask.matchAll(/[^\u0000]+/g)]
    .filter((m) => m[0].trim().length > 0)
    .map((m) => shown.slice(m.index, m.index + m[0].length).trim())
    .filter((s) => s.length > 0);
  return { ids: found.sort((a, b) => a.at - b.at).map((f) => f.id), rest };
}

/** "§ 14/2025", "§ 58": a decision's paragraph in a text. */
function paragraphIn(text: string): string | undefined {
  const m = /§\s*\d+[\w./-]*/.exec(text);
  return m ? m[0].replace(/§\s*/, "§ ") : undefined;
}

function note(kind: ImportNote["kind"], sv: string, en: string, where?: string): ImportNote {
  return where === undefined ? { kind, message: { sv, en } } : { kind, message: { sv, en }, where };
}

/** The type a title names ("Rutin för …", "Gemensam riktlinje för …"). */
function typeFromTitle(title: string): DocumentType | undefined {
  const words = fold(title).split(/[^a-z0-9]+/);
  return DOCUMENT_TYPES.find((t) => words.includes(fold(t)));
}

/**
 * Reads the front matter out of a Word document's properties and first-page
 * table, and takes out of its body what the front matter holds. Throws
 * MetadataError when the document's type cannot be told (give --type).
 */
export function extractMetadata(content: WordContent, options: MetadataOptions): Metadata {
  const { config } = options;
  const notes: ImportNote[] = [];
  const custom = content.properties.custom;
  const tree = fromHtml(content.html, { fragment: true });
  const top = tree.children;
  const remove = new Set<RootContent>();

  // The metadata table: among the first elements, before the body's second heading.
  let table: { field: Field; label: string; value: string }[] | undefined;
  let tableNumber = 0;
  let headingsSeen = 0;
  for (const node of top.slice(0, 12)) {
    if (isElement(node, "h1", "h2", "h3", "h4", "h5", "h6")) headingsSeen++;
    if (headingsSeen > 2) break;
    if (isElement(node, "table")) {
      tableNumber++;
      const rows = metadataTable(node);
      if (rows) {
        table = rows;
        remove.add(node);
        notes.push(
          note(
            "recognised",
            `Metadatatabellen (tabell ${tableNumber}) lästes in.`,
            `The metadata table (table ${tableNumber}) was read.`,
            `tabell ${tableNumber}`,
          ),
        );
        break;
      }
    }
  }
  // "Label: value" lines of the page headers and footers, for what the table does not give.
  for (const line of content.properties.headerLines ?? []) {
    const m = /^([^:]{2,40}):\s*(.+)$/.exec(line);
    const field = m ? LABELS[labelKey(m[1] ?? "")] : undefined;
    if (!m || field === undefined || field === "ignored" || table?.some((r) => r.field === field)) continue;
    (table ??= []).push({ field, label: m[1] ?? "", value: m[2] ?? "" });
    notes.push(
      note(
        "recognised",
        `"${m[1] ?? ""}" lästes ur sidhuvudet eller sidfoten.`,
        `"${m[1] ?? ""}" was read from the page header or footer.`,
        "sidhuvud",
      ),
    );
  }
  const where = `tabell ${tableNumber}`;
  const tableValue = (field: Field): { label: string; value: string } | undefined => table?.find((r) => r.field === field);
  for (const r of table ?? []) {
    if (r.field === "ignored" && !REFERENCE_LABELS.some((l) => labelKey(l) === labelKey(r.label)))
      notes.push(
        note(
          "needs-person",
          `Raden "${r.label}" i metadatatabellen fördes inte över. Lägg in uppgiften i YAML-huvudet för hand om den behövs.`,
          `The row "${r.label}" of the metadata table was not carried over. Add it to the front matter by hand if it is needed.`,
          where,
        ),
      );
  }

  // Title: the document's property, else its first heading.
  const firstHeading = top.find((n) => isElement(n, "h1", "h2", "h3"));
  let title = clean(content.properties.title ?? "") || clean(tableValue("titel")?.value ?? "");
  if (title) notes.push(note("recognised", `Titeln "${title}".`, `The title "${title}".`));
  else if (firstHeading) {
    title = clean(textOf(firstHeading));
    notes.push(
      note(
        "guessed",
        `Titeln "${title}" togs från den första rubriken.`,
        `The title "${title}" was taken from the first heading.`,
        "rubrik 1",
      ),
    );
  } else {
    title = options.fileName.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
    notes.push(
      note(
        "needs-person",
        `Dokumentet har ingen titel: filnamnet "${title}" används. Skriv rätt titel i fältet titel.`,
        `The document has no title: the file name "${title}" is used. Write the right title in the field titel.`,
      ),
    );
  }
  // The title heading, when it repeats the title.
  const titleHeading = top.find((n) => isElement(n, "h1"));
  if (titleHeading && fold(clean(textOf(titleHeading))) === fold(title)) remove.add(titleHeading);

  // The document's own table of contents.
  for (let i = 0; i < top.length; i++) {
    const node = top[i] as RootContent;
    const heading = isElement(node, "h1", "h2", "h3", "p") && TOC_TITLES.has(labelKey(textOf(node)));
    if (
      isTocEntry(node) ||
      (heading &&
        top.slice(i + 1).find((n) => n.type === "element") &&
        isTocEntry(top.slice(i + 1).find((n) => n.type === "element") as RootContent))
    ) {
      remove.add(node);
    }
  }
  if ([...remove].some((n) => isTocEntry(n)))
    notes.push(
      note(
        "dropped",
        "Dokumentets innehållsförteckning togs bort: samdoks utgåvor gör en egen.",
        "The document's table of contents was removed: samdok's editions make their own.",
      ),
    );

  // Type.
  let type: DocumentType | undefined = options.type;
  const typeText = custom.dokumenttyp ?? tableValue("dokumenttyp")?.value;
  if (!type && typeText) {
    type = DOCUMENT_TYPES.find((t) => fold(t) === fold(clean(typeText)));
    if (!type) {
      const guess = closest(clean(typeText), DOCUMENT_TYPES);
      notes.push(
        note(
          "needs-person",
          `Dokumenttypen "${clean(typeText)}" finns inte i samdok.${guess ? ` Menade du ${guess}?` : ""}`,
          `The document type "${clean(typeText)}" does not exist in samdok.${guess ? ` Did you mean ${guess}?` : ""}`,
          where,
        ),
      );
    }
  }
  if (!type) {
    type = typeFromTitle(title);
    if (type) notes.push(note("guessed", `Dokumenttypen ${type} togs från titeln.`, `The document type ${type} was taken from the title.`));
  } else if (!options.type) notes.push(note("recognised", `Dokumenttypen ${type}.`, `The document type ${type}.`));
  if (!type) {
    throw new MetadataError({
      sv: `Dokumenttypen gick inte att läsa ut. Ange den med --type (${DOCUMENT_TYPES.join(", ")}).`,
      en: `The document type could not be told. Give it with --type (${DOCUMENT_TYPES.join(", ")}).`,
    });
  }

  // Id: the custom property when it is free, else one from the title.
  let id: string;
  const wanted = clean(custom.id ?? tableValue("id")?.value ?? "");
  if (wanted && /^[a-z0-9][a-z0-9-]{2,63}$/.test(wanted) && !options.taken.has(wanted)) {
    id = wanted;
    notes.push(note("recognised", `Id ${id}.`, `The id ${id}.`));
  } else {
    id = freshId(type, title, options.taken);
    if (wanted)
      notes.push(
        note(
          "guessed",
          `Id "${wanted}" ${options.taken.has(wanted) ? "används redan i samlingen" : "är inget giltigt id"}: dokumentet fick id ${id}.`,
          `The id "${wanted}" ${options.taken.has(wanted) ? "is already used in the set" : "is not a valid id"}: the document got the id ${id}.`,
        ),
      );
    else notes.push(note("guessed", `Id ${id} bildades av titeln.`, `The id ${id} was made from the title.`));
  }

  const fm: Record<string, unknown> = { id, titel: title, dokumenttyp: type };

  // Version.
  const versionText = clean(custom.version ?? tableValue("version")?.value ?? "");
  const versionMatch = /(\d+)[.,](\d+)/.exec(versionText) ?? /^(\d+)$/.exec(versionText);
  let version: string;
  if (versionMatch) {
    version = `${Number(versionMatch[1])}.${Number(versionMatch[2] ?? 0)}`;
    notes.push(note("recognised", `Version ${version}.`, `Version ${version}.`));
  } else {
    version = "0.1";
    notes.push(
      note(
        "guessed",
        `Dokumentet anger ingen version${versionText ? ` som går att läsa ("${versionText}")` : ""}: version 0.1 skrevs. Rätta fältet version.`,
        `The document gives no version${versionText ? ` that can be read ("${versionText}")` : ""}: version 0.1 was written. Correct the field version.`,
      ),
    );
  }

  // Track.
  const tracks: Matcher[] = config.spar.map((s) => ({ id: s.id, names: [s.id, s.namn] }));
  let spar: string | undefined;
  const trackText = options.track ?? tableValue("spar")?.value;
  if (trackText !== undefined) {
    const hit = matchAll(trackText, tracks).ids[0];
    if (hit) {
      spar = hit;
      if (options.track === undefined) notes.push(note("recognised", `Spåret ${hit}.`, `The track ${hit}.`, where));
    } else {
      const guess = closest(
        clean(trackText),
        config.spar.map((s) => s.id),
      );
      notes.push(
        note(
          "needs-person",
          `Spåret "${clean(trackText)}" finns inte i samdok.config.json.${guess ? ` Menade du ${guess}?` : ""}`,
          `The track "${clean(trackText)}" is not in samdok.config.json.${guess ? ` Did you mean ${guess}?` : ""}`,
          options.track === undefined ? where : "--track",
        ),
      );
    }
  }
  if (!spar) {
    spar = config.spar[0]?.id ?? "";
    notes.push(
      note(
        "guessed",
        `Spåret ${spar} (det första i konfigurationen) skrevs. Ange rätt spår med --track eller i fältet spar.`,
        `The track ${spar} (the first in the configuration) was written. Give the right one with --track or in the field spar.`,
      ),
    );
  }

  // Parties.
  const parties: Matcher[] = [
    { id: config.region.kod, names: [config.region.kod, config.region.namn] },
    ...config.parter.map((p) => ({ id: p.kod, names: [p.kod, p.namn, p.namn.replace(/s? kommun$/i, "")] })),
  ];
  let parter: string[] = [];
  const partyRow = tableValue("parter");
  if (partyRow) {
    const all = /\b(samtliga|alla|lanets) kommuner\b/.test(fold(partyRow.value));
    const { ids, rest } = matchAll(partyRow.value.replace(/\b(samtliga|alla|länets) kommuner( i länet)?/gi, ""), parties);
    parter = all ? [...new Set([...ids, ...config.parter.map((p) => p.kod)])] : ids;
    if (all)
      notes.push(
        note(
          "guessed",
          `"${clean(partyRow.value)}" lästes som alla kommuner i konfigurationen.`,
          `"${clean(partyRow.value)}" was read as every municipality of the configuration.`,
          where,
        ),
      );
    for (const r of rest) {
      const guess = closest(
        r,
        parties.flatMap((p) => p.names),
      );
      notes.push(
        note(
          "needs-person",
          `Parten "${r}" finns inte i samdok.config.json och lades inte till.${guess ? ` Menade du ${guess}?` : ""}`,
          `The party "${r}" is not in samdok.config.json and was not added.${guess ? ` Did you mean ${guess}?` : ""}`,
          where,
        ),
      );
    }
    if (ids.length > 0) notes.push(note("recognised", `Parterna ${parter.join(", ")}.`, `The parties ${parter.join(", ")}.`, where));
  }
  if (parter.length === 0) {
    parter = partyCodes(config);
    notes.push(
      note(
        "guessed",
        "Dokumentet anger inga parter som går att känna igen: alla parter i konfigurationen skrevs. Rätta fältet parter.",
        "The document names no party that can be recognised: every party of the configuration was written. Correct the field parter.",
      ),
    );
  }

  // Responsible role.
  const roles: Matcher[] = config.roller.map((r) => ({ id: r.id, names: [r.id, r.namn, r.namn.replace(/\s*\(.*\)\s*$/, "")] }));
  let owner: string[] = [];
  const ownerRow = tableValue("dokumentansvarig");
  if (ownerRow) {
    const { ids, rest } = matchAll(ownerRow.value, roles);
    owner = ids;
    if (ids.length > 0) notes.push(note("recognised", `Dokumentansvarig ${ids.join(", ")}.`, `Responsible role ${ids.join(", ")}.`, where));
    for (const r of rest) {
      const guess = closest(
        r,
        roles.flatMap((x) => x.names),
      );
      notes.push(
        note(
          "needs-person",
          `Dokumentansvarig "${r}" är ingen roll i samdok.config.json och fördes inte över.${guess ? ` Menade du ${guess}?` : ""} Lägg till rollen i konfigurationen eller välj en av dem som finns.`,
          `The responsible "${r}" is not a role of samdok.config.json and was not carried over.${guess ? ` Did you mean ${guess}?` : ""} Add the role to the configuration or choose one of those there.`,
          where,
        ),
      );
    }
  }

  // Decision: who, when, which paragraph.
  const bodies: Matcher[] = config.beslutsorgan.map((b) => ({ id: b.id, names: [b.id, b.namn] }));
  const decisionRow = tableValue("beslut");
  const byRow = tableValue("faststalld_av");
  const dateRow = tableValue("faststalld_datum");
  let deciders: string[] = [];
  let decidedOn: string | undefined;
  let paragraph: string | undefined = tableValue("beslutsparagraf") ? clean(tableValue("beslutsparagraf")?.value ?? "") : undefined;
  const bodyText = (text: string): string => {
    const d = LONG_DATE.exec(fold(text)) ?? ISO_DATE.exec(text);
    const p = /§/.exec(text);
    const cut = Math.min(d ? d.index : text.length, p ? p.index : text.length);
    return text.slice(0, cut).replace(/[,\s]+$/, "");
  };
  for (const row of [decisionRow, byRow]) {
    if (!row) continue;
    const { ids, rest } = matchAll(bodyText(row.value), bodies);
    deciders = [...new Set([...deciders, ...ids])];
    for (const r of rest) {
      const guess = closest(
        r,
        bodies.flatMap((b) => b.names),
      );
      notes.push(
        note(
          "needs-person",
          `Beslutsorganet "${r}" finns inte i samdok.config.json och fördes inte över.${guess ? ` Menade du ${guess}?` : ""} Lägg till det i beslutsorgan eller rätta namnet.`,
          `The decision body "${r}" is not in samdok.config.json and was not carried over.${guess ? ` Did you mean ${guess}?` : ""} Add it to beslutsorgan or correct the name.`,
          where,
        ),
      );
    }
    decidedOn ??= parseSwedishDate(row.value);
    paragraph ??= paragraphIn(row.value);
  }
  if (dateRow) {
    decidedOn = parseSwedishDate(dateRow.value) ?? decidedOn;
    paragraph ??= paragraphIn(dateRow.value);
  }

  // Dates of validity and review.
  const dateField = (field: "giltig_fran" | "giltig_till" | "revideras_senast" | "upphavd_datum"): string | undefined => {
    const fromCustom = custom[field];
    if (fromCustom !== undefined && (isIsoDate(fromCustom) || (field === "giltig_till" && fold(fromCustom) === "tills vidare")))
      return fromCustom;
    const row = tableValue(field);
    if (!row) return undefined;
    if (field === "giltig_till" && /tills vidare|tillsvidare/.test(fold(row.value))) return "tills vidare";
    const d = parseSwedishDate(row.value);
    if (!d)
      notes.push(
        note(
          "needs-person",
          `"${row.label}: ${clean(row.value)}" är inget datum samdok kan läsa och fördes inte över. Skriv det som ÅÅÅÅ-MM-DD.`,
          `"${row.label}: ${clean(row.value)}" is no date samdok can read and was not carried over. Write it as YYYY-MM-DD.`,
          where,
        ),
      );
    return d;
  };
  let giltigFran = dateField("giltig_fran");
  let giltigTill = dateField("giltig_till");
  const span = tableValue("giltighetstid");
  if (span) {
    const ds = allDates(span.value);
    giltigFran ??= ds[0];
    giltigTill ??= ds[1] ?? (/tills vidare|tillsvidare/.test(fold(span.value)) ? "tills vidare" : undefined);
  }
  const revideras = dateField("revideras_senast");
  const upphavd = dateField("upphavd_datum");
  const diarienummer = clean(tableValue("diarienummer")?.value ?? "");

  // Status: fastställd (or upphävd) only with the whole decision.
  const said = fold(clean(custom.status ?? tableValue("status")?.value ?? ""));
  const decisionComplete =
    deciders.length > 0 &&
    decidedOn !== undefined &&
    giltigFran !== undefined &&
    giltigTill !== undefined &&
    revideras !== undefined &&
    owner.length > 0;
  let status: "utkast" | "fastställd" | "upphävd" = "utkast";
  if (said.startsWith("upphav") && upphavd && decidedOn && giltigFran && deciders.length > 0) status = "upphävd";
  else if (decisionComplete && !said.startsWith("utkast") && !said.startsWith("remiss")) status = "fastställd";
  if (status === "utkast") {
    if (said.startsWith("faststalld") || said.startsWith("upphavd") || (said === "" && (deciders.length > 0 || decidedOn))) {
      const lacks = [
        deciders.length === 0 ? "faststalld_av" : "",
        decidedOn === undefined ? "faststalld_datum" : "",
        giltigFran === undefined ? "giltig_fran" : "",
        giltigTill === undefined ? "giltig_till" : "",
        revideras === undefined ? "revideras_senast" : "",
        owner.length === 0 ? "dokumentansvarig" : "",
        said.startsWith("upphavd") && !upphavd ? "upphavd_datum" : "",
      ].filter(Boolean);
      notes.push(
        note(
          "needs-person",
          `Dokumentet ser beslutat ut men beslutet är inte komplett (saknas: ${lacks.join(", ")}): det importerades som utkast. Fyll i uppgifterna och sätt status, eller kör samdok decide.`,
          `The document looks decided but the decision is incomplete (missing: ${lacks.join(", ")}): it was imported as a draft. Fill in the fields and set the status, or run samdok decide.`,
        ),
      );
    } else if (said.startsWith("remiss")) {
      notes.push(
        note(
          "needs-person",
          "Dokumentet var på remiss, men remissperioden står inte i det: det importerades som utkast. Kör samdok consult för att skicka det på remiss igen.",
          "The document was on consultation, but the consultation period is not in it: it was imported as a draft. Run samdok consult to send it out again.",
        ),
      );
    }
  } else notes.push(note("recognised", `Status ${status}: beslutet är komplett.`, `Status ${status}: the decision is complete.`));

  fm.status = status;
  fm.version = version;
  fm.spar = spar;
  fm.parter = parter;
  if (owner.length > 0) fm.dokumentansvarig = owner.length === 1 ? owner[0] : owner;
  const decided = status !== "utkast";
  if (decided) {
    fm.faststalld_av = deciders.length === 1 ? deciders[0] : deciders;
    fm.faststalld_datum = decidedOn;
    if (paragraph) fm.beslutsparagraf = paragraph;
  } else if (deciders.length > 0 || decidedOn || paragraph) {
    notes.push(
      note(
        "needs-person",
        `Beslutsuppgifterna (${[deciders.join(", "), decidedOn ?? "", paragraph ?? ""].filter(Boolean).join(", ")}) skrevs inte i utkastet: ett utkast har inget beslut. Kör samdok decide när dokumentet fastställs.`,
        `The decision (${[deciders.join(", "), decidedOn ?? "", paragraph ?? ""].filter(Boolean).join(", ")}) was not written in the draft: a draft has no decision. Run samdok decide when the document is adopted.`,
      ),
    );
  }
  if (diarienummer) fm.diarienummer = diarienummer;
  if (giltigFran) fm.giltig_fran = giltigFran;
  if (giltigTill) fm.giltig_till = giltigTill;
  if (revideras) fm.revideras_senast = revideras;
  if (status === "upphävd" && upphavd) fm.upphavd_datum = upphavd;

  // Adoptions ("Antagen av"): one line per party.
  const adoptedRow = tableValue("antaganden");
  if (adoptedRow) {
    const adoptions: Record<string, string>[] = [];
    for (const line of adoptedRow.value.split("\n").map(clean).filter(Boolean)) {
      const m = /^([^:]+):\s*([^,]+),\s*(.+)$/.exec(line);
      const party = m ? matchAll(m[1] ?? "", parties).ids[0] : undefined;
      const datum = m ? parseSwedishDate(m[3] ?? "") : undefined;
      if (!m || !party || !datum) {
        notes.push(
          note(
            "needs-person",
            `Antagandet "${line}" gick inte att läsa (part: organ, datum, §) och fördes inte över.`,
            `The adoption "${line}" could not be read (party: body, date, §) and was not carried over.`,
            where,
          ),
        );
        continue;
      }
      const v = /\(version (\d+\.\d+)\)/.exec(line)?.[1] ?? version;
      const a: Record<string, string> = { part: party, organ: clean(m[2] ?? ""), datum, version: v };
      const p = paragraphIn(m[3] ?? "");
      if (p) a.paragraf = p;
      adoptions.push(a);
    }
    if (adoptions.length > 0) {
      fm.antaganden = adoptions;
      notes.push(note("recognised", `${adoptions.length} antaganden.`, `${adoptions.length} adoptions.`, where));
    }
  }

  // An agreement in force needs a planned follow-up; the Word document does not carry one.
  if (type === "överenskommelse" && status === "fastställd") {
    const ansvarig = owner[0] ?? config.roller[0]?.id ?? "";
    const datum = revideras && revideras > options.today ? revideras : addMonths(options.today, 12);
    fm.uppfoljning = [{ datum, ansvarig, beskrivning: "Uppföljning av överenskommelsen (planerad vid importen)." }];
    notes.push(
      note(
        "needs-person",
        `En överenskommelse ska ha en planerad uppföljning: en uppföljning ${datum} (ansvarig ${ansvarig}) lades in. Rätta datum, ansvarig och vad som följs upp.`,
        `An agreement needs a planned follow-up: one on ${datum} (responsible ${ansvarig}) was added. Correct the date, the responsible and what is followed up.`,
      ),
    );
  }

  // The change history: samdok's Word edition ends with it as a table under "Ändringshistorik".
  const history = changeHistory(top, remove);
  if (history.length > 0) {
    fm.andringshistorik = history;
    notes.push(note("recognised", `Ändringshistoriken (${history.length} rader).`, `The change history (${history.length} lines).`));
  } else {
    fm.andringshistorik = [{ version, datum: options.today, beskrivning: `Importerad från ${options.fileName}.` }];
  }

  for (const label of REFERENCE_LABELS) {
    const row = table?.find((r) => labelKey(r.label) === labelKey(label));
    if (row)
      notes.push(
        note(
          "needs-person",
          `"${label}" fördes inte över (${clean(row.value).slice(0, 120)}). Lägg in id:n eller lagrum i YAML-huvudet när dokumenten finns i samlingen.`,
          `"${label}" was not carried over (${clean(row.value).slice(0, 120)}). Add the ids or statutes to the front matter once the documents are in the set.`,
          where,
        ),
      );
  }

  const kept: Root = { type: "root", children: top.filter((n) => !remove.has(n)) };
  relinkEditionFiles(kept);
  const html = unified().use(rehypeStringify).stringify(kept);
  return { id, title, frontMatter: fm, html, notes };
}

/**
 * samdok's own Word edition links one document to another as `<id>.docx`;
 * in the set the same link is `<id>.md`, which validation can follow. A link
 * to a heading there names the heading's Word bookmark (`#h_arbetsgang_1a2b3c4d`,
 * render/docx/bookmarks.ts), which no Markdown heading has: it becomes a link
 * to the document.
 */
function relinkEditionFiles(node: Root | Element): void {
  for (const c of node.children) {
    if (c.type !== "element") continue;
    const href = c.properties?.href;
    if (c.tagName === "a" && typeof href === "string") {
      const m = /^([a-z0-9][a-z0-9-]{2,63})\.docx(#.*)?$/.exec(href);
      const fragment = m?.[2] !== undefined && /^#h_[a-z0-9_]*_[0-9a-f]{8}$/.test(m[2]) ? "" : (m?.[2] ?? "");
      if (m) c.properties.href = `${m[1]}.md${fragment}`;
    }
    relinkEditionFiles(c);
  }
}

/** The "Ändringshistorik" heading and its Version | Datum | Ändring table, read and marked for removal. */
function changeHistory(top: RootContent[], remove: Set<RootContent>): { version: string; datum: string; beskrivning: string }[] {
  for (let i = 0; i < top.length; i++) {
    const h = top[i];
    if (!isElement(h, "h1", "h2", "h3") || !/^(andringshistorik|versionshistorik|revisionshistorik)$/.test(labelKey(textOf(h)))) continue;
    const next = top.slice(i + 1).find((n) => n.type === "element");
    if (!isElement(next, "table")) continue;
    const rows = rowsOf(next).map((r) => r.map((c) => clean(textOf(c))));
    const header = (rows[0] ?? []).map(labelKey);
    const vi = header.findIndex((x) => x.startsWith("version"));
    const di = header.findIndex((x) => x.startsWith("datum"));
    const ci = header.findIndex((x) => /andring|beskrivning|kommentar/.test(x));
    if (vi < 0 || di < 0 || ci < 0) continue;
    const out: { version: string; datum: string; beskrivning: string }[] = [];
    for (const r of rows.slice(1)) {
      const v = /(\d+)[.,](\d+)/.exec(r[vi] ?? "");
      const d = parseSwedishDate(r[di] ?? "");
      const text = r[ci] ?? "";
      if (!v || !d || text.length < 3) return [];
      out.push({ version: `${Number(v[1])}.${Number(v[2])}`, datum: d, beskrivning: text });
    }
    remove.add(h);
    remove.add(next);
    return out;
  }
  return [];
}

/** The front matter as YAML between `---` lines, quoting what YAML would otherwise read as a number. */
export function frontMatterText(frontMatter: Record<string, unknown>): string {
  return `---\n${yamlStringify(frontMatter)}---\n`;
}
