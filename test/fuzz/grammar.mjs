/**
 * Generators for the grammar-based mutations: YAML values and front matter
 * fragments, and Markdown blocks. Each takes an Rng and returns text. Sizes
 * are drawn log-uniformly, so most inputs are small and some are enormous
 * (up to just under the 2 MB file limit, now and then over it).
 */

/** Marker strings the checks look for in the output (see fuzz.mjs). */
export const XSS = "fuzzXSS";
export const PWNED_FILE = "pwned-by-front-matter.txt";

export const ESC = "\u001b";
const CONTROL = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\u000b",
  "\f",
  "\u000e",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\u200b",
  "\u200e",
  "\u202e",
  "\ufeff",
  "\ufffe",
  "\uffff",
];

/** Text a reader would never write, and that breaks naive handling somewhere. */
export function nastyText(rng) {
  return rng.pick([
    "::error::injected",
    "::error file=documents/x.md,line=1::injected",
    "\n::warning::injected",
    "%0A::error::encoded",
    `${ESC}[31mröd${ESC}[0m`,
    `${ESC}]0;title${"\u0007"}`,
    `${ESC}[2J${ESC}[H`,
    `<script>${XSS}()</script>`,
    `<img src=x onerror=${XSS}()>`,
    "\"'`${{}}",
    "${process.env.HOME}",
    "{{constructor.constructor('return process')()}}",
    "__proto__",
    "Å\u0308ä\u0301",
    "a\u0308\u0308\u0308\u0308\u0308\u0308\u0308\u0308",
    "😀👩‍👩‍👧‍👦🇸🇪",
    "\u202eevil\u202c",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "ﬁ ﬂ ß ẞ İ ı",
    "../../../etc/passwd",
    "C:\\Windows\\win.ini",
    "\\\\server\\share",
    "&amp; &#0; &#x110000; &lt;",
    "]]><!--",
    "19121212-1212",
    "förnamn.efternamn@example.se",
    "TODO FIXME XXX ??? lorem ipsum",
    rng.pick(CONTROL).repeat(rng.range(1, 4)),
    "",
    " ",
    "\t",
  ]);
}

/** A double-quoted YAML scalar holding `text`, with YAML escapes for what cannot stand raw. */
export function yamlQuoted(text) {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0);
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === ESC) out += "\\e";
    else if (c < 0x20 || c === 0x7f || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0xfffe && c <= 0xffff))
      out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

const DATES = [
  "2025-03-01",
  "2024-13-45",
  "2024-02-30",
  "2023-02-29",
  "2024-02-29",
  "0000-00-00",
  "0001-01-01",
  "9999-12-31",
  "10000-01-01",
  "-2024-01-01",
  "2024-1-5",
  "2024-02-29T25:61:61Z",
  "2025-03-01T12:00:00+01:00",
  "2025-03-01 12:00",
  '"2025-03-01"',
  "'2025-03-01'",
  "2025-W10-1",
  "20250301",
  "1970-01-01",
  "2038-01-19",
  "2026-12-02",
  "tills vidare",
  "Tills vidare",
  "!!timestamp 2025-03-01",
  "!!str 2025-03-01",
];

const NUMBERS = [
  "0",
  "-1",
  "1.10",
  "1.1",
  "1e309",
  "-1e309",
  "0x1F",
  "0o17",
  "0b101",
  ".inf",
  "-.inf",
  ".nan",
  ".NaN",
  "1_000",
  "12345678901234567890",
  "-0",
  "+1",
  "1.0.0",
  "3.",
  ".5",
  "1e-400",
];
const SCALARS = [
  "~",
  "null",
  "Null",
  "NULL",
  "true",
  "false",
  "yes",
  "no",
  "on",
  "off",
  "Yes",
  "y",
  "n",
  "''",
  '""',
  "!!null ''",
  "!!bool yes",
  "!!int '12'",
  "!!float 1",
  "!!binary aGVq",
];
const TAGS = [
  '!!js/function "function () { return 1 }"',
  "!!js/regexp /a+/",
  "!!js/undefined ''",
  '!!python/object/apply:os.system ["id"]',
  "!!set {a, b}",
  "!!omap [a: 1, b: 2]",
  "!!pairs [a: 1, a: 2]",
  "!custom value",
  "!<tag:yaml.org,2002:str> text",
  "!<tag:example.com,2000:x> text",
  "!!map [a, b]",
  "!!seq {a: 1}",
  "!!str",
  "!!int 1.5",
];

/** A plain string value, possibly long, possibly nasty. */
export function stringValue(rng, ids = []) {
  return rng.weighted([
    [
      4,
      () =>
        rng.pick([
          "text",
          "Rutin för något",
          "rutin-x",
          "fastställd",
          "Fastställd",
          "faststalld",
          "utkast",
          "remiss",
          "upphävd",
          "rutin",
          "riktlinje",
          "överenskommelse",
          "region-04",
          "0480",
          "lansstyrgruppen",
          "narvardskoordinator",
          "trygg-hemgang",
        ]),
    ],
    [2, () => (ids.length ? rng.pick(ids) : "rutin-saknas")],
    [3, () => yamlQuoted(nastyText(rng))],
    [1, () => `'${nastyText(rng).replace(/'/g, "''").replace(/\n/g, " ")}'`],
    [1, () => yamlQuoted(longText(rng, rng.logInt(100, 200_000)))],
    [1, () => `|\n  ${longText(rng, rng.logInt(10, 5_000)).replace(/\n/g, "\n  ")}`],
    [1, () => `>-\n  rad ett\n\n  rad två\n   indragen`],
    [1, () => "'oavslutad"],
    [1, () => '"oavslutad'],
    [1, () => '"\\uD800 ensam surrogat"'],
    [1, () => '"\\uDFFF\\uD800"'],
    [1, () => '"\\x00\\x01\\e\\a\\N\\_\\L\\P"'],
    [1, () => '"\\q ogiltig escape"'],
  ])();
}

/** A YAML value of a random type: inline text, or a block ("\n" + indented lines) for `indent`. */
export function yamlValue(rng, depth = 0, indent = "  ", ids = []) {
  const kind = rng.weighted([
    [4, "string"],
    [2, "number"],
    [3, "date"],
    [1, "scalar"],
    [depth < 3 ? 2 : 0, "flowList"],
    [depth < 3 ? 2 : 0, "blockList"],
    [depth < 3 ? 2 : 0, "flowMap"],
    [depth < 3 ? 2 : 0, "blockMap"],
    [1, "tag"],
  ]);
  switch (kind) {
    case "string":
      return stringValue(rng, ids);
    case "number":
      return rng.pick(NUMBERS);
    case "date":
      return rng.pick(DATES);
    case "scalar":
      return rng.pick(SCALARS);
    case "tag":
      return rng.pick(TAGS);
    case "flowList": {
      const n = rng.range(0, 4);
      return `[${Array.from({ length: n }, () => flowSafe(yamlValue(rng, depth + 1, indent, ids))).join(", ")}]`;
    }
    case "flowMap": {
      const n = rng.range(0, 3);
      return `{${Array.from({ length: n }, () => `${rng.pick(KEY_WORDS)}: ${flowSafe(yamlValue(rng, depth + 1, indent, ids))}`).join(", ")}}`;
    }
    case "blockList": {
      const n = rng.range(1, 4);
      return Array.from({ length: n }, () => `\n${indent}- ${indentBlock(yamlValue(rng, depth + 1, `${indent}  `, ids))}`).join("");
    }
    case "blockMap": {
      const n = rng.range(1, 4);
      return Array.from({ length: n }, () => `\n${indent}${rng.pick(KEY_WORDS)}: ${yamlValue(rng, depth + 1, `${indent}  `, ids)}`).join(
        "",
      );
    }
  }
  return "x";
}

/** Block values cannot stand inside flow collections; flatten them to a quoted string. */
function flowSafe(value) {
  return value.includes("\n") ? yamlQuoted(value.trim()) : value;
}
/** A block value as the item of a block list: its first line joins the `- `. */
function indentBlock(value) {
  return value.startsWith("\n") ? value.trimStart() : value;
}

export const KEY_WORDS = [
  "version",
  "datum",
  "beskrivning",
  "part",
  "beslutsorgan",
  "paragraf",
  "fran",
  "till",
  "instanser",
  "sfs",
  "titel",
  "kapitel",
  "paragraf",
  "perspektiv",
  "vardeord",
  "ansvarig",
  "indikator",
  "genomford",
  "resultat",
  "a",
  "b",
  "<<",
];

export const WEIRD_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  '""',
  "''",
  "1",
  "true",
  "null",
  "~",
  "? [a, b]\n",
  "? |\n  block key\n",
  "revidera_senast",
  "Titel",
  "ID",
  "id ",
  "titel\u00a0",
  "tıtel",
  "okänt_fält",
  "fält med mellanslag",
  '"::error::nyckel"',
  `"${"\\e"}[31mnyckel"`,
  "x".repeat(2_000),
  "<<",
  "&ankare nyckel",
  "*alias",
  "-",
  "[a]",
  "{a: b}",
];

/** Long text of about `n` characters: words, one long word, or a mix with unicode. */
export function longText(rng, n) {
  const style = rng.int(5);
  if (style === 0) return "a".repeat(n);
  if (style === 1) return "ord ".repeat(Math.ceil(n / 4)).slice(0, n);
  if (style === 2) return "långtord".repeat(Math.ceil(n / 8)).slice(0, n);
  if (style === 3) return "å\u0308".repeat(Math.ceil(n / 2)).slice(0, n);
  return Array.from({ length: Math.ceil(n / 12) }, () =>
    rng.pick(["Regionen ", "kommunen ", "samverkan. ", "😀 ", "\\", '"', "'", "#", ": ", "- ", "`", "*"]),
  )
    .join("")
    .slice(0, n);
}

/** A billion-laughs alias bomb of `levels` levels of `width` aliases each. */
export function aliasBomb(rng) {
  const levels = rng.range(3, 12);
  const width = rng.range(2, 10);
  const lines = [`lol0: &lol0 [${Array(width).fill('"lol"').join(", ")}]`];
  for (let l = 1; l < levels; l++)
    lines.push(
      `lol${l}: &lol${l} [${Array(width)
        .fill(`*lol${l - 1}`)
        .join(", ")}]`,
    );
  if (rng.chance(0.5)) lines.push(`titel: *lol${levels - 1}`);
  return lines;
}

/** Anchors and aliases in forms YAML allows, and some it does not. */
export function anchorFragment(rng) {
  return rng.pick([
    ['bas: &bas {version: "1.0", datum: 2025-03-01}', "kopia: *bas"],
    ["bas: &bas {a: 1}", "ny:", "  <<: *bas", "  <<: [*bas, *bas]"],
    ["x: *saknas"],
    ["x: &a [*a]"],
    ["x: &a", "  - *a"],
    ["x: &a &b dubbelt"],
    ["x: & tomt"],
    ["&nyckel x: 1", "y: *nyckel"],
    ["x: !!str &a text", "y: *a"],
    ["andringshistorik: &h", '  - version: "1.0"', "    datum: 2025-03-01", "    beskrivning: x", "kopia: *h"],
    ['parter: &p ["region-04"]', "relaterade: *p"],
    ["<<: {id: ersatt}"],
    ["<<: *saknas"],
  ]);
}

/** Nesting `depth` deep, flow or block, as lines to put into the front matter. */
export function deepYaml(rng, depth) {
  const kind = rng.int(5);
  if (kind === 0) return [`djup: ${"[".repeat(depth)}${"]".repeat(depth)}`];
  if (kind === 1) return [`djup: ${"{a: ".repeat(depth)}x${"}".repeat(depth)}`];
  if (kind === 2) return ["djup:", `  ${"- ".repeat(depth)}x`];
  if (kind === 3) {
    const d = Math.min(depth, 1_400);
    return ["djup:", ...Array.from({ length: d }, (_, i) => `${" ".repeat(i + 1)}a:`), `${" ".repeat(d + 1)}x`];
  }
  // Unbalanced: open flow collections never closed.
  return [`djup: ${"[{".repeat(Math.ceil(depth / 2))}`];
}

/** Markdown block generators. The `benign` ones should pass validation; the rest need not. */
export function markdownBlock(rng, { benign = false, otherFiles = [], ids = [] } = {}) {
  const pairs = [
    [3, "nestedLine"],
    [2, "nestedIndent"],
    [2, "table"],
    [1, "manyItems"],
    [2, "longLine"],
    [2, "emphasis"],
    [2, "backticks"],
    [2, "footnotes"],
    [2, "html"],
    [1, "refDefs"],
    [2, "externalLinks"],
    [1, "docLinks"],
    [1, "codeFence"],
    [1, "entities"],
    [1, "unicode"],
    [1, "taskList"],
    [benign ? 0 : 2, "headings"],
    [benign ? 0 : 3, "badLinks"],
    [benign ? 0 : 1, "images"],
    [benign ? 0 : 1, "personal"],
    [benign ? 0 : 1, "unclosedFence"],
    [benign ? 0 : 1, "controlChars"],
  ];
  const kind = rng.weighted(pairs);
  const text = MD[kind](rng, { benign, otherFiles, ids });
  return { kind, text };
}

const MD = {
  nestedLine(rng, { benign }) {
    const depth = benign ? rng.logInt(2, 30) : rng.logInt(2, 50_000);
    const marker = rng.pick(["- ", "> ", "1. ", "1) ", "* ", "+ ", "> - ", "- > ", "- [ ] ", ">"]);
    return `${marker.repeat(depth)}x`;
  },
  nestedIndent(rng, { benign }) {
    const depth = benign ? rng.logInt(2, 30) : rng.logInt(2, 1_400);
    const marker = rng.pick(["- ", "1. ", "> ", "* "]);
    const step = marker === "1. " ? "   " : "  ";
    return Array.from({ length: depth }, (_, i) => `${step.repeat(i)}${marker}nivå ${i}`).join("\n");
  },
  table(rng, { benign }) {
    const cols = rng.logInt(1, benign ? 60 : 400);
    const rows = rng.logInt(1, Math.max(1, Math.floor((benign ? 200_000 : 1_800_000) / (cols * 6))));
    const cell = () =>
      rng.pick(["x", "cell", "`k|d`", "a \\| b", "**fet**", "[l](https://example.se)", "", "  ", "å\u0308", "<br>", "1.", "- x"]);
    const ragged = !benign && rng.chance(0.3);
    const line = (n) => `|${Array.from({ length: ragged ? rng.range(1, n + 2) : n }, () => ` ${cell()} `).join("|")}|`;
    const head = `|${Array.from({ length: cols }, (_, i) => ` Rubrik ${i} `).join("|")}|`;
    const sep = `|${Array.from({ length: cols }, () => rng.pick(["---", ":--", "--:", ":-:"])).join("|")}|`;
    const body = [];
    const oneRow = line(cols);
    for (let r = 0; r < rows; r++) body.push(r % 50 === 0 ? line(cols) : oneRow);
    return [head, sep, ...body].join("\n");
  },
  manyItems(rng, { benign }) {
    const n = rng.logInt(10, benign ? 20_000 : 400_000);
    const marker = rng.pick(["- a", "1. a", "* a", "- [x] a", "> a", "a  "]);
    return `${marker}\n`.repeat(n);
  },
  longLine(rng, { benign }) {
    return longText(rng, rng.logInt(100, benign ? 300_000 : 1_900_000));
  },
  emphasis(rng, { benign }) {
    const n = rng.logInt(1, benign ? 300 : 300_000);
    const unit = rng.pick(["*", "_", "**", "__", "*_", "~~", "~", "***a", "_a_", "*a**b*", "**a*", "\\*", "[", "](", "![", "<", "[^"]);
    return `text ${unit.repeat(n)} text`;
  },
  backticks(rng, { benign }) {
    const n = rng.logInt(1, benign ? 300 : 300_000);
    return rng.pick([`${"`".repeat(n)}kod${"`".repeat(n)}`, `${"`a".repeat(n)}`, `a ${"`".repeat(n)} b`, `${"`` ".repeat(n)}`]);
  },
  footnotes(rng, { benign }) {
    const n = rng.logInt(1, benign ? 500 : 20_000);
    const refs = Array.from({ length: n }, (_, i) => `ord[^${i}]`).join(" ");
    const defs = Array.from(
      { length: benign ? n : rng.int(n + 1) },
      (_, i) => `[^${i}]: Fotnot ${i}${rng.chance(0.1) ? ` [^${rng.int(n)}]` : ""}`,
    ).join("\n");
    const extra = rng.pick([
      "",
      "[^själv]: se [^själv]",
      "[^tom]:",
      `[^${"x".repeat(1000)}]: lång`,
      "[^ ]: mellanslag",
      "text[^saknas]",
      "[^1]: dubbel\n[^1]: dubbel",
    ]);
    return `${refs}\n\n${defs}\n\n${benign ? "" : extra}`;
  },
  html(rng) {
    return rng.pick([
      `<script>${XSS}()</script>`,
      `<img src="x" onerror="${XSS}()">`,
      `<a href="javascript:${XSS}()">klicka</a>`,
      `<iframe src="javascript:${XSS}()"></iframe>`,
      `<svg onload=${XSS}()><circle r="1"/></svg>`,
      `<style>body{display:none}</style>`,
      "<div>\n\n**öppen div**\n",
      "<!-- oavslutad kommentar",
      "<!-- -- --> -->",
      "<details><summary>Mer</summary>\n\nText\n\n</details>",
      `<math><mi>x</mi></math>`,
      `<object data="javascript:${XSS}()"></object>`,
      `<form action="javascript:${XSS}()"><button>x</button></form>`,
      `<table><tr><td>${"<b>".repeat(1000)}</td></tr></table>`,
      `<p style="background:url(javascript:${XSS}())">x</p>`,
      `<base href="javascript:${XSS}()/">`,
      `<meta http-equiv="refresh" content="0;url=javascript:${XSS}()">`,
      `<![CDATA[ ${XSS} ]]>`,
      `<?php echo 1; ?>`,
      "</body></html>",
    ]);
  },
  refDefs(rng, { benign }) {
    const n = rng.logInt(1, benign ? 200 : 20_000);
    const target = () =>
      rng.pick(
        benign
          ? ["https://example.se/a", "https://www.1177.se/", "mailto:x@example.se"]
          : ["../../etc/passwd", "/proc/self/environ", "saknad.pdf", "javascript:alert(1)", "<>", "https://example.se"],
      );
    return `${Array.from({ length: n }, (_, i) => `[l${i}]`).join(" ")}\n\n${Array.from({ length: n }, (_, i) => `[l${i}]: ${target()} "titel ${i}"`).join("\n")}\n[L0]: https://dubblett.example\n[tom]: <>`;
  },
  externalLinks(rng) {
    return rng.pick([
      "[1177](https://www.1177.se/)",
      "<https://example.se/a?b=c&d=e>",
      "<mailto:funktion@example.se>",
      "www.example.se",
      "https://example.se/(paren)",
      `[javascript](javascript:${XSS}())`,
      `[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
      `[vbscript](vbscript:${XSS})`,
      `[JaVaScRiPt](JaVaScRiPt:${XSS}())`,
      `[tab](java\tscript:${XSS}())`,
      `[entity](&#106;avascript:${XSS}())`,
      "[tom]()",
      "[ftp](ftp://example.se/fil)",
      "[fil](file:///etc/passwd)",
      `[lång](https://example.se/${"a".repeat(10_000)})`,
      `[titel](https://example.se "titel med \\"citat\\"")`,
    ]);
  },
  docLinks(rng, { ids }) {
    const id = ids.length ? rng.pick(ids) : "rutin-x";
    return rng.pick([
      `[dokument](${id}.md)`,
      `[rubrik](${id}.md#syfte)`,
      `[rubrik](${id}.md#arbetsgång)`,
      `[självlänk](#syfte)`,
      `[ankare](#${"x".repeat(300)})`,
      `[kodad](${encodeURI(`${id}.md#arbetsgång`)})`,
      `[mapp](./${id}.md)`,
    ]);
  },
  codeFence(rng) {
    const fence = rng.pick(["```", "~~~", "````"]);
    return `${fence}${rng.pick(["", "js", "yaml", "{.x}", "mermaid", "<script>"])}\n${rng.pick(["---\nid: x\n---", "# inte rubrik", "<script>x</script>", "[länk](../../etc/passwd)"])}\n${fence}`;
  },
  entities() {
    return "&#0; &#x0; &#xD800; &#x110000; &#99999999; &nbsp; &ThisIsNotAnEntity; &amp;amp; &#x1F600; &#65533;";
  },
  unicode(rng) {
    return rng.pick([
      "Å\u0308 ä\u0301 n\u0303",
      "\u202eRTL\u202c",
      "\u200b\u200c\u200d\u2060",
      "😀👩‍👩‍👧‍👦🇸🇪",
      "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
      "\u00a0\u2003\u3000",
      "İı ß ẞ ǅ",
    ]);
  },
  taskList() {
    return "- [ ] att göra\n- [x] klart\n- [X] klart\n- [ ]\n- [y] inte en uppgift";
  },
  headings(rng) {
    const n = rng.logInt(1, 2_000);
    const lines = [];
    for (let i = 0; i < n; i++) {
      lines.push(
        rng.pick([
          "# Huvudrubrik",
          "## Syfte",
          "### Under",
          "#### Nivå 4",
          "##### Nivå 5",
          "###### Nivå 6",
          "####### sju",
          "#",
          "## ",
          "#Ingen",
          "Setext\n===",
          "Setext\n---",
          "## Syfte",
          "## `kod` *kursiv*",
          "## ::error::rubrik",
          `## ${ESC}[31mröd`,
          "## [länk](saknas.md)",
          "## ![bild](saknas.png)",
          "## Arbetsgång {#egen}",
          "  ## indragen",
          "    ## kod",
        ]),
      );
    }
    return lines.join("\n\n");
  },
  badLinks(rng) {
    return rng.pick([
      "[lösenord](../../etc/passwd)",
      "[lösenord](../../../../../../../../etc/passwd)",
      "[miljö](/proc/self/environ)",
      "[miljö](../../../../../../proc/self/environ)",
      "[absolut](/etc/passwd)",
      "[kodad](%2e%2e/%2e%2e/etc/passwd)",
      "[kodad](..%2F..%2Fetc%2Fpasswd)",
      "[saknas](bilaga-som-saknas.pdf)",
      "[saknas](saknas.md)",
      "[saknas](saknas.md#rubrik)",
      "[mapp](.)",
      "[mapp](..)",
      "[mapp](./)",
      "[config](samdok.config.json)",
      "[själv](#rubrik-som-saknas)",
      "[mellanslag](<fil med mellanslag.pdf>)",
      "[null](fil%00.pdf)",
      "[fråga](bilaga.pdf?x=1#y)",
      "[backslash](..\\..\\etc\\passwd)",
      "[dev](/dev/zero)",
      "[lång](" + "a/".repeat(3_000) + "x.pdf)",
      "[punkter](" + "../".repeat(200) + "etc/passwd)",
    ]);
  },
  images(rng) {
    return rng.pick([
      "![](bild.png)",
      "![Bild](../../etc/passwd)",
      "![Bild](/proc/self/environ)",
      "![Bild](saknad.png)",
      "![Bild](https://example.se/bild.png)",
      "![Bild](data:image/png;base64,iVBORw0KGgo=)",
      "![Bild](bild.svg)",
      `![${"alt ".repeat(5_000)}](bild.png)`,
      "![Bild](<>)",
    ]);
  },
  personal() {
    return "Kontakta anna.andersson@region.se, 19121212-1212 eller 121212-1212 (samordningsnummer 701063-2391). TODO: FIXME lorem ipsum ???";
  },
  unclosedFence() {
    return "```\nallt härefter är kod\n## Syfte";
  },
  controlChars(rng) {
    return Array.from({ length: rng.range(1, 50) }, () => rng.pick(CONTROL)).join("x");
  },
};
