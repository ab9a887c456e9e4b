/**
 * The one module that knows how the pipeline stores a DocumentResult between
 * its steps, and the only one that should: as JSON text (result-text.ts: one
 * string per document instead of thousands of small objects, which is also
 * what the cache stores and what worker threads send), with the front-matter
 * positions packed into a short string (packed-positions.ts) and unpacked on
 * first use. Everything outside the pipeline sees a DocumentResult.
 */
import { createHash } from "node:crypto";
import type { DocumentResult, PositionMap, Range } from "../types.js";
import type { ReportInput } from "../../rules/types.js";
import { decodeDocument } from "../read.js";
import { parseFrontMatter } from "../front-matter.js";
import { rangeOf } from "../diagnostic.js";
import { locatePacked, packPositions, unpackPositions } from "./packed-positions.js";
import { hasData, resultFromText, resultText } from "./result-text.js";

export { hasData, resultText };

/**
 * A result of the per-document step as the pipeline keeps it: the positions
 * packed, a key of what the set-wide rules read of it (`setKey`), as text.
 */
export function storedText(result: DocumentResult): string {
  if (result.positions && result.data !== undefined) {
    const packed = packPositions(result.data, result.positions);
    if (packed !== undefined) {
      result.packedPositions = packed;
      const seen = [
        result.file,
        result.rootPath,
        result.fatal === true,
        result.data,
        packed,
        result.facts?.headings ?? null,
        result.facts?.links ?? null,
      ];
      result.setKey = createHash("sha256").update(JSON.stringify(seen)).digest("base64url");
    }
  }
  delete result.positions;
  return resultText(result);
}

/**
 * A stored result back as a DocumentResult. Front-matter positions are large
 * and needed only when a set-wide rule reports on a document: they are
 * unpacked on first read of `positions`; when they could not be packed, the
 * file is parsed again.
 */
export function storedResult(json: string, abs: string, read: (p: string) => Uint8Array): DocumentResult {
  const result = resultFromText(json);
  // Not a read: the front matter itself may not be parsed yet (result-text.ts).
  if (!hasData(result)) return result;
  Object.defineProperty(result, "positions", {
    enumerable: false,
    configurable: true,
    get(): PositionMap | undefined {
      const { data, packedPositions: packed } = result;
      if (data === undefined) return undefined;
      return recentPositions(abs, () => (packed !== undefined ? unpackPositions(data, packed) : undefined) ?? reparsePositions(abs, read));
    },
  });
  return result;
}

function reparsePositions(abs: string, read: (p: string) => Uint8Array): PositionMap | undefined {
  try {
    const decoded = decodeDocument(read(abs));
    const split = decoded.ok ? parseFrontMatter(decoded.text) : undefined;
    return split?.ok ? split.value.positions : undefined;
  } catch {
    return undefined;
  }
}

/** Set rules report document by document, so a few recent position maps are enough to keep. */
const RECENT = 16;
const recent = new Map<string, PositionMap | undefined>();

function recentPositions(abs: string, compute: () => PositionMap | undefined): PositionMap | undefined {
  if (recent.has(abs)) return recent.get(abs);
  const positions = compute();
  recent.set(abs, positions);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
  return positions;
}

/** Forgets remembered positions (a file may have been edited in the same process). */
export function clearPositionCache(): void {
  recent.clear();
}

/**
 * Where a set-wide rule's report points in a loaded document. A front-matter
 * path is looked up in the packed positions without unpacking them.
 */
export function rangeIn(doc: DocumentResult, input: ReportInput): Range {
  if (!input.range && !input.node?.position && input.path !== undefined && doc.packedPositions !== undefined && doc.data !== undefined) {
    const found = locatePacked(doc.data, doc.packedPositions, input.path, input.key === true);
    if (found) return found;
  }
  return rangeOf(input, doc.positions);
}
