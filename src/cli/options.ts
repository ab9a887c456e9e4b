import { InvalidArgumentError } from "commander";
import { isIsoDate, swedishDate } from "../core/dates.js";
import type { Io } from "./io.js";
import { pick } from "../i18n/text.js";
import type { Lang } from "../core/types.js";

/** Parsers for option values, with Swedish messages. */
export function parseWholeNumber(lang: Lang) {
  return (value: string): number => {
    if (!/^\d+$/.test(value))
      throw new InvalidArgumentError(
        pick({ sv: "Ange ett heltal, till exempel 0 eller 10.", en: "Give a whole number, for example 0 or 10." }, lang),
      );
    return Number(value);
  };
}

/** `--jobs`: a whole number of threads (1 = no worker threads), or "auto". */
export function parseJobs(lang: Lang) {
  return (value: string): number | "auto" => {
    if (value === "auto") return "auto";
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
      throw new InvalidArgumentError(
        pick({ sv: "Ange ett antal trådar från 1 till 64, eller auto.", en: "Give a number of threads from 1 to 64, or auto." }, lang),
      );
    }
    return Number(value);
  };
}

export function parseDate(lang: Lang) {
  return (value: string): string => {
    if (!isIsoDate(value))
      throw new InvalidArgumentError(
        pick(
          { sv: "Ange ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-11-23.", en: "Give a date as YYYY-MM-DD, for example 2026-11-23." },
          lang,
        ),
      );
    return value;
  };
}

/** The run's calendar date: the Swedish date of the injected clock. */
export function today(io: Io): string {
  return swedishDate(io.now);
}

/** A repeatable, comma-separated option (`--spar a,b --spar c`): every value, in order. */
export function commaList(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  ];
}

/** `--in <mapp>`: where a command that takes one document looks for it when it is named by id. */
export function inOption(lang: Lang): [string, string] {
  return [
    "--in <mapp>",
    pick(
      {
        sv: "var dokumentet söks när det anges med id (standard: documents/)",
        en: "where to look for a document named by id (default: documents/)",
      },
      lang,
    ),
  ];
}
