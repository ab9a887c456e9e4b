#!/usr/bin/env node
// The thin bin: wires the process into main() and sets the exit code.
// `npm run build` bundles the CLI into build/bundle/ (src/bundle.ts), which
// loads several times faster than the module graph in build/cli/.
import { existsSync } from "node:fs";

const bundled = new URL("../build/bundle/main.js", import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : "../build/cli/main.js");

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
