/** Helpers for the due tests: fixture paths, temporary copies, parsed JSON output. */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach } from "vitest";
import { FIXTURES, runCli, type RunCliOptions } from "../helpers/cli.js";

export const DATES = path.join(FIXTURES, "due-dates");

export interface DueJson {
  asOf: string;
  within: number;
  items: {
    id: string;
    file: string;
    title: string;
    kind: string;
    date: string;
    state: string;
    daysLeft: number;
    owner: string;
    index?: number;
    detail?: string;
  }[];
}

export async function dueJson(args: string[], options: RunCliOptions = {}): Promise<{ code: number; json: DueJson; stderr: string }> {
  const r = await runCli(["due", ...args, "--format", "json"], options);
  let json: DueJson;
  try {
    json = JSON.parse(r.stdout) as DueJson;
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, json, stderr: r.stderr };
}

/** "id kind date state daysLeft" per item: compact and readable in a failing test. */
export function brief(json: DueJson): string[] {
  return json.items.map((i) => `${i.id} ${i.kind} ${i.date} ${i.state} ${i.daysLeft}`);
}

const temps: string[] = [];

/** A fresh copy of a fixture folder, removed after the test. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `samdok-${name}-`));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  temps.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
