import type { Lang } from "../core/types.js";

export interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a command may touch of the outside world: injected, so tests run in-process. */
export interface Io {
  cwd: string;
  stdout: Out;
  stderr: Out;
  /** The injected clock. */
  now: Date;
  env: Readonly<Record<string, string | undefined>>;
  lang: Lang;
  /** Injectable file reading for documents (tests). */
  readFile?: (absPath: string) => Uint8Array;
  /** Called just before an edited document replaces the original (tests save "concurrently" here). */
  beforeCommit?: (absPath: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

/** Colour only on a terminal, and never with NO_COLOR set (https://no-color.org). */
export function useColor(out: Out, env: Io["env"]): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return out.isTTY === true;
}
