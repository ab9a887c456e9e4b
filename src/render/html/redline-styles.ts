/**
 * The CSS of a redline page (issue 16), added to the edition's stylesheet on
 * pages that show changes only, so that every other page stays as it is.
 *
 * Never colour alone (WCAG 1.4.1): new text is underlined, removed text is
 * struck through, changed formatting has a dotted underline, a wholly new
 * block a solid line in the margin and a removed one a dashed line; screen
 * readers hear "infogat" / "borttaget" from generated text that is clipped
 * out of sight (it is not in the page's text, so accepting or rejecting the
 * marks gives the versions' words exactly). The colours have at least 6.5:1
 * contrast with their backgrounds, links in them too; the margin lines at
 * least 5.9:1 against the page and the fact box. Printed, the colours go
 * and the lines stay.
 */
/** The blocks that carry a line in the margin when wholly new or removed (the fact box's entries too). */
const BLOCKS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "table", "ul", "ol", "dl div"];

/** The selector of every marked block of one kind. */
function blocks(kind: "insert" | "delete"): string {
  return BLOCKS.map((b) => `${b}[data-redline="${kind}"]`).join(", ");
}

export const REDLINE_STYLES = `
:root {
  --ins-bg: #daf1df; --ins-fg: #0b3d1b; --ins-line: #1e6b35;
  --del-bg: #fbe1e1; --del-fg: #6b1212; --del-line: #8f1d1d;
}
ins, del { text-decoration-thickness: 0.1em; text-decoration-skip-ink: none; padding: 0 0.05em; border-radius: 2px; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration-line: underline; text-underline-offset: 0.2em; }
del { background: var(--del-bg); color: var(--del-fg); text-decoration-line: line-through; }
[data-redline="format"] { text-decoration: underline dotted 0.12em; text-underline-offset: 0.25em; }
ins::before, ins::after, del::before, del::after, [data-redline="format"]::after {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0, 0, 0, 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
ins::before { content: " [infogat] "; }
ins::after { content: " [slut infogat] "; }
del::before { content: " [borttaget] "; }
del::after { content: " [slut borttaget] "; }
[data-redline="format"]::after { content: " [formatering ändrad, " attr(data-redline-before) "] "; }
${blocks("insert")} { border-left: 4px solid var(--ins-line); padding-left: 0.6rem; }
${blocks("delete")} { border-left: 4px dashed var(--del-line); padding-left: 0.6rem; }
tr[data-redline="insert"] > :first-child { border-left: 4px solid var(--ins-line); padding-left: 0.5rem; }
tr[data-redline="delete"] > :first-child { border-left: 4px dashed var(--del-line); padding-left: 0.5rem; }
[data-redline] [data-redline], [data-redline] tr[data-redline] > :first-child { border-left: 0; padding-left: 0; }
hr[data-redline="insert"] { border-top: 3px solid var(--ins-line); }
hr[data-redline="delete"] { border-top: 3px dashed var(--del-line); }
.redline-summary { border: 2px solid var(--brand); border-left-width: 8px; padding: 0.25rem 1.25rem 0.5rem; margin: 1.25rem 0 1.75rem; max-width: 52rem; }
.redline-summary > h2, .redline-summary > h3, .redline-summary > h4, .redline-summary > h5 { margin-top: 0.75rem; font-size: 1.25rem; }
.redline-summary h3, .redline-summary h4, .redline-summary h5, .redline-summary h6 { font-size: 1.0625rem; margin-top: 1.25rem; }
.redline-summary ul { padding-left: 1.25rem; }
.redline-falt { margin-top: 1rem; }
.redline-falt td { overflow-wrap: break-word; }
.redline-forklaring { border-top: 1px solid var(--line); margin-top: 1rem; font-size: 0.9375rem; }
.redline-forklaring ul { list-style: none; padding-left: 0; }
.redline-forklaring li { margin-bottom: 0.35rem; }
@media (max-width: 48rem) {
  .redline-summary { padding: 0.25rem 0.75rem 0.5rem; border-left-width: 6px; }
  .redline-falt th, .redline-falt td { padding-right: 0.5rem; }
}
@media print {
  ins, del { background: none; color: #000; }
  .redline-summary { border: 1pt solid #000; border-left-width: 4pt; }
  ${blocks("insert")}, ${blocks("delete")} { border-left-color: #000; }
  tr[data-redline] > :first-child { border-left-color: #000; }
}
`;
