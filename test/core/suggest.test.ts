import { describe, expect, it } from "vitest";
import { closest } from "../../src/core/suggest.js";

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The plain algorithm: every candidate's full distance, the first smallest, if within the limit. */
function reference(input: string, candidates: readonly string[]): string | undefined {
  const fold = (s: string): string =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[_\s-]+/g, "_");
  const folded = fold(input);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = fold(candidate);
    const score = c === folded ? 0 : editDistance(folded, c);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  if (best === undefined || best === input) return undefined;
  return bestScore <= Math.max(2, Math.floor(folded.length / 3)) ? best : undefined;
}

describe("closest: Menade du …?", () => {
  it("suggests the likely typo and nothing far away", () => {
    expect(closest("faststäld", ["utkast", "remiss", "fastställd", "upphävd"])).toBe("fastställd");
    expect(closest("narvardskordinator", ["mas", "narvardskoordinator"])).toBe("narvardskoordinator");
    expect(closest("helt-annat-id", ["rutin-utskrivning", "riktlinje-sip"])).toBeUndefined();
    expect(closest("mas", ["mas", "MAS"])).toBeUndefined();
  });

  it("answers as the plain algorithm does, for thousands of random inputs, and again from memory", () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (): string =>
      Array.from({ length: 3 + Math.floor(random() * 14) }, () => "abcdeåäö-_ "[Math.floor(random() * 11)]).join("");
    const candidates = Array.from({ length: 300 }, word);
    let suggested = 0;
    for (let i = 0; i < 1500; i++) {
      // Half of the inputs are small edits of a candidate.
      const base = candidates[Math.floor(random() * candidates.length)] as string;
      const input =
        random() < 0.5
          ? word()
          : base.slice(0, Math.floor(random() * base.length)) + word().slice(0, 2) + base.slice(Math.floor(random() * base.length));
      const want = reference(input, candidates);
      expect(closest(input, candidates), input).toBe(want);
      expect(closest(input, candidates), input).toBe(want);
      if (want !== undefined) suggested++;
    }
    expect(suggested).toBeGreaterThan(100);
  });
});
