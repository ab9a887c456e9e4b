import type { Log, Region, ReportingDescriptor, Result } from "sarif";
import type { Diagnostic, Lang } from "../core/types.js";
import type { RuleMeta } from "../rules/types.js";
import type { Reporter } from "./types.js";
import { pick } from "../i18n/text.js";
import { jsonText } from "../core/safe-text.js";

const SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** A relative POSIX path as a relative URI reference: each segment percent-encoded. */
export function toUri(file: string): string {
  return file
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function descriptor(rule: RuleMeta, lang: Lang): ReportingDescriptor {
  const description = pick(rule.description, lang);
  const docs = rule.docs ? pick(rule.docs, lang) : description;
  const other = rule.defaultSeverity === "error" ? "warning" : "error";
  const how = pick(
    {
      sv: `Ändra regelns nivå i samdok.config.json, till exempel "regler": {"${rule.id}": "${other}"} eller "off". Mer om regeln: samdok rules ${rule.id}.`,
      en: `Change the rule's severity in samdok.config.json, for example "regler": {"${rule.id}": "${other}"} or "off". More about the rule: samdok rules ${rule.id}.`,
    },
    lang,
  );
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: description },
    fullDescription: { text: docs },
    help: { text: rule.configurable === false ? docs : `${docs}\n\n${how}` },
    defaultConfiguration: { level: rule.defaultSeverity === "error" ? "error" : "warning" },
    properties: { tags: [rule.category] },
  };
}

function result(d: Diagnostic, ruleIndex: number, untouched: boolean): Result {
  const region: Region = { startLine: d.line, startColumn: d.column };
  if (d.endLine !== undefined) region.endLine = d.endLine;
  if (d.endColumn !== undefined) region.endColumn = d.endColumn;
  const out: Result = {
    ruleId: d.ruleId,
    ruleIndex,
    level: d.severity === "error" ? "error" : "warning",
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(d.file), uriBaseId: "%SRCROOT%" }, region } }],
  };
  if (untouched) out.properties = { untouchedByChange: true };
  return out;
}

/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other viewers.
 * One run; the driver lists every rule samdok has (so that `ruleIndex` is
 * stable), each with its description, its longer explanation and how to
 * change its level. Locations are relative to `%SRCROOT%`, the folder samdok
 * ran in (the repository's root in a workflow). Written by `jsonText`: no
 * lone surrogates (strict readers reject them), inert in a terminal or log.
 *
 * In pull-request mode the findings on documents the change did not touch
 * stay in the log, marked `properties.untouchedByChange`: code scanning
 * compares the pull request's log with the default branch's and shows only
 * new alerts, so leaving them out would show them as fixed by the pull request.
 */
export const sarif: Reporter = ({ results, rules, lang, version, untouched }) => {
  const descriptors: ReportingDescriptor[] = rules.map((r) => descriptor(r, lang));
  const index = new Map<string, number>(descriptors.map((d, i) => [d.id, i]));
  const out: Result[] = [];
  const all = [...results.map((r) => ({ r, untouched: false })), ...(untouched ?? []).map((r) => ({ r, untouched: true }))];
  for (const { r, untouched: outside } of all) {
    for (const d of r.diagnostics) {
      let i = index.get(d.ruleId);
      if (i === undefined) {
        // A finding from a rule the caller did not list: name it all the same.
        i = descriptors.length;
        descriptors.push({ id: d.ruleId, name: d.ruleName, shortDescription: { text: d.ruleName } });
        index.set(d.ruleId, i);
      }
      out.push(result(d, i, outside));
    }
  }
  const log: Log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "samdok", version, semanticVersion: version, rules: descriptors } },
        columnKind: "utf16CodeUnits",
        results: out,
      },
    ],
  };
  return `${jsonText(log, 2)}\n`;
};
