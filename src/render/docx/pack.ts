/**
 * The parts of a `docx` Document, uncompressed. `Packer.toBuffer` zips them,
 * and normalising would have to unzip them again: for a large edition that
 * is seconds of work. docx's compiler (which `Packer` uses) gives the parts
 * directly; it is not public API, so it is used only when present, and
 * otherwise the packed file is unzipped.
 */
import { Packer } from "docx";
import type { Document } from "docx";
import { unzipSync } from "fflate";
import type { Parts } from "./normalize.js";

interface Compiler {
  compile(file: Document, prettify?: undefined, overrides?: readonly never[]): Map<string, string | Uint8Array>;
}

function compiler(): Compiler | undefined {
  const candidate = (Packer as unknown as { compiler?: unknown }).compiler;
  return candidate !== null && typeof candidate === "object" && typeof (candidate as { compile?: unknown }).compile === "function" ? (candidate as Compiler) : undefined;
}

export async function packParts(doc: Document, options: { viaZip?: boolean } = {}): Promise<Parts> {
  const direct = options.viaZip ? undefined : compiler();
  if (direct) {
    const parts = direct.compile(doc, undefined, []);
    if (parts instanceof Map && parts.has("word/document.xml")) return parts;
  }
  const bytes = await Packer.toBuffer(doc);
  return new Map(Object.entries(unzipSync(new Uint8Array(bytes))));
}
