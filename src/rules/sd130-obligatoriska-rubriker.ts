import type { RootContent } from "mdast";
import type { DocumentRule } from "./types.js";
import type { Heading } from "../core/types.js";
import type { DocumentType } from "../core/config.js";
import { str } from "./lib/data.js";

/** Headings compare without case, surrounding space, a leading number ("2. ") or a trailing colon. */
export function headingKey(text: string): string {
  return text
    .normalize("NFC")
    .trim()
    .replace(/^\d+(\.\d+)*\.?\s+/, "")
    .replace(/\s*:$/, "")
    .replace(/\s+/g, " ")
    .toLocaleLowerCase("sv");
}

/** Indices (into `seq`) of a longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const best: number[] = seq.map(() => 1);
  const prev: number[] = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if ((seq[j] ?? 0) < (seq[i] ?? 0) && (best[j] ?? 0) + 1 > (best[i] ?? 0)) {
        best[i] = (best[j] ?? 0) + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < seq.length; i++) if (end === -1 || (best[i] ?? 0) > (best[end] ?? 0)) end = i;
  const out = new Set<number>();
  for (let i = end; i !== -1; i = prev[i] ?? -1) out.add(i);
  return out;
}

const at = (h: Heading): { range: [number, number, number, number] } => ({ range: [h.line, h.column, h.endLine, h.endColumn] });

export const rule: DocumentRule = {
  id: "SD130",
  name: "obligatoriska-rubriker",
  scope: "document",
  category: "struktur",
  defaultSeverity: "error",
  description: {
    sv: "Dokumenttypens obligatoriska rubriker (från konfigurationen) finns och står i den ordning konfigurationen anger.",
    en: "The document type's required headings (from the configuration) are present and in the order the configuration gives.",
  },
  docs: {
    sv: 'Konfigurationen anger under `obligatoriska_rubriker` vilka rubriker varje dokumenttyp ska ha, till exempel för en rutin `["Syfte", "Ansvar", "Arbetsgång"]`. Rubrikerna jämförs utan hänsyn till stora och små bokstäver, inledande nummer ("2. Syfte") och kolon. Andra rubriker får stå mellan dem. Upphävda dokument kontrolleras inte, så att en ny obligatorisk rubrik inte gör arkivet felaktigt.',
    en: 'The configuration\'s `obligatoriska_rubriker` gives the headings each type must have, e.g. for a routine `["Syfte", "Ansvar", "Arbetsgång"]`. Headings compare ignoring case, a leading number ("2. Syfte") and a colon. Other headings may stand between them. Repealed documents are not checked, so that a new required heading does not put the archive in error.',
  },
  check(ctx) {
    const type = str(ctx.data, "dokumenttyp");
    // A repealed document is archived as it was, even when the required headings change later.
    if (str(ctx.data, "status") === "upphävd") return;
    const required = type === undefined ? undefined : ctx.config.obligatoriska_rubriker?.[type as DocumentType];
    if (!required || required.length === 0) return;
    const headings = ctx.facts.headings;
    const keys = headings.map((h) => headingKey(h.text));
    // Where each required heading stands (its first occurrence), in required order.
    const found = required.map((name, order) => ({ name, order, index: keys.indexOf(headingKey(name)) }));
    const present = found.filter((f) => f.index !== -1);
    const inOrder = longestIncreasing(present.map((p) => p.index));
    const ordered = present.filter((_, i) => inOrder.has(i));
    present.forEach((p, i) => {
      if (inOrder.has(i)) return;
      const heading = headings[p.index];
      if (!heading) return;
      const before = ordered.find((o) => o.order > p.order);
      const after = [...ordered].reverse().find((o) => o.order < p.order);
      const where = before
        ? { sv: `före rubriken "${before.name}"`, en: `before the heading "${before.name}"` }
        : { sv: `efter rubriken "${after?.name ?? ""}"`, en: `after the heading "${after?.name ?? ""}"` };
      ctx.report({
        ...at(heading),
        message: {
          sv: `Rubriken "${heading.text}" står i fel ordning. För en ${type} ska rubrikerna komma i ordningen ${required.map((r) => `"${r}"`).join(", ")}. Flytta avsnittet ${where.sv}.`,
          en: `The heading "${heading.text}" is out of order. For a ${type} the headings come in the order ${required.map((r) => `"${r}"`).join(", ")}. Move the section ${where.en}.`,
        },
      });
    });
    // With none of the required headings present: the start of the text (or the closing fence of an empty one).
    const startOfText = (): { node: RootContent } | { range: [number, number, number, number] } => {
      const first = ctx.mdast().children.find((n) => n.position !== undefined);
      return first ? { node: first } : { range: [ctx.closeLine, 1, ctx.closeLine, 4] };
    };
    for (const missing of found.filter((f) => f.index === -1)) {
      const next = ordered.find((o) => o.order > missing.order);
      const prev = [...ordered].reverse().find((o) => o.order < missing.order);
      const nextHeading = next ? headings[next.index] : undefined;
      const prevHeading = prev ? headings[prev.index] : undefined;
      const wanted = headingKey(missing.name);
      const requiredKeys = new Set(required.map(headingKey));
      const similar = keys.findIndex((k) => k.length > 2 && !requiredKeys.has(k) && (k.includes(wanted) || wanted.includes(k)));
      const similarHeading = similar === -1 ? undefined : headings[similar];
      const hint = similarHeading
        ? {
            sv: ` (Rubriken "${similarHeading.text}" på rad ${similarHeading.line} liknar den; byt i så fall namn på den.)`,
            en: ` (The heading "${similarHeading.text}" on line ${similarHeading.line} is similar; rename it if that is the one.)`,
          }
        : { sv: "", en: "" };
      const place = nextHeading
        ? {
            input: at(nextHeading),
            sv: `Lägg till \`## ${missing.name}\` före rubriken "${nextHeading.text}".`,
            en: `Add \`## ${missing.name}\` before the heading "${nextHeading.text}".`,
          }
        : prevHeading
          ? {
              input: at(prevHeading),
              sv: `Lägg till \`## ${missing.name}\` efter avsnittet "${prevHeading.text}".`,
              en: `Add \`## ${missing.name}\` after the section "${prevHeading.text}".`,
            }
          : { input: startOfText(), sv: `Lägg till \`## ${missing.name}\`.`, en: `Add \`## ${missing.name}\`.` };
      ctx.report({
        ...place.input,
        message: {
          sv: `Rubriken "${missing.name}" saknas. En ${type} ska ha rubrikerna ${required.map((r) => `"${r}"`).join(", ")}. ${place.sv}${hint.sv}`,
          en: `The heading "${missing.name}" is missing. A ${type} must have the headings ${required.map((r) => `"${r}"`).join(", ")}. ${place.en}${hint.en}`,
        },
      });
    }
  },
};
