/**
 * A build of several sets writes an edition per set (render/edition.ts
 * `setEdition`); each set's redline edition lists only its own changed, new
 * and removed documents. Two sets may have documents of the same id, so the
 * edition's lists of ids cannot be split by id: what each document is
 * (changed, new) and which set a removed document was of are noted here
 * when they are found (base.ts, revision.ts), without a field in the
 * contract every renderer reads.
 */
import type { RedlineEdition, RedlineRemoved } from "./types.js";

type Kind = "changed" | "added";

const kindOf = new WeakMap<object, Kind>();
const setOfRemoved = new WeakMap<RedlineRemoved, string>();

/** Notes that the edition document `d` is changed or new since REF. */
export function noteKind(d: object, kind: Kind): void {
  kindOf.set(d, kind);
}

/** Notes that `removed` was a document of the set whose root (absolute) is `root`. */
export function noteRemovedSet(removed: RedlineRemoved, root: string): RedlineRemoved {
  setOfRemoved.set(removed, root);
  return removed;
}

/**
 * The part of `redline` about one set, as fields to spread into the set's
 * edition: its own documents' changes (edition order kept) and the removed
 * documents of its root. Nothing when the build is no redline.
 */
export function redlineOfSet(
  redline: RedlineEdition | undefined,
  documents: readonly { doc: { id: string } }[],
  root: string,
): { redline?: RedlineEdition } {
  if (!redline) return {};
  const ids = (kind: Kind): string[] => documents.filter((d) => kindOf.get(d) === kind).map((d) => d.doc.id);
  return {
    redline: {
      ...redline,
      changed: ids("changed"),
      added: ids("added"),
      removed: redline.removed.filter((r) => setOfRemoved.get(r) === root),
    },
  };
}
