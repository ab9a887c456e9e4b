/**
 * What may survive from a document's text into the HTML edition.
 *
 * Raw HTML in the Markdown is never published: remark-rehype drops it
 * (`allowDangerousHtml` is off), and the build warns about it. What is left
 * is the HTML that Markdown syntax itself produces, and this schema, stricter
 * than GitHub's, still decides what of that survives: links only to the web,
 * mail and telephone, images only from relative paths or the web (the build
 * then copies or replaces them), no presentational attributes, no styles,
 * no event handlers. `clobberPrefix` is empty because the ids are rewritten
 * by the edition itself after sanitising (see anchors.ts).
 */
import { defaultSchema } from "rehype-sanitize";
import type { Options as SanitizeSchema } from "rehype-sanitize";

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
  ],
  attributes: {
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
    td: [["align", "left", "center", "right"]],
    th: [["align", "left", "center", "right"]],
    "*": [],
  },
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
