import type { RunOptions, ValidationRun } from "../core/run.js";
import { UsageError } from "../core/errors.js";

/** Pull-request mode: validates the documents changed since `ref`. */
export async function runChangedSince(options: RunOptions & { ref: string }): Promise<ValidationRun> {
  void options;
  throw new UsageError("--changed-since stöds inte ännu.");
}
