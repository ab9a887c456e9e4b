/**
 * E-mail addresses in a document, and whether one looks personal
 * (förnamn.efternamn@…) or functional (narvard@…, vard.omsorg@…).
 * Documents outlive the people who write them: they name roles and
 * functional mailboxes, not persons.
 */

export interface EmailMatch {
  index: number;
  text: string;
  local: string;
  domain: string;
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})/gu;

export function findEmails(text: string): EmailMatch[] {
  const out: EmailMatch[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = (m[1] ?? "").replace(/^\.+|\.+$/g, "");
    out.push({ index: m.index, text: m[0], local, domain: m[2] ?? "" });
  }
  return out;
}

/** Words that mark a mailbox as belonging to a function, unit or service rather than a person. */
const FUNCTIONAL_WORDS = new Set([
  "info",
  "information",
  "kontakt",
  "kontaktcenter",
  "registrator",
  "registratur",
  "diarium",
  "kansli",
  "kansliet",
  "post",
  "brevlada",
  "kommun",
  "kommunen",
  "region",
  "regionen",
  "lan",
  "lanet",
  "stad",
  "staden",
  "landsting",
  "vard",
  "omsorg",
  "halsa",
  "sjukvard",
  "socialtjanst",
  "social",
  "soc",
  "stod",
  "service",
  "support",
  "kundtjanst",
  "vaxel",
  "reception",
  "narvard",
  "naravard",
  "samverkan",
  "samordning",
  "fou",
  "hr",
  "it",
  "ekonomi",
  "lon",
  "upphandling",
  "kommunikation",
  "press",
  "hjalpmedel",
  "lakemedel",
  "vardhygien",
  "hygien",
  "palliativ",
  "rehab",
  "rehabilitering",
  "elevhalsa",
  "funktionsstod",
  "noreply",
  "no-reply",
  "donotreply",
  "admin",
  "webmaster",
  "webb",
  "mas",
  "mar",
  "sas",
]);

/** Word parts that make a mailbox functional wherever they stand (nämnd, förvaltning …). */
const FUNCTIONAL_STEMS = [
  "forvaltning",
  "namnd",
  "kontoret",
  "enhet",
  "mottagning",
  "centrum",
  "center",
  "avdelning",
  "sekretariat",
  "funktion",
  "brevlada",
];

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/**
 * True when the address looks like förnamn.efternamn@… (two or three name
 * parts joined by dots, letters only, an optional number at the end), and is
 * not one of `functional` (the configuration's role mailboxes) nor built
 * from words that name a function.
 */
export function isPersonalEmail(address: string, functional: readonly string[] = []): boolean {
  const at = address.lastIndexOf("@");
  if (at <= 0) return false;
  if (functional.some((f) => fold(f) === fold(address))) return false;
  const local = address.slice(0, at);
  const parts = local.split(".");
  if (parts.length < 2 || parts.length > 3) return false;
  const name = /^\p{L}+(?:-\p{L}+)*$/u;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const bare = last ? part.replace(/\d{1,3}$/, "") : part;
    if (!name.test(bare)) return false;
    // A middle initial (anna.k.svensson) may be one letter; first and last names need two.
    if (bare.length < 2 && (i === 0 || last)) return false;
  }
  for (const part of parts) {
    const word = fold(part.replace(/\d+$/, ""));
    if (FUNCTIONAL_WORDS.has(word)) return false;
    if (FUNCTIONAL_STEMS.some((stem) => word.includes(stem))) return false;
  }
  return true;
}
