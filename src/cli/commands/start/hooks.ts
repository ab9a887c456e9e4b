/**
 * The steps `samdok start` runs between validation and the editions, and the
 * edition formats it builds. Each feature adds its step here.
 */
import type { Io } from "../../io.js";
import type { Localized } from "../../../i18n/text.js";

export interface StartStep {
  title: Localized;
  run(io: Io, paths: string[], flags: { out: string }): Promise<number>;
}

export const steps: StartStep[] = [
  {
    // What is overdue or due soon: the first items, and where to see them all.
    title: { sv: "Bevakning", en: "Due dates" },
    async run(io, paths) {
      const { dueSummary } = await import("../due/run.js");
      return dueSummary(io, paths);
    },
  },
];

export const editionFormats: string[] = ["html", "docx"];
