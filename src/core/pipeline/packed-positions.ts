/**
 * Front-matter positions in a compact form: the ranges as one string of
 * numbers, in the order of a walk over the parsed data, so that the pointers
 * need not be stored. About a tenth of the memory of a PositionMap, and cheap
 * to unpack when a set-wide rule reports on a document.
 *
 * The walk visits object keys in insertion order and array items in order,
 * as the YAML tree does. Where the two could differ (an array-index-like key,
 * which JavaScript orders first, or an alias, which the data expands), the
 * positions are not packed and callers fall back to parsing the file again.
 */
import type { PositionMap, Range } from "../types.js";
import { escapePointer } from "../front-matter.js";

const INDEX_LIKE = /^(0|[1-9][0-9]*)$/;

function walk(value: unknown, pointer: string, visit: (pointer: string) => boolean): boolean {
  if (!visit(pointer)) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!walk(value[i], `${pointer}/${i}`, visit)) return false;
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (INDEX_LIKE.test(key)) return false;
      if (!walk((value as Record<string, unknown>)[key], `${pointer}/${escapePointer(key)}`, visit)) return false;
    }
  }
  return true;
}

/** Packs the positions of `data`'s values; undefined when they cannot be packed faithfully. */
export function packPositions(data: unknown, positions: PositionMap): string | undefined {
  const numbers: number[] = [];
  let count = 0;
  const ok = walk(data, "", (pointer) => {
    const entry = positions[pointer];
    if (!entry) return false;
    count++;
    numbers.push(...entry.v, ...(entry.k ?? [0, 0, 0, 0]));
    return true;
  });
  if (!ok || count !== Object.keys(positions).length) return undefined;
  return numbers.join(",");
}

export function unpackPositions(data: unknown, packed: string): PositionMap | undefined {
  const numbers = packed.split(",").map(Number);
  const map: PositionMap = {};
  let at = 0;
  const ok = walk(data, "", (pointer) => {
    if (at + 8 > numbers.length) return false;
    const v = numbers.slice(at, at + 4) as Range;
    const k = numbers.slice(at + 4, at + 8) as Range;
    at += 8;
    map[pointer] = k[0] === 0 ? { v } : { v, k };
    return true;
  });
  return ok && at === numbers.length ? map : undefined;
}

/** How many positions a value has in the walk: itself and everything under it. */
function nodeCount(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 1;
    for (const item of value) n += nodeCount(item);
    return n;
  }
  if (value !== null && typeof value === "object") {
    let n = 1;
    for (const key of Object.keys(value)) n += nodeCount((value as Record<string, unknown>)[key]);
    return n;
  }
  return 1;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * Where `pointer` (or its nearest existing ancestor) stands, read straight
 * from the packed form, as `locate` in schema.ts would find it in the
 * unpacked map. A set-wide rule reports on thousands of documents once each;
 * this reads the eight numbers it needs instead of unpacking the whole map.
 * Undefined when the packed form does not fit the data.
 */
export function locatePacked(data: unknown, packed: string, pointer: string, preferKey: boolean): Range | undefined {
  let index = 0;
  let value: unknown = data;
  const segments = pointer === "" ? [] : pointer.slice(1).split("/").map(unescapePointer);
  for (const segment of segments) {
    let child = index + 1;
    if (Array.isArray(value)) {
      if (!INDEX_LIKE.test(segment) || Number(segment) >= value.length) break;
      const at = Number(segment);
      for (let i = 0; i < at; i++) child += nodeCount(value[i]);
      value = value[at];
    } else if (value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      const at = keys.indexOf(segment);
      if (at === -1) break;
      for (let i = 0; i < at; i++) child += nodeCount((value as Record<string, unknown>)[keys[i] as string]);
      value = (value as Record<string, unknown>)[segment];
    } else {
      break;
    }
    index = child;
  }
  // The numbers of entry `index`: skip 8 × index commas.
  let start = 0;
  for (let skip = index * 8; skip > 0; skip--) {
    const comma = packed.indexOf(",", start);
    if (comma === -1) return undefined;
    start = comma + 1;
  }
  const numbers: number[] = [];
  for (let i = 0; i < 8; i++) {
    const comma = packed.indexOf(",", start);
    const end = comma === -1 ? packed.length : comma;
    if (start > packed.length) return undefined;
    numbers.push(Number(packed.slice(start, end)));
    start = end + 1;
  }
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  const v = numbers.slice(0, 4) as Range;
  const k = numbers.slice(4, 8) as Range;
  return preferKey && k[0] !== 0 ? k : v;
}
