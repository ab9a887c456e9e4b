import type { DocumentRule } from "./types.js";
import { entries, str } from "./lib/data.js";

export const rule: DocumentRule = {
  id: "SD124",
  name: "uppfoljning-kravs",
  scope: "document",
  category: "datum",
  defaultSeverity: "error",
  description: {
    sv: "En överenskommelse har minst en planerad uppföljning (`uppfoljning`).",
    en: "An agreement has at least one planned follow-up (`uppfoljning`).",
  },
  docs: {
    sv: "Parterna i en överenskommelse ska kunna se att den fungerar. Planera minst en uppföljning med datum, ansvarig roll och vad som följs upp. I ett utkast är detta en varning, i en överenskommelse på remiss eller fastställd ett fel; upphävda överenskommelser kontrolleras inte. Exempel:\n\n```yaml\nuppfoljning:\n  - datum: 2026-10-31\n    ansvarig: narvardskoordinator\n    beskrivning: Antal dagar med betalningsansvar per kommun.\n```",
    en: "The parties to an agreement must be able to see that it works. Plan at least one follow-up with a date, a responsible role and what is followed up. In a draft this is a warning, otherwise an error; repealed agreements are not checked.",
  },
  check(ctx) {
    // A repealed agreement is archived as it was.
    if (str(ctx.data, "dokumenttyp") !== "överenskommelse" || str(ctx.data, "status") === "upphävd") return;
    if (entries(ctx.data, "uppfoljning").length > 0) return;
    const draft = str(ctx.data, "status") === "utkast";
    const hasKey = "uppfoljning" in ctx.data;
    ctx.report({
      path: hasKey ? "/uppfoljning" : "/dokumenttyp",
      key: hasKey,
      ...(draft ? { severity: "warning" as const } : {}),
      message: {
        sv: `En överenskommelse ska ha minst en planerad uppföljning, men ${hasKey ? "listan `uppfoljning` är tom" : "fältet `uppfoljning` saknas"}. Lägg till till exempel \`uppfoljning: [{datum: 2026-10-31, ansvarig: ${ctx.config.roller[0]?.id ?? "narvardskoordinator"}, beskrivning: Vad som följs upp.}]\`.`,
        en: `An agreement needs at least one planned follow-up, but ${hasKey ? "the `uppfoljning` list is empty" : "the `uppfoljning` field is missing"}. Add for example \`uppfoljning: [{datum: 2026-10-31, ansvarig: ${ctx.config.roller[0]?.id ?? "narvardskoordinator"}, beskrivning: What is followed up.}]\`.`,
      },
    });
  },
};
