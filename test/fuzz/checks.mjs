/**
 * What every run must satisfy: the checks on samdok's exit, output, JSON
 * results and published editions. Each returns failures as {kind, detail}.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { DOMParser } from "@xmldom/xmldom";
import { unzipSync } from "fflate";

import { XSS } from "./grammar.mjs";
import { hash32 } from "./rng.mjs";

/** Put into the children's environment: found in any output, it came from /proc/self/environ. */
export const CANARY = `fuzzcanary${hash32(`${process.pid}:${Date.now()}`).toString(16)}`;

export const isMarkdown = (name) => name.toLowerCase().endsWith(".md");

/**
 * What must, may and must not have a result: every regular *.md file outside
 * hidden folders and node_modules must; symbolic links and special files named
 * *.md may (they need not be read); *.md files in hidden folders must not.
 */
export function discoverable(root) {
  const must = new Set();
  const may = new Set();
  const hidden = new Set();
  const walk = (dir, rel, inHidden) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const r = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), r, inHidden || entry.name.startsWith(".") || entry.name === "node_modules");
      else if (!isMarkdown(entry.name) && entry.name !== "samdok.config.json") continue;
      else if (entry.name === "samdok.config.json") may.add(r);
      else if (inHidden) hidden.add(r);
      else if (entry.isFile()) must.add(r);
      else may.add(r);
    }
  };
  walk(path.join(root, "documents"), "documents", false);
  return { must, may, hidden };
}

const STACK = [/^\s+at .+\(.+:\d+:\d+\)$/m, /^\s+at (?:file:|node:|\/).+:\d+:\d+$/m];
const INTERNAL =
  /internt fel|internal error|FATAL ERROR|JavaScript heap out of memory|Maximum call stack size exceeded|Segmentation fault|Unhandled|ERR_[A-Z_]{4,}/;
const LEAKY_MESSAGE =
  /Maximum call stack|TypeError|ReferenceError|RangeError|SyntaxError: |Cannot read propert|is not a function|is not iterable|\[object Object\]|\bundefined\b|\n\s+at .+:\d+:\d+/;

/** Checks every run has to pass; returns failures as {kind, detail}. */
export function checkRun(name, r, allowed, timeout, { jsonStdout = false } = {}) {
  const out = [];
  if (r.error?.code === "ETIMEDOUT" || (r.signal === "SIGKILL" && r.ms >= timeout - 50)) {
    out.push({ kind: "hang", detail: `${name} did not finish within ${timeout} ms` });
    return out;
  }
  if (r.error?.code === "ENOBUFS") out.push({ kind: "output-too-large", detail: `${name} wrote more than 512 MB` });
  else if (r.error) out.push({ kind: "spawn", detail: `${name}: ${r.error.message}` });
  if (r.signal) out.push({ kind: "crash", detail: `${name} killed by ${r.signal}` });
  else if (!allowed.includes(r.status))
    out.push({
      kind: "exit-code",
      detail: `${name} exited ${r.status}, expected ${allowed.join(" or ")}: ${firstLines(r.stderr || r.stdout, 3)}`,
    });
  for (const [stream, text] of [
    ["stdout", r.stdout],
    ["stderr", r.stderr],
  ]) {
    if (STACK.some((re) => re.test(text))) out.push({ kind: "stack-trace", detail: `${name} ${stream}: ${stackSignature(text)}` });
    // In JSON, a finding's message is checked on its own (internal-in-message).
    const internal = jsonStdout && stream === "stdout" ? null : INTERNAL.exec(text);
    if (internal) out.push({ kind: "internal-error", detail: `${name} ${stream}: ${JSON.stringify(lineAround(text, internal.index))}` });
    const cmd = text.split("\n").find((l) => l.startsWith("::"));
    if (cmd !== undefined)
      out.push({
        kind: "workflow-command",
        detail: `${name} ${stream} has a line starting with '::': ${JSON.stringify(cmd.slice(0, 120))}`,
      });
    if (text.includes(CANARY)) out.push({ kind: "env-leak", detail: `${name} ${stream} contains the environment (/proc/self/environ)` });
    if (/root:x:0:0:/.test(text)) out.push({ kind: "passwd-leak", detail: `${name} ${stream} contains /etc/passwd` });
  }
  if (r.stdoutBytes && !isUtf8(r.stdoutBytes)) out.push({ kind: "output-encoding", detail: `${name} stdout is not valid UTF-8` });
  return out;
}

export function isUtf8(bytes) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function firstLines(text, n) {
  return JSON.stringify(text.split("\n").slice(0, n).join("\n").slice(0, 300));
}
function lineAround(text, index) {
  const start = text.lastIndexOf("\n", index) + 1;
  const end = text.indexOf("\n", index);
  return text.slice(start, end < 0 ? undefined : end).slice(0, 200);
}
/** The error line and the first frame of a stack trace, to group findings. */
function stackSignature(text) {
  const lines = text.split("\n");
  const frame = lines.findIndex((l) => /^\s+at /.test(l));
  if (frame < 0) return "";
  const error =
    lines
      .slice(0, frame)
      .reverse()
      .find((l) => l.trim() && !/^\s+at /.test(l)) ?? "";
  return `${error.trim().slice(0, 160)} | ${lines[frame].trim().slice(0, 160)}`;
}

/** `validate --format json`: the shape, and a result for every document discovery must see. */
export function checkValidateJson(r, root, tree) {
  const out = [];
  const fail = (kind, detail) => out.push({ kind, detail });
  let parsed;
  try {
    parsed = JSON.parse(r.stdout);
  } catch (e) {
    fail("json", `stdout is not JSON: ${e.message}; starts ${firstLines(r.stdout, 2)}`);
    return { out };
  }
  // One line per file: the summary first, then "results":[, a line per result, then ]}.
  const lines = r.stdout.replace(/\n$/, "").split("\n");
  const head = /^\{"summary":(.*),$/.exec(lines[0] ?? "");
  if (!head) fail("json-lines", `first line is not the summary: ${firstLines(lines[0] ?? "", 1)}`);
  else {
    try {
      JSON.parse(head[1]);
    } catch {
      fail("json-lines", "the summary line is not JSON");
    }
  }
  const results = parsed?.results;
  if (!Array.isArray(results) || typeof parsed.summary !== "object") {
    fail("json", "no summary or results");
    return { out };
  }
  if (results.length === 0) {
    if (lines[1] !== '"results":[]}') fail("json-lines", `empty results line: ${firstLines(lines[1] ?? "", 1)}`);
  } else {
    if (lines[1] !== '"results":[') fail("json-lines", `second line: ${firstLines(lines[1] ?? "", 1)}`);
    if (lines[lines.length - 1] !== "]}") fail("json-lines", `last line: ${firstLines(lines[lines.length - 1], 1)}`);
    const middle = lines.slice(2, -1);
    if (middle.length !== results.length) fail("json-lines", `${results.length} results on ${middle.length} lines`);
    for (const [i, line] of middle.entries()) {
      try {
        JSON.parse(i < middle.length - 1 ? line.replace(/,$/, "") : line);
      } catch {
        fail("json-lines", `result line ${i + 3} is not JSON on its own`);
        break;
      }
    }
  }

  // Every document present, none twice, none from hidden folders, none invented.
  const { must, may, hidden } = discoverable(root);
  const nfc = (s) => s.normalize("NFC");
  const seen = new Map();
  for (const res of results) {
    if (typeof res?.file !== "string") {
      fail("json", "a result without file");
      continue;
    }
    const f = nfc(res.file);
    if (seen.has(f)) fail("duplicate-result", `${JSON.stringify(res.file)} has two results`);
    seen.set(f, res);
  }
  const mustN = new Map([...must].map((m) => [nfc(m), m]));
  const missing = [...mustN.keys()].filter((m) => !seen.has(m));
  if (missing.length)
    fail(
      "missing-result",
      `no result for ${missing.length} document(s): ${missing
        .slice(0, 5)
        .map((m) => JSON.stringify(m))
        .join(", ")}`,
    );
  const allowed = new Set([...mustN.keys(), ...[...may].map(nfc)]);
  for (const f of seen.keys()) {
    if ([...hidden].some((h) => nfc(h) === f))
      fail("hidden-folder", `${JSON.stringify(f)} is in a hidden folder or node_modules and was validated`);
    else if (!allowed.has(f)) fail("phantom-result", `a result for ${JSON.stringify(f)}, which is not a document in the folder`);
  }

  // The summary agrees with the results, the exit code with the summary, positions are in the file.
  let errors = 0;
  let warnings = 0;
  for (const res of results) {
    const entry = tree.get(res.file) ?? tree.get([...tree.keys()].find((k) => nfc(k) === nfc(res.file ?? "")));
    const lineCount = entry?.kind === "file" ? countLines(entry.data) : Infinity;
    for (const d of res.diagnostics ?? []) {
      if (d.severity === "error") errors++;
      else if (d.severity === "warning") warnings++;
      else fail("diagnostic", `severity ${JSON.stringify(d.severity)} in ${res.file}`);
      if (typeof d.ruleId !== "string" || !/^SD\d{3}$/.test(d.ruleId))
        fail("diagnostic", `ruleId ${JSON.stringify(d.ruleId)} in ${res.file}`);
      if (typeof d.message !== "string" || !d.message.trim()) fail("diagnostic", `${d.ruleId}: empty message in ${res.file}`);
      else if (LEAKY_MESSAGE.test(d.message))
        fail("internal-in-message", `${d.ruleId} in ${res.file}: ${JSON.stringify(d.message.slice(0, 240))}`);
      for (const k of ["line", "column"]) {
        if (!Number.isInteger(d[k]) || d[k] < 1) fail("position", `${d.ruleId} in ${res.file}: ${k} ${JSON.stringify(d[k])}`);
      }
      if (d.endLine !== undefined && (!Number.isInteger(d.endLine) || d.endLine < d.line))
        fail("position", `${d.ruleId} in ${res.file}: endLine ${d.endLine} before line ${d.line}`);
      if (Number.isInteger(d.line) && d.line > lineCount + 1)
        fail("position", `${d.ruleId} in ${res.file}: line ${d.line} but the file has ${lineCount} lines`);
    }
  }
  const s = parsed.summary;
  if (s.files !== results.length) fail("summary", `summary.files ${s.files} but ${results.length} results`);
  if (s.errors !== errors || s.warnings !== warnings)
    fail("summary", `summary says ${s.errors} errors, ${s.warnings} warnings; results have ${errors} and ${warnings}`);
  if (r.status === 0 && errors > 0) fail("exit-code", `validate exited 0 with ${errors} errors`);
  if (r.status === 1 && errors === 0) fail("exit-code", "validate exited 1 with no errors");
  return { out, errors };
}

function countLines(bytes) {
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) lf++;
    else if (bytes[i] === 0x0d) {
      cr++;
      if (bytes[i + 1] === 0x0a) {
        i++;
        lf++;
        cr--;
      }
    }
  }
  // Other line separators (U+2028, NEL) may count as lines to a parser; allow for them generously.
  return lf + cr + 1 + (bytes.includes(Buffer.from("\u2028")) || bytes.includes(Buffer.from("\u0085")) ? 1e6 : 0);
}

// ---------------------------------------------------------------------------
// The published files: nothing from outside the root, no live script, well-formed Word XML

export function listFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(abs, out);
    else out.push(abs);
  }
  return out;
}

const ATTR = /\s([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;

function decodeEntities(s) {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;|&newline;/gi, "");
}

function checkHtml(file, text) {
  const out = [];
  for (const m of text.matchAll(TAG)) {
    const tag = m[1].toLowerCase();
    for (const a of (m[2] ?? "").matchAll(ATTR)) {
      const name = a[1].toLowerCase();
      const value = decodeEntities((a[2] ?? "").replace(/^["']|["']$/g, ""));
      if (name.startsWith("on") && value.includes(XSS)) out.push(`<${tag} ${name}=…${XSS}…>`);
      const squeezed = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (
        ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"].includes(name) &&
        /^(javascript|vbscript|data:text\/html)/.test(squeezed)
      )
        out.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
    }
    if (["iframe", "object", "embed", "base", "form", "meta", "svg", "img"].includes(tag) && m[0].includes(XSS))
      out.push(m[0].slice(0, 100));
  }
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1].includes(XSS)) out.push(`<script>…${XSS}…</script>`);
  }
  return out.map((detail) => ({ kind: "xss", detail: `${file}: ${detail}` }));
}

const XML_ILLEGAL =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function checkDocx(file, bytes) {
  const out = [];
  let entries;
  try {
    entries = unzipSync(new Uint8Array(bytes));
  } catch (e) {
    return [{ kind: "docx", detail: `${file} is not a zip: ${e.message}` }];
  }
  for (const [name, data] of Object.entries(entries)) {
    scanLeak(`${file}!${name}`, data, out);
    if (!/\.(xml|rels)$/.test(name)) continue;
    let xml;
    try {
      xml = new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      out.push({ kind: "docx-xml", detail: `${file}!${name} is not UTF-8` });
      continue;
    }
    const bad = XML_ILLEGAL.exec(xml);
    if (bad)
      out.push({
        kind: "docx-xml",
        detail: `${file}!${name} has a character XML forbids (U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")}) at ${bad.index}`,
      });
    const errors = [];
    new DOMParser({
      errorHandler: { warning: (e) => errors.push(e), error: (e) => errors.push(e), fatalError: (e) => errors.push(e) },
    }).parseFromString(xml, "text/xml");
    if (errors.length) out.push({ kind: "docx-xml", detail: `${file}!${name} is not well-formed: ${String(errors[0]).slice(0, 160)}` });
  }
  return out;
}

function scanLeak(file, bytes, out) {
  const text = Buffer.from(bytes).toString("latin1");
  if (text.includes(CANARY)) out.push({ kind: "env-leak", detail: `${file} contains the environment (/proc/self/environ)` });
  if (text.includes("root:x:0:0:")) out.push({ kind: "passwd-leak", detail: `${file} contains /etc/passwd` });
}

export function checkEdition(outDir, format) {
  const out = [];
  const rel = (f) => path.relative(outDir, f);
  const files = listFiles(outDir);
  if (format === "html") {
    for (const need of ["index.html", "samlad-utgava.html"])
      if (!existsSync(path.join(outDir, need))) out.push({ kind: "edition", detail: `build html exited 0 without ${need}` });
  } else if (!existsSync(path.join(outDir, "samlad-utgava.docx")))
    out.push({ kind: "edition", detail: "build docx exited 0 without samlad-utgava.docx" });
  for (const f of files) {
    const bytes = readFileSync(f);
    // Attachments under filer/ are the documents' own files (a .docx there need not be valid); only leaks count.
    if (f.endsWith(".docx") && path.dirname(f) === outDir) {
      out.push(...checkDocx(rel(f), bytes));
      continue;
    }
    scanLeak(rel(f), bytes, out);
    if (f.endsWith(".html")) {
      if (!isUtf8(bytes)) out.push({ kind: "html", detail: `${rel(f)} is not valid UTF-8` });
      out.push(...checkHtml(rel(f), bytes.toString("utf8")));
    }
  }
  return out;
}
