import type { Out } from "./io.js";
import { safeText } from "../core/safe-text.js";

/**
 * Progress on stderr for long work, only when stderr is a terminal: a single
 * line rewritten in place, cleared when done. Nothing at all in CI or pipes.
 */
export function progress(out: Out, label: string, minTotal = 200): { tick(done: number, total: number): void; done(): void } {
  if (out.isTTY !== true) return { tick() {}, done() {} };
  let last = -1;
  let shown = false;
  return {
    tick(done, total) {
      if (total < minTotal) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last) return;
      last = pct;
      shown = true;
      out.write(`\r${safeText(label)} ${done}/${total} (${pct} %)`);
    },
    done() {
      if (shown) out.write("\r\u001b[2K");
    },
  };
}
