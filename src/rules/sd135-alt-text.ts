import { visit } from "unist-util-visit";
import type { DocumentRule } from "./types.js";

export const rule: DocumentRule = {
  id: "SD135",
  name: "alt-text",
  scope: "document",
  category: "struktur",
  defaultSeverity: "error",
  description: {
    sv: "Varje bild har en alternativtext som beskriver den.",
    en: "Every image has alternative text that describes it.",
  },
  docs: {
    sv: "Den som inte ser bilden får alternativtexten uppläst i stället (WCAG 1.1.1, krav enligt DOS-lagen). Skriv vad bilden visar eller vad den ska säga, till exempel `![Flödet från inskrivning till hemgång i fyra steg](bilder/flode.png)`.",
    en: "A reader who cannot see the image gets the alternative text instead (WCAG 1.1.1, required by the Swedish accessibility law). Say what the image shows or means, e.g. `![The flow from admission to going home in four steps](bilder/flode.png)`.",
  },
  check(ctx) {
    // Every image, inline or by reference, starts with "![".
    if (!ctx.text.includes("![")) return;
    visit(ctx.mdast(), (node) => {
      if (node.type !== "image" && node.type !== "imageReference") return;
      if ((node.alt ?? "").trim() !== "") return;
      const target = node.type === "image" ? node.url : `[${node.label ?? node.identifier}]`;
      ctx.report({
        node,
        message: {
          sv: `Bilden \`${target}\` saknar alternativtext. Skriv vad bilden visar mellan hakparenteserna, till exempel \`![Flödet från inskrivning till hemgång](${node.type === "image" ? node.url : "bild.png"})\`.`,
          en: `The image \`${target}\` has no alternative text. Say what it shows between the brackets, for example \`![The flow from admission to going home](${node.type === "image" ? node.url : "image.png"})\`.`,
        },
      });
    });
  },
};
