/**
 * Careful reads of front-matter data. Rules run on documents whose front
 * matter may have failed the schema, so every read checks the type and an
 * odd value is simply not checked (the schema rule SD005 reports it).
 */
import { isIsoDate } from "../../core/dates.js";

export type Data = Readonly<Record<string, unknown>>;

/** A string field, or undefined. */
export function str(data: Data | undefined, key: string): string | undefined {
  const v = data?.[key];
  return typeof v === "string" ? v : undefined;
}

/** A real calendar date (YYYY-MM-DD), or undefined. */
export function date(data: Data | undefined, key: string): string | undefined {
  const v = data?.[key];
  return isIsoDate(v) ? v : undefined;
}

/** The string items of a list field with their JSON pointers. */
export function strings(data: Data | undefined, key: string): { value: string; path: string; index: number }[] {
  const v = data?.[key];
  if (!Array.isArray(v)) return [];
  const out: { value: string; path: string; index: number }[] = [];
  v.forEach((item: unknown, index) => {
    if (typeof item === "string") out.push({ value: item, path: `/${key}/${index}`, index });
  });
  return out;
}

/** The object items of a list field with their JSON pointers. */
export function entries(data: Data | undefined, key: string): { value: Data; path: string; index: number }[] {
  const v = data?.[key];
  if (!Array.isArray(v)) return [];
  const out: { value: Data; path: string; index: number }[] = [];
  v.forEach((item: unknown, index) => {
    if (item !== null && typeof item === "object" && !Array.isArray(item))
      out.push({ value: item as Data, path: `/${key}/${index}`, index });
  });
  return out;
}

/** An object field, or undefined. */
export function object(data: Data | undefined, key: string): Data | undefined {
  const v = data?.[key];
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Data) : undefined;
}

/** The end of validity: a date, "open" for "tills vidare", or undefined when unset or unreadable. */
export function validUntil(data: Data | undefined): string | "open" | undefined {
  const v = data?.["giltig_till"];
  if (v === "tills vidare") return "open";
  return isIsoDate(v) ? v : undefined;
}

/** A JSON pointer segment (RFC 6901). */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}
