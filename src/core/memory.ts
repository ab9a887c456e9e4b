/**
 * Keeps peak memory proportional to what a run really holds. Parsing
 * thousands of documents makes a lot of short-lived garbage, and V8 on a
 * machine with much memory lets the heap grow far past the live data before
 * it collects. A full collection every hundred parsed documents (in each
 * thread that parses, in runs of over 1,500 documents) keeps the peak near
 * the live set, at a cost of a few per cent of the run time.
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

/** Call with a running count; collects each time it passes another `every`. */
export function collectEvery(every: number): (count: number) => void {
  let last = 0;
  return (count) => {
    if (count - last >= every) {
      last = count;
      collector()?.();
    }
  };
}
