/**
 * Reading the generated workflows the way a test needs: the `run:` scripts,
 * the `samdok` invocations in them split into words, and the flags (with
 * their allowed values) that `samdok <command> --help` lists.
 */
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { "runs-on": string; permissions?: Record<string, string>; env?: Record<string, string>; steps: Step[] }>;
}

export function parseWorkflow(text: string): Workflow {
  return parse(text) as Workflow;
}

export function steps(w: Workflow): Step[] {
  return Object.values(w.jobs).flatMap((j) => j.steps);
}

/** Shell words of a simple command line: quotes, no expansion; `$VAR` and `"$VAR"` come back as `$VAR`. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = "";
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      current += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '"') {
      const end = line.indexOf('"', i + 1);
      current += line.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === " " || c === "\t") {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += c;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

/** Every `npx samdok …` in the workflow's run: scripts, as argv after `samdok` (redirections cut off). */
export function samdokInvocations(w: Workflow): string[][] {
  const out: string[][] = [];
  for (const step of steps(w)) {
    if (!step.run) continue;
    const script = step.run.replace(/\\\n\s*/g, " ");
    for (const line of script.split("\n")) {
      const at = line.indexOf("npx samdok ");
      if (at === -1) continue;
      const command = line.slice(at + "npx samdok ".length).replace(/\s*(\|\||&&|;|>|2>).*$/, "");
      out.push(shellWords(command));
    }
  }
  return out;
}

export interface HelpOption {
  flags: string[];
  takesValue: boolean;
  choices?: string[];
}

/** The options `samdok <command> --help` lists (English help, so the wording is commander's own). */
export async function helpOptions(command: string): Promise<HelpOption[] | undefined> {
  const r = await runCli(["--lang", "en", command, "--help"]);
  if (r.code !== 0 || !r.stdout.startsWith(`Usage: samdok ${command}`)) return undefined;
  const section = r.stdout.split(/^Options:\n/m)[1]?.split(/\n\n/)[0] ?? "";
  const entries: string[] = [];
  for (const line of section.split("\n")) {
    if (/^ {2}-/.test(line)) entries.push(line.trim());
    else if (entries.length > 0) entries[entries.length - 1] += ` ${line.trim()}`;
  }
  return entries.map((e) => {
    const head = e.split(/ {2,}/)[0] ?? "";
    const flags = head.split(/,\s*|\s+/).filter((w) => w.startsWith("-"));
    const choices = /\(choices: ((?:"[^"]*"(?:, )?)+)/.exec(e)?.[1];
    const option: HelpOption = { flags, takesValue: /<[^>]+>|\[[^\]]+\]/.test(head) };
    if (choices) option.choices = [...choices.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? "");
    return option;
  });
}
