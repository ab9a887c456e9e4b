import type { Edition } from "../edition.js";
import { UsageError } from "../../core/errors.js";

/** Writes the HTML edition into edition.outDir; returns the files written. */
export async function buildHtml(edition: Edition): Promise<string[]> {
  void edition;
  throw new UsageError("HTML-utgåvan är inte byggd ännu.");
}
