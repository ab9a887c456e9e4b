/**
 * The version number of a document: "MAJOR.MINOR" ("2.1"), compared as
 * numbers, so 1.10 is newer than 1.9. (samdok's own version is
 * core/version.ts, a different thing.)
 *
 * Reading, comparing and raising a version live here and nowhere else. The
 * schema (samverkansdokument.schema.json) requires the strict form, without
 * leading zeros, and that is what the helpers accept unless told otherwise.
 * Some callers read values the schema never checked — a document at a git
 * base, a document with schema errors — and have always been more lenient
 * there; those forms are kept, under their own option or name, so that no
 * caller's behaviour changed when the copies were merged.
 */

/** [major, minor], as numbers. */
export type DocumentVersion = readonly [major: number, minor: number];

/** The schema's form: "0.1", "2.10"; not "01.2", "1.00", "1" or "1.0.1". */
const STRICT = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
/** Any ASCII digits either side of the dot: also "01.2" and "1.00". */
const DIGITS = /^([0-9]+)\.([0-9]+)$/;

export interface VersionReading {
  /**
   * Also accept leading zeros ("01.2" reads as 1.2). For values the schema
   * has not checked, where a near-miss should still be compared rather than
   * skipped: the change rules (SD302, SD303, SD307) and `samdok revise`.
   */
  leadingZeros?: boolean;
}

/** [major, minor] of a version, or undefined when `value` is not one (not a string, or not in the form). */
export function parseDocumentVersion(value: unknown, options: VersionReading = {}): DocumentVersion | undefined {
  if (typeof value !== "string") return undefined;
  const m = (options.leadingZeros === true ? DIGITS : STRICT).exec(value);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** True for a version in the schema's form. */
export function isDocumentVersion(value: unknown): value is string {
  return parseDocumentVersion(value) !== undefined;
}

/** Negative when a is older than b, 0 when equal, positive when a is newer. */
export function compareParsedVersions(a: DocumentVersion, b: DocumentVersion): number {
  return a[0] - b[0] || a[1] - b[1];
}

/**
 * Compares two values in the schema's form: negative, 0 or positive as in
 * compareParsedVersions; undefined when either is not a version, so that a
 * rule reports the bad value once (SD005) instead of a wrong order too.
 */
export function compareDocumentVersions(a: unknown, b: unknown): number | undefined {
  const pa = parseDocumentVersion(a);
  const pb = parseDocumentVersion(b);
  return pa && pb ? compareParsedVersions(pa, pb) : undefined;
}

/** The version after `v`, as text: 2.1 → "2.2"; with `major`, 2.1 → "3.0". For suggestions in messages. */
export function nextVersion(v: DocumentVersion, major: boolean): string {
  return major ? `${v[0] + 1}.0` : `${v[0]}.${v[1] + 1}`;
}

/**
 * Raises a written version for `samdok revise`: "1.4" → "1.5"; with `major`,
 * "1.4" → "2.0". Leading zeros are accepted, and a minor step keeps the
 * major exactly as written ("01.4" → "01.5"): revise changes the one number
 * it is asked to and leaves the rest of the text as the author wrote it.
 * Throws a RangeError when `version` is not a version at all.
 */
export function bumpVersion(version: string, major: boolean): string {
  const v = parseDocumentVersion(version, { leadingZeros: true });
  if (!v) throw new RangeError(`not a version: ${version}`);
  return major ? nextVersion(v, true) : `${version.slice(0, version.indexOf("."))}.${v[1] + 1}`;
}

/**
 * An order for sorting versions the schema may have refused (the status
 * report sorts a party's adoptions of the same day with it): split at the
 * dots, compare the first two parts as numbers, a missing part counting as 0.
 * So "1" equals "1.0", "1.2.3" equals "1.2" and "01.2" equals "1.2". A part
 * that is not a number gives NaN: in the major it is passed over (the minors
 * decide), in the minor the result is NaN, which a sort treats as "equal".
 * Never undefined, unlike compareDocumentVersions, so a sort never has to ask.
 */
export function compareVersionsLoosely(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}
