/**
 * The look an edition is published with, from its sets' `utgava` settings:
 * the issuer, the logo and the main colour, the same in HTML, Word and the
 * PDF made from Word. config-look.ts checked them when the configuration was
 * loaded; the logo is read (and checked) again here, so a file swapped after
 * validation is never published.
 *
 * An edition of several sets takes a setting only when every set of the
 * edition agrees on it (one colour, one logo file); otherwise the default
 * look. Issuers are named together when every set names one.
 */
import { createHash } from "node:crypto";
import type { Edition } from "../edition.js";
import type { LoadedConfig } from "../../core/config.js";
import { readLogo, shade, type Logo } from "../../core/config-look.js";
import { UsageError } from "../../core/errors.js";
import { pick } from "../../i18n/text.js";
import { joinSv } from "./edition-labels.js";

export interface EditionLook {
  /** `utgava.utgivare`, when every set names one. */
  issuer?: string;
  /** "#RRGGBB", configured: undefined means each edition's own default. */
  colour?: string;
  logo?: Logo;
}

const looks = new WeakMap<object, EditionLook>();

/** The sets with documents in the edition (published or listed). */
function usedSets(edition: Pick<Edition, "sets" | "documents" | "listed">): LoadedConfig[] {
  const roots = new Set([...edition.documents, ...edition.listed.map((l) => l.doc)].map((d) => d.loaded.root));
  return edition.sets.filter((s) => roots.has(s.root));
}

/** The one value every set has, or undefined. */
function agreed<T>(values: readonly (T | undefined)[], key: (v: T) => string): T | undefined {
  const first = values[0];
  if (first === undefined || values.some((v) => v === undefined || key(v) !== key(first))) return undefined;
  return first;
}

function logoOf(set: LoadedConfig, lang: Edition["lang"]): Logo | undefined {
  const spec = set.config.utgava?.logotyp;
  if (!spec) return undefined;
  const read = readLogo(set.root, spec);
  if (!read.ok) throw new UsageError(pick(read.message, lang));
  return read.logo;
}

/** The edition's look (computed once per edition). Throws UsageError when a configured logo cannot be read now. */
export function editionLook(edition: Pick<Edition, "sets" | "documents" | "listed" | "lang">): EditionLook {
  const cached = looks.get(edition);
  if (cached) return cached;
  const sets = usedSets(edition);
  const look: EditionLook = {};
  const issuers = sets.map((s) => s.config.utgava?.utgivare);
  if (issuers.length > 0 && issuers.every((i) => i !== undefined)) look.issuer = joinSv([...new Set(issuers as string[])]);
  const colour = agreed(
    sets.map((s) => s.config.utgava?.farg?.toUpperCase()),
    (c) => c,
  );
  if (colour) look.colour = colour;
  const logo = agreed(
    sets.map((s) => logoOf(s, edition.lang)),
    (l) => `${l.alt}\0${createHash("sha256").update(l.data).digest("hex")}`,
  );
  if (logo) look.logo = logo;
  looks.set(edition, look);
  return look;
}

/** "#1D3B5C" → "1D3B5C", as Word writes colours. */
export function wordColour(hex: string): string {
  return hex.replace(/^#/, "").toUpperCase();
}

/**
 * The HTML edition's colours for a configured main colour: the header and
 * accents (`--brand`), their darker edge (`--brand-dark`) and the links.
 * Empty without one: the stylesheet's own colours stand.
 */
export function brandStyles(look: EditionLook): string {
  if (!look.colour) return "";
  const c = look.colour.toLowerCase();
  return `:root { --brand: ${c}; --brand-dark: ${shade(c, 0.7).toLowerCase()}; --link: ${c}; }`;
}

/** The logo as a `data:` address for an `<img>`: every page works from a file share, and an image runs no script. */
export function logoDataUrl(logo: Logo): string {
  const type = logo.kind === "svg" ? "image/svg+xml" : "image/png";
  return `data:${type};base64,${Buffer.from(logo.data).toString("base64")}`;
}

/** A size for the logo `height` pixels high (at most `maxWidth` wide), keeping its proportions. */
export function logoSize(logo: Logo, height: number, maxWidth: number): { width: number; height: number } {
  const width = Math.round((logo.width * height) / logo.height);
  if (width <= maxWidth) return { width, height };
  return { width: maxWidth, height: Math.max(1, Math.round((logo.height * maxWidth) / logo.width)) };
}
