/**
 * `samdok new`: a new document of a type, as an utkast that validates. The
 * front matter has every field the schema requires of an utkast, the body
 * the configuration's required headings with a sentence of guidance under
 * each. The fields needed later (at remiss or fastställande) are listed as
 * comments with the configuration's own ids, so nobody has to look them up.
 */
import { Document, Scalar } from "yaml";
import { addMonths } from "../../core/dates.js";
import type { DocumentType, SamdokConfig } from "../../core/config.js";
import { guidanceFor } from "../../core/template-guidance.js";

/** Required headings when the configuration names none for the type. */
export const DEFAULT_HEADINGS: Record<DocumentType, string[]> = {
  överenskommelse: ["Syfte", "Bakgrund", "Parter", "Ansvarsfördelning", "Uppföljning", "Tvister", "Giltighetstid"],
  riktlinje: ["Syfte", "Omfattning", "Ansvarsfördelning", "Uppföljning"],
  rutin: ["Syfte", "Ansvar", "Arbetsgång"],
  policy: ["Syfte", "Principer", "Uppföljning"],
  målbild: ["Syfte", "Perspektiv", "Värdeord", "Uppföljning"],
  färdplan: ["Syfte", "Prioriterade aktiviteter", "Uppföljning"],
  handlingsplan: ["Syfte", "Mål", "Aktiviteter", "Uppföljning"],
};

const STOP_WORDS = new Set([
  "for",
  "och",
  "i",
  "av",
  "om",
  "vid",
  "fran",
  "med",
  "till",
  "pa",
  "en",
  "ett",
  "den",
  "det",
  "de",
  "som",
  "samt",
  "inom",
  "under",
  "mellan",
]);

export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** An id from the type and title, like the sample sets: `rutin-utskrivning-slutenvard`. Unique against `taken`. */
export function freshId(type: DocumentType, title: string, taken: ReadonlySet<string>): string {
  const typeSlug = fold(type);
  let words = fold(title)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !STOP_WORDS.has(w));
  if (words[0] !== typeSlug) words = [typeSlug, ...words];
  while (words.join("-").length > 56 && words.length > 1) words.pop();
  const base = words.join("-").slice(0, 56).replace(/-+$/, "");
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A YAML scalar as it would be written after `key: ` (quoted when needed). */
function scalar(value: string, quoted = false): string {
  const s = new Scalar(value);
  if (quoted) s.type = Scalar.QUOTE_DOUBLE;
  const d = new Document();
  d.contents = s;
  return d.toString({ lineWidth: 0 }).replace(/\n$/, "");
}

export interface TemplateOptions {
  id: string;
  type: DocumentType;
  title: string;
  spar: string;
  parter: string[];
  owner?: string;
  /** Today's date: the first change-history entry. */
  today: string;
}

export function headingsFor(config: SamdokConfig, type: DocumentType): string[] {
  const configured = config.obligatoriska_rubriker?.[type];
  return configured && configured.length > 0 ? configured : DEFAULT_HEADINGS[type];
}

export function renderTemplate(config: SamdokConfig, o: TemplateOptions): string {
  const lines: string[] = ["---"];
  lines.push(`id: ${o.id}`);
  lines.push(`titel: ${scalar(o.title)}`);
  lines.push(`dokumenttyp: ${o.type}`);
  lines.push("status: utkast");
  lines.push('version: "0.1"');
  lines.push(`spar: ${o.spar}`);
  lines.push("parter:");
  for (const p of o.parter) lines.push(`  - ${scalar(p, /^\d+$/.test(p))}`);
  if (o.owner) lines.push(`dokumentansvarig: ${o.owner}`);
  const followupOwner = o.owner ?? config.roller[0]?.id;
  if (o.type === "överenskommelse" && followupOwner) {
    // An överenskommelse needs at least one follow-up: plan the first one a year ahead.
    lines.push("uppfoljning:");
    lines.push(`  - datum: ${addMonths(o.today, 12)}`);
    lines.push(`    ansvarig: ${followupOwner}`);
    lines.push("    beskrivning: Första uppföljningen av överenskommelsen.");
  }
  lines.push("andringshistorik:");
  lines.push('  - version: "0.1"');
  lines.push(`    datum: ${o.today}`);
  lines.push("    beskrivning: Första utkastet.");
  lines.push("# Fylls i när dokumentet går på remiss eller fastställs (kör samdok validate):");
  if (!o.owner)
    lines.push(
      `# dokumentansvarig: en roll ur konfigurationen (${config.roller.map((r) => r.id).join(", ") || "lägg till roller i samdok.config.json"})`,
    );
  lines.push("# remiss: {fran: ÅÅÅÅ-MM-DD, till: ÅÅÅÅ-MM-DD}");
  lines.push(`# faststalld_av: ett beslutsorgan ur konfigurationen (${config.beslutsorgan.map((b) => b.id).join(", ")})`);
  lines.push("# faststalld_datum, giltig_fran, giltig_till (ett datum eller tills vidare) och revideras_senast");
  if (config.malbild) {
    lines.push(`# narvard: {perspektiv: [${config.malbild.perspektiv.join(", ")}], vardeord: [${config.malbild.vardeord.join(", ")}]}`);
  }
  lines.push("---", "");
  for (const heading of headingsFor(config, o.type)) {
    lines.push(`## ${heading}`, "", guidanceFor(heading), "");
  }
  return lines.join("\n");
}
