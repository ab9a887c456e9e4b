/**
 * A strict JSON parser (RFC 8259) for `samdok.config.json`, with what
 * JSON.parse does not give: the line and column of every value and key (for
 * located schema messages), a plain-language, located explanation of every
 * syntax error, an error for a key given twice (JSON.parse keeps the last one
 * in silence), and a depth limit (a file of 100 000 nested arrays is refused
 * with a message instead of overflowing a parser's stack).
 *
 * Nothing but JSON is accepted: no comments, no trailing commas, no single
 * quotes, no YAML. The text is expected without a BOM (TextDecoder drops it).
 */
import type { Localized } from "../i18n/text.js";
import type { PositionMap, Range } from "./types.js";

/** A configuration has four or five levels; anything this deep is a mistake or an attack. */
export const MAX_JSON_DEPTH = 64;

export interface JsonProblem {
  line: number;
  column: number;
  message: Localized;
}

export type JsonResult = { ok: true; value: unknown; positions: PositionMap } | { ok: false; problem: JsonProblem };

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly text: Localized,
  ) {
    super(text.en);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const TOKEN = /[^\s,:[\]{}"]{1,40}/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$-]*/y;

/** Shows one character of the file in a message: visible, and never more than one. */
function shown(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `"${String.fromCodePoint(code)}"`;
}

function pointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonResult {
  const n = text.length;
  const lineStarts = [0];
  for (let k = 0; k < n; k++) if (text.charCodeAt(k) === 0x0a) lineStarts.push(k + 1);
  const lineCol = (offset: number): [number, number] => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - (lineStarts[lo] as number) + 1];
  };
  const range = (start: number, end: number): Range => [...lineCol(start), ...lineCol(end)];
  const at = (offset: number): string => {
    const [l, c] = lineCol(offset);
    return `${l}:${c}`;
  };
  const positions: PositionMap = {};
  let i = 0;

  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };

  /** Why the character at `i` cannot start a value (or a key, when `key`). */
  const unexpected = (expected: Localized): Stop => {
    if (i >= n) return new Stop(n, { sv: `Filen tar slut för tidigt: ${expected.sv}`, en: `The file ends too early: ${expected.en}` });
    const ch = text[i] as string;
    if (ch === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) {
      return new Stop(i, {
        sv: "Kommentarer är inte tillåtna i JSON. Ta bort kommentaren, eller skriv anteckningen som ett värde.",
        en: "Comments are not allowed in JSON. Remove the comment.",
      });
    }
    if (ch === "#")
      return new Stop(i, {
        sv: "Kommentarer (#) är inte tillåtna i JSON. Ta bort kommentaren.",
        en: "Comments (#) are not allowed in JSON. Remove the comment.",
      });
    if (ch === "'") {
      return new Stop(i, {
        sv: `Text skrivs inom dubbla citattecken (") i JSON, inte enkla ('). ${expected.sv}`,
        en: `Text is written in double quotes (") in JSON, not single ('). ${expected.en}`,
      });
    }
    if (ch === "&" || ch === "*") {
      return new Stop(i, {
        sv: "Ankare och alias (& och *) finns i YAML men inte i JSON. Skriv ut värdet.",
        en: "Anchors and aliases (& and *) exist in YAML but not in JSON. Write the value out.",
      });
    }
    if (ch === "\u201c" || ch === "\u201d" || ch === "\u00ab" || ch === "\u00bb") {
      return new Stop(i, {
        sv: `Typografiska citattecken (${ch}) gäller inte i JSON; använd raka citattecken ("). Ordbehandlare byter ofta ut dem.`,
        en: `Typographic quotes (${ch}) are not valid in JSON; use straight quotes (").`,
      });
    }
    return new Stop(i, { sv: `Oväntat tecken ${shown(ch)}. ${expected.sv}`, en: `Unexpected character ${shown(ch)}. ${expected.en}` });
  };

  const string = (): string => {
    const start = i;
    i++;
    let out = "";
    let segment = i;
    for (;;) {
      if (i >= n) {
        throw new Stop(start, { sv: "Citattecknet som börjar här stängs aldrig.", en: "The quote that starts here is never closed." });
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(segment, i);
        i++;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(segment, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          throw new Stop(i, {
            sv: `Ogiltig kombination \\${e === undefined || e === "\n" ? "" : e} i en text. Ett omvänt snedstreck skrivs \\\\ i JSON (till exempel "C:\\\\mappar").`,
            en: `Invalid escape \\${e === undefined || e === "\n" ? "" : e} in a string. A backslash is written \\\\ in JSON.`,
          });
        }
        segment = i;
        continue;
      }
      if (c === 0x0a || c === 0x0d) {
        throw new Stop(start, {
          sv: "Citattecknet som börjar här stängs inte på samma rad. En text i JSON får inte gå över flera rader; skriv \\n för en radbrytning.",
          en: "The quote that starts here is not closed on the same line. A JSON string cannot span lines; write \\n for a line break.",
        });
      }
      if (c < 0x20) {
        throw new Stop(i, {
          sv:
            c === 0x09
              ? "Tabbtecken är inte tillåtna inuti en text i JSON; skriv \\t eller ett mellanslag."
              : `Styrtecknet ${shown(text[i] as string)} är inte tillåtet inuti en text i JSON.`,
          en:
            c === 0x09
              ? "Tab characters are not allowed inside a JSON string; write \\t or a space."
              : `The control character ${shown(text[i] as string)} is not allowed inside a JSON string.`,
        });
      }
      i++;
    }
  };

  const number = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    TOKEN.lastIndex = i;
    const token = TOKEN.exec(text)?.[0] ?? (text[i] as string);
    if (!m || m[0].length !== token.length) {
      const leadingZero = /^-?0[0-9]/.test(token);
      throw new Stop(i, {
        sv: leadingZero
          ? `Talet ${token} är inte giltigt i JSON: ett tal får inte börja med 0. Skriv det utan inledande nolla, eller som text inom citattecken ("${token}").`
          : `${JSON.stringify(token)} är inte ett giltigt tal i JSON (till exempel 24, 0.5 eller -3).`,
        en: leadingZero
          ? `The number ${token} is not valid JSON: a number cannot start with 0. Write it without the leading zero, or as a string.`
          : `${JSON.stringify(token)} is not a valid JSON number (for example 24, 0.5 or -3).`,
      });
    }
    i += m[0].length;
    return Number(m[0]);
  };

  const literal = (): boolean | null => {
    WORD.lastIndex = i;
    const word = WORD.exec(text)?.[0];
    if (word === "true" || word === "false" || word === "null") {
      i += word.length;
      return word === "null" ? null : word === "true";
    }
    if (word === undefined)
      throw unexpected({
        sv: "Här väntades ett värde: text inom citattecken, ett tal, true, false, null, [ eller {.",
        en: "A value was expected here: a string in quotes, a number, true, false, null, [ or {.",
      });
    const lower = word.toLowerCase();
    if (["true", "false", "yes", "no", "on", "off", "ja", "nej"].includes(lower)) {
      throw new Stop(i, {
        sv: `${word} är inte ett värde i JSON. Skriv true eller false, med små bokstäver.`,
        en: `${word} is not a JSON value. Write true or false, in lower case.`,
      });
    }
    if (["nan", "infinity", "undefined", "none"].includes(lower)) {
      throw new Stop(i, {
        sv: `${word} finns inte i JSON. Skriv ett tal, eller null.`,
        en: `${word} does not exist in JSON. Write a number, or null.`,
      });
    }
    throw new Stop(i, {
      sv: `Text skrivs inom dubbla citattecken i JSON: "${word}".`,
      en: `Text is written in double quotes in JSON: "${word}".`,
    });
  };

  const tooDeep = (start: number): Stop =>
    new Stop(start, {
      sv: `Konfigurationen är nästlad i mer än ${maxDepth} nivåer. En samdok-konfiguration har några få nivåer; kontrollera att det är rätt fil.`,
      en: `The configuration is nested more than ${maxDepth} levels deep. A samdok configuration has a few levels; check that this is the right file.`,
    });

  const value = (pointer: string, depth: number, key?: Range): unknown => {
    ws();
    const start = i;
    const c = text[i];
    let result: unknown;
    if (c === "{") {
      if (depth >= maxDepth) throw tooDeep(start);
      result = object(pointer, depth + 1);
    } else if (c === "[") {
      if (depth >= maxDepth) throw tooDeep(start);
      result = array(pointer, depth + 1);
    } else if (c === '"') result = string();
    else if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) result = number();
    else if (c === "." || c === "+") result = number();
    else result = literal();
    const v = range(start, i);
    positions[pointer] = key ? { v, k: key } : { v };
    return result;
  };

  const object = (pointer: string, depth: number): Record<string, unknown> => {
    const open = i;
    i++;
    const out: Record<string, unknown> = {};
    const seen = new Map<string, number>();
    let comma = -1;
    ws();
    if (text[i] === "}") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (text[i] !== '"') {
        if (text[i] === "}" && comma >= 0) {
          throw new Stop(comma, {
            sv: "Kommatecken efter sista värdet är inte tillåtet i JSON. Ta bort kommatecknet.",
            en: "A comma after the last value is not allowed in JSON. Remove the comma.",
          });
        }
        if (i < n && /[A-Za-z_$]/.test(text[i] as string)) {
          WORD.lastIndex = i;
          const word = WORD.exec(text)?.[0] ?? "";
          throw new Stop(i, {
            sv: `Namnet ska stå inom dubbla citattecken i JSON: "${word}".`,
            en: `The name must be in double quotes in JSON: "${word}".`,
          });
        }
        if (i >= n) throw unclosed(open, "}");
        throw unexpected({
          sv: 'Här väntades ett namn inom dubbla citattecken, till exempel "region".',
          en: 'A name in double quotes was expected here, for example "region".',
        });
      }
      const keyStart = i;
      const key = string();
      const keyRange = range(keyStart, i);
      const first = seen.get(key);
      if (first !== undefined) {
        throw new Stop(keyStart, {
          sv: `"${key}" förekommer två gånger i samma objekt (första gången på rad ${lineCol(first)[0]}). JSON tillåter bara ett värde per namn; ta bort det ena.`,
          en: `"${key}" occurs twice in the same object (first on line ${lineCol(first)[0]}). JSON allows one value per name; remove one of them.`,
        });
      }
      seen.set(key, keyStart);
      ws();
      if (text[i] !== ":") {
        if (i >= n) throw unclosed(open, "}");
        throw new Stop(i, { sv: `Kolon (:) saknas efter "${key}".`, en: `A colon (:) is missing after "${key}".` });
      }
      i++;
      const v = value(`${pointer}/${pointerSegment(key)}`, depth, keyRange);
      // Like JSON.parse: "__proto__" is an ordinary key, never the prototype.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ",") {
        comma = i;
        i++;
        continue;
      }
      if (text[i] === "}") {
        i++;
        return out;
      }
      if (i >= n) throw unclosed(open, "}");
      if (text[i] === '"')
        throw new Stop(i, {
          sv: "Kommatecken saknas före detta namn (efter värdet före).",
          en: "A comma is missing before this name (after the previous value).",
        });
      throw unexpected({ sv: "Här väntades , eller }.", en: "A , or } was expected here." });
    }
  };

  const array = (pointer: string, depth: number): unknown[] => {
    const open = i;
    i++;
    const out: unknown[] = [];
    let comma = -1;
    ws();
    if (text[i] === "]") {
      i++;
      return out;
    }
    for (;;) {
      ws();
      if (text[i] === "]" && comma >= 0) {
        throw new Stop(comma, {
          sv: "Kommatecken efter sista värdet är inte tillåtet i JSON. Ta bort kommatecknet.",
          en: "A comma after the last value is not allowed in JSON. Remove the comma.",
        });
      }
      if (i >= n) throw unclosed(open, "]");
      out.push(value(`${pointer}/${out.length}`, depth));
      ws();
      if (text[i] === ",") {
        comma = i;
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        return out;
      }
      if (i >= n) throw unclosed(open, "]");
      const c = text[i] as string;
      if (c === '"' || c === "{" || c === "[" || c === "-" || (c >= "0" && c <= "9")) {
        throw new Stop(i, {
          sv: "Kommatecken saknas före detta värde (efter värdet före).",
          en: "A comma is missing before this value (after the previous value).",
        });
      }
      throw unexpected({ sv: "Här väntades , eller ].", en: "A , or ] was expected here." });
    }
  };

  const unclosed = (open: number, close: string): Stop =>
    new Stop(n, {
      sv: `Filen tar slut innan ${close === "}" ? "objektet" : "listan"} som börjar på rad ${at(open).replace(":", ", kolumn ")} stängs med ${close}.`,
      en: `The file ends before the ${close === "}" ? "object" : "list"} that starts at line ${at(open).replace(":", ", column ")} is closed with ${close}.`,
    });

  try {
    ws();
    if (i >= n) {
      return {
        ok: false,
        problem: {
          line: 1,
          column: 1,
          message: {
            sv: "Filen är tom. Konfigurationen ska vara ett JSON-objekt: { … }.",
            en: "The file is empty. The configuration must be a JSON object: { … }.",
          },
        },
      };
    }
    const result = value("", 0);
    ws();
    if (i < n && text[i] === ":" && typeof result === "string") {
      throw new Stop(0, {
        sv: "Hela konfigurationen ska stå inom klamrar: { … }. Det inledande { saknas (och det avslutande }).",
        en: "The whole configuration must be inside braces: { … }. The opening { is missing (and the closing }).",
      });
    }
    if (i < n) {
      throw new Stop(i, {
        sv: `Text efter JSON-värdets slut (${shown(text[i] as string)}). Filen ska innehålla ett enda JSON-objekt; kontrollera att klamrarna { } går jämnt ut.`,
        en: `Text after the end of the JSON value (${shown(text[i] as string)}). The file must hold a single JSON object; check that the braces { } match.`,
      });
    }
    return { ok: true, value: result, positions };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const [line, column] = lineCol(error.offset);
    return { ok: false, problem: { line, column, message: error.text } };
  }
}

/**
 * Whether a text that is not JSON looks like YAML: its first line that is
 * neither blank nor a comment is a document marker, a list item or `key:`
 * (`"key":` is JSON without its braces, and explained as such).
 * Returns the 1-based line of that line.
 */
export function looksLikeYaml(text: string): number | undefined {
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    const line = (lines[k] as string).trim();
    if (line === "" || line.startsWith("#")) continue;
    if (line.startsWith("{") || line.startsWith("[")) return undefined;
    if (/^(---|%YAML|- |-$)/.test(line) || /^'?[\p{L}\p{N}_$][\p{L}\p{N}_$ .-]*'?\s*:(\s|$)/u.test(line)) return k + 1;
    return undefined;
  }
  return undefined;
}
