/**
 * A document's content, written as WordprocessingML text (wml.ts), as an
 * element of docx's object model. When docx writes the file, it does for the
 * text what docx's own elements do for themselves at that moment: it adds the
 * relationships of its web links, the list instances its list items use, its
 * pictures to the package's media, and its footnotes (with the ids they get,
 * in the order of the text). The text itself goes into the part as it is.
 *
 * With `--page-numbers`, docx estimates where pages break from the elements
 * it is about to write, so there the text is handed over as elements.
 */
import { FileChild, FootnoteReferenceRun, XmlComponent } from "docx";
import type { IContext, IXmlableObject } from "docx";
import type { RasterType } from "./images.js";
import { footnoteReference } from "./wml.js";

/** Where a footnote's reference is in the text, until its id is known. */
export const NOTE_MARK = "\u0001";
const NOTE_MARKS = /\u0001/g;
const HAS_NOTE_MARK = /\u0001/;

const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

export interface PictureData {
  key: string;
  type: RasterType;
  data: Uint8Array;
  width: number;
  height: number;
}

/** What a piece of text needs from docx when the file is written. */
export class Needs {
  /** Relationships of web links, in the order of the text. */
  readonly links: { id: string; target: string }[] = [];
  /** List instances, in the order of their first item. */
  readonly lists: { reference: string; instance: number }[] = [];
  readonly pictures: PictureData[] = [];
  /** Footnotes, in the order of their references (each a NOTE_MARK in the text). */
  readonly notes: Note[] = [];
  private readonly listKeys = new Set<string>();
  /** The parts' relationships the links are added to already (docx may write a part twice: --page-numbers). */
  readonly linkedIn = new WeakSet<object>();

  link(target: string): string {
    const id = nextLinkId();
    this.links.push({ id, target });
    return id;
  }

  list(reference: string, instance: number): void {
    const key = `${reference}\0${instance}`;
    if (this.listKeys.has(key)) return;
    this.listKeys.add(key);
    this.lists.push({ reference, instance });
  }
}

/** A footnote: its paragraphs (properties and runs apart: Word puts the number between them in the first). */
export interface Note {
  paragraphs: { properties: string; content: string }[];
  needs: Needs;
}

let links = 0;

/**
 * A relationship id of docx's shape (21 characters), which the normalising
 * step renumbers in order (normalize.ts), as it does docx's random ones.
 */
function nextLinkId(): string {
  links += 1;
  return `samdoklink${String(links).padStart(11, "0")}`;
}

/** Registers what the text needs, in the part being written. */
function register(needs: Needs, context: IContext): void {
  const relationships = context.viewWrapper.Relationships;
  if (!needs.linkedIn.has(relationships)) {
    needs.linkedIn.add(relationships);
    for (const l of needs.links) relationships.addRelationship(l.id, HYPERLINK, l.target, "External");
  }
  for (const l of needs.lists) context.file.Numbering.createConcreteNumberingInstance(l.reference, l.instance);
  for (const p of needs.pictures) {
    context.file.Media.addImage(p.key, {
      type: p.type,
      data: p.data,
      fileName: p.key,
      transformation: { pixels: { x: p.width, y: p.height }, emus: { x: Math.round(p.width * 9525), y: Math.round(p.height * 9525) } },
    });
  }
}

/**
 * Text that docx's XML writer copies into the part as it is: its writer
 * escapes strings, but writes anything else that is not an object with
 * `String()`, and an element without a name adds no tag of its own.
 */
function verbatim(xml: string): IXmlableObject {
  const text = (): string => xml;
  text.toString = text;
  return { "": [text] };
}

const ENTITY = /&(amp|lt|gt|quot|apos);/g;
const DECODED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const TOKEN = /<(\/?)([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=]+)="([^"]*)"/g;

function decode(text: string): string {
  return text.replace(ENTITY, (_m, name: string) => DECODED[name] ?? "");
}

interface Open {
  name: string;
  attributes: Record<string, string> | undefined;
  children: unknown[];
}

function element(open: Open, closed: boolean): IXmlableObject {
  const items: unknown[] = open.attributes ? [{ _attr: open.attributes }] : [];
  items.push(...open.children);
  // <w:t …></w:t> (an empty text) stays open and closed, as docx writes it.
  if (closed && open.children.length === 0) items.push("");
  if (items.length === 0) return { [open.name]: {} };
  if (items.length === 1 && open.attributes) return { [open.name]: { _attr: open.attributes } };
  return { [open.name]: items };
}

/** The text as docx's XML objects, which docx writes back as the same text (for the page estimator). */
export function toXmlable(xml: string): IXmlableObject[] {
  const stack: Open[] = [{ name: "", attributes: undefined, children: [] }];
  const top = (): Open => stack[stack.length - 1] as Open;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      top().children.push(decode(text));
    } else if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`toXmlable: </${name}> does not close <${open?.name}>`);
      top().children.push(element(open, true));
    } else {
      let attributes: Record<string, string> | undefined;
      for (const [, key, value] of (attrs ?? "").matchAll(ATTRIBUTE)) (attributes ??= {})[key as string] = decode(value ?? "");
      const open: Open = { name: name ?? "", attributes, children: [] };
      if (selfClosing) top().children.push(element(open, false));
      else stack.push(open);
    }
  }
  if (stack.length !== 1) throw new Error(`toXmlable: <${top().name}> is not closed`);
  return top().children as IXmlableObject[];
}

/** The id docx gave a footnote, from its reference run as docx writes it. */
function footnoteId(xmlable: IXmlableObject | undefined): number {
  const items = xmlable?.["w:r"];
  if (Array.isArray(items)) {
    for (const item of items as IXmlableObject[]) {
      const reference = item["w:footnoteReference"] as { _attr?: Record<string, unknown> } | undefined;
      const id = reference?._attr?.["w:id"];
      if (typeof id === "number") return id;
    }
  }
  throw new Error("docx wrote a footnote reference without an id");
}

/** A footnote's paragraph: docx's footnote puts its number after the paragraph's properties. */
class NoteParagraph extends XmlComponent {
  constructor(
    private readonly paragraph: { properties: string; content: string },
    private readonly needs: Needs | undefined,
  ) {
    super("w:p");
  }

  override prepForXml(context: IContext): IXmlableObject {
    if (this.needs) register(this.needs, context);
    const { properties, content } = this.paragraph;
    return { "w:p": properties === "" ? [verbatim(content)] : [{ "w:pPr": [verbatim(properties)] }, verbatim(content)] };
  }
}

/** A document's content in the body of the file. */
export class Content extends FileChild {
  private readonly references: FootnoteReferenceRun[];

  /**
   * @param xml the content, with NOTE_MARK where each footnote is referenced
   * @param structured hand the content over as elements (for the page estimator)
   */
  constructor(
    private readonly xml: string,
    private readonly needs: Needs,
    private readonly structured: boolean,
  ) {
    super("samdok:content");
    // Written piece by piece, the text is a rope of joined strings, about twice the size of its characters.
    // Matching a regular expression makes V8 flatten it into one string (and checks the marks).
    if (HAS_NOTE_MARK.test(xml) !== needs.notes.length > 0) throw new Error("The footnote marks in the text do not match its footnotes");
    // One run per reference, made once: docx adds a run's footnote the first time the run is written.
    this.references = needs.notes.map(
      (note) =>
        new FootnoteReferenceRun({
          children: note.paragraphs.map((p, i) => new NoteParagraph(p, i === 0 ? note.needs : undefined)) as never[],
        }),
    );
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    register(this.needs, context);
    let xml = this.xml;
    if (this.references.length > 0) {
      const ids = this.references.map((r) => footnoteId(r.prepForXml(context)));
      let k = 0;
      xml = xml.replace(NOTE_MARKS, () => footnoteReference(ids[k++] ?? 0));
    }
    if (xml === "") return undefined;
    return this.structured ? (toXmlable(xml) as unknown as IXmlableObject) : verbatim(xml);
  }
}
