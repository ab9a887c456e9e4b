import type { DocumentRule } from "./types.js";
import { str, strings } from "./lib/data.js";

export const rule: DocumentRule = {
  id: "SD107",
  name: "overenskommelse-parter",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "En överenskommelse har regionen och minst en kommun bland sina parter.",
    en: "An agreement has the region and at least one municipality among its parties.",
  },
  docs: {
    sv: 'En överenskommelse är ett avtal mellan huvudmännen: regionen och en eller flera kommuner. Exempel: `parter: [region-04, "0480", "0484"]`.',
    en: 'An agreement is made between the principals: the region and one or more municipalities. Example: `parter: [region-04, "0480", "0484"]`.',
  },
  check(ctx) {
    if (str(ctx.data, "dokumenttyp") !== "överenskommelse") return;
    if (!Array.isArray(ctx.data.parter)) return;
    const codes = strings(ctx.data, "parter").map((p) => p.value);
    const region = ctx.config.region;
    const hasRegion = codes.includes(region.kod);
    const hasMunicipality = codes.some((c) => /^\d{4}$/.test(c));
    if (hasRegion && hasMunicipality) return;
    const missing =
      !hasRegion && !hasMunicipality
        ? {
            sv: `både regionen (\`${region.kod}\`) och minst en kommun`,
            en: `both the region (\`${region.kod}\`) and at least one municipality`,
          }
        : !hasRegion
          ? { sv: `regionen: lägg till \`${region.kod}\``, en: `the region: add \`${region.kod}\`` }
          : {
              sv: `minst en kommun: lägg till en kommunkod, till exempel \`"${ctx.config.parter[0]?.kod ?? "0480"}"\``,
              en: `at least one municipality: add a municipality code, for example \`"${ctx.config.parter[0]?.kod ?? "0480"}"\``,
            };
    ctx.report({
      path: "/parter",
      key: true,
      message: {
        sv: `En överenskommelse ingås mellan regionen och kommuner, men bland parterna saknas ${missing.sv}.`,
        en: `An agreement is made between the region and municipalities, but the parties lack ${missing.en}.`,
      },
    });
  },
};
