/** "Did you mean …?" for misspelt keys and values. */

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[_\s-]+/g, "_");
}

/**
 * The edit distance of `a` and `b` when it is at most `bound`, else
 * `bound + 1`. Only the cells within `bound` of the diagonal can stay within
 * the bound, so only they are computed (a band), and the rows stop as soon
 * as every cell in one is over it: comparing an id with thousands of
 * similar ids costs a few cells each once a close one has been found.
 */
function boundedDistance(a: string, b: string, bound: number): number {
  const far = bound + 1;
  if (Math.abs(a.length - b.length) > bound) return far;
  let prev = rowA.length > b.length ? rowA : (rowA = new Int32Array(b.length * 2 + 2));
  let cur = rowB.length > b.length ? rowB : (rowB = new Int32Array(b.length * 2 + 2));
  for (let j = 0; j <= b.length; j++) prev[j] = j <= bound ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(b.length, i + bound);
    cur[0] = i <= bound ? i : far;
    cur[lo - 1] = lo === 1 ? cur[0] : far;
    let rowMin = lo === 1 ? cur[0] : far;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const diagonal = (prev[j - 1] as number) + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const cell = Math.min(diagonal, (prev[j] as number) + 1, (cur[j - 1] as number) + 1, far);
      cur[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (hi < b.length) cur[hi + 1] = far;
    if (rowMin > bound) return far;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[b.length] as number, far);
}
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Folded candidates and earlier answers, per list of candidates: a set-wide
 * rule asks about many inputs (often the same one) against the same list of
 * thousands of ids.
 */
const remembered = new WeakMap<readonly string[], { folded: string[]; counts: Int16Array[]; answers: Map<string, string | undefined> }>();

/**
 * How often each pair of neighbouring characters occurs, in 128 buckets. An
 * edit removes at most two pairs and adds at most two, so a quarter of the
 * summed difference of two strings' counts is a lower bound of their edit
 * distance: most candidates are ruled out by it without computing their
 * distance.
 */
function pairCounts(s: string): Int16Array {
  const counts = new Int16Array(128);
  for (let i = 1; i < s.length; i++) (counts[(s.charCodeAt(i - 1) * 31 + s.charCodeAt(i)) & 127] as number)++;
  return counts;
}

function countsBound(a: Int16Array, b: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < 128; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return Math.ceil(sum / 4);
}

/** The candidate closest to `input`, when it is close enough to be a likely typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  let known = remembered.get(candidates);
  if (!known) {
    const folded = candidates.map(fold);
    remembered.set(candidates, (known = { folded, counts: folded.map(pairCounts), answers: new Map() }));
  }
  if (known.answers.has(input)) return known.answers.get(input);
  const folded = fold(input);
  // Only a candidate within the limit is ever suggested; of those, the first with the smallest distance.
  const limit = Math.max(2, Math.floor(folded.length / 3));
  const counts = pairCounts(folded);
  let best: string | undefined;
  let bestScore = limit + 1;
  for (let i = 0; i < candidates.length; i++) {
    const c = known.folded[i] as string;
    if (Math.abs(c.length - folded.length) >= bestScore || countsBound(counts, known.counts[i] as Int16Array) >= bestScore) continue;
    const score = c === folded ? 0 : boundedDistance(folded, c, bestScore - 1);
    if (score < bestScore) {
      bestScore = score;
      best = candidates[i];
      if (score === 0) break;
    }
  }
  const answer = best === undefined || best === input ? undefined : best;
  known.answers.set(input, answer);
  return answer;
}
