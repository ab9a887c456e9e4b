import type { DocumentRule } from "./types.js";
import { findEmails, isPersonalEmail } from "./lib/epost.js";
import { lineIndex } from "./lib/text.js";

export const rule: DocumentRule = {
  id: "SD141",
  name: "personlig-epost",
  scope: "document",
  category: "innehall",
  defaultSeverity: "warning",
  description: {
    sv: "Varnar för personliga e-postadresser (förnamn.efternamn@…); dokument anger roller och funktionsbrevlådor.",
    en: "Warns about personal e-mail addresses (firstname.lastname@…); documents name roles and functional mailboxes.",
  },
  docs: {
    sv: "Ett dokument gäller i flera år, men personer byter arbete. Skriv en roll och en funktionsbrevlåda, till exempel `narvard@regionsormland.se`, som fortsätter att fungera. Adresser som står som `epost` för en roll i konfigurationen och adresser som tydligt hör till en funktion (info@, registrator@, vard.omsorg@ …) varnas inte för.",
    en: "A document applies for years, but people change jobs. Give a role and a functional mailbox, for example `narvard@regionsormland.se`, that keeps working. Addresses configured as a role's `epost` and addresses that clearly belong to a function (info@, registrator@ …) are not flagged.",
  },
  check(ctx) {
    const functional = ctx.config.roller.flatMap((r) => (r.epost ? [r.epost] : []));
    const example = functional[0] ?? "narvard@region.se";
    const index = lineIndex(ctx.text);
    for (const m of findEmails(ctx.text)) {
      const address = `${m.local}@${m.domain}`;
      if (!isPersonalEmail(address, functional)) continue;
      const start = m.index + m.text.indexOf(m.local);
      ctx.report({
        range: index.range(start, start + address.length),
        message: {
          sv: `\`${address}\` ser ut att vara en personlig e-postadress. Dokumentet gäller längre än en person har sin tjänst: ange en roll och en funktionsbrevlåda i stället, till exempel \`${example}\`.`,
          en: `\`${address}\` looks like a personal e-mail address. The document outlasts a person's job: give a role and a functional mailbox instead, for example \`${example}\`.`,
        },
      });
    }
  },
};
