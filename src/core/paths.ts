import path from "node:path";

/** A path with forward slashes, as shown to users and written in reports. */
export function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** True when `child` is `parent` or lies inside it (after resolving). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}
