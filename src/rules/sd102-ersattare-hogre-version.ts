import type { SetRule } from "./types.js";
import type { DocumentResult } from "../core/types.js";
import { str, strings } from "./lib/data.js";
import { idOf, single } from "./lib/set.js";
import { compareParsedVersions, nextVersion, parseDocumentVersion } from "../core/document-version.js";

export const rule: SetRule = {
  id: "SD102",
  name: "ersattare-hogre-version",
  scope: "set",
  category: "samling",
  defaultSeverity: "error",
  description: {
    sv: "Ett dokument som ersätter ett annat har högre version än det ersatta.",
    en: "A document that replaces another has a higher version than the one it replaces.",
  },
  docs: {
    sv: "Versionsnumret visar vilken text som är nyast. Om `rutin-ny` (version 1.0) ersätter `rutin-gammal` (version 2.3) ser det ut som om den ersatta texten är nyare. Ge det nya dokumentet en högre version, till exempel 3.0.",
    en: "The version number shows which text is newest. If `rutin-ny` (1.0) replaces `rutin-gammal` (2.3), the replaced text looks newer. Give the new document a higher version, for example 3.0.",
  },
  check(ctx) {
    const seen = new Set<string>();
    const pairs: [DocumentResult, DocumentResult][] = [];
    const add = (successor: DocumentResult | undefined, old: DocumentResult | undefined): void => {
      if (!successor || !old || successor === old) return;
      const key = `${successor.rootPath}\0${old.rootPath}`;
      if (seen.has(key)) return;
      seen.add(key);
      pairs.push([successor, old]);
    };
    for (const doc of ctx.documents) {
      for (const entry of strings(doc.data, "ersatter")) add(doc, single(ctx, entry.value));
      add(single(ctx, str(doc.data, "ersatts_av")), doc);
    }
    for (const [successor, old] of pairs) {
      const v = str(successor.data, "version");
      const w = str(old.data, "version");
      const pv = parseDocumentVersion(v);
      const pw = parseDocumentVersion(w);
      if (v === undefined || w === undefined || !pv || !pw || compareParsedVersions(pv, pw) > 0) continue;
      const higher = nextVersion(pw, true);
      ctx.report(successor, {
        path: "/version",
        message: {
          sv: `Dokumentet ersätter \`${idOf(old) ?? old.file}\` (version ${w}) men har själv version ${v}. Det nya dokumentet ska ha en högre version, till exempel ${higher}.`,
          en: `This document replaces \`${idOf(old) ?? old.file}\` (version ${w}) but has version ${v} itself. The new document needs a higher version, for example ${higher}.`,
        },
      });
    }
  },
};
