// Loaded with `node --import` by the benchmark: reports the process's peak
// resident memory (maxRSS, in kB) and its CPU time over all threads (user
// and system, in µs) as JSON to the file named by SAMDOK_BENCH_RSS.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const out = process.env.SAMDOK_BENCH_RSS;
if (out && isMainThread) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }));
  });
}
