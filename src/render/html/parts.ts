/**
 * The parts of a document that come from its front matter: the status line,
 * the banners, the metadata panel, the parties and their adoption, the
 * follow-ups, the legal basis, the links to other documents and the change
 * history. The same parts make up a document page and a document's chapter
 * in the consolidated edition; only the heading level and the ids differ.
 */
import { keepReferencesTogether } from "../shared/typography.js";
import type { Element } from "hast";
import type { EditionDocument } from "../edition.js";
import type { HtmlBuild, Mode } from "./context.js";
import { block, h, type Child } from "./hast.js";
import { bodyName, partyName, roleName, trackName } from "../../core/config.js";
import { longDate, isIsoDate } from "../../core/dates.js";
import { deciders, owners } from "../../core/document.js";
import {
  fieldTitle,
  joinSv,
  lagrumText,
  partiesInOrder,
  partiesSummary,
  setTitle,
  statusLabel,
  typeLabel,
} from "../shared/edition-labels.js";
import {
  comingSentence,
  noticesFor,
  publishedFromText,
  revisionDueSoon,
  revisionOverdue,
  shownVersionSentence,
} from "../shared/edition-notices.js";
import { relationsOf, type DocRef } from "../shared/edition-relations.js";

export interface PartContext {
  build: HtmlBuild;
  doc: EditionDocument;
  mode: Mode;
  /** Heading level of the parts' headings. */
  level: number;
}

/** Ids of the parts: `dokument__parter` on a page, `<document>__parter` in the consolidated edition. */
export function partId(ctx: PartContext, name: string): string {
  return ctx.mode === "page" ? `dokument__${name}` : `${ctx.build.anchor(ctx.doc)}__${name}`;
}

const STATUS_CLASS: Record<string, string> = { utkast: "utkast", remiss: "remiss", fastställd: "faststalld", upphävd: "upphavd" };

export function statusTag(status: string): Element {
  return h("span", { className: ["status", `status-${STATUS_CLASS[status] ?? "okand"}`] }, statusLabel(status));
}

function date(value: string | undefined): Child {
  if (!value) return null;
  return isIsoDate(value) ? h("time", { dateTime: value }, value) : value;
}

function longDateEl(value: string): Child {
  return isIsoDate(value) ? h("time", { dateTime: value }, longDate(value, "sv")) : value;
}

/** A link to another document, or its title with a note when it is not in this edition. */
export function docLink(ctx: PartContext, ref: DocRef): Child {
  const { build } = ctx;
  if (!ref.target)
    return h(
      "span",
      { className: ["ej-publicerad"] },
      h("code", null, ref.id),
      h("span", { className: ["ej-publicerad-not"] }, " (finns inte i samlingen)"),
    );
  if (!build.inEdition.has(ref.target)) {
    return h(
      "span",
      { className: ["ej-publicerad"] },
      ref.target.doc.titel,
      h(
        "span",
        { className: ["ej-publicerad-not"] },
        ` (${statusLabel(ref.target.doc.status).toLowerCase()}, ingår inte i den här utgåvan)`,
      ),
    );
  }
  return h("a", { href: build.href(ref.target, ctx.mode, undefined, ctx.doc) }, ref.target.doc.titel);
}

/** "Rutin · version 2.1 · Fastställd": under the title. */
export function statusLine(ctx: PartContext): Element {
  const d = ctx.doc.doc;
  return h(
    "p",
    { className: ["dokumentrad"] },
    statusTag(d.status),
    " ",
    h("span", null, `${typeLabel(d.dokumenttyp)} · version ${d.version} · ${trackName(ctx.doc.loaded.config, d.spar)}`),
  );
}

function banner(kind: string, label: string, ...content: Child[]): Element {
  return h(
    "div",
    { className: ["banner", `banner-${kind}`] },
    h("p", null, h("strong", { className: ["banner-etikett"] }, `${label}. `), ...content),
  );
}

/**
 * The banners a reader must see first: a coming version, draft, consultation, repealed, past revision,
 * not yet or no longer valid.
 */
export function banners(ctx: PartContext): Element[] {
  const { build, doc } = ctx;
  const relations = relationsOf(doc, build.edition.all, build.links);
  const notices = noticesFor(doc.doc, build.edition.date, relations.replacedBy?.id);
  const out: Element[] = [];
  // The published text is the version in force; the reader is told what is on its way.
  if (doc.coming) out.push(banner("kommande", "Ny version på väg", comingSentence(doc.coming), " ", shownVersionSentence(doc)));
  for (const n of notices) {
    switch (n.kind) {
      case "utkast":
        out.push(banner("utkast", "Utkast", "Dokumentet är ett utkast. Det är inte fastställt och gäller inte."));
        break;
      case "remiss": {
        const period: Child[] = n.fran && n.till ? [" Remisstiden är ", longDateEl(n.fran), "–", longDateEl(n.till), "."] : [];
        const phase =
          n.phase === "avslutad"
            ? " Remisstiden har gått ut och svaren bereds."
            : n.phase === "före"
              ? " Remisstiden har inte börjat."
              : "";
        const bodies = n.instanser.length > 0 ? ` Remissinstanser: ${joinSv(n.instanser)}.` : "";
        out.push(banner("remiss", "Remissversion", "Dokumentet är ute på remiss och gäller inte än.", ...period, phase, bodies));
        break;
      }
      case "upphävd": {
        const successor = relations.replacedBy;
        if (n.kommer && n.datum) {
          // Repealed from a later day: on the edition's date it still applies.
          const by: Child[] = successor ? [" Det ersätts av ", docLink(ctx, successor), "."] : [];
          out.push(banner("upphavd", "Upphävs", "Dokumentet upphävs den ", longDateEl(n.datum), " och gäller till dess.", ...by));
          break;
        }
        const when: Child[] = n.datum ? [" sedan ", longDateEl(n.datum)] : [];
        if (successor) {
          out.push(
            banner("upphavd", "Upphävd", "Dokumentet gäller inte längre", ...when, ". Det är ersatt av ", docLink(ctx, successor), "."),
          );
        } else {
          out.push(banner("upphavd", "Upphävd", "Dokumentet gäller inte längre", ...when, "."));
        }
        break;
      }
      case "revision-passerad":
        out.push(
          banner(
            "revision",
            "Revisionsdatum passerat",
            "Dokumentet skulle ha reviderats senast ",
            longDateEl(n.datum),
            ". Det gäller tills vidare, men kontrollera med dokumentansvarig att innehållet fortfarande stämmer.",
          ),
        );
        break;
      case "ej-i-kraft":
        out.push(banner("kommande", "Gäller ännu inte", "Dokumentet är fastställt och börjar gälla ", longDateEl(n.fran), "."));
        break;
      case "giltighet-utgangen":
        out.push(banner("upphavd", "Giltighetstiden har gått ut", "Dokumentet gällde till och med ", longDateEl(n.till), "."));
        break;
    }
  }
  return out;
}

function entry(label: string, ...value: Child[]): Element {
  return h("div", null, h("dt", null, label), h("dd", null, ...value));
}

/**
 * What "Giltig till" says of a repealed document: the repeal ends its
 * validity, so "Upphävd den 31 oktober 2024" (or "Upphävs den …", repealed
 * from a later day) stands there rather than "tills vidare" or a date after
 * it. Undefined when the validity ended before the repeal.
 */
function repealedInstead(d: EditionDocument["doc"], editionDate: string): Child | undefined {
  const when = d.upphavd_datum;
  if (d.status !== "upphävd" || !when || !isIsoDate(when)) return undefined;
  if (d.giltig_till && isIsoDate(d.giltig_till) && d.giltig_till < when) return undefined;
  return [when > editionDate ? "Upphävs den " : "Upphävd den ", longDateEl(when)];
}

/** An e-mail address that breaks only after its @ and before its dots, never inside a word (a narrow column, a phone). */
export function emailWords(address: string): Child[] {
  const out: Child[] = [];
  for (const [i, part] of address.split(/(?=\.)|(?<=@)/).entries()) out.push(i > 0 ? h("wbr") : null, part);
  return out;
}

/** The metadata panel ("faktaruta"), with the schema's Swedish labels. */
export function factsPanel(ctx: PartContext): Element {
  const { build, doc } = ctx;
  const d = doc.doc;
  const config = doc.loaded.config;
  const t = fieldTitle;
  const entries: (Element | null)[] = [];
  entries.push(entry(t("/dokumenttyp"), typeLabel(d.dokumenttyp)));
  entries.push(entry(t("/status"), statusTag(d.status)));
  entries.push(entry(t("/version"), d.version));
  entries.push(entry(t("/spar"), trackName(config, d.spar)));
  if (new Set(build.edition.documents.map((x) => x.loaded.root)).size > 1) entries.push(entry("Samling", setTitle(config)));
  entries.push(entry(t("/parter"), h("a", { href: `#${partId(ctx, "parter")}` }, partiesSummary(config, d))));
  const ownerIds = owners(d);
  if (ownerIds.length > 0) {
    entries.push(
      entry(
        t("/dokumentansvarig"),
        ...ownerIds.map((id, i) => {
          const role = config.roller.find((r) => r.id === id);
          return [
            i > 0 ? h("br") : null,
            roleName(config, id),
            role?.organisation ? [h("br"), role.organisation] : null,
            role?.epost ? [h("br"), h("a", { href: `mailto:${role.epost}`, className: ["epost"] }, emailWords(role.epost))] : null,
          ];
        }),
      ),
    );
  }
  if (d.faststalld_av) entries.push(entry(t("/faststalld_av"), joinSv(deciders(d).map((b) => bodyName(config, b)))));
  if (d.faststalld_datum) entries.push(entry(t("/faststalld_datum"), date(d.faststalld_datum)));
  if (d.beslutsparagraf) entries.push(entry(t("/beslutsparagraf"), keepReferencesTogether(d.beslutsparagraf)));
  if (d.diarienummer) entries.push(entry(t("/diarienummer"), d.diarienummer));
  if (d.giltig_fran) entries.push(entry(t("/giltig_fran"), date(d.giltig_fran)));
  const repealed = repealedInstead(d, build.edition.date);
  if (repealed) entries.push(entry(t("/giltig_till"), repealed));
  else if (d.giltig_till) entries.push(entry(t("/giltig_till"), date(d.giltig_till)));
  if (d.revideras_senast) {
    const overdue = revisionOverdue(d, build.edition.date);
    const soon = !overdue && revisionDueSoon(d, build.edition.date, config.bevakning?.inom_dagar ?? 90);
    entries.push(
      entry(
        t("/revideras_senast"),
        date(d.revideras_senast),
        overdue ? h("strong", { className: ["varning"] }, "passerat") : soon ? h("strong", { className: ["varning"] }, "snart") : null,
      ),
    );
  }
  if (d.upphavd_datum && !repealed) entries.push(entry(t("/upphavd_datum"), date(d.upphavd_datum)));
  if (d.remiss) {
    entries.push(entry(t("/remiss"), date(d.remiss.fran), "–", date(d.remiss.till)));
    if (d.remiss.instanser?.length) entries.push(entry(t("/remiss/instanser"), joinSv(d.remiss.instanser)));
  }
  if (d.overordnat)
    entries.push(entry(t("/overordnat"), docLink(ctx, relationsOf(doc, build.edition.all, build.links).parent ?? { id: d.overordnat })));
  if (d.narvard) {
    entries.push(entry(`${t("/narvard")}: ${t("/narvard/perspektiv").toLowerCase()}`, joinSv(d.narvard.perspektiv)));
    if (d.narvard.vardeord.length)
      entries.push(entry(`${t("/narvard")}: ${t("/narvard/vardeord").toLowerCase()}`, joinSv(d.narvard.vardeord)));
    if (d.narvard.fardplan_aktivitet) entries.push(entry(t("/narvard/fardplan_aktivitet"), d.narvard.fardplan_aktivitet));
  }
  if (d.nyckelord?.length) entries.push(entry(t("/nyckelord"), d.nyckelord.join(", ")));
  // Discreet, last: where the text of an older version published in place of the working copy comes from.
  const from = publishedFromText(doc);
  if (from) entries.push(entry("Publicerad ur", h("span", { className: ["kalla-git"] }, from)));
  const id = partId(ctx, "uppgifter");
  return block(
    container(ctx),
    { className: ["fakta"], ...labelled(ctx, id) },
    h(`h${ctx.level}`, { id }, "Uppgifter om dokumentet"),
    block("dl", { className: ["fakta-lista"] }, ...entries),
  );
}

/**
 * The headings of the parts made from the front matter. A document has its
 * own "Parter" and "Uppföljning" sections (an agreement must), so the
 * generated parts are named apart: the table of contents never lists the
 * same name twice.
 */
export const PART_TITLES = {
  parties: "Dokumentets parter",
  adoptions: "Parternas antaganden",
  followUp: "Uppföljningsplan",
} as const;

function section(ctx: PartContext, name: string, title: string, ...content: Child[]): Element {
  const id = partId(ctx, name);
  return block(container(ctx), { className: ["del", `del-${name}`], ...labelled(ctx, id) }, h(`h${ctx.level}`, { id }, title), ...content);
}

/**
 * On a document page each part is a region a screen reader can jump to; in
 * the consolidated edition, with the same parts for every document, that
 * would be a hundred landmarks of the same names, so there they are plain.
 */
function container(ctx: PartContext): string {
  return ctx.mode === "page" ? "section" : "div";
}

function labelled(ctx: PartContext, id: string): { ariaLabelledBy?: string[] } {
  return ctx.mode === "page" ? { ariaLabelledBy: [id] } : {};
}

function table(
  caption: string,
  headers: string[],
  rows: Child[][],
  options: { stack?: boolean; compact?: boolean; firstIsRowHeader?: boolean } = {},
): Element {
  return block(
    "table",
    { className: ["tabell", options.stack ? "stapla" : null, options.compact ? "kompakt" : null].filter((c): c is string => c !== null) },
    h("caption", null, caption),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        headers.map((label) => h("th", { scope: "col" }, label)),
      ),
    ),
    block(
      "tbody",
      null,
      ...rows.map((cells) =>
        h(
          "tr",
          null,
          cells.map((cell, i) =>
            i === 0 && options.firstIsRowHeader ? h("th", { scope: "row" }, cell) : h("td", { dataLabel: headers[i] ?? "" }, cell),
          ),
        ),
      ),
    ),
  );
}

/** The parties, and each party's adoption of the document when there are adoptions. */
export function partiesSection(ctx: PartContext): Element {
  const { doc } = ctx;
  const d = doc.doc;
  const config = doc.loaded.config;
  const parties = partiesInOrder(config, d.parter);
  const adoptions = d.antaganden ?? [];
  if (adoptions.length === 0) {
    const decided = d.faststalld_av
      ? [
          `Dokumentet är fastställt av ${joinSv(deciders(d).map((b) => bodyName(config, b)))}`,
          d.faststalld_datum ? [" ", longDateEl(d.faststalld_datum)] : null,
          " och gäller för:",
        ]
      : ["Dokumentet gäller för:"];
    return section(
      ctx,
      "parter",
      PART_TITLES.parties,
      h("p", null, decided),
      block("ul", { className: ["parter"] }, ...parties.map((p) => h("li", null, partyName(config, p)))),
    );
  }
  const rows: Child[][] = [];
  for (const code of parties) {
    const own = adoptions.filter((a) => a.part === code).sort((a, b) => a.datum.localeCompare(b.datum));
    if (own.length === 0) {
      rows.push([partyName(config, code), "Inget antagande registrerat", "–", "–", "–"]);
      continue;
    }
    for (const a of own) {
      const older = a.version !== d.version;
      rows.push([
        partyName(config, code),
        a.organ,
        date(a.datum),
        older ? [a.version, h("span", { className: ["flagga"] }, " (äldre version)")] : a.version,
        a.paragraf ?? "–",
      ]);
    }
  }
  const adopted = new Set(adoptions.filter((a) => a.version === d.version).map((a) => a.part));
  const current = parties.filter((p) => adopted.has(p)).length;
  return section(
    ctx,
    "parter",
    PART_TITLES.adoptions,
    h("p", null, `${current} av ${parties.length} parter har antagit version ${d.version}.`),
    table("Parternas beslut att anta dokumentet", ["Part", "Beslutsorgan", "Datum", "Version", "Paragraf"], rows, {
      stack: true,
      compact: true,
      firstIsRowHeader: true,
    }),
  );
}

export function followUpSection(ctx: PartContext): Element | null {
  const { build, doc } = ctx;
  const items = doc.doc.uppfoljning ?? [];
  if (items.length === 0) return null;
  const config = doc.loaded.config;
  const rows = [...items]
    .sort((a, b) => a.datum.localeCompare(b.datum))
    .map((u) => {
      const state: Child = u.genomford
        ? ["Genomförd ", date(u.genomford)]
        : u.datum < build.edition.date
          ? h("strong", { className: ["varning"] }, "Försenad")
          : "Planerad";
      return [
        date(u.datum),
        [u.beskrivning, u.indikator ? [h("br"), h("span", { className: ["indikator"] }, `Indikator: ${u.indikator}`)] : null],
        roleName(config, u.ansvarig),
        state,
        u.resultat ?? "–",
      ];
    });
  return section(
    ctx,
    "uppfoljning",
    PART_TITLES.followUp,
    table("Planerade och genomförda uppföljningar", ["Datum", "Vad som följs upp", "Ansvarig", "Läge", "Resultat"], rows, { stack: true }),
  );
}

export function legalSection(ctx: PartContext): Element | null {
  const items = ctx.doc.doc.lagrum ?? [];
  if (items.length === 0) return null;
  return section(ctx, "lagrum", fieldTitle("/lagrum"), block("ul", null, ...items.map((l) => h("li", null, lagrumText(l)))));
}

export function relationsSection(ctx: PartContext): Element | null {
  const { build, doc } = ctx;
  const r = relationsOf(doc, build.edition.all, build.links);
  const rows: Element[] = [];
  const add = (label: string, refs: DocRef[]): void => {
    if (refs.length === 0) return;
    rows.push(h("div", null, h("dt", null, label), ...refs.map((ref) => h("dd", null, docLink(ctx, ref)))));
  };
  add(fieldTitle("/overordnat"), r.parent ? [r.parent] : []);
  add("Underordnade dokument", r.children);
  add(fieldTitle("/ersatter"), r.replaces);
  add(fieldTitle("/ersatts_av"), r.replacedBy ? [r.replacedBy] : []);
  add(fieldTitle("/relaterade"), r.related);
  add("Dokument som hänvisar hit", r.referencedBy);
  if (rows.length === 0) return null;
  return section(ctx, "kopplingar", "Kopplingar till andra dokument", block("dl", { className: ["kopplingar"] }, ...rows));
}

export function historySection(ctx: PartContext): Element {
  const d = ctx.doc.doc;
  const items = d.andringshistorik ?? [];
  if (items.length === 0)
    return section(ctx, "historik", fieldTitle("/andringshistorik"), h("p", null, "Dokumentet har ingen registrerad ändringshistorik."));
  const rows = [...items]
    .sort((a, b) => b.datum.localeCompare(a.datum) || b.version.localeCompare(a.version, undefined, { numeric: true }))
    .map((a) => [
      a.version === d.version ? [a.version, h("span", { className: ["flagga"] }, " (denna version)")] : a.version,
      date(a.datum),
      a.beskrivning,
    ]);
  return section(ctx, "historik", fieldTitle("/andringshistorik"), table("Versioner, nyaste först", ["Version", "Datum", "Ändring"], rows));
}

/** Every front-matter part after the document's text, in reading order. */
export function appendixSections(ctx: PartContext): Element[] {
  return [partiesSection(ctx), followUpSection(ctx), legalSection(ctx), relationsSection(ctx), historySection(ctx)].filter(
    (e): e is Element => e !== null,
  );
}
