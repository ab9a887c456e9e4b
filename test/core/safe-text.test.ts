import { describe, expect, it } from "vitest";
import {
  inlineCommandSplits,
  jsonText,
  neutralizeWorkflowCommands,
  safeMessage,
  safeText,
  startsLikeCommand,
  wellFormed,
} from "../../src/core/safe-text.js";
import { commandIn, commandLines, isWellFormed, jsonStrings, unsafeCharacters } from "../helpers/ci-log.js";

/** Text that must pass every function here unchanged. */
const LEGIT = [
  "Rutin för utskrivning från slutenvård",
  "åäö ÅÄÖ é ü – — “citat” ‘enkla’ «franska» … § 12, 5 % ½ °C",
  "Vårdpersonal 👩‍⚕️ ❤️ 🇸🇪 👨‍👩‍👧 1️⃣", // ZWJ sequences, variation selectors, flags, keycaps
  "NBSP\u00A0och mjukt\u00ADbindestreck",
  "tabb\tmitt i",
  "C# och F# [x], ## Rubrik, a::b, samdok: klart, tid 12:30::00",
  "# Rubrik\n\n## Underrubrik [länk](a.md)",
];

const ATTACKS = [
  "::error file=a.md::x",
  "::add-mask::hemlig",
  "  \t::warning title=x::y",
  "\u00A0\u3000::notice::z",
  "\u200B::error::zero-width first",
  ":\u200B:error::zero-width between",
  "\uFEFF::stop-commands::paus",
  "\u00AD::set-output name=x::y",
  "text ##[add-mask]hemlig",
  "text ##[error]x",
  "text #\u200B#[error]x",
  "text ##VSO[task.setvariable variable=x]y",
  "text ##v\u200Bso[task.complete]y",
];

describe("safeText", () => {
  it("passes Swedish text, punctuation, emoji and tab unchanged", () => {
    for (const s of LEGIT) {
      expect(safeText(s, { multiline: true })).toBe(s);
      if (!s.includes("\n")) expect(safeText(s)).toBe(s);
    }
  });

  it("shows terminal controls as symbols instead of passing them on", () => {
    expect(safeText("\u001b]8;;http://x\u0007klick\u001b]8;;\u0007")).toBe("\u241B]8;;http://x\u2407klick\u241B]8;;\u2407");
    expect(safeText("\u001b[2J\u001b[31m")).toBe("\u241B[2J\u241B[31m");
    expect(safeText("nul\u0000 del\u007F")).toBe("nul\u2400 del\u2421");
    expect(safeText("c1 \u009B31m \u0085")).toBe("c1 ⟨U+009B⟩31m ⟨U+0085⟩");
    expect(safeText("bidi \u202Egnp.exe \u2066x\u2069 \u200F")).toBe("bidi ⟨U+202E⟩gnp.exe ⟨U+2066⟩x⟨U+2069⟩ ⟨U+200F⟩");
    expect(safeText("a\u2028b\u2029c")).toBe("a⟨U+2028⟩b⟨U+2029⟩c");
    expect(unsafeCharacters(safeText("\u0000\u0001\u001b\u007f\u0080\u009f\u061c\u200e\u202a\u2069\u2028"))).toEqual([]);
  });

  it("keeps one line one line: CR and LF become symbols", () => {
    expect(safeText("a\nb\rc\r\nd")).toBe("a\u240Ab\u240Dc\u240D\u240Ad");
  });

  it("keeps line breaks in multi-line text, but not a bare CR", () => {
    expect(safeText("a\nb\r\nc\rd", { multiline: true })).toBe("a\nb\r\nc\u240Dd");
  });

  it("replaces lone surrogates with U+FFFD and keeps pairs", () => {
    expect(safeText("a\ud800b\udc00c😀")).toBe("a\uFFFDb\uFFFDc😀");
    expect(wellFormed("\ud83d")).toBe("\uFFFD");
    expect(wellFormed("\ude00\ud83d")).toBe("\uFFFD\uFFFD");
    expect(isWellFormed(safeText("x\ud800"))).toBe(true);
  });
});

describe("neutralizeWorkflowCommands", () => {
  it("the test's model of the runner sees every attack as a command", () => {
    for (const a of ATTACKS) expect(commandIn(a), a).toBeDefined();
  });

  it("leaves no line a runner would obey, in any syntax", () => {
    for (const syntax of ["text", "json", "markup"] as const) {
      for (const a of ATTACKS) {
        const out = neutralizeWorkflowCommands(`först\n${a}\r${a}\r\n${a}`, syntax);
        expect(commandLines(out), `${syntax}: ${JSON.stringify(a)}`).toEqual([]);
      }
    }
  });

  it("changes only the first character of the command, the way the format allows", () => {
    expect(neutralizeWorkflowCommands("::error::x")).toBe("\u2236:error::x");
    expect(neutralizeWorkflowCommands("  ::error::x", "markup")).toBe("  &#58;:error::x");
    expect(neutralizeWorkflowCommands('"a ##[add-mask]b"', "json")).toBe('"a \\u0023#[add-mask]b"');
    expect(neutralizeWorkflowCommands("a ##[add-mask]b", "markup")).toBe("a &#35;#[add-mask]b");
    expect(neutralizeWorkflowCommands("a ##[x]")).toBe("a \u266F#[x]");
    // Readers of the format get the original text back.
    expect(JSON.parse(neutralizeWorkflowCommands('"a ##[add-mask]b"', "json"))).toBe("a ##[add-mask]b");
  });

  it("leaves ordinary text alone", () => {
    for (const s of LEGIT) expect(neutralizeWorkflowCommands(s)).toBe(s);
    expect(neutralizeWorkflowCommands("samdok: fel\n  3:1  fel  Okänt fält `::x`")).toBe("samdok: fel\n  3:1  fel  Okänt fält `::x`");
  });

  it("finds where a fold defuses a command", () => {
    expect(inlineCommandSplits("ab ##[x] ##vso[y]")).toEqual([4, 10]);
    expect(startsLikeCommand("ab  ::x", 2)).toBe(true);
    expect(startsLikeCommand("ab  ::x", 1)).toBe(false);
  });
});

describe("safeMessage", () => {
  it("is safe text with line breaks, inert in a log", () => {
    const out = safeMessage("Sökvägen \u001b[2J\nrad\n::error::x finns inte");
    expect(out).toBe("Sökvägen \u241B[2J\nrad\n\u2236:error::x finns inte");
    expect(commandLines(out)).toEqual([]);
  });
});

describe("jsonText", () => {
  const value = {
    title: "Rutin \ud800 \u001b[2J \u009b \u202e ##[add-mask]x \u2028 åäö 😀",
    "nyckel \udc00": ["::error::y", 1, true, null],
  };

  it("is JSON a strict reader accepts: no lone surrogate, escaped or not", () => {
    const text = jsonText(value, 2);
    expect(isWellFormed(text)).toBe(true);
    expect(text).not.toMatch(/\\u[dD][89a-fA-F][0-9a-fA-F]{2}/);
    const parsed = JSON.parse(text) as unknown;
    for (const s of jsonStrings(parsed)) expect(isWellFormed(s)).toBe(true);
  });

  it("keeps the data, lone surrogates aside, and is inert in a terminal and a log", () => {
    const text = jsonText(value);
    expect(JSON.parse(text)).toEqual({ title: wellFormed(value.title), "nyckel \uFFFD": ["::error::y", 1, true, null] });
    expect(unsafeCharacters(text)).toEqual([]);
    expect(commandLines(text)).toEqual([]);
    expect(commandLines(jsonText(value, 2))).toEqual([]);
  });

  it("writes ordinary data exactly as JSON.stringify does", () => {
    const plain = { a: "åäö – “x” 😀", b: [1, 2.5, null, false], c: { d: "C# och ## Rubrik" } };
    expect(jsonText(plain)).toBe(JSON.stringify(plain));
    expect(jsonText(plain, 2)).toBe(JSON.stringify(plain, null, 2));
  });
});
