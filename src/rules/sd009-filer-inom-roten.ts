import type { SetRule } from "./types.js";
import { fileProblemMessage, linkedFiles } from "./lib/linked-files.js";

/**
 * The safety half of the linked-file checks, apart from SD134 so that no
 * configuration (which a pull request can change as easily as a document)
 * can switch it off: a link or picture must not lead, through a symbolic
 * link, out of the document root, nor to a special file. The editions refuse
 * such files on their own too (src/core/safe-file.ts); this rule makes the
 * pull request fail where it is reviewed.
 */
export const rule: SetRule = {
  id: "SD009",
  name: "filer-inom-roten",
  scope: "set",
  category: "fil",
  configurable: false,
  defaultSeverity: "error",
  readsFiles: true,
  description: {
    sv: "Länkade filer och bilder är vanliga filer vars verkliga sökväg, symboliska länkar följda, ligger inom dokumentroten.",
    en: "Linked files and images are ordinary files whose real path, symbolic links followed, lies inside the document root.",
  },
  docs: {
    sv: "En symbolisk länk (genväg) kan leda till vilken fil som helst på datorn, till exempel `/etc/passwd` eller `/proc/self/environ` med byggmaskinens hemligheter, och git sparar sådana länkar. samdok läser och publicerar därför bara vanliga filer vars verkliga sökväg ligger inom mappen med samdok.config.json; en genväg ut ur den och specialfiler (namngivna kanaler, enheter, filer under `/proc`, `/sys` och `/dev`) är fel. Regeln kan inte stängas av i `regler`. Ersätt genvägen med en kopia av filen.",
    en: "A symbolic link can lead to any file on the computer, for example `/etc/passwd` or `/proc/self/environ` with the build machine's secrets, and git stores such links. samdok therefore reads and publishes only ordinary files whose real path lies inside the folder with samdok.config.json; a link out of it and special files (named pipes, devices, files under `/proc`, `/sys` and `/dev`) are errors. The rule cannot be switched off in `regler`. Replace the link with a copy of the file.",
  },
  check(ctx) {
    for (const { doc, range, image, what, resolved, found } of linkedFiles(ctx)) {
      if (!found || found.ok || (found.problem !== "outside" && found.problem !== "special")) continue;
      ctx.report(doc, {
        range,
        message: fileProblemMessage(found.problem, what, resolved.written, resolved.rootPath ?? "", image, found.size ?? 0),
      });
    }
  },
};
