#!/usr/bin/env node
// The thin bin: wires the process into main() and sets the exit code.
import { main } from "../build/cli/main.js";

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: new Date(),
  env: process.env,
});
