/**
 * `index.html`: the register of the edition. A table per set with every
 * document's type, status, track, parties, owner, version and revision
 * date, in edition order.
 *
 * Filtering works without JavaScript: the filter menus are plain `select`s
 * and a generated stylesheet hides the rows that do not match (`:has()`;
 * in a browser without it the menus are not shown and the whole register
 * is). JavaScript only enhances: it counts and announces the matches,
 * remembers the selection in the address (`index.html#status=remiss`) and
 * makes the columns sortable.
 */
import type { Element } from "hast";
import type { EditionDocument } from "../edition.js";
import type { HtmlBuild } from "./context.js";
import { block, h, type Child } from "./hast.js";
import { editionStatement, renderPage } from "./layout.js";
import { statusTag } from "./parts.js";
import { REGISTER_SCRIPT } from "./register-script.js";
import { partiesSummary, setTitle, STATUS_ORDER, statusLabel, typeLabel } from "../shared/edition-labels.js";
import { comingShort, listedReasonText, revisionDueSoon, revisionOverdue } from "../shared/edition-notices.js";
import type { ListedDocument } from "../edition.js";
import { longDate } from "../../core/dates.js";
import { partyName, roleName, trackName } from "../../core/config.js";
import { owners, TYPE_ORDER } from "../../core/document.js";
import { cssString } from "../../core/escape.js";

interface Facet {
  key: "typ" | "status" | "spar" | "part" | "ansvarig";
  label: string;
  /** The values of a document for this facet. */
  values(d: EditionDocument): string[];
  /** Display name of a value. */
  name(value: string): string;
  order(a: string, b: string): number;
}

function facets(build: HtmlBuild): Facet[] {
  const docs = build.edition.documents;
  const firstName =
    (pick: (d: EditionDocument, v: string) => string) =>
    (value: string): string => {
      for (const d of docs) {
        const name = pick(d, value);
        if (name !== value) return name;
      }
      return value;
    };
  const byName =
    (name: (v: string) => string) =>
    (a: string, b: string): number =>
      name(a).localeCompare(name(b), "sv");
  const partyOrder: string[] = [];
  for (const set of build.edition.sets)
    for (const code of [set.config.region.kod, ...set.config.parter.map((p) => p.kod)])
      if (!partyOrder.includes(code)) partyOrder.push(code);
  const trackOrder: string[] = [];
  for (const set of build.edition.sets) for (const s of set.config.spar) if (!trackOrder.includes(s.id)) trackOrder.push(s.id);
  const rank =
    (list: readonly string[]) =>
    (a: string, b: string): number =>
      (list.indexOf(a) === -1 ? 999 : list.indexOf(a)) - (list.indexOf(b) === -1 ? 999 : list.indexOf(b)) || a.localeCompare(b);
  const role = firstName((d, v) => roleName(d.loaded.config, v));
  const party = firstName((d, v) => partyName(d.loaded.config, v));
  const track = firstName((d, v) => trackName(d.loaded.config, v));
  return [
    { key: "typ", label: "Dokumenttyp", values: (d) => [d.doc.dokumenttyp], name: typeLabel, order: rank(TYPE_ORDER) },
    { key: "status", label: "Status", values: (d) => [d.doc.status], name: statusLabel, order: rank(STATUS_ORDER) },
    { key: "spar", label: "Spår", values: (d) => [d.doc.spar], name: track, order: rank(trackOrder) },
    { key: "part", label: "Part", values: (d) => d.doc.parter, name: party, order: rank(partyOrder) },
    {
      key: "ansvarig",
      label: "Dokumentansvarig",
      values: (d) => owners(d.doc),
      name: role,
      order: byName(role),
    },
  ];
}

/** The rules that filter the register without JavaScript, one per value. */
function filterStyles(all: Facet[], values: Map<Facet, string[]>): string {
  const rules: string[] = [];
  for (const facet of all) {
    for (const value of values.get(facet) ?? []) {
      rules.push(
        `body:has(#filter-${facet.key} option[value=${cssString(value)}]:checked) .register tbody tr:not([data-${facet.key}~=${cssString(value)}]){display:none}`,
      );
    }
  }
  return `@supports selector(:has(a)){.filter{display:block}\n${rules.join("\n")}\n}`;
}

function filterPanel(build: HtmlBuild, all: Facet[], values: Map<Facet, string[]>): Element | null {
  const docs = build.edition.documents;
  const fields = all
    .filter((facet) => (values.get(facet) ?? []).length > 1)
    .map((facet) =>
      h(
        "div",
        { className: ["filter-falt"] },
        h("label", { htmlFor: `filter-${facet.key}` }, facet.label),
        block(
          "select",
          { id: `filter-${facet.key}`, dataFilter: facet.key },
          h("option", { value: "" }, "Alla"),
          ...(values.get(facet) ?? []).map((v) =>
            h("option", { value: v }, `${facet.name(v)} (${docs.filter((d) => facet.values(d).includes(v)).length})`),
          ),
        ),
      ),
    );
  // Nothing to choose between (one document, or all alike): no filters.
  if (fields.length === 0) return null;
  return h(
    "div",
    { className: ["filter"] },
    block("fieldset", null, h("legend", null, "Filtrera registret"), h("div", { className: ["filter-falt-rad"] }, fields)),
    h("p", { id: "register-antal", className: ["antal"], ariaLive: "polite" }),
  );
}

function registerTable(build: HtmlBuild, docs: EditionDocument[], caption: string, all: Facet[]): Element {
  const headers: { label: string; sort: boolean }[] = [
    { label: "Dokument", sort: true },
    { label: "Typ", sort: true },
    { label: "Status", sort: true },
    { label: "Spår", sort: true },
    { label: "Parter", sort: false },
    { label: "Dokumentansvarig", sort: true },
    { label: "Version", sort: true },
    { label: "Revideras senast", sort: true },
  ];
  const rows = docs.map((doc) => {
    const d = doc.doc;
    const config = doc.loaded.config;
    const data: Record<string, string> = {};
    for (const facet of all) data[`data${facet.key.charAt(0).toUpperCase()}${facet.key.slice(1)}`] = facet.values(doc).join(" ");
    const index = build.edition.documents.indexOf(doc);
    const overdue = revisionOverdue(d, build.edition.date);
    const soon = !overdue && revisionDueSoon(d, build.edition.date, config.bevakning?.inom_dagar ?? 90);
    const cell = (label: string, sort: string | null, ...content: Child[]): Element =>
      h("td", { dataLabel: label, dataSort: sort }, ...content);
    return h(
      "tr",
      { ...data, dataOrdning: String(index).padStart(4, "0") },
      h(
        "th",
        { scope: "row", dataSort: d.titel },
        h("a", { href: build.pageFile(doc) }, d.titel),
        h("span", { className: ["dokument-id"] }, d.id),
      ),
      cell("Typ", String(TYPE_ORDER.indexOf(d.dokumenttyp)).padStart(2, "0"), typeLabel(d.dokumenttyp)),
      cell("Status", String(STATUS_ORDER.indexOf(d.status)), statusTag(d.status)),
      cell("Spår", null, trackName(config, d.spar)),
      cell("Parter", null, partiesSummary(config, d)),
      cell(
        "Dokumentansvarig",
        null,
        owners(d)
          .map((r) => roleName(config, r))
          .join(", ") || "–",
      ),
      cell("Version", null, d.version, doc.coming ? h("span", { className: ["kommande-version"] }, comingShort(doc.coming)) : null),
      cell(
        "Revideras senast",
        d.revideras_senast ?? "9999",
        d.revideras_senast ? h("time", { dateTime: d.revideras_senast }, d.revideras_senast) : "–",
        overdue ? h("strong", { className: ["varning"] }, "passerat") : soon ? h("strong", { className: ["varning"] }, "snart") : null,
      ),
    );
  });
  return h(
    "div",
    { className: ["register-del"] },
    block(
      "table",
      { className: ["register", "stapla", "kompakt"] },
      h("caption", { className: ["visuellt-dold"] }, caption),
      h("thead", null, block("tr", null, ...headers.map((c) => h("th", { scope: "col", dataSortera: c.sort ? "ja" : null }, c.label)))),
      block("tbody", null, ...rows),
    ),
    h("p", { className: ["tomt"], hidden: true }, "Inga dokument här matchar urvalet."),
  );
}

/** Why a listed document is not published; a repealed one names its successor, linked when it is published. */
function listedReason(build: HtmlBuild, l: ListedDocument): Child[] {
  const { edition } = build;
  if (l.reason === "upphävd" && l.replacedBy) {
    const successor = build.links.byIdIn(l.doc, l.replacedBy);
    if (successor && build.inEdition.has(successor)) {
      const when = l.date ? ` ${longDate(l.date, "sv")}` : "";
      return [`Upphävd${when}, ersatt av `, h("a", { href: build.pageFile(successor) }, successor.doc.titel), "."];
    }
    return [listedReasonText(l, edition.date, successor?.doc.titel)];
  }
  return [listedReasonText(l, edition.date)];
}

/**
 * The documents of the selection that do not apply on the edition's date:
 * drafts, remisser, decided but not yet valid, repealed. Named with their
 * status and why, without a link: there is no page to go to.
 */
function listedSection(build: HtmlBuild): Element | null {
  const { edition } = build;
  if (edition.listed.length === 0) return null;
  const several = new Set([...edition.documents, ...edition.listed.map((l) => l.doc)].map((d) => d.loaded.root)).size > 1;
  const headers = ["Dokument", ...(several ? ["Samling"] : []), "Typ", "Status", "Spår", "Varför det inte ingår"];
  const rows = edition.listed.map((l) => {
    const d = l.doc.doc;
    const config = l.doc.loaded.config;
    const cell = (label: string, ...content: Child[]): Element => h("td", { dataLabel: label }, ...content);
    return h(
      "tr",
      null,
      h("th", { scope: "row" }, d.titel, h("span", { className: ["dokument-id"] }, d.id)),
      several ? cell("Samling", setTitle(config)) : null,
      cell("Typ", typeLabel(d.dokumenttyp)),
      cell("Status", statusTag(d.status)),
      cell("Spår", trackName(config, d.spar)),
      cell("Varför det inte ingår", ...listedReason(build, l)),
    );
  });
  const when = longDate(edition.date, "sv");
  return block(
    "section",
    { className: ["ej-publicerade"], ariaLabelledBy: ["ej-publicerade"] },
    h("h2", { id: "ej-publicerade" }, "Dokument som inte ingår i utgåvan"),
    h(
      "p",
      null,
      `De här dokumenten gäller inte den ${when} och publiceras därför inte: de är under arbete, på remiss, ännu inte giltiga eller upphävda.`,
    ),
    block(
      "table",
      { className: ["tabell", "stapla", "kompakt", "ej-publicerade-tabell"] },
      h("caption", { className: ["visuellt-dold"] }, "Dokument som inte ingår i utgåvan"),
      h("thead", null, block("tr", null, ...headers.map((label) => h("th", { scope: "col" }, label)))),
      block("tbody", null, ...rows),
    ),
  );
}

/** The first paragraph of "Om utgåvan": what the edition holds of the set, and where the others are. */
function contentsNote(build: HtmlBuild): string {
  const { edition } = build;
  const n = edition.documents.length;
  const others = edition.all.length - n;
  if (edition.listed.length > 0) {
    const m = edition.listed.length;
    return (
      `Utgåvan innehåller de ${n} av samlingens ${edition.all.length} dokument som gäller den ${longDate(edition.date, "sv")}. ` +
      `${m === 1 ? "Ett dokument" : `${m} dokument`} som inte gäller den dagen listas under ”Dokument som inte ingår i utgåvan”. ` +
      "Länkar till dokument som inte ingår visas som text med en upplysning."
    );
  }
  return others > 0
    ? `Utgåvan innehåller ${n} av samlingens ${edition.all.length} dokument. Länkar till dokument som inte ingår visas som text med en upplysning.`
    : `Utgåvan innehåller alla ${n} dokument i samlingen.`;
}

export function registerPage(build: HtmlBuild): string {
  const { edition } = build;
  const all = facets(build);
  const values = new Map<Facet, string[]>();
  for (const facet of all) {
    const set = new Set<string>();
    for (const d of edition.documents) for (const v of facet.values(d)) set.add(v);
    values.set(facet, [...set].sort(facet.order));
  }
  const bySet = new Map<string, EditionDocument[]>();
  for (const d of edition.documents) bySet.set(d.loaded.root, [...(bySet.get(d.loaded.root) ?? []), d]);
  const several = bySet.size > 1;
  const tables: Child[] = [];
  for (const docs of bySet.values()) {
    const first = docs[0];
    if (!first) continue;
    const title = setTitle(first.loaded.config);
    if (several) tables.push(h("h2", null, title));
    tables.push(registerTable(build, docs, `Dokument i ${title}`, all));
  }
  return renderPage(build, {
    kind: "register",
    title: "Dokumentregister",
    description: `Register över ${edition.documents.length} gemensamma styrdokument.`,
    main: [
      h("h1", null, "Dokumentregister"),
      h(
        "p",
        { className: ["ingress"] },
        `Här finns ${edition.asOf ? `de ${edition.documents.length} gemensamma styrdokument som gäller den ${longDate(edition.asOf, "sv")}` : `${edition.documents.length} gemensamma styrdokument`}: överenskommelser, riktlinjer, rutiner och andra dokument som regionen och kommunerna har tagit fram tillsammans. `,
        "Du kan också läsa ",
        h("a", { href: "samlad-utgava.html" }, "alla dokument i en samlad utgåva"),
        ".",
      ),
      h("p", { className: ["utgava"] }, editionStatement(build, { source: false })),
      filterPanel(build, all, values),
      ...tables,
      listedSection(build),
      block(
        "section",
        { className: ["om-utgavan"], ariaLabelledBy: ["om-utgavan"] },
        h("h2", { id: "om-utgavan" }, "Om utgåvan"),
        h("p", null, contentsNote(build)),
        block(
          "dl",
          { className: ["statusforklaring"] },
          h("div", null, h("dt", null, statusTag("utkast")), h("dd", null, "Under arbete. Gäller inte.")),
          h("div", null, h("dt", null, statusTag("remiss")), h("dd", null, "Ute på remiss hos parterna. Gäller inte än.")),
          h("div", null, h("dt", null, statusTag("fastställd")), h("dd", null, "Beslutat och gäller.")),
          h(
            "div",
            null,
            h("dt", null, statusTag("upphävd")),
            h("dd", null, "Gäller inte längre. Finns kvar för att handlingar ska bevaras."),
          ),
        ),
        h("p", null, "”Passerat” i kolumnen Revideras senast betyder att dokumentet skulle ha reviderats före utgåvans datum."),
      ),
    ],
    styles: filterStyles(all, values),
    script: REGISTER_SCRIPT,
  });
}
