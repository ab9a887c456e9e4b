/**
 * The mutations. A tree is a Map from a path relative to the iteration's
 * folder ("documents/sormland/x.md") to an entry:
 *   {kind: "file", data: Buffer} | {kind: "symlink", target} | {kind: "fifo"}
 *   | {kind: "dir"} | {kind: "sparse", size}
 * Document mutations replace an entry's data; file-level mutations add,
 * rename and delete entries. Every mutation pushes a line to ctx.log.
 */
import path from "node:path";
import zlib from "node:zlib";

import {
  ESC,
  PWNED_FILE,
  aliasBomb,
  anchorFragment,
  deepYaml,
  longText,
  markdownBlock,
  nastyText,
  stringValue,
  WEIRD_KEYS,
  yamlQuoted,
  yamlValue,
} from "./grammar.mjs";

// ---------------------------------------------------------------------------
// Front matter as lines and top-level blocks

/** Splits a document into its front matter lines and the rest; null when it has none. */
export function splitDoc(text) {
  const open = /^(\ufeff?)---([^\n]*)\n/.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const fence = /^(---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!fence) return null;
  const fm = rest.slice(0, fence.index);
  const after = rest.slice(fence.index);
  const nl = after.indexOf("\n");
  return {
    bom: open[1],
    openSuffix: open[2],
    lines: fm === "" ? [] : fm.replace(/\n$/, "").split("\n"),
    close: nl < 0 ? after : after.slice(0, nl),
    body: nl < 0 ? "" : after.slice(nl + 1),
  };
}

export function joinDoc(d) {
  return `${d.bom}---${d.openSuffix}\n${d.lines.length ? `${d.lines.join("\n")}\n` : ""}${d.close}\n${d.body}`;
}

/** Top-level blocks: a key line and the indented (or list) lines under it. */
export function blocks(lines) {
  const out = [];
  let cur = null;
  lines.forEach((line, i) => {
    const m = /^([^\s#\-?:][^:]*?):(?:[ \t]|$)/.exec(line);
    if (m) {
      if (cur) out.push({ ...cur, end: i });
      cur = { key: m[1], start: i };
    }
  });
  if (cur) out.push({ ...cur, end: lines.length });
  return out;
}

function valueOf(lines, b) {
  const first = lines[b.start].slice(lines[b.start].indexOf(":") + 1);
  return [first, ...lines.slice(b.start + 1, b.end)];
}

// ---------------------------------------------------------------------------
// Front matter mutations: each takes (ctx, doc) where doc = splitDoc(...), mutates doc.lines, returns a description.

const SCHEMA_KEYS = [
  "id",
  "titel",
  "dokumenttyp",
  "status",
  "version",
  "spar",
  "parter",
  "dokumentansvarig",
  "faststalld_av",
  "faststalld_datum",
  "beslutsparagraf",
  "diarienummer",
  "antaganden",
  "giltig_fran",
  "giltig_till",
  "revideras_senast",
  "upphavd_datum",
  "remiss",
  "uppfoljning",
  "ersatter",
  "ersatts_av",
  "overordnat",
  "relaterade",
  "lagrum",
  "narvard",
  "nyckelord",
  "andringshistorik",
];
const DATE_KEYS = ["faststalld_datum", "giltig_fran", "giltig_till", "revideras_senast", "upphavd_datum"];
const ID_KEYS = ["overordnat", "ersatts_av", "ersatter", "relaterade"];

function setKey(doc, key, value) {
  const bs = blocks(doc.lines);
  const b = bs.find((x) => x.key === key);
  const lines = `${key}: ${value}`.split("\n");
  if (b) doc.lines.splice(b.start, b.end - b.start, ...lines);
  else doc.lines.push(...lines);
}

function insertLines(ctx, doc, lines) {
  const at = ctx.rng.int(blocks(doc.lines).length + 1);
  const bs = blocks(doc.lines);
  const index = at < bs.length ? bs[at].start : doc.lines.length;
  doc.lines.splice(index, 0, ...lines);
}

export const FM = {
  deleteKey(ctx, doc) {
    const bs = blocks(doc.lines);
    if (!bs.length) return null;
    const b = ctx.rng.pick(bs);
    doc.lines.splice(b.start, b.end - b.start);
    return `delete key ${b.key}`;
  },
  duplicateKey(ctx, doc) {
    const bs = blocks(doc.lines);
    if (!bs.length) return null;
    const b = ctx.rng.pick(bs);
    const copy = doc.lines.slice(b.start, b.end);
    if (ctx.rng.chance(0.5)) {
      const v = yamlValue(ctx.rng, 0, "  ", ctx.ids);
      copy.splice(0, copy.length, ...`${b.key}: ${v}`.split("\n"));
    }
    doc.lines.push(...copy);
    return `duplicate key ${b.key}`;
  },
  swapValues(ctx, doc) {
    const bs = blocks(doc.lines);
    if (bs.length < 2) return null;
    const [a, b] = ctx.rng.sample(bs, 2).sort((x, y) => x.start - y.start);
    const va = valueOf(doc.lines, a);
    const vb = valueOf(doc.lines, b);
    const na = `${a.key}:${vb.join("\n")}`.split("\n");
    const nb = `${b.key}:${va.join("\n")}`.split("\n");
    doc.lines.splice(b.start, b.end - b.start, ...nb);
    doc.lines.splice(a.start, a.end - a.start, ...na);
    return `swap values of ${a.key} and ${b.key}`;
  },
  retype(ctx, doc) {
    const key = ctx.rng.chance(0.7)
      ? ctx.rng.pick(SCHEMA_KEYS)
      : ctx.rng.pick(
          blocks(doc.lines)
            .map((b) => b.key)
            .concat("id"),
        );
    setKey(doc, key, yamlValue(ctx.rng, 0, "  ", ctx.ids));
    return `retype ${key}`;
  },
  impossibleDate(ctx, doc) {
    const key = ctx.rng.pick(DATE_KEYS);
    const v = ctx.rng.pick([
      "2024-13-45",
      "2024-02-30",
      "2023-02-29",
      "0000-00-00",
      "9999-12-31",
      "2024-00-10",
      "2024-04-31",
      "99999-01-01",
      "2025-03-01T99:00",
      "2025-3-1",
      "1900-02-29",
    ]);
    setKey(doc, key, v);
    return `date ${key}: ${v}`;
  },
  idReference(ctx, doc) {
    const key = ctx.rng.pick(["id", ...ID_KEYS]);
    const own = ctx.currentId ?? "x";
    const pool = [
      ...ctx.ids,
      own,
      own.toUpperCase(),
      `${own} `,
      "rutin-saknas",
      "",
      "a",
      "x".repeat(65),
      "Åäö-id",
      "rutin_med_understreck",
      "../rutin",
    ];
    let v = ctx.rng.pick(pool);
    if (key === "ersatter" || key === "relaterade")
      v = `[${ctx.rng
        .sample(pool, ctx.rng.range(0, 4))
        .map((x) => yamlQuoted(x))
        .join(", ")}]`;
    else v = yamlQuoted(v);
    setKey(doc, key, v);
    return `reference ${key} = ${v.slice(0, 80)}`;
  },
  anchors(ctx, doc) {
    const lines = anchorFragment(ctx.rng);
    insertLines(ctx, doc, lines);
    return `anchors/aliases: ${lines.join(" | ").slice(0, 100)}`;
  },
  aliasBomb(ctx, doc) {
    const lines = aliasBomb(ctx.rng);
    insertLines(ctx, doc, lines);
    return `alias bomb (${lines.length} levels)`;
  },
  deepNesting(ctx, doc) {
    const depth = ctx.rng.logInt(10, 100_000);
    const lines = deepYaml(ctx.rng, depth);
    insertLines(ctx, doc, lines);
    return `deep YAML nesting ${depth} (${lines[0].slice(0, 12)}…)`;
  },
  fence(ctx, doc) {
    const variant = ctx.rng.int(12);
    switch (variant) {
      case 0:
        doc.openSuffix = "js";
        doc.lines = [`{ id: (function () { require("fs").writeFileSync("${PWNED_FILE}", "ran"); return "x"; })(), titel: "js" }`];
        return "---js fence with a payload";
      case 1:
        doc.openSuffix = "javascript";
        doc.lines = [`module.exports = { id: require("fs").writeFileSync("${PWNED_FILE}", "ran") }`];
        return "---javascript fence with a payload";
      case 2:
        doc.openSuffix = "json";
        doc.lines = ['{"id": "rutin-json", "titel": "JSON"}'];
        return "---json fence";
      case 3:
        doc.openSuffix = ctx.rng.pick([" yaml", "yaml", " # kommentar", "-", "\t", " ", "coffee", "toml"]);
        return `opening fence ---${doc.openSuffix}`;
      case 4:
        doc.close = ctx.rng.pick(["...", "--- ", "---\t", "----", "— —", " ---"]);
        return `closing fence ${JSON.stringify(doc.close)}`;
      case 5:
        // Unclosed: the closing fence disappears.
        doc.close = "";
        return "unclosed front matter (closing fence removed)";
      case 6:
        doc.body = `---\nid: andra-huvudet\n---\n${doc.body}`;
        return "a second front matter block after the first";
      case 7:
        doc.bom = ctx.rng.pick(["\n", " ", "\ufeff\ufeff", "\t"]) + doc.bom;
        return "text before the opening fence";
      case 8:
        doc.lines.splice(ctx.rng.int(doc.lines.length + 1), 0, "---");
        return "a --- line inside the front matter";
      case 9:
        doc.lines.splice(ctx.rng.int(doc.lines.length + 1), 0, "...");
        return "a ... line inside the front matter";
      case 10:
        doc.lines = [];
        return "empty front matter";
      default:
        doc.lines.unshift(ctx.rng.pick(["%YAML 1.1", "%YAML 1.2", "%YAML 2.0", "%TAG ! tag:example.com,2000:", "%FOO bar"]), "---");
        return "YAML directive inside the front matter";
    }
  },
  tabs(ctx, doc) {
    const n = ctx.rng.range(1, 5);
    let changed = 0;
    for (let k = 0; k < n && doc.lines.length; k++) {
      const i = ctx.rng.int(doc.lines.length);
      const mode = ctx.rng.int(3);
      if (mode === 0) doc.lines[i] = doc.lines[i].replace(/^ +/, (s) => "\t".repeat(Math.max(1, s.length / 2)));
      else if (mode === 1) doc.lines[i] = doc.lines[i].replace(/: /, ":\t");
      else doc.lines.splice(i, 0, "\t");
      changed++;
    }
    return `tabs in ${changed} lines`;
  },
  longString(ctx, doc) {
    const key = ctx.rng.pick(["titel", "beslutsparagraf", "diarienummer", "okant", "id"]);
    const n = ctx.rng.logInt(100, 1_900_000);
    setKey(doc, key, yamlQuoted(longText(ctx.rng, n)));
    return `long string in ${key} (${n} chars)`;
  },
  unknownKey(ctx, doc) {
    const key = ctx.rng.pick(WEIRD_KEYS);
    const line = key.endsWith("\n") ? `${key}: ${yamlValue(ctx.rng, 1, "  ", ctx.ids)}` : `${key}: ${yamlValue(ctx.rng, 0, "  ", ctx.ids)}`;
    insertLines(ctx, doc, line.split("\n"));
    return `unknown key ${JSON.stringify(key).slice(0, 40)}`;
  },
  injection(ctx, doc) {
    const key = ctx.rng.pick(["titel", "id", "status", "nyckelord", "diarienummer", "dokumenttyp", '"::error::"', `"\\e[31m"`]);
    const v = ctx.rng.chance(0.5) ? yamlQuoted(nastyText(ctx.rng)) : `[${yamlQuoted(nastyText(ctx.rng))}]`;
    setKey(doc, key, v);
    return `injection ${key}: ${v.slice(0, 60)}`;
  },
  rawControl(ctx, doc) {
    if (!doc.lines.length) return null;
    const i = ctx.rng.int(doc.lines.length);
    const ch = ctx.rng.pick(["\u0000", ESC, "\u0007", "\r", "\u0085", "\u2028", "\ufeff", "\u000b"]);
    const at = ctx.rng.int(doc.lines[i].length + 1);
    doc.lines[i] = doc.lines[i].slice(0, at) + ch + doc.lines[i].slice(at);
    return `raw control U+${ch.codePointAt(0).toString(16).padStart(4, "0")} in front matter line ${i + 2}`;
  },
  indentation(ctx, doc) {
    const cont = doc.lines.map((l, i) => [l, i]).filter(([l]) => /^\s/.test(l));
    if (!cont.length) return null;
    const [l, i] = ctx.rng.pick(cont);
    doc.lines[i] = ctx.rng.chance(0.5) ? ` ${l}` : l.slice(1);
    return `indentation of line ${i + 2}`;
  },
  tags(ctx, doc) {
    const key = ctx.rng.pick(SCHEMA_KEYS);
    const v = ctx.rng.pick([
      '!!js/function "function () { return 1 }"',
      "!!binary aGVq",
      "!!set {a, b}",
      "!!timestamp 2025-03-01",
      "!custom text",
      "!!omap [a: 1]",
      "!!str 1.0",
      "!!int 1",
      '!!python/object/apply:os.system ["id"]',
    ]);
    setKey(doc, key, v);
    return `tag ${key}: ${v}`;
  },
  comments(ctx, doc) {
    insertLines(ctx, doc, [ctx.rng.pick(["# kommentar", "#---", "# ---", "#", `# ${ESC}[31m`, "# ::error::kommentar"])]);
    return "comment line";
  },
};

/** Front matter mutations that keep a document valid (for the builds). */
export const FM_BENIGN = {
  title(ctx, doc) {
    // Nothing a rule objects to: no personnummer, e-mail address or placeholder.
    const nasty = nastyText(ctx.rng)
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/\d{6}|\S+@\S+|TODO|FIXME|XXX|\?\?\?|lorem ipsum/gi, "x");
    const v = yamlQuoted(`Rutin ${nasty || "x"} ${ctx.rng.pick(["", "<b>fet</b>", "&amp;", '"citat"', "::error::titel"])}`);
    setKey(doc, "titel", v);
    return `title ${v.slice(0, 60)}`;
  },
  keywords(ctx, doc) {
    const n = ctx.rng.logInt(1, 200);
    setKey(
      doc,
      "nyckelord",
      `[${Array.from({ length: n }, (_, i) => yamlQuoted(`${ctx.rng.pick(["<script>fuzzXSS()</script>", "::error::", "ord", "å\u0308", "😀", "a,b"])} ${i}`)).join(", ")}]`,
    );
    return `${n} keywords`;
  },
  registration(ctx, doc) {
    setKey(doc, "diarienummer", yamlQuoted(`RS ${ctx.rng.pick(["2025/1", "<i>x</i>", "&lt;", "]]>", "::error::", "\u202e"])}`));
    return "diarienummer";
  },
  comments(ctx, doc) {
    return FM.comments(ctx, doc);
  },
};

// ---------------------------------------------------------------------------
// Body mutations

export function mutateBody(ctx, doc, benign) {
  const { kind, text } = markdownBlock(ctx.rng, { benign, ids: ctx.ids });
  const lines = doc.body.split("\n");
  // Insert at a paragraph boundary, so that the block is a block.
  const at = ctx.rng.int(lines.length + 1);
  const mode = benign ? 0 : ctx.rng.int(8);
  if (mode === 7 && lines.length > 2) {
    const from = ctx.rng.int(lines.length);
    const to = Math.min(lines.length, from + ctx.rng.logInt(1, 200));
    lines.splice(from, to - from, "", text, "");
  } else lines.splice(at, 0, "", text, "");
  doc.body = lines.join("\n");
  return `body ${kind} (${text.length} chars)`;
}

// ---------------------------------------------------------------------------
// Byte mutations on a Buffer

const INVALID_UTF8 = [
  [0x80],
  [0xbf],
  [0xc0, 0xaf],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80], // lone high surrogate U+D800 as UTF-8
  [0xed, 0xbf, 0xbf], // lone low surrogate U+DFFF
  [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], // a surrogate pair as CESU-8
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xf5],
  [0xff],
  [0xfe, 0xff],
  [0xc3], // truncated å
  [0xe5], // å in Windows-1252
  [0xf0, 0x9f, 0x98], // truncated emoji
];

export const BYTES = {
  flip(ctx, buf) {
    const out = Buffer.from(buf);
    const n = ctx.rng.range(1, 8);
    for (let k = 0; k < n && out.length; k++) out[ctx.rng.int(out.length)] ^= 1 << ctx.rng.int(8);
    return [out, `flip ${n} bits`];
  },
  insertRandom(ctx, buf) {
    const n = ctx.rng.logInt(1, 64);
    const bytes = Buffer.from(Array.from({ length: n }, () => ctx.rng.int(256)));
    return insertAt(ctx, buf, bytes, `insert ${n} random bytes`);
  },
  deleteSlice(ctx, buf) {
    if (!buf.length) return [buf, "delete nothing"];
    const at = ctx.rng.int(buf.length);
    const n = ctx.rng.logInt(1, Math.max(1, buf.length - at));
    return [Buffer.concat([buf.subarray(0, at), buf.subarray(at + n)]), `delete ${n} bytes at ${at}`];
  },
  duplicateSlice(ctx, buf) {
    if (!buf.length) return [buf, "duplicate nothing"];
    const at = ctx.rng.int(buf.length);
    const n = ctx.rng.logInt(1, Math.max(1, buf.length - at));
    const times = ctx.rng.logInt(1, 200);
    const slice = Buffer.concat(Array(times).fill(buf.subarray(at, at + n)));
    if (slice.length > 2_500_000) return [buf, "duplicate skipped (too big)"];
    return insertAt(ctx, buf, slice, `duplicate ${n} bytes at ${at} ×${times}`);
  },
  control(ctx, buf) {
    const ch = ctx.rng.pick([
      "\u0001",
      "\u0007",
      "\b",
      "\u000b",
      "\f",
      "\u001b[31m",
      "\u001b]8;;https://x\u0007",
      "\u001b[2J",
      "\u007f",
      "\u0085",
      "\u2028",
      "\u2029",
      "\u202e",
      "\u200b",
    ]);
    return insertAt(ctx, buf, Buffer.from(ch.repeat(ctx.rng.logInt(1, 50))), `insert control ${JSON.stringify(ch)}`);
  },
  nul(ctx, buf) {
    return insertAt(ctx, buf, Buffer.alloc(ctx.rng.logInt(1, 100)), "insert NUL");
  },
  cr(ctx, buf) {
    const mode = ctx.rng.int(3);
    if (mode === 0) return [Buffer.from(buf.toString("latin1").replace(/\n/g, "\r\n"), "latin1"), "all line ends CRLF"];
    if (mode === 1) return [Buffer.from(buf.toString("latin1").replace(/\n/g, "\r"), "latin1"), "all line ends lone CR"];
    return insertAt(ctx, buf, Buffer.from(ctx.rng.pick(["\r", "\r\r\n", "\n\r"])), "insert CR");
  },
  bom(ctx, buf) {
    return insertAt(ctx, buf, Buffer.from([0xef, 0xbb, 0xbf]), "BOM in the middle");
  },
  invalidUtf8(ctx, buf) {
    const seq = ctx.rng.pick(INVALID_UTF8);
    if (ctx.rng.chance(0.2))
      return [Buffer.concat([buf, Buffer.from(seq)]), `invalid UTF-8 at the end ${Buffer.from(seq).toString("hex")}`];
    return insertAt(ctx, buf, Buffer.from(seq), `invalid UTF-8 ${Buffer.from(seq).toString("hex")}`);
  },
  utf16(ctx, buf) {
    const text = buf.toString("utf8");
    const le = Buffer.from(text, "utf16le");
    return [ctx.rng.chance(0.5) ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : le, "saved as UTF-16"];
  },
  latin1(ctx, buf) {
    return [Buffer.from(buf.toString("utf8"), "latin1"), "saved as Latin-1"];
  },
  truncate(ctx, buf) {
    const at = ctx.rng.int(buf.length + 1);
    return [buf.subarray(0, at), `truncate at ${at}`];
  },
  swapLines(ctx, buf) {
    const lines = buf.toString("latin1").split("\n");
    if (lines.length < 2) return [buf, "swap nothing"];
    const [a, b] = ctx.rng.sample(
      lines.map((_, i) => i),
      2,
    );
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return [Buffer.from(lines.join("\n"), "latin1"), `swap lines ${a + 1} and ${b + 1}`];
  },
  nfd(ctx, buf) {
    return [Buffer.from(buf.toString("utf8").normalize("NFD")), "whole text NFD"];
  },
  huge(ctx, buf) {
    const size = ctx.rng.pick([2 * 1024 * 1024 - buf.length, 2 * 1024 * 1024 - buf.length + 1, 3_000_000]);
    return [Buffer.concat([buf, Buffer.alloc(Math.max(0, size), "a")]), `grow to ${buf.length + Math.max(0, size)} bytes`];
  },
};

function insertAt(ctx, buf, bytes, what) {
  const at = ctx.rng.int(buf.length + 1);
  return [Buffer.concat([buf.subarray(0, at), bytes, buf.subarray(at)]), `${what} at ${at}`];
}

// ---------------------------------------------------------------------------
// Applying document mutations

/** Mutates one document in the tree. Grammar mutations first, byte mutations last. */
export function mutateDocument(ctx, rel, count, benign) {
  const entry = ctx.tree.get(rel);
  let text = entry.data.toString("utf8");
  const idMatch = /^id:\s*(\S+)/m.exec(text);
  ctx.currentId = idMatch?.[1];
  const kinds = [];
  for (let k = 0; k < count; k++) {
    kinds.push(
      benign
        ? ctx.rng.weighted([
            [3, "fm"],
            [5, "body"],
          ])
        : ctx.rng.weighted([
            [4, "fm"],
            [3, "body"],
            [2, "bytes"],
          ]),
    );
  }
  kinds.sort((a, b) => (a === "bytes") - (b === "bytes"));
  let buf = null;
  for (const kind of kinds) {
    if (kind === "bytes") {
      if (!buf) buf = Buffer.from(text);
      const name = ctx.rng.weighted([
        [3, "flip"],
        [2, "insertRandom"],
        [2, "deleteSlice"],
        [2, "duplicateSlice"],
        [2, "control"],
        [2, "nul"],
        [2, "cr"],
        [2, "bom"],
        [3, "invalidUtf8"],
        [1, "utf16"],
        [1, "latin1"],
        [1, "truncate"],
        [1, "swapLines"],
        [1, "nfd"],
        [1, "huge"],
      ]);
      const [out, what] = BYTES[name](ctx, buf);
      buf = out;
      ctx.log.push(`${rel}: bytes ${what}`);
      continue;
    }
    const doc = splitDoc(text);
    if (!doc) {
      ctx.log.push(`${rel}: no front matter to mutate; body text appended`);
      text += `\n${markdownBlock(ctx.rng, { benign, ids: ctx.ids }).text}\n`;
      continue;
    }
    let what;
    if (kind === "fm") {
      const table = benign ? FM_BENIGN : FM;
      const names = Object.keys(table);
      for (let tries = 0; tries < 4 && !what; tries++) what = table[ctx.rng.pick(names)](ctx, doc);
      what = `front matter ${what ?? "unchanged"}`;
    } else what = mutateBody(ctx, doc, benign);
    text = joinDoc(doc);
    ctx.log.push(`${rel}: ${what}`);
  }
  entry.data = buf ?? Buffer.from(text);
  ctx.touched.add(rel);
}

// ---------------------------------------------------------------------------
// File-level mutations on the tree

const PNG_1x1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A PNG whose header claims `width` × `height` pixels (no image data). */
function pngHeader(width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width >>> 0, 0);
  ihdr.writeUInt32BE(height >>> 0, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32 ? zlib.crc32(td) >>> 0 : 0);
    return Buffer.concat([len, td, crc]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function weirdName(rng, base) {
  const stem = base.replace(/\.md$/i, "");
  return rng.pick([
    `${stem} med mellanslag.md`,
    `::error::${stem}.md`,
    `::error file=x,line=1::pwn.md`,
    `${stem}\n::error::ny rad.md`,
    `${stem}\u001b[31m.md`,
    `rutin-\u00e5\u0308-nfd-a\u030a.md`.normalize("NFD"),
    `${"å".repeat(40)}-${"x".repeat(120)}.md`,
    `${"x".repeat(250)}.md`,
    `${stem}.MD`,
    `${stem}.Md`,
    `-${stem}.md`,
    `--help.md`,
    `.${stem}.md`,
    `${stem}%20.md`,
    `${stem}#ankare.md`,
    `${stem}?.md`,
    `${stem}\\.md`,
    `${stem}'"<>.md`,
    `\u202e${stem}dm.md`,
    `😀${stem}.md`,
    `${stem}.md.md`,
    ` ${stem}.md`,
    `${stem}.md `,
    `${stem}\t.md`,
    `CON.md`,
    `${stem}:stream.md`,
  ]);
}

/** Paths that another document's text links to (by file name). */
function linkedDocs(ctx) {
  const out = [];
  const files = [...ctx.tree].filter(([rel, e]) => e.kind === "file" && rel.endsWith(".md"));
  for (const [rel] of files) {
    const name = path.posix.basename(rel);
    if (files.some(([other, e]) => other !== rel && e.data.includes(`](${name}`))) out.push(rel);
  }
  return out;
}

export const FILES = {
  rename(ctx, docs) {
    const rel = ctx.rng.pick(docs);
    const dir = path.posix.dirname(rel);
    const name = weirdName(ctx.rng, path.posix.basename(rel));
    const to = `${dir}/${name}`;
    if (ctx.tree.has(to)) return null;
    ctx.tree.set(to, ctx.tree.get(rel));
    ctx.tree.delete(rel);
    ctx.touched.add(to);
    return `rename ${rel} → ${JSON.stringify(name)}`;
  },
  emptyFile(ctx, docs, sets) {
    const set = ctx.rng.pick(sets);
    const content = ctx.rng.pick([
      "",
      "\ufeff",
      "   \n\n",
      "---",
      "---\n",
      "---\n---\n",
      "---\n---",
      "\n---\nid: x\n---\n",
      "\u0000",
      "\r\n",
    ]);
    const rel = `${set}/${ctx.rng.pick(["tom.md", "tomt-dokument.md", "bara-huvud.md"])}`;
    ctx.tree.set(rel, { kind: "file", data: Buffer.from(content) });
    ctx.touched.add(rel);
    return `add ${rel} containing ${JSON.stringify(content)}`;
  },
  symlinkDoc(ctx, docs, sets) {
    const set = ctx.rng.pick(sets);
    const target = ctx.rng.chance(0.3)
      ? ctx.rng.pick(["FIFO_OUTSIDE", "FIFO_INSIDE"])
      : ctx.rng.pick([
          "/etc/passwd",
          "/proc/self/environ",
          "/proc/self/cmdline",
          "/dev/null",
          "/etc",
          "/",
          "/nonexistent/x.md",
          "saknas.md",
          "slinga-b.md",
          "FIFO_OUTSIDE",
          "FIFO_INSIDE",
          "DOC",
          ".",
          "..",
        ]);
    const rel = `${set}/${ctx.rng.pick(["lank.md", "slinga-a.md", "genvag.md"])}`;
    let t = target;
    if (target === "slinga-b.md") ctx.tree.set(`${set}/slinga-b.md`, { kind: "symlink", target: path.posix.basename(rel) });
    if (target === "FIFO_OUTSIDE") {
      ctx.tree.set("kanal-utanfor", { kind: "fifo" });
      t = "ABS:kanal-utanfor";
    }
    if (target === "FIFO_INSIDE") {
      ctx.tree.set(`${set}/kanal.fifo`, { kind: "fifo" });
      t = "kanal.fifo";
    }
    if (target === "DOC") t = path.posix.basename(ctx.rng.pick(docs.filter((d) => d.startsWith(`${set}/`))) ?? "x.md");
    if (ctx.tree.has(rel)) return null;
    ctx.tree.set(rel, { kind: "symlink", target: t });
    ctx.touched.add(rel);
    return `symlink ${rel} → ${t}`;
  },
  fifoDoc(ctx, docs, sets) {
    const rel = `${ctx.rng.pick(sets)}/kanal.md`;
    ctx.tree.set(rel, { kind: "fifo" });
    ctx.touched.add(rel);
    return `FIFO ${rel}`;
  },
  attachment(ctx, docs, sets) {
    // A file next to a document that the document links to: real, huge, special, or a way out.
    const rel = ctx.rng.pick(docs);
    const dir = path.posix.dirname(rel);
    const kind = ctx.rng.int(12);
    let name;
    let entry;
    let image = false;
    switch (kind) {
      case 0:
        [name, entry] = ["bilaga.txt", { kind: "symlink", target: "/etc/passwd" }];
        break;
      case 1:
        [name, entry] = ["miljo.txt", { kind: "symlink", target: "/proc/self/environ" }];
        break;
      case 2:
        [name, entry] = ["bilaga.pdf", { kind: "fifo" }];
        break;
      case 3:
        ctx.tree.set("kanal-utanfor", { kind: "fifo" });
        [name, entry] = ["bild.png", { kind: "symlink", target: "ABS:kanal-utanfor" }];
        image = true;
        break;
      case 4:
        [name, entry] = ["stor.pdf", { kind: "sparse", size: 51 * 1024 * 1024 }];
        break;
      case 5:
        [name, entry] = ["stor-bild.png", { kind: "sparse", size: 21 * 1024 * 1024 }];
        image = true;
        break;
      case 6:
        [name, entry] = ["mapp.pdf", { kind: "dir" }];
        break;
      case 7:
        [name, entry] = ["ute.pdf", { kind: "symlink", target: "../../../../../../etc/passwd" }];
        break;
      case 8:
        [name, entry] = ["noll.png", { kind: "symlink", target: "/dev/null" }];
        image = true;
        break;
      default:
        return FILES.goodAttachment(ctx, docs, sets);
    }
    ctx.tree.set(`${dir}/${name}`, entry);
    addLink(ctx, rel, image ? `![Bild](${name})` : `[Bilaga](${name})`);
    return `attachment ${dir}/${name} (${entry.kind}${entry.target ? ` → ${entry.target}` : ""}) linked from ${rel}`;
  },
  goodAttachment(ctx, docs) {
    // Real files, some malformed: they pass validation, so the builds read them.
    const rel = ctx.rng.pick(docs);
    const dir = path.posix.dirname(rel);
    const options = [
      ["bild.png", PNG_1x1, true],
      ["trasig.png", Buffer.from("inte en png"), true],
      ["jattebild.png", pngHeader(0x7fffffff, 0x7fffffff), true],
      ["nollbild.png", pngHeader(0, 0), true],
      ["bild.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), true],
      ["bild.gif", Buffer.from("GIF89a\u00ff\u00ff\u00ff\u00ff", "latin1"), true],
      ["bild.svg", Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" onload="fuzzXSS()"><script>fuzzXSS()</script></svg>`), true],
      ["bilaga.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"), false],
      ["tom.pdf", Buffer.alloc(0), false],
      ["bilaga med mellanslag.docx", Buffer.from("PK\u0003\u0004"), false],
      ["bil\u00e5ga.pdf".normalize("NFD"), Buffer.from("%PDF-1.4\n"), false],
    ];
    const [name, data, image] = ctx.rng.pick(options);
    ctx.tree.set(`${dir}/${name}`, { kind: "file", data });
    const target = name.includes(" ") ? `<${name}>` : name.normalize("NFC");
    addLink(ctx, rel, image ? `![Bild som beskriver något](${target})` : `[Bilaga](${target})`);
    return `attachment ${dir}/${JSON.stringify(name)} (${data.length} bytes) linked from ${rel}`;
  },
  deleteLinked(ctx) {
    const linked = linkedDocs(ctx);
    if (!linked.length) return null;
    const rel = ctx.rng.pick(linked);
    ctx.tree.delete(rel);
    return `delete ${rel}, which another document links to`;
  },
  folderNamedMd(ctx, docs) {
    const rel = ctx.rng.pick(docs);
    const to = `${path.posix.dirname(rel)}/mapp.md/${path.posix.basename(rel)}`;
    ctx.tree.set(to, ctx.tree.get(rel));
    ctx.tree.delete(rel);
    ctx.touched.add(to);
    return `move ${rel} into a folder named mapp.md`;
  },
  hiddenFolder(ctx, docs) {
    const rel = ctx.rng.pick(docs);
    const folder = ctx.rng.pick([".utkast", ".git", "node_modules", ".samdokcache.d"]);
    const to = `${path.posix.dirname(rel)}/${folder}/${path.posix.basename(rel)}`;
    ctx.tree.set(to, { kind: "file", data: ctx.tree.get(rel).data });
    ctx.touched.add(to);
    return `copy ${rel} into ${folder}/ (must not be validated)`;
  },
  subfolder(ctx, docs) {
    const rel = ctx.rng.pick(docs);
    const to = `${path.posix.dirname(rel)}/${ctx.rng.pick(["bilagor", "a/b/c/d/e/f/g/h", "mapp med mellanslag", "å\u0308".normalize("NFD")])}/${path.posix.basename(rel)}`;
    ctx.tree.set(to, ctx.tree.get(rel));
    ctx.tree.delete(rel);
    ctx.touched.add(to);
    return `move ${rel} into ${path.posix.dirname(to)}`;
  },
  duplicate(ctx, docs) {
    const rel = ctx.rng.pick(docs);
    const to = `${path.posix.dirname(rel)}/${ctx.rng.pick(["kopia.md", path.posix.basename(rel).toUpperCase(), `${path.posix.basename(rel, ".md")}-kopia.md`])}`;
    if (ctx.tree.has(to)) return null;
    ctx.tree.set(to, { kind: "file", data: ctx.tree.get(rel).data });
    ctx.touched.add(to);
    return `copy ${rel} to ${to} (same id)`;
  },
  bigFile(ctx, docs, sets) {
    const rel = `${ctx.rng.pick(sets)}/stor.md`;
    const size = ctx.rng.pick([2 * 1024 * 1024, 2 * 1024 * 1024 + 1, 5 * 1024 * 1024]);
    ctx.tree.set(rel, { kind: "file", data: Buffer.alloc(size, "a\n") });
    ctx.touched.add(rel);
    return `add ${rel} of ${size} bytes`;
  },
};

function addLink(ctx, rel, link) {
  const entry = ctx.tree.get(rel);
  if (!entry || entry.kind !== "file") return;
  entry.data = Buffer.concat([entry.data, Buffer.from(`\n\n${link}\n`)]);
  ctx.touched.add(rel);
}

export const FILES_BENIGN = ["goodAttachment"];
/** Special files and ways out of the root are where readers hang or leak: draw them more often. */
export const FILE_WEIGHTS = Object.keys(FILES).map((name) => [
  ["symlinkDoc", "attachment"].includes(name) ? 3 : name === "fifoDoc" ? 2 : 1,
  name,
]);
export { ESC, stringValue };
