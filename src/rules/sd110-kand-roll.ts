import type { DocumentRule } from "./types.js";
import { entries, str, strings } from "./lib/data.js";
import { didYouMean, listIds } from "./lib/registry.js";

export const rule: DocumentRule = {
  id: "SD110",
  name: "kand-roll",
  scope: "document",
  category: "metadata",
  defaultSeverity: "error",
  description: {
    sv: "`dokumentansvarig` (en roll eller en lista med roller) och varje uppföljnings `ansvarig` är roller i konfigurationens rollregister.",
    en: "`dokumentansvarig` (a role or a list of roles) and each follow-up's `ansvarig` are roles in the configuration's registry of roles.",
  },
  docs: {
    sv: "Ansvar läggs på roller, inte på personer, så att dokumentet stämmer även när någon byter arbete. Rollerna listas under `roller` i samdok.config.json, med funktionsbrevlåda. Exempel: `dokumentansvarig: narvardskoordinator`. När ansvaret är delat anges en lista, till exempel `dokumentansvarig: [narvardskoordinator, mas]`; varje roll i listan kontrolleras.",
    en: "Responsibility lies with roles, not people, so the document stays right when someone changes jobs. Roles are listed under `roller` in samdok.config.json, with a functional mailbox. Example: `dokumentansvarig: narvardskoordinator`. When the responsibility is shared, give a list, for example `dokumentansvarig: [narvardskoordinator, mas]`; every role in it is checked.",
  },
  check(ctx) {
    const registry = ctx.config.roller;
    const values: { value: string; path: string; field: string }[] = [];
    // One role, or a list of roles when the responsibility is shared: every entry is checked where it stands.
    const owner = str(ctx.data, "dokumentansvarig");
    if (owner !== undefined) values.push({ value: owner, path: "/dokumentansvarig", field: "dokumentansvarig" });
    for (const o of strings(ctx.data, "dokumentansvarig")) values.push({ value: o.value, path: o.path, field: "dokumentansvarig" });
    for (const u of entries(ctx.data, "uppfoljning")) {
      const a = str(u.value, "ansvarig");
      if (a !== undefined) values.push({ value: a, path: `${u.path}/ansvarig`, field: "ansvarig" });
    }
    for (const { value, path, field } of values) {
      if (registry.some((r) => r.id === value)) continue;
      const hint = didYouMean(value, registry);
      ctx.report({
        path,
        message: {
          sv: `\`${field}\`: rollen \`${value}\` finns inte i rollregistret.${hint.sv} Ange en roll (inte en person) ur \`roller\` i samdok.config.json, till exempel ${listIds(registry, 3)}.`,
          en: `\`${field}\`: the role \`${value}\` is not in the registry of roles.${hint.en} Give a role (not a person) from \`roller\` in samdok.config.json, for example ${listIds(registry, 3)}.`,
        },
      });
    }
  },
};
