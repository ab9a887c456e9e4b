/**
 * Stable Word bookmark names for documents and headings. Word allows at most
 * 40 characters, a letter first, and only letters, digits and underscores.
 * A readable part (ASCII-folded) keeps them recognisable in Word's bookmark
 * list; a hash of the full id and slug keeps them unique, so they depend on
 * nothing but the document id and the heading's GitHub slug.
 */
import { createHash } from "node:crypto";

const MAX = 40;
const HASH = 8;

function hash(text: string): string {
  return createHash("sha1").update(text).digest("hex").slice(0, HASH);
}

/** "Arbetsgång" → "arbetsgang"; "rutin-x" → "rutin_x". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function name(prefix: string, readable: string, key: string): string {
  const room = MAX - prefix.length - 1 - HASH;
  const part = fold(readable).slice(0, room).replace(/_+$/, "");
  return `${prefix}${part}_${hash(key)}`;
}

/** The bookmark on a document's title (its Heading 1). */
export function documentBookmark(id: string): string {
  return name("d_", id, `doc:${id}`);
}

/** The bookmark on a heading of a document's text, by its GitHub slug. */
export function headingBookmark(id: string, slug: string): string {
  return name("h_", slug, `heading:${id}#${slug}`);
}

/** Word's rules for a bookmark name. */
export function isValidBookmark(value: string): boolean {
  return value.length <= MAX && /^[A-Za-z][A-Za-z0-9_]*$/.test(value);
}
