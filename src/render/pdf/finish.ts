/**
 * What makes LibreOffice's PDF reproducible, and the check that it is the
 * accessible PDF asked for.
 *
 * Two conversions of the same Word file by the same LibreOffice (same fonts)
 * differ in exactly these bytes, measured byte by byte (LibreOffice 7.4):
 * the clock, written as the creation date in the document information
 * (`/CreationDate`) and in the XMP metadata (`xmp:CreateDate`); the file
 * identifier (`/ID`), which LibreOffice derives from the clock and the
 * file's path; and LibreOffice's `/DocChecksum` in the trailer, a hash that
 * covers the clock. Both are
 * overwritten here in place, each with a value of the same length, so the
 * cross-reference table's byte offsets stay right and nothing else of the
 * file changes: the dates become the edition's timestamp (SOURCE_DATE_EPOCH
 * or the edition date), the identifier and the checksum a hash of the
 * file's own bytes.
 * Nothing is parsed or written again, so the structure tree, the bookmarks
 * and the links are LibreOffice's, untouched.
 */
import { createHash } from "node:crypto";

/** `20261123000000`: the date's digits in UTC, as PDF and XMP dates start. */
function digits(timestamp: Date): string {
  const iso = timestamp.toISOString();
  return iso.slice(0, 19).replace(/[-T:]/g, "");
}

/** A PDF date's zone, in UTC and of the same length: `Z'` stays, `+01'00'` becomes `+00'00'`. */
function utcZone(zone: string): string | undefined {
  if (/^Z'?$/.test(zone)) return zone;
  if (/^[+-]\d\d'\d\d'?$/.test(zone)) return `+00'00${zone.endsWith("'") ? "'" : ""}`;
  return undefined;
}

function setDates(text: string, timestamp: Date): string {
  const d = digits(timestamp);
  const info = text.replace(/\/(CreationDate|ModDate)\(D:(\d{14})([^)]{0,8})\)/g, (whole, key: string, _old: string, zone: string) => {
    const utc = utcZone(zone);
    return utc === undefined ? whole : `/${key}(D:${d}${utc})`;
  });
  const xmpDate = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(8, 10)}:${d.slice(10, 12)}:${d.slice(12, 14)}`;
  return info.replace(
    /<xmp:(CreateDate|ModifyDate|MetadataDate)>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)<\/xmp:\1>/g,
    (_whole, key: string, zone: string) => `<xmp:${key}>${xmpDate}${zone === "Z" ? "Z" : "+00:00"}</xmp:${key}>`,
  );
}

const ID = /\/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]/g;
/** LibreOffice's own checksum of the document in the trailer, a hash that covers the clock too. */
const CHECKSUM = /\/DocChecksum\s*\/([0-9A-Fa-f]+)/g;

/** The last match of `pattern` in `text` (the trailer's: an updated file has one per trailer). */
function lastMatch(text: string, pattern: RegExp): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(pattern)) last = m as RegExpExecArray;
  return last;
}

/** `text` with the hexadecimal digits of `match` replaced by `value(length)`. */
function replaceHex(text: string, match: RegExpExecArray, value: (length: number) => string): string {
  const whole = match[0];
  // The digits of `<…>` (the identifier's two strings) or after the last `/` (the checksum, a name).
  const digits = whole.includes("<") ? /<([0-9A-Fa-f]+)>/g : /(?<=\/)([0-9A-Fa-f]+)$/g;
  const fixed = whole.replace(digits, (found: string, hex: string) => found.replace(hex, value(hex.length)));
  return text.slice(0, match.index) + fixed + text.slice(match.index + whole.length);
}

/** The trailer's `/ID` and LibreOffice's `/DocChecksum` set to a hash of the file's other bytes. */
function setId(text: string): string {
  const marks = [lastMatch(text, CHECKSUM), lastMatch(text, ID)].filter((m): m is RegExpExecArray => m !== undefined);
  let unhashed = text;
  for (const m of marks) unhashed = replaceHex(unhashed, m, (length) => "0".repeat(length));
  const hash = createHash("sha256").update(Buffer.from(unhashed, "latin1")).digest("hex").toUpperCase();
  let fixed = text;
  for (const m of marks) fixed = replaceHex(fixed, m, (length) => hash.repeat(Math.ceil(length / hash.length)).slice(0, length));
  return fixed;
}

/**
 * LibreOffice's PDF with the edition's timestamp for its dates and an
 * identifier from its contents: the same bytes on every build of the same
 * edition. The result has exactly the input's length.
 */
export function reproduciblePdf(pdf: Uint8Array, timestamp: Date): Uint8Array {
  // latin1 maps each byte to one character and back: offsets and binary streams survive.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const fixed = setId(setDates(text, timestamp));
  return new Uint8Array(Buffer.from(fixed, "latin1"));
}

/**
 * What a PDF lacks of the accessible PDF samdok promises: a structure tree,
 * marked content, a language. Empty when nothing is missing. An old
 * LibreOffice that did not understand the export options writes a PDF
 * without them.
 */
export function missingAccessibility(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  const missing: string[] = [];
  if (!/\/StructTreeRoot\s+\d+\s+\d+\s+R/.test(text)) missing.push("/StructTreeRoot");
  if (!/\/MarkInfo\s*<<\s*\/Marked\s+true/.test(text)) missing.push("/MarkInfo /Marked true");
  if (!/\/Lang\s*\(/.test(text)) missing.push("/Lang");
  return missing;
}
