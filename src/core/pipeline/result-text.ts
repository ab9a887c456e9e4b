/**
 * A DocumentResult as the pipeline holds it between the per-document step
 * and the set-wide rules: text, cached and passed between threads. The text
 * is two JSON documents joined by U+0001 (which JSON.stringify never writes
 * outside a string, and escapes inside one):
 *
 * - the head: everything a report needs (path, findings, id, LIX), and the
 *   links, which the one set-wide rule that always runs reads (SD134);
 * - the body: the front matter, its packed positions and the headings,
 *   which only the other set-wide rules and the editions read.
 *
 * A re-validation from the cache whose set-wide findings still hold (see
 * run.ts) then parses only the heads: the bodies are parsed when first read.
 */
import type { DocumentResult } from "../types.js";

const MARK = "\u0001";

/**
 * JSON with every character above ASCII written as \uXXXX: the same value
 * when parsed, but held as a one-byte string (half the memory of the
 * two-byte strings that one "–" in a document would otherwise make), and
 * faster to parse and to copy between threads.
 */
export function asciiJson(json: string): string {
  return json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

interface Head extends Omit<DocumentResult, "data" | "packedPositions" | "facts"> {
  facts?: Omit<NonNullable<DocumentResult["facts"]>, "headings">;
  /** Which of data and packedPositions the body holds. */
  lazy?: ("data" | "packedPositions")[];
}

interface Body {
  data?: DocumentResult["data"] | undefined;
  packedPositions?: string | undefined;
  headings?: NonNullable<DocumentResult["facts"]>["headings"] | undefined;
}

export function resultText(result: DocumentResult): string {
  const { data, packedPositions, facts, ...rest } = result;
  if (data === undefined && packedPositions === undefined && facts === undefined) return asciiJson(JSON.stringify(rest));
  const head: Head = { ...rest };
  if (typeof data?.id === "string") head.id = data.id;
  const lazy: ("data" | "packedPositions")[] = [];
  if (data !== undefined) lazy.push("data");
  if (packedPositions !== undefined) lazy.push("packedPositions");
  if (lazy.length > 0) head.lazy = lazy;
  if (facts) head.facts = facts.lix !== undefined ? { links: facts.links, lix: facts.lix } : { links: facts.links };
  const body: Body = { data, packedPositions, headings: facts?.headings };
  return asciiJson(`${JSON.stringify(head)}${MARK}${JSON.stringify(body)}`);
}

/** Replaces a property by the value its getter computes, on first read. */
function lazily<T extends object>(target: T, key: string, compute: () => unknown): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

export function resultFromText(text: string): DocumentResult {
  const mark = text.indexOf(MARK);
  if (mark === -1) return JSON.parse(text) as DocumentResult;
  const { lazy, ...head } = JSON.parse(text.slice(0, mark)) as Head;
  const result = head as DocumentResult;
  let body: Body | undefined;
  const load = (): Body => (body ??= JSON.parse(text.slice(mark + 1)) as Body);
  for (const key of lazy ?? []) lazily(result, key, () => load()[key]);
  if (result.facts) {
    lazily(result.facts, "headings", () => load().headings ?? []);
  }
  return result;
}

/** Whether a result has front matter, without parsing it when it is still text. */
export function hasData(result: DocumentResult): boolean {
  return Object.getOwnPropertyDescriptor(result, "data")?.get !== undefined || result.data !== undefined;
}
