import type { Io } from "./io.js";

/** What a command's registration gets: the injected world, and where to put its exit code. */
export interface CommandContext {
  io: Io;
  setExit(code: number): void;
}

export { UsageError as UserError } from "../core/errors.js";
