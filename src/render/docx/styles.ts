/**
 * The house style of the Word edition: Word's built-in styles (Title,
 * Heading 1–6, Quote, TOC 1–2, Header, Footer, Hyperlink) so that the
 * navigation pane and accessibility tools understand the document, plus a
 * few samdok styles for code and table text. Fonts are Arial and Courier New,
 * which every Word and LibreOffice installation has (or a metric twin of).
 */
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType } from "docx";
import type { ICharacterStyleOptions, INumberingOptions, IParagraphStyleOptions, IStylesOptions, ILevelsOptions } from "docx";

/** A4 with 2.5 cm margins, in twips (1/20 pt). */
export interface PageSetup {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
  header: number;
  footer: number;
}

export const A4: PageSetup = { width: 11906, height: 16838, top: 1418, right: 1418, bottom: 1418, left: 1418, header: 709, footer: 709 };

/** The Quote style's left (and right) indent, in twips; a quote in a quote is indented twice as far (blocks.ts). */
export const QUOTE_INDENT = 567;

export function textWidth(page: PageSetup): number {
  return page.width - page.left - page.right;
}

export const STYLE = {
  subtitle: "Subtitle",
  quote: "Quote",
  toc1: "TOC1",
  toc2: "TOC2",
  tocHeading: "TOCHeading",
  header: "Header",
  footer: "Footer",
  hyperlink: "Hyperlink",
  code: "SamdokKod",
  codeBlock: "SamdokKodblock",
  tableText: "SamdokTabelltext",
  tableHead: "SamdokTabellrubrik",
  coverLine: "SamdokOmslagsrad",
  /** The notices at the top of a chapter (draft, remiss, repealed, past revision, coming or not yet valid). */
  noticeDraft: "SamdokAviseringUtkast",
  noticeConsultation: "SamdokAviseringRemiss",
  noticeVoid: "SamdokAviseringUpphavd",
  noticeRevision: "SamdokAviseringRevision",
  noticeComing: "SamdokAviseringKommande",
} as const;

export const FONT = "Arial";
export const MONO = "Courier New";
const ACCENT = "1F4E79";
const GREY = "595959";

export const COLORS = {
  accent: ACCENT,
  grey: GREY,
  headerFill: "DCE6F1",
  labelFill: "F2F2F2",
  border: "A6A6A6",
  codeFill: "F2F2F2",
} as const;

/**
 * A notice as the HTML edition's banner: a shaded box with a thick left edge
 * and a thin border, its text in the banner's dark colour (at least 7:1 on
 * its background), kept on one page.
 */
function noticeStyle(id: string, name: string, fill: string, color: string): IParagraphStyleOptions {
  const thin = { style: BorderStyle.SINGLE, size: 6, color, space: 4 };
  return {
    id,
    name,
    basedOn: "Normal",
    next: "Normal",
    run: { color },
    paragraph: {
      keepLines: true,
      border: { top: thin, bottom: thin, right: thin, left: { style: BorderStyle.SINGLE, size: 36, color, space: 6 } },
      shading: { type: "clear", color: "auto", fill },
      spacing: { before: 120, after: 240 },
      indent: { left: 227, right: 113 },
    },
  };
}

/** The notices' styles, in the HTML banners' colours (src/render/html/styles.ts). */
function noticeStyles(): IParagraphStyleOptions[] {
  return [
    noticeStyle(STYLE.noticeDraft, "Samdok avisering utkast", "FFF1C2", "533D00"),
    noticeStyle(STYLE.noticeConsultation, "Samdok avisering remiss", "E2ECF9", "173E73"),
    noticeStyle(STYLE.noticeVoid, "Samdok avisering upphävd", "F9E1E0", "7D1A1A"),
    noticeStyle(STYLE.noticeRevision, "Samdok avisering revision", "FDE9D7", "6B3100"),
    noticeStyle(STYLE.noticeComing, "Samdok avisering kommande", "E2ECF9", "173E73"),
  ];
}

/**
 * Styles samdok itself defines; with a template they are added only when the template lacks them.
 * @param accent the main colour (`utgava.farg`, without "#"), for the contents' heading
 */
export function samdokParagraphStyles(page: PageSetup, accent: string = ACCENT): IParagraphStyleOptions[] {
  const right = textWidth(page);
  return [
    ...noticeStyles(),
    {
      id: STYLE.subtitle,
      name: "Subtitle",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { size: 32, color: GREY },
      paragraph: { spacing: { after: 480 } },
    },
    {
      id: STYLE.coverLine,
      name: "Samdok omslagsrad",
      basedOn: "Normal",
      run: { size: 24 },
      paragraph: { spacing: { after: 160 } },
    },
    {
      id: STYLE.quote,
      name: "Quote",
      basedOn: "Normal",
      next: "Normal",
      quickFormat: true,
      run: { italics: true, color: "404040" },
      paragraph: {
        indent: { left: QUOTE_INDENT, right: QUOTE_INDENT },
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: COLORS.border, space: 8 } },
      },
    },
    {
      id: STYLE.tocHeading,
      name: "TOC Heading",
      basedOn: "Normal",
      next: "Normal",
      run: { size: 36, bold: true, color: accent },
      paragraph: { spacing: { before: 240, after: 240 } },
    },
    {
      id: STYLE.toc1,
      name: "toc 1",
      basedOn: "Normal",
      next: "Normal",
      uiPriority: 39,
      run: { bold: true },
      paragraph: { spacing: { before: 240, after: 60 }, rightTabStop: right },
    },
    {
      id: STYLE.toc2,
      name: "toc 2",
      basedOn: "Normal",
      next: "Normal",
      uiPriority: 39,
      paragraph: { spacing: { after: 40 }, indent: { left: 284 }, rightTabStop: right },
    },
    {
      id: STYLE.header,
      name: "header",
      basedOn: "Normal",
      run: { size: 16, color: GREY },
      paragraph: { spacing: { after: 0 }, rightTabStop: right },
    },
    {
      id: STYLE.footer,
      name: "footer",
      basedOn: "Normal",
      run: { size: 16, color: GREY },
      paragraph: { spacing: { after: 0 }, rightTabStop: right },
    },
    {
      id: STYLE.codeBlock,
      name: "Samdok kodblock",
      basedOn: "Normal",
      run: { font: MONO, size: 18 },
      paragraph: {
        spacing: { after: 160, line: 240, lineRule: LineRuleType.AUTO },
        shading: { type: "clear", color: "auto", fill: COLORS.codeFill },
        indent: { left: 113, right: 113 },
      },
    },
    {
      id: STYLE.tableText,
      name: "Samdok tabelltext",
      basedOn: "Normal",
      run: { size: 20 },
      paragraph: { spacing: { before: 40, after: 40, line: 252, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE.tableHead,
      name: "Samdok tabellrubrik",
      basedOn: STYLE.tableText,
      next: STYLE.tableText,
      run: { bold: true },
    },
  ];
}

export function samdokCharacterStyles(): ICharacterStyleOptions[] {
  return [
    {
      id: STYLE.code,
      name: "Samdok kod",
      basedOn: "DefaultParagraphFont",
      run: { font: MONO, size: 20, shading: { type: "clear", color: "auto", fill: COLORS.codeFill } },
    },
  ];
}

/** The built-in house style; `accent` (the configured main colour, without "#") colours the title and headings. */
export function houseStyles(page: PageSetup, accent: string = ACCENT): IStylesOptions {
  const h = (level: number, size: number, before: number, extra: { italics?: boolean } = {}) => ({
    run: { font: FONT, size, bold: true, color: accent, ...extra },
    paragraph: {
      spacing: { before, after: 120, line: 240, lineRule: LineRuleType.AUTO },
      keepNext: true,
      keepLines: true,
      outlineLevel: level,
    },
  });
  return {
    default: {
      document: {
        run: { font: FONT, size: 22, language: { value: "sv-SE", eastAsia: "sv-SE", bidirectional: "ar-SA" } },
        paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: FONT, size: 56, bold: true, color: accent }, paragraph: { spacing: { before: 2400, after: 240 } } },
      heading1: h(0, 40, 0),
      heading2: h(1, 30, 360),
      heading3: h(2, 26, 280),
      heading4: h(3, 23, 240),
      heading5: h(4, 22, 200, { italics: true }),
      heading6: h(5, 22, 200, { italics: true }),
      hyperlink: { run: { color: "0563C1", underline: {} } },
      listParagraph: { paragraph: { spacing: { after: 60 } } },
    },
    paragraphStyles: samdokParagraphStyles(page, accent),
    characterStyles: samdokCharacterStyles(),
  };
}

/** With a template: only the samdok styles the template does not define (its own headings keep their colour). */
export function stylesForTemplate(page: PageSetup, templateIds: ReadonlySet<string>, accent: string = ACCENT): IStylesOptions {
  return {
    paragraphStyles: samdokParagraphStyles(page, accent).filter((s) => !templateIds.has(s.id)),
    characterStyles: samdokCharacterStyles().filter((s) => !templateIds.has(s.id)),
  };
}

const BULLETS = ["•", "◦", "▪"];
const STEP = 360;

function levels(kind: "bullet" | "ordered", start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: kind === "bullet" ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: kind === "bullet" ? (BULLETS[level % BULLETS.length] ?? "•") : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: { left: STEP * (level + 1), hanging: STEP } } },
  }));
}

/** Left indent of list level `level` (for the later paragraphs of a list item). */
export function listIndent(level: number): number {
  return STEP * (level + 1);
}

export const BULLET_REF = "samdok-punkt";

export function orderedRef(start: number): string {
  return start === 1 ? "samdok-nummer" : `samdok-nummer-${start}`;
}

/** The numbering definitions the text uses: bullets, and numbers for every start value seen. */
export function numbering(starts: ReadonlySet<number>): INumberingOptions {
  return {
    config: [
      { reference: BULLET_REF, levels: levels("bullet", 1) },
      ...[1, ...[...starts].filter((s) => s !== 1).sort((a, b) => a - b)].map((start) => ({
        reference: orderedRef(start),
        levels: levels("ordered", start),
      })),
    ],
  };
}
