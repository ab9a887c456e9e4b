/**
 * "What changed, first" (issue 16): the front-matter fields of a document
 * that differ from the version it is compared with, as the table at the top
 * of a changed document in both redline editions (field, before, after).
 *
 * One function for both editions, so that Word and HTML name the same
 * fields the same way. The labels are the editions' own (the schema's
 * titles, `fieldTitle`); the values are written as readers of the editions
 * see them (names from the set's configuration instead of codes, dates as
 * "1 oktober 2024", lists joined), so that a field whose code was reordered
 * but reads the same is no change, and "—" stands for a field that is absent.
 */
import type { SamDoc } from "../core/document.js";
import { deciders, owners } from "../core/document.js";
import type { Lang } from "../core/types.js";
import type { SamdokConfig } from "../core/config.js";
import { bodyName, partyName, roleName, trackName } from "../core/config.js";
import { documentSchema } from "../core/schema.js";
import { fieldLabel } from "../core/schema-explain.js";
import { fieldTitle, joinSv, lagrumText, partiesInOrder, statusLabel, typeLabel } from "../render/shared/edition-labels.js";
import { dateText } from "../render/docx/labels.js";
import { formatNumber, type Localized } from "../i18n/text.js";
import type { RedlineEdition } from "./types.js";

/** One changed front-matter field: its key, its label, and the value before and after as readers see them. */
export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** What an absent (or empty) field shows. */
export const ABSENT = "—";

/** How a value is named: with the set's configuration when there is one, else the code as written. */
interface Names {
  party(code: string): string;
  role(id: string): string;
  body(id: string): string;
  track(id: string): string;
}

function namesOf(config: SamdokConfig | undefined): Names {
  if (!config) return { party: (c) => c, role: (c) => c, body: (c) => c, track: (c) => c };
  return {
    party: (c) => partyName(config, c),
    role: (c) => roleName(config, c),
    body: (c) => bodyName(config, c),
    track: (c) => trackName(config, c),
  };
}

const sub = (pointer: string): string => fieldTitle(pointer).toLocaleLowerCase("sv-SE");

/** "a; b" of the non-empty parts. */
const parts = (...items: (string | undefined | false)[]): string =>
  items.filter((s): s is string => typeof s === "string" && s !== "").join("; ");

/** The reader's text of each field (absent or empty: ""). One entry per field whose value needs more than `String(value)`. */
function display(doc: SamDoc, key: string, config: SamdokConfig | undefined): string {
  const n = namesOf(config);
  switch (key) {
    case "dokumenttyp":
      return typeLabel(doc.dokumenttyp);
    case "status":
      return statusLabel(doc.status);
    case "spar":
      return n.track(doc.spar);
    case "parter":
      return joinSv((config ? partiesInOrder(config, doc.parter) : [...doc.parter].sort()).map(n.party));
    case "dokumentansvarig":
      return joinSv(owners(doc).map(n.role));
    case "faststalld_av":
      return joinSv(deciders(doc).map(n.body));
    case "faststalld_datum":
    case "giltig_fran":
    case "giltig_till":
    case "revideras_senast":
    case "upphavd_datum":
      return dateText(doc[key]);
    case "antaganden":
      return (doc.antaganden ?? [])
        .map(
          (a) =>
            `${n.party(a.part)}: ${parts(n.body(a.organ), dateText(a.datum), a.paragraf, a.diarienummer, `version ${a.version}`).replace(/; /g, ", ")}`,
        )
        .join("; ");
    case "remiss":
      return doc.remiss ? remissText(doc.remiss, n) : "";
    case "uppfoljning":
      return (doc.uppfoljning ?? [])
        .map(
          (u) =>
            `${dateText(u.datum)}: ${u.beskrivning} (${parts(
              `${sub("/uppfoljning/0/ansvarig")} ${n.role(u.ansvarig)}`,
              u.indikator && `${sub("/uppfoljning/0/indikator")} ${u.indikator}`,
              u.genomford && `${sub("/uppfoljning/0/genomford")} ${dateText(u.genomford)}`,
              u.resultat && `${sub("/uppfoljning/0/resultat")} ${u.resultat}`,
            ).replace(/; /g, ", ")})`,
        )
        .join("; ");
    case "ersatter":
    case "relaterade":
    case "nyckelord":
      return (doc[key] ?? []).join(", ");
    case "lagrum":
      return (doc.lagrum ?? []).map(lagrumText).join("; ");
    case "narvard":
      return doc.narvard
        ? parts(
            `${sub("/narvard/perspektiv")}: ${joinSv(doc.narvard.perspektiv)}`,
            doc.narvard.vardeord.length > 0 && `${sub("/narvard/vardeord")}: ${joinSv(doc.narvard.vardeord)}`,
            doc.narvard.fardplan_aktivitet && `${sub("/narvard/fardplan_aktivitet")}: ${doc.narvard.fardplan_aktivitet}`,
          )
        : "";
    case "andringshistorik":
      return (doc.andringshistorik ?? [])
        .map((a) => `${a.version} (${dateText(a.datum)}${a.redaktionell ? ", redaktionell" : ""}): ${a.beskrivning}`)
        .join("; ");
    default: {
      const value = (doc as unknown as Record<string, unknown>)[key];
      if (value === undefined || value === null) return "";
      return typeof value === "string" ? value : JSON.stringify(value);
    }
  }
}

function remissText(remiss: NonNullable<SamDoc["remiss"]>, n: Names): string {
  const instanser = remiss.instanser ?? [];
  const svar = remiss.svar ?? [];
  return parts(
    `${dateText(remiss.fran)}–${dateText(remiss.till)}`,
    instanser.length > 0 && `${sub("/remiss/instanser")}: ${joinSv(instanser)}`,
    remiss.version && `${sub("/remiss/version")} ${remiss.version}`,
    svar.length > 0 &&
      `${sub("/remiss/svar")}: ${svar.map((s) => `${n.party(s.part)} ${s.standpunkt} ${dateText(s.datum)}${s.diarienummer ? ` (${s.diarienummer})` : ""}`).join(", ")}`,
  );
}

/** The front-matter keys in the schema's order (the order the editions list them in). */
function schemaKeys(): string[] {
  const properties = documentSchema().properties;
  return properties && typeof properties === "object" ? Object.keys(properties) : [];
}

/**
 * The front-matter fields that read differently in `after` than in `before`,
 * in the schema's order; for a new document (`before` undefined) every field
 * it has. `config` (the set's) turns codes into the names readers see; `lang`
 * is the labels' language: the editions pass "sv", since the documents are Swedish.
 * The change history is left out unless `options.history` (its rows are marked in its own table).
 */
export function fieldChanges(
  before: SamDoc | undefined,
  after: SamDoc,
  lang: Lang,
  config?: SamdokConfig,
  options: { history?: boolean } = {},
): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = schemaKeys();
  // A field the schema does not know (it refuses them, but the types cannot promise it) comes last, in name order.
  const extra = [...new Set([...Object.keys(after), ...Object.keys(before ?? {})])].filter((k) => !keys.includes(k)).sort();
  for (const key of [...keys, ...extra]) {
    // The change history is a table of its own in both editions, its new rows marked there:
    // as one long row of the summary it would say the same again. `changed.ts` still counts it.
    if (key === "andringshistorik" && options.history !== true) continue;
    const was = before ? display(before, key, config) : "";
    const now = display(after, key, config);
    if (was === now) continue;
    const label = (lang === "sv" ? undefined : fieldLabel(documentSchema(), `/${key}`, lang)) ?? fieldTitle(`/${key}`);
    changes.push({ key, label, before: was || ABSENT, after: now || ABSENT });
  }
  return changes;
}

/**
 * What the build says of a redline edition on stdout, after the usual
 * line: "; ändringar sedan v1.0 (a1b2c3d4e5f6): 2 ändrade, 1 nytt, 1 borttaget eller upphävt".
 * So the person who builds sees at once whether the comparison found what they expected.
 */
export function redlineNote(redline: RedlineEdition): Localized {
  const { changed, added, removed } = redline;
  const sv = (n: number, one: string, many: string): string => `${formatNumber(n, "sv")} ${n === 1 ? one : many}`;
  return {
    sv: `; ändringar sedan ${redline.label}: ${sv(changed.length, "ändrat", "ändrade")}, ${sv(added.length, "nytt", "nya")}, ${sv(removed.length, "borttaget eller upphävt", "borttagna eller upphävda")}`,
    en: `; changes since ${redline.label}: ${formatNumber(changed.length, "en")} changed, ${formatNumber(added.length, "en")} new, ${formatNumber(removed.length, "en")} removed or repealed`,
  };
}
