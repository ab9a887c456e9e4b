/**
 * A worker thread of bodies.ts: claims bodies through the shared counter,
 * parses them, and posts each tree (without positions) to the main thread,
 * until none is left.
 */
import { parentPort, workerData } from "node:worker_threads";
import { claim, parseSource, type ParseJob, type Parsed } from "./bodies.js";

const { sources, claims } = workerData as ParseJob;
const counter = new Int32Array(claims);
for (let index = claim(counter); index < sources.length; index = claim(counter)) {
  const source = sources[index];
  if (!source) break;
  const message: Parsed = { index, tree: parseSource(source) };
  parentPort?.postMessage(message);
}
