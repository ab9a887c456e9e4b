import path from "node:path";

/** A path with forward slashes, as shown to users and written in reports. */
export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** Relative POSIX path from `from` to `to`; "." for the same folder. */
export function relativePosix(from: string, to: string): string {
  return toPosix(path.relative(from, to)) || ".";
}

/** True when `child` is `parent` or lies inside it (after resolving). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}
