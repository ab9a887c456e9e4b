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

interface NumberingReplacer {
  replace(xml: string, numberings: unknown): string;
}

interface Compiler {
  compile(file: Document, prettify?: undefined, overrides?: readonly never[]): Map<string, string | Uint8Array>;
  numberingReplacer?: NumberingReplacer;
}

function isCompiler(candidate: unknown): candidate is Compiler {
  return candidate !== null && typeof candidate === "object" && typeof (candidate as { compile?: unknown }).compile === "function";
}

/**
 * docx fills in list numbers in every part it writes by first building a map
 * of all the file's list instances, then replacing `{key}` placeholders. The
 * edition has a header per chapter and a list instance per Markdown list, so
 * that is headers × lists map entries (about three million for 1,000
 * documents, most of a second). A part without a `{` has no placeholder, and
 * docx would return it unchanged: skip the map for it.
 */
function skipWithoutPlaceholders(replacer: NumberingReplacer): NumberingReplacer {
  return { replace: (xml, numberings) => (xml.includes("{") ? replacer.replace(xml, numberings) : xml) };
}

/** A compiler of our own (docx's is shared by every Packer call), with the cheaper list-number step. */
function compiler(): Compiler | undefined {
  const shared = (Packer as unknown as { compiler?: unknown }).compiler;
  if (!isCompiler(shared)) return undefined;
  const Make = shared.constructor as new () => unknown;
  const own = typeof Make === "function" ? new Make() : undefined;
  if (!isCompiler(own)) return shared;
  const replacer = own.numberingReplacer;
  if (replacer && typeof replacer.replace === "function") own.numberingReplacer = skipWithoutPlaceholders(replacer);
  return own;
}

let cached: Compiler | undefined | null = null;

export async function packParts(doc: Document, options: { viaZip?: boolean } = {}): Promise<Parts> {
  if (cached === null) cached = compiler();
  const direct = options.viaZip ? undefined : cached;
  if (direct) {
    const parts = direct.compile(doc, undefined, []);
    if (parts instanceof Map && parts.has("word/document.xml")) return parts;
  }
  const bytes = await Packer.toBuffer(doc);
  return new Map(Object.entries(unzipSync(new Uint8Array(bytes))));
}
