/** Version numbers MAJOR.MINOR, compared as numbers: 1.10 is newer than 1.9. */

const VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

export function parseVersion(v: unknown): [number, number] | undefined {
  if (typeof v !== "string") return undefined;
  const m = VERSION.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Negative when a < b, 0 when equal, positive when a > b; undefined when either is not a version. */
export function compareVersions(a: unknown, b: unknown): number | undefined {
  const pa = parseVersion(a);
  const pb = parseVersion(b);
  if (!pa || !pb) return undefined;
  return pa[0] - pb[0] || pa[1] - pb[1];
}
