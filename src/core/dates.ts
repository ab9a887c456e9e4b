/**
 * Dates are calendar dates, never instants: "2026-11-23" is the same day in
 * Stockholm and in UTC. All arithmetic is done on UTC midnights so that no
 * time zone or daylight-saving change can move a date by one.
 */
import type { Localized } from "../i18n/text.js";

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Adds calendar months; the 31st clamps to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(iso: string, months: number): string {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The calendar date of an instant in Swedish time (Europe/Stockholm): a job
 * that runs at 00:30 Swedish time on the 24th is on the 24th, although it is
 * still the 23rd in UTC.
 */
export function swedishDate(instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

const MONTHS_SV = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "23 november 2026" / "23 November 2026". */
export function longDate(iso: string, lang: "sv" | "en"): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const months = lang === "sv" ? MONTHS_SV : MONTHS_EN;
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? ""} ${m[1]}`;
}

/** Why a string is not a usable date, with the expected form. */
export function describeBadDate(value: string): Localized {
  const m = ISO.exec(value);
  if (!m) {
    return { sv: "Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-06-30.", en: "Write dates as YYYY-MM-DD, for example 2026-06-30." };
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) {
    return { sv: `Månaden ${m[2]} finns inte (01–12).`, en: `There is no month ${m[2]} (01–12).` };
  }
  const max = daysInMonth(y, mo);
  return {
    sv: `Dagen finns inte i kalendern: ${MONTHS_SV[mo - 1]} ${y} har ${max} dagar.`,
    en: `That day does not exist: ${MONTHS_EN[mo - 1]} ${y} has ${max} days.`,
  };
  void d;
}
