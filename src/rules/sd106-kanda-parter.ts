import type { DocumentRule } from "./types.js";
import { entries, object, str, strings } from "./lib/data.js";
import { partyCodes, partyName } from "../core/config-model.js";
import { closest } from "../core/suggest.js";

export const rule: DocumentRule = {
  id: "SD106",
  name: "kanda-parter",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "Varje partkod i `parter`, `antaganden` och `remiss.svar` finns i konfigurationen, och varje kommunkod börjar med regionens länskod.",
    en: "Every party code in `parter`, `antaganden` and `remiss.svar` is in the configuration, and every municipality code starts with the region's county code.",
  },
  docs: {
    sv: 'Parterna är regionen (till exempel `region-04`) och kommunerna med sina fyrsiffriga kommunkoder, så som de står i samdok.config.json. En kommunkod börjar med länskoden: i Södermanlands län (04) är Nyköping `0480`. Skriv koden inom citattecken, `"0480"`, så att den inledande nollan inte försvinner. Samma koder används för den part som antagit dokumentet (`antaganden[].part`) och den part som lämnat ett remissvar (`remiss.svar[].part`).',
    en: 'The parties are the region (e.g. `region-04`) and the municipalities with their four-digit codes, as listed in samdok.config.json. A municipality code starts with the county code: in Södermanland (04) Nyköping is `0480`. Quote the code, `"0480"`, so the leading zero is kept. The same codes name the party that adopted the document (`antaganden[].part`) and the party that answered a consultation (`remiss.svar[].part`).',
  },
  check(ctx) {
    const { config } = ctx;
    const known = partyCodes(config);
    const lanskod = config.region.lanskod;
    const codes = [
      ...strings(ctx.data, "parter").map((p) => ({ code: p.value, path: p.path, field: "parter" })),
      ...entries(ctx.data, "antaganden").flatMap((a) => {
        const part = str(a.value, "part");
        return part === undefined ? [] : [{ code: part, path: `${a.path}/part`, field: "antaganden" }];
      }),
      // A remissvar names the answering party by code; whether it was consulted at all is SD113's question.
      ...entries(object(ctx.data, "remiss"), "svar").flatMap((a) => {
        const part = str(a.value, "part");
        return part === undefined ? [] : [{ code: part, path: `/remiss${a.path}/part`, field: "remiss.svar" }];
      }),
    ];
    for (const { code, path, field } of codes) {
      const municipality = /^\d{4}$/.test(code);
      const region = /^region-\d{2}$/.test(code);
      if (municipality && !code.startsWith(lanskod)) {
        ctx.report({
          path,
          message: {
            sv: `Kommunkoden \`${code}\` hör till län ${code.slice(0, 2)}, men samlingens region (${config.region.namn}) har länskod ${lanskod}. Kommunkoder här börjar med ${lanskod}, till exempel \`${config.parter[0]?.kod ?? `${lanskod}80`}\`.`,
            en: `The municipality code \`${code}\` belongs to county ${code.slice(0, 2)}, but the set's region (${config.region.namn}) has county code ${lanskod}. Municipality codes here start with ${lanskod}, for example \`${config.parter[0]?.kod ?? `${lanskod}80`}\`.`,
          },
        });
        continue;
      }
      if (region && code !== config.region.kod) {
        ctx.report({
          path,
          message: {
            sv: `\`${code}\` är inte samlingens region. Regionen i denna samling är ${config.region.namn}, med koden \`${config.region.kod}\`.`,
            en: `\`${code}\` is not the set's region. The region of this set is ${config.region.namn}, code \`${config.region.kod}\`.`,
          },
        });
        continue;
      }
      if (known.includes(code)) continue;
      const guess = closest(code, [...known, ...config.parter.map((p) => p.namn), config.region.namn]);
      const guessCode =
        guess === undefined
          ? undefined
          : known.includes(guess)
            ? guess
            : guess === config.region.namn
              ? config.region.kod
              : config.parter.find((p) => p.namn === guess)?.kod;
      const suggestion = guessCode
        ? {
            sv: ` Menade du \`${guessCode}\` (${partyName(config, guessCode)})?`,
            en: ` Did you mean \`${guessCode}\` (${partyName(config, guessCode)})?`,
          }
        : { sv: "", en: "" };
      ctx.report({
        path,
        message: {
          sv: `\`${code}\` i \`${field}\` är inte en part i konfigurationen.${suggestion.sv} Parterna anges med kod, till exempel \`${config.region.kod}\` för ${config.region.namn}${config.parter[0] ? ` och \`${config.parter[0].kod}\` för ${config.parter[0].namn}` : ""}.`,
          en: `\`${code}\` in \`${field}\` is not a party in the configuration.${suggestion.en} Parties are given by code, for example \`${config.region.kod}\` for ${config.region.namn}${config.parter[0] ? ` and \`${config.parter[0].kod}\` for ${config.parter[0].namn}` : ""}.`,
        },
      });
    }
  },
};
