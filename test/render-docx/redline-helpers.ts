/**
 * Accepting or rejecting every tracked change of a Word part, as Word does,
 * on the XML text, and the paragraphs' text: the redline edition's promise
 * (issue 16) is that accepting everything gives the text of the edition at
 * the new version and rejecting everything the text at REF, paragraph by
 * paragraph. `dropSummaries` first removes what the redline edition adds
 * that is no part of either version (the summaries, the list of changed
 * documents, the cover's line), by their hidden `_Andringar_…` bookmarks.
 *
 * The rules, for the markup the edition writes (no tables in tables):
 * - a row whose `w:trPr` holds `w:del` (accept) / `w:ins` (reject) goes;
 * - `w:del` / `w:ins` around runs goes with its runs; the other is unwrapped
 *   (`w:delText` becomes `w:t` again);
 * - a paragraph whose mark is deleted (accept) / inserted (reject) goes;
 *   what text is left in it joins the next paragraph, as Word joins them;
 * - `w:rPrChange`: accepting drops it, rejecting puts back the properties it holds.
 */

type Kind = "ins" | "del";

const ROW = /<w:tr\b[^>]*>[\s\S]*?<\/w:tr>/g;
const PARAGRAPH = /<w:p\/>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g;
const PARAGRAPH_MARK = /^<w:p\b[^>]*>(<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<\/w:pPr>)?/;

/** The change element a row's or paragraph mark's properties hold. */
function marked(props: string, kind: Kind): boolean {
  return new RegExp(`<w:${kind} [^>]*/>`).test(props);
}

function dropRows(xml: string, kind: Kind): string {
  return xml.replace(ROW, (row) => {
    const props = /^<w:tr\b[^>]*><w:trPr>((?:(?!<\/w:trPr>)[\s\S])*)<\/w:trPr>/.exec(row)?.[1] ?? "";
    return marked(props, kind) ? "" : row;
  });
}

/** Whether what is left of a paragraph's content shows anything. */
function hasContent(content: string): boolean {
  return /<w:(t|drawing|footnoteReference|br|tab)\b/.test(content);
}

/** Drops paragraphs whose mark is `kind`; content left in one is joined to the next paragraph. */
function dropParagraphs(xml: string, kind: Kind): string {
  let carry = "";
  return xml.replace(PARAGRAPH, (p) => {
    const head = PARAGRAPH_MARK.exec(p);
    const props = head?.[1] ?? "";
    const markProps = /<w:rPr>((?:(?!<\/w:rPr>)[\s\S])*)<\/w:rPr><\/w:pPr>$/.exec(props)?.[1] ?? "";
    const content = p === "<w:p/>" ? "" : p.slice(head?.[0].length ?? 0, -"</w:p>".length);
    if (marked(markProps, kind)) {
      if (hasContent(content)) carry += content;
      return "";
    }
    if (carry === "") return p;
    const joined = p === "<w:p/>" ? `<w:p>${carry}</w:p>` : `${head?.[0] ?? "<w:p>"}${carry}${content}</w:p>`;
    carry = "";
    return joined;
  });
}

/** Removes the change elements of a kind around runs, with what they hold. */
function dropRuns(xml: string, kind: Kind): string {
  return xml.replace(new RegExp(`<w:${kind} [^>]*[^/]>[\\s\\S]*?</w:${kind}>`, "g"), "");
}

/** Unwraps the change elements of a kind around runs and removes those of marks and rows. */
function keepRuns(xml: string, kind: Kind): string {
  return xml
    .replace(new RegExp(`<w:${kind} [^>]*/>`, "g"), "")
    .replace(new RegExp(`<w:${kind} [^>]*>|</w:${kind}>`, "g"), "")
    .replace(/<w:rPr><\/w:rPr>/g, "")
    .replace(/<w:trPr><\/w:trPr>/g, "")
    .replace(/<w:pPr><\/w:pPr>/g, "");
}

/** The part as it is when every change is accepted. */
export function acceptXml(xml: string): string {
  let out = dropRows(xml, "del");
  out = dropRuns(out, "del");
  out = dropParagraphs(out, "del");
  out = keepRuns(out, "ins");
  return out.replace(/<w:rPrChange\b[^>]*\/>|<w:rPrChange\b[^>]*>[\s\S]*?<\/w:rPrChange>/g, "").replace(/<w:rPr><\/w:rPr>/g, "");
}

/** The part as it is when every change is rejected. */
export function rejectXml(xml: string): string {
  let out = dropRows(xml, "ins");
  out = dropRuns(out, "ins");
  out = dropParagraphs(out, "ins");
  out = keepRuns(out, "del")
    .replace(/<w:delText\b/g, "<w:t")
    .replace(/<\/w:delText>/g, "</w:t>");
  // A run's properties become those its w:rPrChange holds.
  return out.replace(
    /<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*?<w:rPrChange\b[^>]*>(?:<w:rPr>((?:(?!<\/w:rPr>)[\s\S])*)<\/w:rPr>|<w:rPr\/>)<\/w:rPrChange><\/w:rPr>/g,
    (_m, old: string | undefined) => (old ? `<w:rPr>${old}</w:rPr>` : ""),
  );
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => ENTITIES[name] ?? "");
}

/** The text of a paragraph: its `w:t`, line breaks as "\n", tabs as "\t" (deleted text is not read). */
export function paragraphText(p: string): string {
  let out = "";
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
    out += m[1] !== undefined ? decode(m[1]) : m[0] === "<w:br/>" ? "\n" : "\t";
  }
  return out;
}

/** Every paragraph's text, in order (table cells' too). */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(PARAGRAPH)].map((m) => paragraphText(m[0]));
}

const SUMMARY_START = /<w:bookmarkStart w:name="_Andringar_[A-Za-z0-9_]*" w:id="(\d+)"\/>/;

/**
 * The part without the redline edition's own additions: every block
 * element from the paragraph holding a `_Andringar_…` bookmark's start to
 * the one holding its end. A section's properties in the last of them
 * move to the paragraph before, where the edition without them has them.
 */
export function dropSummaries(xml: string): string {
  let out = xml;
  for (let m = SUMMARY_START.exec(out); m; m = SUMMARY_START.exec(out)) {
    const from = Math.max(out.lastIndexOf("<w:p>", m.index), out.lastIndexOf("<w:p ", m.index));
    const endAt = out.indexOf(`<w:bookmarkEnd w:id="${m[1]}"/>`, m.index);
    if (from < 0 || endAt < 0) throw new Error(`unclosed bookmark range ${m[0]}`);
    const to = out.indexOf("</w:p>", endAt) + "</w:p>".length;
    const dropped = out.slice(from, to);
    let before = out.slice(0, from);
    const section = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(dropped)?.[0];
    if (section) {
      const last = before.lastIndexOf("</w:pPr>");
      const lastParagraph = Math.max(before.lastIndexOf("<w:p>"), before.lastIndexOf("<w:p "));
      before =
        last > lastParagraph
          ? before.slice(0, last) + section + before.slice(last)
          : before.slice(0, lastParagraph) + before.slice(lastParagraph).replace(/^<w:p>/, `<w:p><w:pPr>${section}</w:pPr>`);
    }
    out = before + out.slice(to);
  }
  return out;
}
