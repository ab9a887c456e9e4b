/**
 * One Word file through every step of `samdok import`: read (word.ts), front
 * matter out of its properties and first-page table (metadata.ts), the rest
 * of the body as Markdown (markdown.ts), pictures out of the Markdown into
 * files of their own. Nothing here touches the disk: the command
 * (src/cli/commands/import/run.ts) decides what is written, so that
 * `--dry-run` and the checks against overwriting live in one place.
 */
import type { DocumentType, SamdokConfig } from "../core/config.js";
import { readWord } from "./word.js";
import { htmlToMarkdown } from "./markdown.js";
import { extractMetadata, frontMatterText } from "./metadata.js";
import type { ImportNote } from "./types.js";

export interface ImportOptions {
  config: SamdokConfig;
  taken: ReadonlySet<string>;
  type?: DocumentType;
  track?: string;
  today: string;
  fileName: string;
}

export interface Picture {
  /** Path relative to the document's folder: `<id>-bilder/bild-1.png`. */
  relPath: string;
  bytes: Uint8Array;
}

export interface ImportedDocument {
  id: string;
  title: string;
  /** The whole Markdown file: front matter and body. */
  text: string;
  pictures: Picture[];
  notes: ImportNote[];
}

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/jpg": "jpg",
  "image/gif": "gif",
  "image/svg+xml": "svg",
  "image/webp": "webp",
  "image/bmp": "bmp",
  "image/tiff": "tif",
  "image/x-emf": "emf",
  "image/x-wmf": "wmf",
};

/**
 * Moves every `data:` picture of the Markdown into a file of its own beside
 * the document, the link made relative: a Markdown file with megabytes of
 * base64 in it cannot be read or reviewed in a pull request.
 */
export function extractPictures(markdown: string, id: string): { markdown: string; pictures: Picture[] } {
  const pictures: Picture[] = [];
  const seen = new Map<string, string>();
  const out = markdown.replace(/\(data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)\)/gi, (whole, mime: string, data: string) => {
    const clean = data.replace(/\s+/g, "");
    const known = seen.get(clean);
    if (known) return `(${known})`;
    const relPath = `${id}-bilder/bild-${pictures.length + 1}.${EXTENSIONS[mime.toLowerCase()] ?? "bin"}`;
    pictures.push({ relPath, bytes: new Uint8Array(Buffer.from(clean, "base64")) });
    seen.set(clean, relPath);
    return `(${relPath})`;
  });
  return { markdown: out, pictures };
}

/** Imports one Word file's bytes. Throws ImportError (word.ts) or MetadataError (metadata.ts) for a file that cannot be imported. */
export async function importWord(bytes: Uint8Array, options: ImportOptions): Promise<ImportedDocument> {
  const content = await readWord(bytes);
  const meta = extractMetadata(content, {
    config: options.config,
    taken: options.taken,
    today: options.today,
    fileName: options.fileName,
    ...(options.type !== undefined ? { type: options.type } : {}),
    ...(options.track !== undefined ? { track: options.track } : {}),
  });
  const body = htmlToMarkdown(meta.html);
  const { markdown, pictures } = extractPictures(body.markdown, meta.id);
  if (pictures.length > 0)
    meta.notes.push({
      kind: "recognised",
      message: {
        sv: `${pictures.length} bild${pictures.length === 1 ? "" : "er"} sparades i ${meta.id}-bilder/.`,
        en: `${pictures.length} picture${pictures.length === 1 ? "" : "s"} saved in ${meta.id}-bilder/.`,
      },
    });
  const text = `${frontMatterText(meta.frontMatter)}\n${markdown.trim()}\n`;
  return { id: meta.id, title: meta.title, text, pictures, notes: [...content.notes, ...meta.notes, ...body.notes] };
}
