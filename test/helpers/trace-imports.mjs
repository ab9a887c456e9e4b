// Records every module URL that Node loads, into the file named by
// SAMDOK_TRACE_IMPORTS, so a test can prove what a command does not load.
import { register } from "node:module";
import { appendFileSync } from "node:fs";

const out = process.env.SAMDOK_TRACE_IMPORTS;
if (out) {
  const { port1, port2 } = new MessageChannel();
  port1.on("message", (url) => appendFileSync(out, `${url}\n`));
  port1.unref();
  register("./trace-imports-hooks.mjs", { parentURL: import.meta.url, data: { port: port2 }, transferList: [port2] });
}
