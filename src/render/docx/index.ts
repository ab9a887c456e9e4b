import type { Edition } from "../edition.js";
import { UsageError } from "../../core/errors.js";

export interface DocxOptions {
  perDocument: boolean;
  template?: string;
  tocField: boolean;
  pageNumbers: boolean;
}

/** Writes the Word edition into edition.outDir; returns the files written. */
export async function buildDocx(edition: Edition, options: DocxOptions): Promise<string[]> {
  void edition;
  void options;
  throw new UsageError("Word-utgåvan är inte byggd ännu.");
}
