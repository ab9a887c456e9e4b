#!/usr/bin/env node
// The thin bin: wires the process into main() and sets the exit code.
import { main } from "../build/cli/main.js";

// `samdok --help | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  now: new Date(),
  env: process.env,
});
