import type { Diagnostic, DocumentResult } from "../core/types.js";
import type { Reporter } from "./types.js";
import { pick } from "../i18n/text.js";
import { neutralizeWorkflowCommands } from "../core/safe-text.js";
import { xmlAttribute, xmlText } from "../core/escape.js";

/** The set a document belongs to: its path without the part below the document root. */
export function setOf(r: Pick<DocumentResult, "file" | "rootPath">): string {
  if (r.rootPath && r.file.endsWith(r.rootPath)) {
    const dir = r.file.slice(0, r.file.length - r.rootPath.length).replace(/\/$/, "");
    return dir === "" ? "." : dir;
  }
  const slash = r.file.lastIndexOf("/");
  return slash === -1 ? "." : r.file.slice(0, slash);
}

const at = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;

/**
 * `--format junit`: JUnit XML for GitLab, Azure DevOps and Jenkins. One
 * `<testsuite>` for the run, one `<testcase>` per document (classname = the
 * set's folder, name = the file). Each error is a `<failure>`; warnings do not
 * fail a test and are listed in the test case's `<system-out>`.
 */
export const junit: Reporter = ({ results, lang }) => {
  const warningLabel = pick({ sv: "varning", en: "warning" }, lang);
  let failed = 0;
  const cases: string[] = [];
  for (const r of results) {
    const errors = r.diagnostics.filter((d) => d.severity === "error");
    const warnings = r.diagnostics.filter((d) => d.severity === "warning");
    if (errors.length > 0) failed++;
    const open = `    <testcase classname="${xmlAttribute(setOf(r))}" name="${xmlAttribute(r.file)}"`;
    if (errors.length === 0 && warnings.length === 0) {
      cases.push(`${open}/>`);
      continue;
    }
    const body: string[] = [];
    for (const d of errors) {
      body.push(
        `      <failure type="${xmlAttribute(d.ruleId)}" message="${xmlAttribute(d.message)}">${xmlText(`${at(d)} ${d.ruleId}/${d.ruleName}\n${d.message}`)}</failure>`,
      );
    }
    if (warnings.length > 0) {
      const text = warnings.map((d) => `${at(d)} ${warningLabel} ${d.ruleId}/${d.ruleName}: ${d.message}`).join("\n");
      body.push(`      <system-out>${xmlText(text)}</system-out>`);
    }
    cases.push(`${open}>\n${body.join("\n")}\n    </testcase>`);
  }
  const counts = `tests="${results.length}" failures="${failed}" errors="0" skipped="0"`;
  const xml = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="samdok" ${counts}>`,
    `  <testsuite name="samdok" ${counts}>`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
  // A message's second line starts a line of the file: inert if the file is printed in a CI log.
  return neutralizeWorkflowCommands(xml, "markup");
};
