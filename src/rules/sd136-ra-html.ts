/**
 * SD136: raw HTML outside the subset the editions publish. A writer who
 * pastes `<span style="…">` or `<div>` into a document sees it in GitHub's
 * preview, but the editions remove the tag (and keep its text), so what is
 * published differs from what was written. Before this rule only `build`
 * said so, once per document; validation now points at each place. What is
 * published, and what is removed, is decided in one place
 * (render/shared/raw-html.ts), which the editions and the build's warning use
 * too.
 */
import type { DocumentRule } from "./types.js";
import { rawHtmlFindings, rawHtmlMessage } from "../render/shared/raw-html.js";

export const rule: DocumentRule = {
  id: "SD136",
  name: "ra-html",
  scope: "document",
  category: "struktur",
  defaultSeverity: "warning",
  description: {
    sv: "Rå HTML i texten håller sig till det utgåvorna publicerar: `<br>`, `<sup>`, `<sub>`, tabeller med `colspan`/`rowspan` och `<details>`/`<summary>`.",
    en: "Raw HTML in the text keeps to what the editions publish: `<br>`, `<sup>`, `<sub>`, tables with `colspan`/`rowspan` and `<details>`/`<summary>`.",
  },
  docs: {
    sv: 'Markdown räcker för nästan allt. Det som saknas får skrivas med lite HTML, och det publiceras i både HTML- och Word-utgåvan: radbrytning i en tabellcell (`Närvårdskoordinator<br>FoU-samordnare`), upphöjt och nedsänkt (`20 m<sup>2</sup>`, `CO<sub>2</sub>`), tabeller med sammanslagna celler (`<td colspan="2">`, `<th rowspan="2" scope="row">`) och fällbara avsnitt (`<details><summary>Bakgrund</summary>…</details>`, i Word en fet rad följd av innehållet). Annan HTML, till exempel `<span>`, `<div>`, `<font>` eller attributet `style`, tas bort av utgåvorna medan texten behålls; innehållet i `<script>`, `<style>`, `<iframe>` och liknande tas bort helt. Regeln visar var sådan HTML står, så att den kan skrivas om med Markdown. Kommentarer (`<!-- … -->`) är tillåtna.',
    en: 'Markdown covers almost everything. What it lacks may be written with a little HTML, and that is published in both the HTML and the Word edition: a line break in a table cell (`Närvårdskoordinator<br>FoU-samordnare`), superscript and subscript (`20 m<sup>2</sup>`, `CO<sub>2</sub>`), tables with merged cells (`<td colspan="2">`, `<th rowspan="2" scope="row">`) and fold-out sections (`<details><summary>Background</summary>…</details>`, in Word a bold line followed by the content). Other HTML, such as `<span>`, `<div>`, `<font>` or the `style` attribute, is removed by the editions while the text is kept; the content of `<script>`, `<style>`, `<iframe>` and the like is removed entirely. The rule shows where such HTML stands, so that it can be rewritten in Markdown. Comments (`<!-- … -->`) are allowed.',
  },
  check(ctx) {
    // Every raw HTML node has a "<"; most documents have none.
    if (!ctx.text.includes("<")) return;
    for (const f of rawHtmlFindings(ctx.mdast(), ctx.lines)) {
      ctx.report({ range: [f.line, f.column, f.endLine, f.endColumn], message: rawHtmlMessage(f) });
    }
  },
};
