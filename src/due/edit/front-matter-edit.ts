/**
 * Changes a few values in a document's YAML front matter and leaves every
 * other byte of the file as it was: comments, key order, quoting, blank
 * lines, line ends (LF or CRLF), a byte-order mark and the whole body.
 *
 * The `yaml` Document API parses the front matter and says where each node
 * stands; the new nodes are made and rendered by the same library. Writing
 * the whole document back with `doc.toString()` would re-format what a
 * person wrote (`key: x   # note` loses its spaces, `- a` under a key gets
 * indented, folded text is re-folded), so each change is spliced in at its
 * node's range instead. Every edit is also applied to a plain copy of the
 * data (aliases expanded into separate values), and the spliced text must
 * parse to exactly that data, or nothing is written.
 *
 * YAML anchors and aliases (`version: &v "3.0"` … `version: *v`) make two
 * fields one value. An edit changes the field it names and nothing else: a
 * field that is an alias gets a value of its own, and when the edited value
 * carries an anchor that aliases point to, each alias is first written out as
 * a copy of the old value (and the anchor, now unused, is dropped). Because
 * the expected data is a plain copy, an edit that wrote through an alias
 * anyway would not match it and would not be written.
 */
import { isDeepStrictEqual } from "node:util";
import {
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Alias,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";

export class FrontMatterEditError extends Error {}

type Path = readonly (string | number)[];

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

const RENDER = { lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true, flowCollectionPadding: false } as const;

export class FrontMatterEditor {
  readonly bom: string;
  readonly eol: string;
  /** The file text without the byte-order mark. */
  private readonly text: string;
  private readonly yamlStart: number;
  private readonly yamlEnd: number;
  readonly yaml: string;
  readonly doc: ReturnType<typeof parseDocument>;
  /** The data the edited text must parse to: a plain copy, so that no edit reaches a value through an alias. */
  private readonly expected: Record<string, unknown>;
  private readonly splices: Splice[] = [];

  constructor(fileText: string) {
    this.bom = fileText.startsWith("\uFEFF") ? "\uFEFF" : "";
    this.text = fileText.slice(this.bom.length);
    const open = /^---[ \t]*(?:ya?ml)?[ \t]*(\r?\n)/.exec(this.text);
    if (!open) throw new FrontMatterEditError("no-front-matter");
    this.eol = open[1] ?? "\n";
    this.yamlStart = open[0].length;
    const close = /^---[ \t]*\r?$/m;
    const rest = this.text.slice(this.yamlStart);
    const m = close.exec(rest);
    if (!m) throw new FrontMatterEditError("unclosed-front-matter");
    this.yamlEnd = this.yamlStart + m.index;
    this.yaml = this.text.slice(this.yamlStart, this.yamlEnd);
    this.doc = parseDocument(this.yaml, { version: "1.2" });
    if (this.doc.errors.length > 0 || !isMap(this.doc.contents)) throw new FrontMatterEditError("yaml-errors");
    let data: unknown;
    try {
      data = this.doc.toJS();
    } catch {
      throw new FrontMatterEditError("yaml-errors");
    }
    this.expected = unshared(data) as Record<string, unknown>;
  }

  /** The data as it stands (before any edit). */
  get data(): Record<string, unknown> {
    return this.doc.toJS() as Record<string, unknown>;
  }

  private get root(): YAMLMap {
    return this.doc.contents as YAMLMap;
  }

  private lineStart(pos: number): number {
    return this.yaml.lastIndexOf("\n", pos - 1) + 1;
  }

  /** Where a new line may be inserted after the node that ends at `pos` (after any comment on its line). */
  private afterLine(pos: number): { at: number; lead: string } {
    if (pos > 0 && this.yaml[pos - 1] === "\n") return { at: pos, lead: "" };
    const nl = this.yaml.indexOf("\n", pos);
    if (nl === -1) return { at: this.yaml.length, lead: this.eol };
    return { at: nl + 1, lead: "" };
  }

  /** The column of the `- ` in front of a block sequence item that starts at `pos`. */
  private dashColumn(pos: number): number {
    let i = pos - 1;
    while (i >= 0 && /\s/.test(this.yaml[i] ?? "")) i--;
    if (this.yaml[i] === "-") return this.column(i);
    throw new FrontMatterEditError("unsupported-seq");
  }

  private column(pos: number): number {
    return pos - this.lineStart(pos);
  }

  private lines(rendered: string, indent: number): string {
    const pad = " ".repeat(indent);
    return rendered
      .replace(/\n$/, "")
      .split("\n")
      .map((l) => (l === "" ? l : pad + l))
      .join(this.eol)
      .concat(this.eol);
  }

  private renderBlock(node: unknown, indent: number): string {
    const d = new Document();
    d.contents = d.createNode(node) as Node;
    return this.lines(d.toString(RENDER), indent);
  }

  private renderFlow(node: Node): string {
    const d = new Document();
    if (isMap(node) || isSeq(node)) node.flow = true;
    d.contents = node;
    return d.toString(RENDER).replace(/\n$/, "");
  }

  /** Gives new string scalars the quoting of their counterparts in `like`. */
  private styled(value: Record<string, unknown>, like: unknown): YAMLMap {
    const node = this.doc.createNode(value) as YAMLMap;
    if (!isMap(like)) return node;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      const found: unknown = like.get(key, true);
      const theirs = isAlias(found) ? found.resolve(this.doc) : found;
      if (
        isScalar(pair.value) &&
        typeof pair.value.value === "string" &&
        isScalar(theirs) &&
        (theirs.type === Scalar.QUOTE_SINGLE || theirs.type === Scalar.QUOTE_DOUBLE)
      ) {
        pair.value.type = theirs.type;
      }
    }
    return node;
  }

  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    return map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) as Pair | undefined;
  }

  /**
   * A scalar as it is written on one line, in the quoting `type` when that
   * gives one line, else double-quoted, so that it cannot depend on the
   * indentation around it.
   */
  private renderScalar(value: unknown, type: Scalar.Type | undefined): string {
    const render = (t: Scalar.Type | undefined): string => {
      const scalar = new Scalar(value);
      if (t) scalar.type = t;
      const d = new Document();
      d.contents = scalar;
      return d.toString(RENDER).replace(/\n$/, "");
    };
    const rendered = render(type);
    return rendered.includes("\n") ? render(Scalar.QUOTE_DOUBLE) : rendered;
  }

  /**
   * Before the value of `node` changes: every alias that points to it gets a
   * copy of the old value, so that the other fields keep what they said, and
   * the anchor, now unused, is removed.
   */
  private detachAliases(node: Scalar & { range: [number, number, number] }): void {
    const name = node.anchor;
    if (!name) return;
    const aliases: Alias[] = [];
    visit(this.doc, {
      Alias: (_key, alias) => {
        if (alias.source === name && alias.resolve(this.doc) === node) aliases.push(alias);
      },
    });
    if (aliases.length === 0) return;
    const source = this.yaml.slice(node.range[0], node.range[1]);
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const copy = quoted && !source.includes("\n") ? source : this.renderScalar(node.value, node.type);
    for (const alias of aliases) {
      if (!alias.range) throw new FrontMatterEditError(`unsupported-alias:${name}`);
      this.splices.push({ at: alias.range[0], remove: alias.range[1] - alias.range[0], insert: copy });
    }
    // `&v "3.0"` or `&v !!str "3.0"` on the value's line: the anchor and the space after it go.
    const escaped = name.replace(/[.*+?^$()|[\]{}\\]/g, "\\$&");
    const props = new RegExp("&" + escaped + "[ \\t]+((?:!\\S*[ \\t]+)?)$").exec(
      this.yaml.slice(this.lineStart(node.range[0]), node.range[0]),
    );
    if (props) this.splices.push({ at: node.range[0] - props[0].length, remove: props[0].length, insert: props[1] ?? "" });
  }

  /**
   * Replaces an existing scalar, keeping its quoting. A field that is an
   * alias (`*v`) gets a scalar of its own; the anchored value is not changed.
   */
  setScalar(path: Path, value: string | boolean): void {
    const node = this.doc.getIn(path, true);
    if (isAlias(node)) {
      if (!node.range) throw new FrontMatterEditError(`not-a-scalar:${path.join(".")}`);
      const target = node.resolve(this.doc);
      if (target !== undefined && !isScalar(target)) throw new FrontMatterEditError(`not-a-scalar:${path.join(".")}`);
      this.splices.push({ at: node.range[0], remove: node.range[1] - node.range[0], insert: this.renderScalar(value, target?.type) });
      setAt(this.expected, path, value);
      return;
    }
    if (!isScalar(node) || !node.range) throw new FrontMatterEditError(`not-a-scalar:${path.join(".")}`);
    this.detachAliases(node as Scalar & { range: [number, number, number] });
    this.splices.push({ at: node.range[0], remove: node.range[1] - node.range[0], insert: this.renderScalar(value, node.type) });
    setAt(this.expected, path, value);
  }

  /** Sets a top-level key: in place when present, else as a new line after the first of `after` that exists (else last). */
  setTopLevel(key: string, value: string, after: readonly string[]): void {
    if (this.pairOf(this.root, key)) {
      this.setScalar([key], value);
      return;
    }
    const anchor =
      after.map((k) => this.pairOf(this.root, k)).find((p) => p !== undefined) ??
      (this.root.items[this.root.items.length - 1] as Pair | undefined);
    this.insertPairsAfter(this.root, anchor, { [key]: value });
    setAt(this.expected, [key], value);
  }

  private insertPairsAfter(map: YAMLMap, anchor: Pair | undefined, entries: Record<string, unknown>): void {
    const firstKey = map.items[0]?.key;
    const indent = isScalar(firstKey) && firstKey.range ? this.column(firstKey.range[0]) : 0;
    const end = endOf(anchor) ?? 0;
    const { at, lead } = anchor ? this.afterLine(end) : { at: 0, lead: "" };
    this.splices.push({ at, remove: 0, insert: lead + this.renderBlock(entries, indent) });
  }

  /** Appends an item to the sequence under a top-level key; creates the key at the end when missing. */
  appendToSeq(key: string, item: Record<string, unknown>): void {
    this.appendToSeqAt([key], item);
  }

  /**
   * Appends an item (a mapping or a scalar) to the sequence at `path`. A
   * missing sequence is created: at the end of the front matter for a
   * top-level key, as a new key of its mapping otherwise.
   */
  appendToSeqAt(path: Path, item: unknown): void {
    const seq = this.doc.getIn(path, true);
    if (seq === undefined) {
      const parent = path.slice(0, -1);
      const key = path[path.length - 1];
      if (typeof key !== "string") throw new FrontMatterEditError(`unsupported-seq:${path.join(".")}`);
      if (parent.length > 0) {
        this.addToMap(parent, { [key]: [item] });
        return;
      }
      this.insertPairsAfter(this.root, this.root.items[this.root.items.length - 1] as Pair | undefined, { [key]: [item] });
      setAt(this.expected, path, [unshared(item)]);
      return;
    }
    if (!isSeq(seq) || !seq.range) throw new FrontMatterEditError(`unsupported-seq:${path.join(".")}`);
    const last = seq.items[seq.items.length - 1];
    const node = this.styledItem(item, last);
    if (seq.flow) {
      this.insertIntoFlow(seq, this.renderFlow(node));
    } else {
      const first = seq.items[0] as Node | undefined;
      if (!first?.range || !last || !isNodeWithRange(last)) throw new FrontMatterEditError(`unsupported-seq:${path.join(".")}`);
      const dashColumn = this.dashColumn(first.range[0]);
      const { at, lead } = this.afterLine(last.range[1]);
      const rendered = this.renderBlock([node], dashColumn);
      this.splices.push({ at, remove: 0, insert: lead + rendered });
    }
    const list = getAt(this.expected, path);
    if (!Array.isArray(list)) throw new FrontMatterEditError(`unsupported-seq:${path.join(".")}`);
    list.push(unshared(item));
  }

  /** A new sequence item with the quoting of the item before it: a mapping key by key, a scalar as a whole. */
  private styledItem(item: unknown, like: unknown): Node {
    if (typeof item === "object" && item !== null && !Array.isArray(item)) return this.styled(item as Record<string, unknown>, like);
    const node = this.doc.createNode(item) as Node;
    const theirs = isAlias(like) ? like.resolve(this.doc) : like;
    if (
      isScalar(node) &&
      typeof node.value === "string" &&
      isScalar(theirs) &&
      (theirs.type === Scalar.QUOTE_SINGLE || theirs.type === Scalar.QUOTE_DOUBLE)
    ) {
      node.type = theirs.type;
    }
    return node;
  }

  /**
   * Removes a top-level key with its whole value: the lines from the key to
   * the end of the value (a comment on the last line goes with it). Comment
   * lines above the key stay: they may speak of something else.
   */
  removeTopLevel(key: string): void {
    const pair = this.pairOf(this.root, key);
    if (!pair) return;
    if (this.root.flow || !isNodeWithRange(pair.key)) throw new FrontMatterEditError(`unsupported-remove:${key}`);
    const start = this.lineStart(pair.key.range[0]);
    if (this.yaml.slice(start, pair.key.range[0]).trim() !== "") throw new FrontMatterEditError(`unsupported-remove:${key}`);
    const { at } = this.afterLine(endOf(pair) ?? pair.key.range[1]);
    this.splices.push({ at: start, remove: at - start, insert: "" });
    delete this.expected[key];
  }

  /**
   * Sets several top-level keys to any values (strings, lists, mappings,
   * booleans). A key that exists keeps its place: a string replaces a string
   * in place, any other value replaces the key's lines. A new key goes after
   * the nearest key before it in `order` that the front matter has (else at
   * the top; a key missing from `order` goes last), and keys that land at the same place are written together, in
   * the order of `order`, so that no two insertions compete for one spot.
   */
  setTopLevelKeys(values: Record<string, unknown>, order: readonly string[]): void {
    const groups = new Map<Pair | undefined, Record<string, unknown>>();
    const ordered = Object.keys(values).sort((a, b) => rank(order, a) - rank(order, b));
    for (const key of ordered) {
      const value = values[key];
      const pair = this.pairOf(this.root, key);
      if (pair) {
        if (typeof value === "string" && (isScalar(pair.value) || isAlias(pair.value))) this.setScalar([key], value);
        else this.replacePair(pair, key, value);
        continue;
      }
      const at = order.indexOf(key);
      const anchor =
        at === -1
          ? (this.root.items[this.root.items.length - 1] as Pair | undefined)
          : order
              .slice(0, at)
              .reverse()
              .map((k) => this.pairOf(this.root, k))
              .find((p) => p !== undefined);
      const group = groups.get(anchor) ?? {};
      group[key] = value;
      groups.set(anchor, group);
      setAt(this.expected, [key], unshared(value));
    }
    for (const [anchor, entries] of groups) this.insertPairsAfter(this.root, anchor, entries);
  }

  /** Replaces a top-level key and its value with freshly rendered lines in the same place. */
  private replacePair(pair: Pair, key: string, value: unknown): void {
    if (this.root.flow || !isNodeWithRange(pair.key)) throw new FrontMatterEditError(`unsupported-replace:${key}`);
    const start = this.lineStart(pair.key.range[0]);
    const { at } = this.afterLine(endOf(pair) ?? pair.key.range[1]);
    this.splices.push({ at: start, remove: at - start, insert: this.renderBlock({ [key]: value }, this.column(pair.key.range[0])) });
    setAt(this.expected, [key], unshared(value));
  }

  /**
   * Adds keys to the mapping at `path` (for example one follow-up); existing
   * keys are set in place (strings only). New values may be lists or mappings.
   */
  addToMap(path: Path, entries: Record<string, unknown>): void {
    const map = this.doc.getIn(path, true);
    if (!isMap(map) || !map.range) throw new FrontMatterEditError(`not-a-map:${path.join(".")}`);
    const fresh: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entries)) {
      if (this.pairOf(map, k)) {
        if (typeof v !== "string") throw new FrontMatterEditError(`not-a-scalar:${[...path, k].join(".")}`);
        this.setScalar([...path, k], v);
      } else fresh[k] = v;
    }
    if (Object.keys(fresh).length === 0) return;
    if (map.flow) {
      this.insertIntoFlow(map, this.renderFlow(this.doc.createNode(fresh) as Node).replace(/^\{|\}$/g, ""));
    } else {
      this.insertPairsAfter(map, map.items[map.items.length - 1] as Pair | undefined, fresh);
    }
    for (const [k, v] of Object.entries(fresh)) setAt(this.expected, [...path, k], unshared(v));
  }

  private insertIntoFlow(collection: YAMLMap | YAMLSeq, rendered: string): void {
    const end = collection.range?.[1] ?? 0;
    const close = this.yaml.lastIndexOf(isSeq(collection) ? "]" : "}", end);
    let before = close - 1;
    while (before >= 0 && /\s/.test(this.yaml[before] ?? "")) before--;
    const prev = this.yaml[before];
    const sep = prev === "[" || prev === "{" || prev === "," ? (prev === "," ? " " : "") : ", ";
    this.splices.push({ at: before + 1, remove: 0, insert: sep + rendered });
  }

  /** The whole file with the edits; throws when the result would not parse to the intended data. */
  result(): string {
    let yaml = this.yaml;
    // Last place first, so that earlier places keep their offsets. Where a removal
    // and an insertion share a place, the removal goes first: it removes the
    // original text there, not what was just inserted.
    const ordered = [...this.splices].sort((a, b) => b.at - a.at || Number(b.remove > 0) - Number(a.remove > 0));
    for (const s of ordered) yaml = yaml.slice(0, s.at) + s.insert + yaml.slice(s.at + s.remove);
    const check = parseDocument(yaml, { version: "1.2" });
    let data: unknown;
    try {
      data = check.errors.length > 0 ? undefined : check.toJS();
    } catch {
      data = undefined;
    }
    if (data === undefined || !isDeepStrictEqual(unshared(data), this.expected)) {
      throw new FrontMatterEditError("verify-failed");
    }
    return this.bom + this.text.slice(0, this.yamlStart) + yaml + this.text.slice(this.yamlEnd);
  }
}

/** A deep copy in which no two places share an object (as aliases of a collection do after `toJS`). */
function unshared(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unshared);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = unshared(v);
    return out;
  }
  return value;
}

/** Sets `value` at `path` in plain data; the containers on the way must exist. */
function setAt(data: Record<string, unknown>, path: Path, value: unknown): void {
  let cur: unknown = data;
  for (const key of path.slice(0, -1)) {
    cur = typeof cur === "object" && cur !== null ? (cur as Record<string | number, unknown>)[key] : undefined;
  }
  const last = path[path.length - 1];
  if (typeof cur !== "object" || cur === null || last === undefined) throw new FrontMatterEditError(`no-such-path:${path.join(".")}`);
  (cur as Record<string | number, unknown>)[last] = value;
}

/** The value at `path` in plain data, or undefined. */
function getAt(data: Record<string, unknown>, path: Path): unknown {
  let cur: unknown = data;
  for (const key of path) cur = typeof cur === "object" && cur !== null ? (cur as Record<string | number, unknown>)[key] : undefined;
  return cur;
}

/** Where `key` stands in `order`; keys not in it come last. */
function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return typeof node === "object" && node !== null && Array.isArray((node as { range?: unknown }).range);
}

function endOf(pair: Pair | undefined): number | undefined {
  if (!pair) return undefined;
  const value = pair.value;
  if (isNodeWithRange(value)) return value.range[1];
  const key = pair.key;
  if (isNodeWithRange(key)) return key.range[1];
  return undefined;
}
