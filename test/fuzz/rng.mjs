/**
 * A small deterministic PRNG (mulberry32) and the helpers the fuzzer draws
 * with. Every iteration gets its own generator, seeded from the run's seed and
 * the iteration's number, so one iteration can be replayed on its own
 * (`--start N --iterations 1`).
 */

/** 32-bit FNV-1a of a string, then a murmur3 finaliser. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  constructor(seed) {
    this.next = mulberry32(typeof seed === "number" ? seed : hash32(String(seed)));
  }
  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }
  /** An integer in [min, max]. */
  range(min, max) {
    return min + this.int(max - min + 1);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    return items[this.int(items.length)];
  }
  /** An integer in [min, max], log-uniform: small values are as likely as large decades. */
  logInt(min, max) {
    const lo = Math.log(min);
    const hi = Math.log(max + 1);
    return Math.min(max, Math.floor(Math.exp(lo + this.next() * (hi - lo))));
  }
  /** Picks from [[weight, value], ...]. */
  weighted(pairs) {
    const total = pairs.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of pairs) {
      if ((r -= w) < 0) return v;
    }
    return pairs[pairs.length - 1][1];
  }
  /** `count` distinct items, in random order. */
  sample(items, count) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, Math.min(count, copy.length));
  }
}
