import type { ChangeRule } from "./lib/change-context.js";

export const rule: ChangeRule = {
  id: "SD306",
  name: "dokument-tas-inte-bort",
  scope: "change",
  category: "andring",
  defaultSeverity: "error",
  description: {
    sv: "Pull request: ett dokument tas aldrig bort ur samlingen; det upphävs (status upphävd) och finns kvar för arkivet.",
    en: "Pull request: a document is never deleted from the set; it is repealed (status upphävd) and kept for the archive.",
  },
  docs: {
    sv:
      "Körs med `samdok validate --changed-since REF`. Fastställda samverkansdokument är allmänna handlingar som enligt arkivlagen ska bevaras; samlingen är deras arkiv. Ett dokument som inte längre gäller upphävs i stället för att tas bort:\n\n" +
      "status: upphävd\nupphavd_datum: 2026-12-31\nersatts_av: nytt-id   # om det ersatts\n\n" +
      "Fyndet står på samlingens samdok.config.json (filen som togs bort finns ju inte längre) och namnger den borttagna filen. Ett utkast som aldrig gått på remiss eller fastställts får tas bort; det ger bara en varning.",
    en:
      "Runs with `samdok validate --changed-since REF`. Adopted documents are public records that the archives act requires to be kept; the set is their archive. A document that no longer applies is repealed instead of deleted:\n\n" +
      "status: upphävd\nupphavd_datum: 2026-12-31\nersatts_av: new-id   # when replaced\n\n" +
      "The finding is reported on the set's samdok.config.json (the deleted file no longer exists) and names the deleted file. A draft that never went on consultation or was adopted may be deleted; that is only a warning.",
  },
  checkChange(ctx) {
    for (const d of ctx.deleted) {
      const status = typeof d.data?.status === "string" ? d.data.status : undefined;
      const id = typeof d.data?.id === "string" ? d.data.id : undefined;
      const version = typeof d.data?.version === "string" ? d.data.version : undefined;
      const draft = status === undefined || status === "utkast";
      const facts = [id ? `id \`${id}\`` : "", status ? `status ${status}` : "", version ? `version ${version}` : ""]
        .filter((s) => s !== "")
        .join(", ");
      ctx.reportOnSet({
        severity: draft ? "warning" : "error",
        message: draft
          ? {
              sv: `${d.display} har tagits bort${facts ? ` (i basversionen (${ctx.ref}): ${facts})` : ""}. Ett utkast får tas bort, men kontrollera att det inte har skickats ut eller diarieförts: då är det en allmän handling som ska bevaras.`,
              en: `${d.display} has been deleted${facts ? ` (at the base version (${ctx.ref}): ${facts})` : ""}. A draft may be deleted, but check that it was not sent out or registered: then it is a public record that must be kept.`,
            }
          : {
              sv: `${d.display} har tagits bort, men i basversionen (${ctx.ref}) var det ett dokument med ${facts}. Ett dokument tas aldrig bort: återställ filen och upphäv dokumentet i stället (status: upphävd, upphavd_datum och vid behov ersatts_av). Det ska finnas kvar för arkivet.`,
              en: `${d.display} has been deleted, but at the base version (${ctx.ref}) it was a document with ${facts}. A document is never deleted: restore the file and repeal the document instead (status: upphävd, upphavd_datum and, if replaced, ersatts_av). It must be kept for the archive.`,
            },
      });
    }
  },
};
