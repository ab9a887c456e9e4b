/**
 * Pictures in a document's text: local PNG, JPEG, GIF or BMP files inside the
 * set's folder are embedded at their own size (at most the text width).
 * Anything else (web addresses, SVG, files outside the set, also through a
 * symbolic link, special files, pictures over 20 MB) is shown as its alt
 * text, since the edition must not depend on the network or leak files.
 */
import path from "node:path";
import type { EditionDocument } from "../edition.js";
import { MAX_PICTURE_BYTES, readRegularFile } from "../../core/safe-file.js";

export type RasterType = "png" | "jpg" | "gif" | "bmp";

export interface LoadedImage {
  type: RasterType;
  data: Uint8Array;
  width: number;
  height: number;
}

/** Kind and pixel size from the file's first bytes. */
export function sniffImage(data: Uint8Array): { type: RasterType; width: number; height: number } | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = (i: number): number => data[i] ?? -1;
  if (data.length >= 24 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) {
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (data.length >= 10 && at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) {
    return { type: "gif", width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (data.length >= 26 && at(0) === 0x42 && at(1) === 0x4d) {
    return { type: "bmp", width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  if (data.length >= 4 && at(0) === 0xff && at(1) === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (at(i) !== 0xff) {
        i++;
        continue;
      }
      const marker = at(i + 1);
      const length = view.getUint16(i + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: "jpg", width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

/** Reads a picture the text links to, or returns undefined when it cannot be embedded. */
export function loadImage(from: EditionDocument, url: string): LoadedImage | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return undefined;
  let file: string;
  try {
    file = decodeURIComponent(url.replace(/[?#].*$/, ""));
  } catch {
    return undefined;
  }
  const root = path.resolve(from.loaded.root);
  const abs = path.resolve(path.dirname(from.absPath), file);
  if (abs !== root && !abs.startsWith(root + path.sep)) return undefined;
  // Only a regular file whose real path is inside the root (a symbolic link may lead to /etc/passwd or
  // a picture of another set; a FIFO would block), at most 20 MB, whatever validation said.
  const read = readRegularFile(root, abs, MAX_PICTURE_BYTES);
  if (!read.ok) return undefined;
  const data = new Uint8Array(read.data.buffer, read.data.byteOffset, read.data.byteLength);
  const kind = sniffImage(data);
  if (!kind || kind.width <= 0 || kind.height <= 0) return undefined;
  return { ...kind, data };
}
