import { documentSchema, type JsonSchema } from "../core/schema.js";
import { schemaAt } from "../core/schema-explain.js";

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The README's table of front-matter fields, generated from the schema. */
export function fieldsMarkdownTable(): string {
  const schema = documentSchema();
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const conditional = new Map<string, string[]>();
  for (const entry of (schema.allOf as JsonSchema[] | undefined) ?? []) {
    const then = entry.then as JsonSchema | undefined;
    const when = (entry["x-villkor"] as { sv: string } | undefined)?.sv ?? "";
    for (const key of (then?.required as string[] | undefined) ?? []) {
      conditional.set(key, [...(conditional.get(key) ?? []), when]);
    }
  }
  const rows = Object.keys(schema.properties as Record<string, unknown>).map((key) => {
    const node = schemaAt(schema, `/${key}`) ?? {};
    const req = required.has(key) ? "ja" : conditional.has(key) ? `för ${conditional.get(key)?.join(", ")}` : "nej";
    const examples = node.examples as unknown[] | undefined;
    const ex = examples && examples.length > 0 ? `\`${typeof examples[0] === "string" ? examples[0] : JSON.stringify(examples[0])}\`` : "";
    return `| \`${key}\` | ${cell(String(node.title ?? ""))} | ${req} | ${cell(String(node.description ?? ""))} | ${ex} |`;
  });
  return `| Fält | Etikett | Krävs | Beskrivning | Exempel |\n|---|---|---|---|---|\n${rows.join("\n")}\n`;
}
