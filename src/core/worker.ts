/**
 * A worker thread of the analyser pool (parallel.ts; started, like the Word
 * edition's parse workers, by worker-pool.ts): it receives the
 * configurations once and then documents one at a time, and answers each
 * with the same JSON text the main thread would have made, and, for a build
 * of the Word edition, the parsed body (`editionBody`). Nothing here touches
 * the cache or the output; a document that fails is answered with its error,
 * and the main thread analyses it itself.
 */
import { parentPort } from "node:worker_threads";
import type { Root } from "mdast";
import { analyzeToText } from "./analyze.js";
import { editionBody } from "./markdown.js";
import { documentRules } from "../rules/index.js";
import type { LoadedConfig } from "./config.js";
import type { WorkerRequest, WorkerReply } from "./parallel.js";

const port = parentPort;
if (!port) throw new Error("samdok: worker.js is a worker thread, not a program");
const rules = documentRules();
const configs = new Map<number, LoadedConfig>();

port.on("message", (message: WorkerRequest) => {
  if (message.kind === "config") {
    configs.set(message.key, message.loaded);
    return;
  }
  let reply: WorkerReply;
  try {
    const loaded = configs.get(message.config);
    if (!loaded) throw new Error(`configuration ${message.config} was never sent`);
    let body: Root | undefined;
    const onBody = message.keepBody ? (tree: Root): void => void (body = editionBody(tree, { lines: true })) : undefined;
    const json = analyzeToText({
      file: message.file,
      rootPath: message.rootPath,
      absPath: message.abs,
      bytes: message.bytes,
      loaded,
      lang: message.lang,
      today: message.today,
      rules,
      ...(onBody ? { onBody } : {}),
    });
    reply = body ? { id: message.id, json, body } : { id: message.id, json };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message ?? String(error) };
  }
  port.postMessage(reply);
});
