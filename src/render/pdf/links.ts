/**
 * Links between the per-document PDFs. A per-document Word file links to
 * another document of the edition as `rutin-x.docx` (docx/links.ts); in the
 * PDF edition that link must open `rutin-x.pdf`. LibreOffice exports a link
 * as it stands in the Word file, so the copy of the Word file that is
 * converted gets `.pdf` targets first: only in its relationship parts, only
 * for external targets that name a document published in the edition (a web
 * address ending in .docx is left alone).
 *
 * A `#bookmark` (a heading in the other document; Word keeps it in the
 * hyperlink's `w:anchor`, beside the relationship) is kept, in the form
 * LibreOffice names the PDF's destinations: it exports each Word bookmark
 * as a named destination (ExportBookmarksToPDFDestination), but writes every
 * character other than a letter, a digit or `-` as its hexadecimal code
 * (`h_syfte_c2ab1794` → `h5Fsyfte5Fc2ab1794`), and a link's address as it
 * stands. The test of the PDF edition checks that each such link names a
 * destination its target file has.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A bookmark name as LibreOffice names its PDF destination (vcl's appendDestinationName, for ASCII names). */
export function destinationName(bookmark: string): string {
  return [...bookmark].map((c) => (/[A-Za-z0-9-]/.test(c) ? c : (c.charCodeAt(0) & 0xff).toString(16).toUpperCase())).join("");
}

/** A relationships part (`word/_rels/document.xml.rels`) and the part whose links it holds (`word/document.xml`). */
const RELS_OF = /^word\/_rels\/([^/]+)\.rels$/;

/** Word keeps a link's `#bookmark` in the hyperlink's `w:anchor`, its file in the relationship. */
function retargetAnchors(xml: string, ids: ReadonlySet<string>): string {
  return xml.replace(/<w:hyperlink\b[^>]*>/g, (tag) => {
    const id = /\br:id="([^"]+)"/.exec(tag)?.[1];
    if (id === undefined || !ids.has(id)) return tag;
    // A fragment that is not a bookmark name samdok writes leads to the file's start.
    return tag.replace(/\s\bw:anchor="([^"]*)"/, (_m, anchor: string) =>
      /^[A-Za-z0-9_-]+$/.test(anchor) ? ` w:anchor="${destinationName(anchor)}"` : "",
    );
  });
}

/**
 * The Word file with its links to `<name>.docx` (for each name in `names`,
 * the per-document file names without extension) pointing at `<name>.pdf`,
 * and their bookmarks named as the PDF's destinations. Returns the input
 * itself when it has no such link.
 */
export function linkToPdfs(docx: Uint8Array, names: readonly string[]): Uint8Array {
  if (names.length === 0) return docx;
  const files = unzipSync(docx);
  const alternatives = names.map((n) => escapeRegExp(encodeURIComponent(n))).join("|");
  const target = new RegExp(`(\\bTarget=")(${alternatives})\\.docx(?:#([^"]*))?"`);
  const retarget = (_m: string, start: string, name: string, fragment: string | undefined): string =>
    `${start}${name}.pdf${fragment && /^[A-Za-z0-9_-]+$/.test(fragment) ? `#${destinationName(fragment)}` : ""}"`;
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    const part = RELS_OF.exec(name)?.[1];
    if (part === undefined) continue;
    const ids = new Set<string>();
    const xml = strFromU8(data);
    const updated = xml.replace(/<Relationship\b[^>]*>/g, (rel) => {
      if (!/\bTargetMode="External"/.test(rel) || !target.test(rel)) return rel;
      const id = /\bId="([^"]+)"/.exec(rel)?.[1];
      if (id !== undefined) ids.add(id);
      return rel.replace(target, retarget);
    });
    if (updated === xml) continue;
    files[name] = strToU8(updated);
    const linked = files[`word/${part}`];
    if (linked) files[`word/${part}`] = strToU8(retargetAnchors(strFromU8(linked), ids));
    changed = true;
  }
  if (!changed) return docx;
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: 6 }];
  return zipSync(zippable);
}
