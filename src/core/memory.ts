/**
 * A full garbage collection on request, for the one place where it pays: the
 * Word edition, between compiling a large file and zipping it (see
 * render/docx/index.ts).
 *
 * Not while parsing: a collection every hundred parsed documents kept the
 * validation's peak lower (155–200 against 230–240 MB for 2,000 documents, --jobs
 * 1), but the run took 5 to 11 s longer and 13 to 22 s more CPU time
 * (27–36 s against 20–31 s, five runs each on a 2-core machine), far more
 * than the collections themselves (10–20 ms each in --trace-gc). V8 seems
 * to drop compiled code on a forced collection, to compile it again later.
 * Instead, workers do the parsing in heaps of capped size (parallel.ts).
 */
import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | undefined | null;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString("--expose-gc");
    collect = vm.runInNewContext("gc") as () => void;
  } catch {
    collect = null;
  }
  return collect;
}

/** A full collection now (nothing, where the runtime does not allow one). */
export function collectGarbage(): void {
  collector()?.();
}
