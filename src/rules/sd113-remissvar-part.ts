/**
 * SD113: a remissvar comes from a party that was asked. `samdok respond`
 * appends answers to `remiss.svar`; an answer from a party that is neither
 * among the document's parties nor among the consulted (`remiss.instanser`)
 * is most often a wrong code (0480 for 0481), which would credit the answer
 * to the wrong municipality in the report. Whether the code is a party of the
 * set at all is SD106's question; this rule only asks whether it was consulted.
 */
import type { DocumentRule } from "./types.js";
import { entries, object, str, strings } from "./lib/data.js";
import { partyCodes, partyName } from "../core/config-model.js";

/** Names compared without case and surrounding space: `instanser` are free text ("Eskilstuna kommun"). */
const fold = (s: string): string => s.trim().toLocaleLowerCase("sv");

export const rule: DocumentRule = {
  id: "SD113",
  name: "remissvar-part",
  scope: "document",
  category: "metadata",
  defaultSeverity: "warning",
  description: {
    sv: "Varje remissvar (`remiss.svar`) kommer från en av dokumentets parter eller en av remissinstanserna (`remiss.instanser`).",
    en: "Every consultation answer (`remiss.svar`) comes from one of the document's parties or one of the consulted (`remiss.instanser`).",
  },
  docs: {
    sv: '`samdok respond` lägger till ett remissvar med partens kod, ståndpunkt och diarienummer. Svaret ska komma från en part som fått remissen: en av dokumentets `parter` eller en av `remiss.instanser` (som `samdok consult` fyller med partkoder; en instans kan också anges med partens namn, till exempel "Eskilstuna kommun"). Ett svar från någon annan beror oftast på en felskriven kod. Rätta koden, eller lägg till parten i `remiss.instanser` om den fick remissen. Exempel: `svar: [{part: "0480", datum: 2026-12-01, standpunkt: tillstyrker}]` med `instanser: ["0480", "0484"]`.',
    en: '`samdok respond` appends an answer with the party\'s code, position and registration number. The answer must come from a party that was consulted: one of the document\'s `parter` or one of `remiss.instanser` (which `samdok consult` fills with party codes; an entry may also give the party\'s name, for example "Eskilstuna kommun"). An answer from anyone else is most often a mistyped code. Correct the code, or add the party to `remiss.instanser` if it was consulted. Example: `svar: [{part: "0480", datum: 2026-12-01, standpunkt: tillstyrker}]` with `instanser: ["0480", "0484"]`.',
  },
  check(ctx) {
    const remiss = object(ctx.data, "remiss");
    const answers = entries(remiss, "svar");
    if (answers.length === 0) return;
    const parter = strings(ctx.data, "parter").map((p) => p.value);
    const instanser = strings(remiss, "instanser").map((i) => fold(i.value));
    const known = partyCodes(ctx.config);
    for (const a of answers) {
      const part = str(a.value, "part");
      // An unknown code is SD106's finding; one finding per mistake.
      if (part === undefined || !known.includes(part)) continue;
      if (parter.includes(part) || instanser.includes(fold(part)) || instanser.includes(fold(partyName(ctx.config, part)))) continue;
      const name = partyName(ctx.config, part);
      ctx.report({
        path: `/remiss${a.path}/part`,
        message: {
          sv: `Remissvaret kommer från \`${part}\` (${name}), som varken står bland dokumentets \`parter\` eller bland \`remiss.instanser\`. Rätta koden om svaret kom från en annan part, eller lägg till \`"${part}"\` i \`remiss.instanser\` om ${name} fick remissen.`,
          en: `The answer comes from \`${part}\` (${name}), which is neither among the document's \`parter\` nor among \`remiss.instanser\`. Correct the code if another party answered, or add \`"${part}"\` to \`remiss.instanser\` if ${name} was consulted.`,
        },
      });
    }
  },
};
