/**
 * Generates the documents of issue 13 item 7 (parsing that explodes) into a
 * folder, next to a valid document, so that tests and measurements need no
 * megabytes in the repository:
 *
 *   node test/helpers/attack-documents.mjs DIR [name …]
 *
 * writes DIR/samdok.config.json, DIR/rutin-giltig.md and the named attacks
 * (all when none is named). The attacks are what was measured to hang, fill
 * the memory or overflow the stack; `legitimate` documents are big but
 * ordinary and must validate without a finding.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const STANDARD_CONFIG = path.join(HERE, "../fixtures/_standard/samdok.config.json");

/** A valid front matter for `id` (the _standard configuration's parties, roles and tracks). */
export function frontMatter(id) {
  return [
    "---",
    `id: ${id}`,
    `titel: Rutin ${id}`,
    "dokumenttyp: rutin",
    "status: fastställd",
    'version: "1.0"',
    "spar: trygg-hemgang",
    'parter: ["region-04", "0480"]',
    "dokumentansvarig: narvardskoordinator",
    "faststalld_av: lansstyrgruppen",
    "faststalld_datum: 2025-03-01",
    'beslutsparagraf: "§ 12"',
    'diarienummer: "RS 2025/00012"',
    "giltig_fran: 2025-04-01",
    "giltig_till: tills vidare",
    "revideras_senast: 2027-03-01",
    "andringshistorik:",
    '  - version: "1.0"',
    "    datum: 2025-03-01",
    "    beskrivning: Första versionen.",
    "---",
    "",
  ].join("\n");
}

/** The headings the _standard configuration requires of a rutin, with a line each. */
const SECTIONS =
  "## Syfte\n\nRutinen ska ge en trygg hemgång.\n\n## Ansvar\n\nRegionen och kommunen delar på ansvaret.\n\n## Arbetsgång\n\n";

/** A valid document with `body` under its required headings. */
export function documentWith(id, body) {
  return `${frontMatter(id)}\n${SECTIONS}${body}\n`;
}

/** Front matter whose `extra` field is `yaml` (after `extra: `), else valid. */
function withYaml(id, yaml) {
  return frontMatter(id).replace("andringshistorik:", `extra: ${yaml}\nandringshistorik:`);
}

/** A row of a GFM table of `cells` cells. */
const row = (cells, text) => `|${` ${text} |`.repeat(cells)}\n`;

/**
 * The attacks: name → [file name, contents]. Each is under the 2 MB file
 * limit, so it is read and must be refused by the limits on its structure.
 */
export const attacks = {
  /** 20,000 list markers on one line: 495 s before. */
  "nested-markers-line": () => ["rutin-listmarkorer.md", documentWith("rutin-listmarkorer", `${"- ".repeat(20_000)}x`)],
  /** 20,000 block quote markers on one line. */
  "nested-quotes-line": () => ["rutin-citat.md", documentWith("rutin-citat", `${"> ".repeat(20_000)}x`)],
  /** 10,000 ordered list markers, `1.` and `1)`, on one line. */
  "nested-ordered-line": () => ["rutin-numrerad.md", documentWith("rutin-numrerad", `${"1. 1) ".repeat(5_000)}x`)],
  /** A list nested 1,000 deep by indentation (1 MB of spaces). */
  "nested-markers-indent": () => [
    "rutin-indrag.md",
    documentWith("rutin-indrag", Array.from({ length: 1_000 }, (_, i) => `${"  ".repeat(i)}- n${i}`).join("\n")),
  ],
  /** 500,000 list items (2 MB): out of memory before. */
  "many-list-items": () => ["rutin-punkter.md", documentWith("rutin-punkter", "- a\n".repeat(499_000))],
  /** A 1.9 MB table (about 470,000 cells): 2.4 GB before. */
  "big-table": () => ["rutin-tabell.md", documentWith("rutin-tabell", row(40, "h") + row(40, "-") + row(40, "x").repeat(11_700))],
  /** A YAML flow sequence nested 3,000 deep: a stack overflow before. */
  "yaml-flow-deep": () => [
    "rutin-yaml-flode.md",
    `${withYaml("rutin-yaml-flode", `${"[".repeat(3_000)}${"]".repeat(3_000)}`)}\n${SECTIONS}`,
  ],
  /** A YAML block sequence nested 3,000 deep (`- - - …`). */
  "yaml-block-deep": () => ["rutin-yaml-block.md", `${withYaml("rutin-yaml-block", `\n  ${"- ".repeat(3_000)}x`)}\n${SECTIONS}`],
  /** A YAML mapping nested 100 deep by indentation (`a:` under `a:` …). */
  "yaml-map-deep": () => [
    "rutin-yaml-nycklar.md",
    `${withYaml("rutin-yaml-nycklar", "\n" + Array.from({ length: 100 }, (_, i) => `${" ".repeat(i + 1)}a:`).join("\n") + " x")}\n${SECTIONS}`,
  ],
  /** 150,000 YAML keys (1.5 MB): 216 s and 1 GB before. */
  "yaml-many-keys": () => [
    "rutin-yaml-falt.md",
    `${frontMatter("rutin-yaml-falt").replace("andringshistorik:", `${Array.from({ length: 150_000 }, (_, i) => `k${i}: v`).join("\n")}\nandringshistorik:`)}\n${SECTIONS}`,
  ],
};

/** Big but ordinary documents: each must validate with no finding. */
export const legitimate = {
  "list-2000": () => [
    "rutin-lang-lista.md",
    documentWith("rutin-lang-lista", Array.from({ length: 2_000 }, (_, i) => `- Punkt ${i + 1}.`).join("\n")),
  ],
  "nested-8": () => [
    "rutin-djup-lista.md",
    documentWith(
      "rutin-djup-lista",
      Array.from({ length: 8 }, (_, i) => `${"  ".repeat(i)}- Nivå ${i + 1}.`).join("\n") + "\n\n> Citat\n> > i citat\n> > - med lista\n",
    ),
  ],
  "table-300": () => [
    "rutin-stor-tabell.md",
    documentWith("rutin-stor-tabell", row(6, "Rubrik") + row(6, "---") + row(6, "Cell").repeat(300)),
  ],
};

/** Writes the configuration, a valid document and the named documents into `dir`; returns their file names. */
export function writeDocuments(dir, names, table = attacks) {
  mkdirSync(dir, { recursive: true });
  copyFileSync(STANDARD_CONFIG, path.join(dir, "samdok.config.json"));
  writeFileSync(path.join(dir, "rutin-giltig.md"), documentWith("rutin-giltig", "1. Skicka meddelande.\n2. Planera hemgången.\n"));
  const written = {};
  for (const name of names) {
    const make = table[name];
    if (!make) throw new Error(`unknown document ${name}`);
    const [file, text] = make();
    writeFileSync(path.join(dir, file), text);
    written[name] = file;
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, ...names] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node test/helpers/attack-documents.mjs DIR [name …]");
    process.exit(2);
  }
  const all = { ...attacks, ...legitimate };
  const written = writeDocuments(dir, names.length > 0 ? names : Object.keys(attacks), all);
  console.log(JSON.stringify(written));
}
