/**
 * Turns a file's bytes into text the parser can trust: strict UTF-8, no BOM,
 * LF line ends, NFC. Every failure is a located, plain-language problem
 * (worded in src/messages/read.ts).
 */
import type { Localized } from "../i18n/text.js";
import { fill } from "../messages/template.js";
import { READ_MESSAGES } from "../messages/read.js";

/** Governance documents are a few dozen kB; anything this big is a mistake. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface DecodeProblem {
  line: number;
  column: number;
  message: Localized;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: DecodeProblem };

/** The SD001 message for a file of `size` bytes, over MAX_FILE_BYTES. */
export function tooLargeMessage(size: number): Localized {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return fill(READ_MESSAGES.tooLarge, { size: { sv: mb.replace(".", ","), en: mb }, limit: MAX_FILE_BYTES / (1024 * 1024) });
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

export function decodeDocument(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return { ok: false, problem: { line: 1, column: 1, message: tooLargeMessage(bytes.byteLength) } };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnOfByte(bytes, at);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return { ok: false, problem: { line, column, message: fill(READ_MESSAGES.notUtf8, { byte, line }) } };
  }
  // TextDecoder drops a leading BOM (ignoreBOM: false).
  return { ok: true, text: normalizeText(text) };
}

/** CRLF and lone CR become LF; the text is NFC-normalised. */
export function normalizeText(text: string): string {
  const lf = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  return lf.normalize("NFC");
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return Math.max(0, bytes.length - 1);
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
