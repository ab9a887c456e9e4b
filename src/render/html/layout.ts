/**
 * The frame every page of the HTML edition shares: language, title, the
 * stylesheet, a skip link, the header with the edition's name and
 * navigation, and a footer that states the edition's date and source.
 * Everything is inline: a page works offline from a file share and loads
 * nothing from anywhere else.
 */
import type { Element } from "hast";
import type { HtmlBuild } from "./context.js";
import { block, documentRoot, h, stringify, type Child } from "./hast.js";
import { STYLES } from "./styles.js";
import { editionTitle } from "../shared/edition-labels.js";
import { longDate } from "../../core/dates.js";
import { brandStyles, editionLook, logoDataUrl, logoSize } from "../shared/region-look.js";

export type PageKind = "register" | "samlad" | "dokument";

export interface PageOptions {
  kind: PageKind;
  /** The page's own name, first in `<title>`. */
  title: string;
  description: string;
  main: Child[];
  /** More CSS for this page only. */
  styles?: string;
  /** Inline script (the register's enhancements). */
  script?: string;
}

/** html-validate's `long-title`: a title should fit in a search result or tab. */
const MAX_TITLE = 70;

function shortName(build: HtmlBuild): string {
  const { documents, listed } = build.edition;
  const regions = [...new Set([...documents, ...listed.map((l) => l.doc)].map((d) => d.loaded.config.region.namn))];
  return regions.length === 1 && regions[0] ? regions[0] : "Samverkansdokument";
}

/** Length as written: html-validate counts `<` and `&` in a title as their character references. */
function writtenLength(text: string): number {
  return text.replace(/&/g, "&#x26;").replace(/</g, "&#x3C;").length;
}

export function pageTitle(build: HtmlBuild, title: string): string {
  const full = `${title} – ${shortName(build)}`;
  if (writtenLength(full) <= MAX_TITLE) return full;
  if (writtenLength(title) <= MAX_TITLE) return title;
  let cut = title;
  while (cut.length > 0 && writtenLength(`${cut}…`) > MAX_TITLE) {
    const space = cut.lastIndexOf(" ");
    cut = space > 20 ? cut.slice(0, space) : cut.slice(0, -1);
    cut = cut.replace(/[\s,.;:–-]+$/, "");
  }
  return `${cut}…`;
}

/** "abc123def456", or with a note when the sources had changes not yet committed. */
export function revisionText(revision: string | undefined): string {
  if (!revision) return "okänd (källorna ligger inte i git)";
  return revision.endsWith("+ändrad") ? `${revision.slice(0, -"+ändrad".length)} med ändringar som inte är incheckade` : revision;
}

/**
 * "Utgåva 23 november 2026. Källversion: abc123def456."; a point-in-time
 * edition (`--as-of`) says "Gällande den 1 mars 2027" instead. The source
 * version is for those who maintain the edition, so only the page footer
 * states it; a page's own text says the date alone (`source: false`).
 */
export function editionStatement(build: HtmlBuild, options: { source?: boolean } = {}): Child[] {
  const { date, revision, asOf } = build.edition;
  const when: Child[] = [asOf ? "Gällande den " : "Utgåva ", h("time", { dateTime: date }, longDate(date, "sv")), "."];
  if (options.source === false) return when;
  return [...when, " Källversion: ", revision ? h("code", null, revisionText(revision)) : revisionText(revision), "."];
}

/**
 * The region's logo and issuer (`utgava` in samdok.config.json) on a white
 * band above the coloured header, so that a logo drawn for a white
 * background stays visible. Nothing when neither is configured.
 */
function issuerBar(build: HtmlBuild): Element | null {
  const look = editionLook(build.edition);
  if (!look.logo && !look.issuer) return null;
  const logo = look.logo;
  const size = logo ? logoSize(logo, 56, 320) : undefined;
  return block(
    "div",
    { className: ["utgivare"] },
    block(
      "div",
      { className: ["ram", "utgivare-ram"] },
      logo && size
        ? h("img", { className: ["logotyp"], src: logoDataUrl(logo), alt: logo.alt, width: size.width, height: size.height })
        : null,
      look.issuer ? h("p", { className: ["utgivare-namn"] }, look.issuer) : null,
    ),
  );
}

export function renderPage(build: HtmlBuild, options: PageOptions): string {
  const link = (href: string, label: string, kind: PageKind): Element =>
    h("li", null, h("a", { href, ariaCurrent: options.kind === kind ? "page" : null }, label));
  const header = h(
    "header",
    { className: ["sidhuvud"] },
    issuerBar(build),
    block(
      "div",
      { className: ["ram", "sidhuvud-ram"] },
      // A point-in-time edition says so on every page, under the edition's name.
      build.edition.asOf
        ? h(
            "div",
            null,
            h("p", { className: ["webbplats"] }, h("a", { href: "index.html" }, editionTitle(build.edition))),
            h(
              "p",
              { className: ["gallande-den"] },
              "Gällande den ",
              h("time", { dateTime: build.edition.asOf }, longDate(build.edition.asOf, "sv")),
            ),
          )
        : h("p", { className: ["webbplats"] }, h("a", { href: "index.html" }, editionTitle(build.edition))),
      h(
        "nav",
        { ariaLabel: "Utgåvan" },
        block(
          "ul",
          null,
          // A set's edition in a build of several leads back to the index of the sets.
          build.edition.setsIndex ? h("li", null, h("a", { href: build.edition.setsIndex }, "Alla samlingar")) : null,
          link("index.html", "Dokumentregister", "register"),
          link("samlad-utgava.html", "Samlad utgåva", "samlad"),
        ),
      ),
    ),
  );
  return framedPage(build, {
    title: options.title,
    description: options.description,
    css: [STYLES, brandStyles(editionLook(build.edition)), options.styles ?? ""].filter(Boolean).join("\n"),
    bodyClass: `sida-${options.kind}`,
    header,
    main: options.main,
    made: `Sidan är skapad med samdok ${build.version} ur dokumentens Markdown-filer. Den fastställda lydelsen är den som beslutsorganet fattat beslut om.`,
    ...(options.script ? { script: options.script } : {}),
  });
}

/** What a page puts in the frame every page of the edition shares (`framedPage`). */
export interface PageFrame {
  /** The page's own name, first in `<title>`. */
  title: string;
  description: string;
  /** The whole stylesheet of the page. */
  css: string;
  bodyClass: string;
  header: Element;
  main: Child[];
  /** The footer's second line: how the page was made. */
  made: string;
  script?: string;
}

/**
 * The frame of every page, the sets' index too: the head (title, description,
 * generator, styles), a skip link, the header, `main`, and the footer with
 * the edition's date and source.
 */
export function framedPage(build: HtmlBuild, frame: PageFrame): string {
  const head = block(
    "head",
    null,
    h("meta", { charSet: "utf-8" }),
    h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
    h("title", null, pageTitle(build, frame.title)),
    h("meta", { name: "description", content: frame.description }),
    h("meta", { name: "generator", content: `samdok ${build.version}` }),
    h("style", null, frame.css),
  );
  const footer = h(
    "footer",
    { className: ["sidfot"] },
    block("div", { className: ["ram"] }, h("p", null, editionStatement(build)), h("p", null, frame.made)),
  );
  const body = block(
    "body",
    { className: [frame.bodyClass] },
    h("a", { className: ["hoppa"], href: "#innehall" }, "Hoppa till innehållet"),
    frame.header,
    block("main", { id: "innehall", className: ["ram"], tabIndex: -1 }, ...frame.main),
    footer,
    frame.script ? h("script", null, frame.script) : null,
  );
  return stringify(documentRoot(block("html", { lang: "sv" }, head, body)));
}
