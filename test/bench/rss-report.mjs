// Loaded with `node --import` by the benchmark: reports the process's peak
// resident memory (maxRSS, in kB) to the file named by SAMDOK_BENCH_RSS.
import { writeFileSync } from "node:fs";

const out = process.env.SAMDOK_BENCH_RSS;
if (out) process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
