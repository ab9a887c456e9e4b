/**
 * Every page carries a header (the document's title, version and status,
 * and the edition date) and a footer ("Utskriven kopia är inte styrande" and
 * "Sida X av Y"), except the cover, which has neither (Word's "different
 * first page", with an empty first-page header and footer). Each chapter is
 * a section of its own, starting on a new page, so its header names its own
 * document.
 */
import { Footer, Header, PageNumber, Paragraph, SectionType, Tab, TextRun } from "docx";
import type { FileChild, ISectionOptions } from "docx";
import { LABEL } from "./labels.js";
import { STYLE, type PageSetup } from "./styles.js";

function header(left: string, right: string): Header {
  return new Header({
    children: [new Paragraph({ style: STYLE.header, children: [new TextRun(left), new TextRun({ children: [new Tab(), right] })] })],
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: [
          new TextRun(LABEL.notGoverning),
          new TextRun({ children: [new Tab(), `${LABEL.page} `, PageNumber.CURRENT, ` ${LABEL.of} `, PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** An empty header or footer, for the cover page. */
function blank(): { children: Paragraph[] } {
  return { children: [new Paragraph({ style: STYLE.header, children: [] })] };
}

/**
 * @param first the file's first section (its footer is the one every section inherits)
 * @param cover the section starts with the cover: no header or footer on its first page
 */
export function section(
  children: FileChild[],
  page: PageSetup,
  head: { left: string; right: string },
  first: boolean,
  cover = false,
): ISectionOptions {
  return {
    properties: {
      ...(first ? {} : { type: SectionType.NEXT_PAGE }),
      ...(cover ? { titlePage: true } : {}),
      page: {
        size: { width: page.width, height: page.height },
        margin: { top: page.top, right: page.right, bottom: page.bottom, left: page.left, header: page.header, footer: page.footer },
      },
    },
    headers: { default: header(head.left, head.right), ...(cover ? { first: new Header(blank()) } : {}) },
    // The footer is the same on every page: later sections inherit it (Word's "link to previous").
    ...(first ? { footers: { default: footer(), ...(cover ? { first: new Footer(blank()) } : {}) } } : {}),
    children,
  };
}
