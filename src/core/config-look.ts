/**
 * A region's own look (`utgava.utgivare`, `utgava.logotyp`, `utgava.farg` in
 * samdok.config.json), checked when the configuration is loaded, so that a
 * colour nobody can read and a logo that is not there (or lies outside the
 * set) stop the run with a located message before anything is published.
 *
 * The colour is the background of white text (the HTML header) and the
 * colour of text on white (links, headings), so it must have a contrast of
 * at least 4.5:1 with white (WCAG 2.1 AA, 1.4.3). A colour that has less is
 * refused with its ratio, the nearest darker shade of the same hue that
 * passes, and the default.
 *
 * The logo is read like every other file a set names (safe-file.ts): a
 * regular file whose real path, symbolic links followed, lies inside the set.
 */
import path from "node:path";
import type { Diagnostic, Lang, PositionMap } from "./types.js";
import { locate } from "./schema-explain.js";
import { readRegularFile, type FileProblem } from "./safe-file.js";
import { sanitizeSvg } from "./logo-svg.js";
import { formatNumber, pick, type Localized } from "../i18n/text.js";

/** The editions' main colour when the configuration names none (the HTML edition's header). */
export const DEFAULT_COLOUR = "#1D3B5C";
/** WCAG 2.1 AA for normal text. */
export const MIN_CONTRAST = 4.5;
/** A logo is a few kB; a larger file is the wrong one. */
export const MAX_LOGO_BYTES = 1024 * 1024;

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace(/^#/, ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

/** WCAG 2.1 relative luminance of "#RRGGBB". */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function toHsl([r, g, b]: Rgb): Rgb {
  const [rs, gs, bs] = [r / 255, g / 255, b / 255];
  const max = Math.max(rs, gs, bs);
  const min = Math.min(rs, gs, bs);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rs ? (gs - bs) / d + (gs < bs ? 6 : 0) : max === gs ? (bs - rs) / d + 2 : (rs - gs) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: Rgb): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number): number => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}

/** `hex` with its lightness (HSL) multiplied by `factor`: a darker shade of the same hue. */
export function shade(hex: string, factor: number): string {
  const [h, s, l] = toHsl(rgb(hex));
  return toHex(fromHsl([h, s, l * factor]));
}

/** The lightest shade of `hex`'s hue (the same hue and saturation, less light) with at least 4.5:1 against white. */
export function passingShade(hex: string): string {
  const [h, s, l] = toHsl(rgb(hex));
  for (let light = l; light >= 0; light -= 0.005) {
    const candidate = toHex(fromHsl([h, s, light]));
    if (contrastRatio(candidate, "#FFFFFF") >= MIN_CONTRAST) return candidate;
  }
  return "#000000";
}

/** "4,47:1": rounded down, so a refused colour never shows as 4,5:1. */
export function ratioText(ratio: number, lang: Lang): string {
  const down = Math.floor(ratio * 100) / 100;
  const digits = Math.round(down * 10) === down * 10 ? 1 : 2;
  return `${formatNumber(down, lang, digits)}:1`;
}

/** Why `hex` cannot be the editions' colour, or undefined when it can. */
export function colourProblem(hex: string): Localized | undefined {
  const ratio = contrastRatio(hex, "#FFFFFF");
  if (ratio >= MIN_CONTRAST) return undefined;
  const shown = hex.toUpperCase();
  const better = passingShade(hex);
  const ratios = (lang: Lang) => ({
    own: ratioText(ratio, lang),
    better: ratioText(contrastRatio(better, "#FFFFFF"), lang),
    fallback: ratioText(contrastRatio(DEFAULT_COLOUR, "#FFFFFF"), lang),
  });
  const sv = ratios("sv");
  const en = ratios("en");
  return {
    sv: `Färgen ${shown} har kontrasten ${sv.own} mot vitt. Utgåvorna skriver vit text på färgen och färgad text på vitt, så kontrasten ska vara minst 4,5:1 (WCAG 2.1 AA). Alla färger med minst 4,5:1 mot vitt går: närmast är samma nyans mörkare, ${better} (${sv.better}); standardfärgen är ${DEFAULT_COLOUR} (${sv.fallback}), som används om "farg" tas bort.`,
    en: `The colour ${shown} has a contrast of ${en.own} with white. The editions write white text on the colour and coloured text on white, so the contrast must be at least 4.5:1 (WCAG 2.1 AA). Every colour with at least 4.5:1 against white passes: the nearest is the same hue darker, ${better} (${en.better}); the default is ${DEFAULT_COLOUR} (${en.fallback}), used when "farg" is removed.`,
  };
}

export interface LogoSpec {
  fil: string;
  alt: string;
}

export interface Logo {
  kind: "svg" | "png";
  /** The bytes to publish: the PNG as it is, the SVG rewritten (logo-svg.ts). */
  data: Uint8Array;
  /** Size in CSS pixels. */
  width: number;
  height: number;
  alt: string;
}

export type LogoResult = { ok: true; logo: Logo } | { ok: false; message: Localized };

function pngSize(data: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 24 || signature.some((b, i) => data[i] !== b)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

const READ_PROBLEM: Record<FileProblem, Localized> = {
  missing: { sv: "finns inte", en: "does not exist" },
  outside: {
    sv: "ligger utanför samlingens mapp (också en symbolisk länk som leder ut räknas så). samdok publicerar bara filer inuti samlingen: lägg logotypen i samlingen, till exempel i bilder/",
    en: "lies outside the set's folder (a symbolic link that leads out counts too). samdok publishes only files inside the set: put the logo in the set, for example in bilder/",
  },
  special: { sv: "är ingen vanlig fil", en: "is not a regular file" },
  directory: { sv: "är en mapp", en: "is a folder" },
  "too-large": {
    sv: `är större än ${MAX_LOGO_BYTES / 1024 / 1024} MB; en logotyp är normalt några kB`,
    en: `is larger than ${MAX_LOGO_BYTES / 1024 / 1024} MB; a logo is normally a few kB`,
  },
};

/**
 * The logo `spec` names, read from inside `root` (the folder of
 * samdok.config.json) and checked: an SVG or PNG file that is what its name
 * says. Also what the editions call, so a file changed after validation is
 * checked again.
 */
export function readLogo(root: string, spec: LogoSpec): LogoResult {
  const fail = (why: Localized): LogoResult => ({
    ok: false,
    message: { sv: `Logotypen "${spec.fil}" ${why.sv}.`, en: `The logo "${spec.fil}" ${why.en}.` },
  });
  const ext = path.extname(spec.fil).toLowerCase();
  if (ext !== ".svg" && ext !== ".png") return fail({ sv: "ska vara en SVG- eller PNG-fil", en: "must be an SVG or PNG file" });
  if (path.isAbsolute(spec.fil) || /^[a-z]:/i.test(spec.fil))
    return fail({
      sv: "ska anges relativt mappen med samdok.config.json, till exempel bilder/logotyp.svg",
      en: "must be given relative to the folder of samdok.config.json, for example bilder/logotyp.svg",
    });
  const read = readRegularFile(root, path.resolve(root, spec.fil), MAX_LOGO_BYTES);
  if (!read.ok) return fail(READ_PROBLEM[read.problem]);
  const data = new Uint8Array(read.data.buffer, read.data.byteOffset, read.data.byteLength);
  if (ext === ".png") {
    const size = pngSize(data);
    if (!size) return fail({ sv: "är ingen PNG-bild", en: "is not a PNG image" });
    return { ok: true, logo: { kind: "png", data, ...size, alt: spec.alt } };
  }
  const svg = sanitizeSvg(new TextDecoder("utf-8", { fatal: false }).decode(data));
  if (!svg.ok) return fail({ sv: `går inte att använda: ${svg.reason.sv}`, en: `cannot be used: ${svg.reason.en}` });
  return {
    ok: true,
    logo: { kind: "svg", data: new TextEncoder().encode(svg.svg), width: svg.width, height: svg.height, alt: spec.alt },
  };
}

function diagnostic(display: string, positions: PositionMap, pointer: string, message: Localized, lang: Lang): Diagnostic {
  const [line, column] = locate(positions, pointer, false);
  return { file: display, line, column, ruleId: "SD010", ruleName: "konfiguration", severity: "error", message: pick(message, lang) };
}

/**
 * The look's errors the schema cannot see: a colour with too little
 * contrast, and a logo that cannot be published. Values of the wrong form
 * are the schema's to report; they are passed by here.
 */
export function lookDiagnostics(data: unknown, positions: PositionMap, display: string, root: string, lang: Lang): Diagnostic[] {
  const utgava = (data as { utgava?: unknown } | null)?.utgava;
  if (typeof utgava !== "object" || utgava === null) return [];
  const out: Diagnostic[] = [];
  const { farg, logotyp } = utgava as { farg?: unknown; logotyp?: unknown };
  if (typeof farg === "string" && /^#[0-9a-fA-F]{6}$/.test(farg)) {
    const problem = colourProblem(farg);
    if (problem) out.push(diagnostic(display, positions, "/utgava/farg", problem, lang));
  }
  const spec = logotyp as Partial<LogoSpec> | undefined;
  if (typeof spec?.fil === "string" && spec.fil !== "") {
    const logo = readLogo(root, { fil: spec.fil, alt: typeof spec.alt === "string" ? spec.alt : "" });
    if (!logo.ok) out.push(diagnostic(display, positions, "/utgava/logotyp/fil", logo.message, lang));
  }
  return out;
}
