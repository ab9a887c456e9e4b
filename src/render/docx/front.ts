/**
 * The consolidated edition's first pages: a cover (the region's logo, title,
 * issuer, region and parties, edition date; the source revision is in the
 * document properties, not on the cover) and a table of contents, followed
 * by the documents listed but not published. The contents are
 * plain internal links to the bookmarked document titles, grouped by track,
 * so they work the moment the file is opened; Word never asks to update
 * fields. `--toc-field` puts a Word TOC field there instead (pre-filled), and
 * `--page-numbers` writes estimated page numbers into either.
 */
import {
  BorderStyle,
  ImageRun,
  InternalHyperlink,
  LeaderType,
  PageReference,
  Paragraph,
  TableOfContents,
  Tab,
  TabStopType,
  TextRun,
} from "docx";
import type { FileChild } from "docx";
import type { Edition, EditionDocument } from "../edition.js";
import { partyName, trackName } from "../../core/config.js";
import { documentBookmark } from "./bookmarks.js";
import { joinSv, LABEL, statusLabel } from "./labels.js";
import { listedReasonText } from "../shared/edition-notices.js";
import { editionTitle } from "../shared/edition-labels.js";
import { logoSize, type EditionLook } from "../shared/region-look.js";
import { longDate } from "../../core/dates.js";
import { STYLE } from "./styles.js";
import { coverComparison } from "./redline-front.js";

/** The logo at the top of the cover, about 2 cm high: a PNG only (Word cannot show an SVG without a PNG beside it). */
function coverLogo(look: EditionLook): Paragraph[] {
  const logo = look.logo;
  if (logo?.kind !== "png") return [];
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: "png",
          data: logo.data,
          transformation: logoSize(logo, 76, 340),
          altText: { name: "Logotyp", description: logo.alt, title: logo.alt },
        }),
      ],
    }),
  ];
}

/**
 * @param look the region's issuer and logo (`utgava` of samdok.config.json)
 * @param accent the main colour (Word hex), for the rule under the title
 */
export function cover(edition: Edition, look: EditionLook, accent: string): FileChild[] {
  const out: FileChild[] = [
    ...coverLogo(look),
    new Paragraph({
      style: "Title",
      border: { bottom: { style: BorderStyle.SINGLE, size: 24, color: accent, space: 8 } },
      children: [new TextRun(editionTitle(edition))],
    }),
    new Paragraph({
      style: STYLE.subtitle,
      // A point-in-time edition says on its cover which day it shows.
      children: [
        new TextRun(edition.asOf ? `${LABEL.edition}, ${LABEL.asOf.toLowerCase()} ${longDate(edition.asOf, "sv")}` : LABEL.edition),
      ],
    }),
  ];
  const line = (label: string, value: string): Paragraph =>
    new Paragraph({ style: STYLE.coverLine, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
  if (look.issuer) out.push(line(LABEL.issuer, look.issuer));
  const used = edition.sets.filter((s) => edition.documents.some((d) => d.loaded === s) || edition.listed.some((l) => l.doc.loaded === s));
  for (const set of used) {
    const c = set.config;
    if (used.length > 1)
      out.push(
        new Paragraph({
          style: STYLE.coverLine,
          spacing: { before: 240 },
          children: [new TextRun({ text: c.namn ?? c.region.namn, bold: true })],
        }),
      );
    out.push(line(LABEL.parties, joinSv([c.region.namn, ...c.parter.map((p) => partyName(c, p.kod))])));
  }
  out.push(line(edition.asOf ? LABEL.asOf : LABEL.editionDate, longDate(edition.date, "sv")));
  out.push(...coverComparison(edition));
  out.push(line(LABEL.documentCount, String(edition.documents.length)));
  if (edition.listed.length > 0) out.push(line(LABEL.listedCount, String(edition.listed.length)));
  return out;
}

/**
 * The documents of the selection that do not apply on the edition's date,
 * after the contents: each with its id, status and why it is not there, so
 * that a reader of the printed edition knows what is under way and what is gone.
 */
export function listedPart(edition: Edition): FileChild[] {
  if (edition.listed.length === 0) return [];
  const out: FileChild[] = [
    new Paragraph({ style: STYLE.tocHeading, spacing: { before: 480 }, keepNext: true, children: [new TextRun(LABEL.listed)] }),
    new Paragraph({
      children: [
        new TextRun(
          `De här dokumenten gäller inte den ${longDate(edition.date, "sv")} och ingår därför inte: de är under arbete, på remiss, ännu inte giltiga eller upphävda.`,
        ),
      ],
    }),
  ];
  const byId = new Map(edition.all.map((d) => [`${d.loaded.root}\0${d.doc.id}`, d]));
  for (const l of edition.listed) {
    const d = l.doc.doc;
    const successor = l.replacedBy ? byId.get(`${l.doc.loaded.root}\0${l.replacedBy}`)?.doc.titel : undefined;
    out.push(
      new Paragraph({
        style: STYLE.toc2,
        children: [
          new TextRun({ text: d.titel, bold: true }),
          new TextRun(` (${d.id}, ${statusLabel(d.status).toLowerCase()}). ${listedReasonText(l, edition.date, successor)}`),
        ],
      }),
    );
  }
  return out;
}

function entry(d: EditionDocument, pageNumbers: boolean, width: number): Paragraph {
  const anchor = documentBookmark(d.doc.id);
  return new Paragraph({
    style: STYLE.toc2,
    ...(pageNumbers ? { tabStops: [{ type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT }] } : {}),
    children: [
      new InternalHyperlink({ anchor, children: [new TextRun(d.doc.titel)] }),
      ...(pageNumbers ? [new TextRun({ children: [new Tab()] }), new PageReference(anchor, { hyperlink: true })] : []),
    ],
  });
}

export function contents(edition: Edition, options: { tocField: boolean; pageNumbers: boolean; width: number }): FileChild[] {
  const heading = new Paragraph({ style: STYLE.tocHeading, children: [new TextRun(LABEL.contents)] });
  if (options.tocField) {
    return [heading, new TableOfContents(LABEL.contents, { hyperlink: true, headingStyleRange: "1-1", beginDirty: false })];
  }
  const out: FileChild[] = [heading];
  const severalSets = new Set(edition.documents.map((d) => d.loaded)).size > 1;
  let group = "";
  for (const d of edition.documents) {
    const set = d.loaded.config;
    const name = `${severalSets ? `${set.namn ?? set.region.namn}: ` : ""}${trackName(set, d.doc.spar)}`;
    if (name !== group) {
      group = name;
      out.push(new Paragraph({ style: STYLE.toc1, keepNext: true, children: [new TextRun(name)] }));
    }
    out.push(entry(d, options.pageNumbers, options.width));
  }
  return out;
}
