/**
 * Swedish personnummer and samordningsnummer (Skatteverket, rättslig
 * vägledning 330245): YYMMDD-NNNC or YYYYMMDDNNNC (also written with a
 * space for the hyphen), "+" instead of "-" from
 * the year a person turns 100, a real date of birth (a samordningsnummer adds
 * 60 to the day) and a Luhn check digit over the ten-digit form.
 *
 * The date and the check digit are what tell a personnummer apart from the
 * other numbers governance documents are full of: an organisationsnummer has
 * a "month" of 20 or more, a phone number or a diarienummer rarely passes
 * both the date and the check digit, and dates and postal codes have the
 * wrong shape.
 */
import { daysInMonth } from "../../core/dates.js";

export type IdNumberKind = "personnummer" | "samordningsnummer";

export interface IdNumberMatch {
  /** Offset of the match in the searched text. */
  index: number;
  /** The matched characters. */
  text: string;
  kind: IdNumberKind;
}

/** The Luhn (modulus 10) check digit of a string of digits, weights 2,1,2,1 … from the left. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * What a number is, given its date part (6 or 8 digits), separator and last
 * four digits, on the day `today` (YYYY-MM-DD); undefined when it cannot be a
 * personnummer or samordningsnummer.
 */
export function classifyIdNumber(datePart: string, separator: string, lastFour: string, today: string): IdNumberKind | undefined {
  if (!/^\d{6}(\d{2})?$/.test(datePart) || !/^\d{4}$/.test(lastFour) || !/^[-+]?$/.test(separator)) return undefined;
  const short = datePart.slice(-6);
  const yy = Number(short.slice(0, 2));
  const month = Number(short.slice(2, 4));
  let day = Number(short.slice(4, 6));
  let kind: IdNumberKind = "personnummer";
  if (day > 60) {
    kind = "samordningsnummer";
    day -= 60;
  }
  const digits = short + lastFour;
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return undefined;

  const years: number[] = [];
  if (datePart.length === 8) {
    years.push(Number(datePart.slice(0, 4)));
  } else {
    for (const century of [2000, 1900, 1800]) years.push(century + yy);
  }
  const todayYear = Number(today.slice(0, 4));
  const possible = years.some((year) => {
    if (year < 1800 || !isRealDate(year, month, day) || iso(year, month, day) > today) return false;
    if (datePart.length === 8) return true;
    // The ten-digit form: "+" from the year a person turns 100, "-" (or nothing) before.
    const turned100 = todayYear - year >= 100;
    return separator === "+" ? turned100 : !turned100;
  });
  return possible ? kind : undefined;
}

// Six or eight digits, an optional - or + or one space, four digits; not part
// of a longer number, word or code (such as 0123-640823-3234 or AB640823-3234).
const CANDIDATE = /(?<![\p{L}\p{N}_]|\p{N}[-+./:,])(\d{8}|\d{6})([-+]|[ \u00A0\u202F])?(\d{4})(?![\p{L}\p{N}_]|[-+./:,]\p{N})/gu;
// A phone number written as ten digits straight after a word like "telefon".
const PHONE_CONTEXT = /(?<!\p{L})(tel|tfn|telefon\p{L}*|mobil\p{L}*|fax|växel|sms|ring)(?!\p{L})[\s.:]*(nr\.?|nummer)?[\s.:]*$/iu;
// Written with a space ("19121212 1212"), the number must stand alone: a
// group of digits separated by spaces on either side makes it part of a
// longer number (a phone number "0701 234567 8", an amount "12 345678 9012").
const SPACED_NEIGHBOUR_BEFORE = /\p{N}[ \u00A0\u202F]$/u;
const SPACED_NEIGHBOUR_AFTER = /^[ \u00A0\u202F]\p{N}/u;

/**
 * Every personnummer and samordningsnummer in `text`. A space in place of the
 * hyphen ("19121212 1212", as people write it to read it more easily; also a
 * no-break space) counts as the hyphen: the date and the check digit still
 * decide, so phone numbers, whose groups are of two or three digits
 * ("070-123 45 67", "08-123 456 78"), are not caught.
 */
export function findIdNumbers(text: string, today: string): IdNumberMatch[] {
  const out: IdNumberMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, datePart = "", written = "", lastFour = ""] = m;
    const spaced = written !== "" && written !== "-" && written !== "+";
    if (spaced) {
      if (SPACED_NEIGHBOUR_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
      if (SPACED_NEIGHBOUR_AFTER.test(text.slice(m.index + whole.length, m.index + whole.length + 2))) continue;
    }
    const separator = spaced ? "-" : written;
    const kind = classifyIdNumber(datePart, separator, lastFour, today);
    if (!kind) continue;
    if ((written === "" || spaced) && datePart.length === 6 && datePart.startsWith("0")) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      if (PHONE_CONTEXT.test(before)) continue;
    }
    out.push({ index: m.index, text: whole, kind });
  }
  return out;
}
