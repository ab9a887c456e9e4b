/**
 * What may survive from a document's text into the HTML edition.
 *
 * Of raw HTML in the Markdown only a small subset is published (`<br>`,
 * `<sup>`, `<sub>`, tables with `colspan`/`rowspan`, `<details>`): it is
 * parsed and filtered to that subset first (render/shared/raw-html.ts, where
 * the subset is defined), the rest is removed and the build and rule SD136
 * warn about it. What is left is that and the HTML that Markdown syntax
 * itself produces, and this schema, stricter
 * than GitHub's, still decides what of that survives: links only to the web,
 * mail and telephone, images only from relative paths or the web (the build
 * then copies or replaces them), no presentational attributes, no styles,
 * no event handlers. `clobberPrefix` is empty because the ids are rewritten
 * by the edition itself after sanitising (see anchors.ts).
 */
import { defaultSchema } from "rehype-sanitize";
import type { Options as SanitizeSchema } from "rehype-sanitize";
import { RAW_HTML_PROPERTIES, RAW_HTML_SUBSET } from "../shared/raw-html.js";
import { allowRedline, REDLINE_TAGS } from "./redline-marks.js";

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    "a",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "input",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "strong",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    // The raw HTML subset (sup, br and the table tags are above already).
    ...[...RAW_HTML_SUBSET.keys()].filter((tag) => !["br", "sup", "table", "tbody", "td", "th", "thead", "tr"].includes(tag)),
    // `--redline`: ins, s and the format mark, with `data-redline` on the blocks (redline-marks.ts); raw HTML never has them.
    ...REDLINE_TAGS,
  ],
  attributes: allowRedline({
    a: [
      "href",
      "title",
      "id",
      "dataFootnoteRef",
      "dataFootnoteBackref",
      "ariaDescribedBy",
      "ariaLabel",
      ["className", "data-footnote-backref"],
    ],
    code: [["className", /^language-[\w-]+$/]],
    h2: ["id", ["className", "sr-only"]],
    img: ["src", "alt", "title"],
    input: [["type", "checkbox"], ["disabled", true], "checked"],
    li: ["id", ["className", "task-list-item"]],
    ol: ["start", ["className", "contains-task-list"]],
    ul: [["className", "contains-task-list"]],
    section: ["dataFootnotes", ["className", "footnotes"]],
    td: [["align", "left", "center", "right"], ...(RAW_HTML_PROPERTIES.td ?? [])],
    th: [["align", "left", "center", "right"], ...(RAW_HTML_PROPERTIES.th ?? [])],
    details: [...(RAW_HTML_PROPERTIES.details ?? [])],
    "*": [],
  }),
  clobberPrefix: "",
  clobber: [],
  protocols: {
    href: ["http", "https", "mailto", "tel"],
    src: ["http", "https"],
  },
  required: { input: { type: "checkbox", disabled: true } },
  strip: ["script", "style"],
  allowComments: false,
  allowDoctypes: false,
};
