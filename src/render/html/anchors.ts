/**
 * Ids and file names of the HTML edition. They depend only on document ids
 * and heading slugs, never on build order or chance, so links and bookmarks
 * keep working from one edition to the next.
 *
 * - A document's page is `<id>.html`; its headings keep their GitHub slug
 *   (`rutin-x.html#arbetsgång`), as the links in the Markdown are written.
 * - In the consolidated edition a document is `#<id>` and its headings are
 *   `#<id>--<slug>`, so that the same heading text in two documents never
 *   gives the same id.
 * - Ids the page itself uses (metadata, footnotes) contain `__`, which a
 *   heading slug practically never does.
 * - html-validate wants ids to start with a letter and contain only letters,
 *   digits, `-` and `_`; slugs that do not (`1-syfte`) get an `h-` prefix.
 */
import type { EditionDocument } from "../edition.js";

/** Names a page may not take, because the edition itself uses them (as files, or as the id of <main>). */
const RESERVED_PAGES = new Set(["index", "samlad-utgava", "innehall"]);

/** A valid id part: only letters, digits, `-` and `_`. */
export function idPart(value: string): string {
  const cleaned = value.normalize("NFC").replace(/[^\p{L}\p{N}_-]+/gu, "-");
  return cleaned === "" ? "rubrik" : cleaned;
}

/** A valid id: `idPart`, starting with a letter. */
export function validId(value: string): string {
  const part = idPart(value);
  return /^\p{L}/u.test(part) ? part : `h-${part}`;
}

/**
 * The page name (without `.html`) of every document in the edition:
 * `<id>`, or `<set folder>--<id>` when two sets of the edition share an id,
 * or `dokument-<id>` for the few ids the edition's own pages use.
 */
export function pageNames(documents: readonly EditionDocument[]): Map<EditionDocument, string> {
  const count = new Map<string, number>();
  for (const d of documents) count.set(d.doc.id, (count.get(d.doc.id) ?? 0) + 1);
  const names = new Map<EditionDocument, string>();
  const used = new Set<string>();
  for (const d of documents) {
    let name = d.doc.id;
    if ((count.get(name) ?? 0) > 1) name = `${setFolder(d)}--${name}`;
    if (RESERVED_PAGES.has(name)) name = `dokument-${name}`;
    let unique = name;
    for (let i = 2; used.has(unique); i++) unique = `${name}-${i}`;
    used.add(unique);
    names.set(d, unique);
  }
  return names;
}

function setFolder(d: EditionDocument): string {
  const base = d.loaded.root.split(/[\\/]/).filter(Boolean).pop() ?? "samling";
  return idPart(base.toLowerCase());
}

/**
 * Heading ids of one document, slug → id. On a document page the id is the
 * slug itself (made valid); `reserved` are ids the page already uses.
 * In the consolidated edition it is `<document anchor>--<slug>`.
 */
export function headingIds(
  slugs: readonly string[],
  prefix: string | undefined,
  reserved: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set(reserved);
  for (const slug of slugs) {
    if (ids.has(slug)) continue;
    let id = prefix === undefined ? validId(slug) : `${prefix}--${idPart(slug)}`;
    if (used.has(id)) id = `${id}__${ids.size + 1}`;
    used.add(id);
    ids.set(slug, id);
  }
  return ids;
}
