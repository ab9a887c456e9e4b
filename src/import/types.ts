/**
 * What importing a Word document (`samdok import`) passes between its steps:
 * the Word file read (word.ts), its body as Markdown (markdown.ts), its front
 * matter (metadata.ts), and the notes for the import report.
 */
import type { Localized } from "../i18n/text.js";

/** One thing the import report says about a file: recognised, guessed, or left for a person. */
export interface ImportNote {
  kind: "recognised" | "guessed" | "needs-person" | "dropped";
  message: Localized;
  /** Where in the source: "tabell 1", "stycke 12", "sidhuvud". */
  where?: string;
}

export interface WordProperties {
  title?: string;
  subject?: string;
  keywords?: string;
  language?: string;
  /** docProps/custom.xml: name → value (samdok's own Word edition writes the front matter there). */
  custom: Record<string, string>;
  /**
   * The text of the page headers and footers, a line per paragraph, page
   * numbers ("Sida 3 av 12") left out: where many documents carry their
   * diarienummer, version or date ("Dnr: RS 2024/45").
   */
  headerLines?: string[];
}

export interface WordContent {
  /** mammoth's HTML of the body: headings from Word's styles, lists, tables, footnotes, pictures as data: URLs. */
  html: string;
  properties: WordProperties;
  notes: ImportNote[];
}
