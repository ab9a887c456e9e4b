import type { SetRule, SetContext } from "./types.js";
import type { DocumentResult } from "../core/types.js";
import { str, strings } from "./lib/data.js";
import { idOf, single } from "./lib/set.js";

interface Edge {
  from: DocumentResult;
  to: DocumentResult;
  /** The document and pointer where the reference is written. */
  on: DocumentResult;
  path: string;
}

type Graph = Map<DocumentResult, DocumentResult[]>;

function graphOf(edges: readonly Edge[]): Graph {
  const graph: Graph = new Map();
  for (const e of edges) {
    const out = graph.get(e.from) ?? [];
    out.push(e.to);
    graph.set(e.from, out);
  }
  return graph;
}

/** Strongly connected components (Tarjan, iterative): the component number of each node. */
function components(graph: Graph): Map<DocumentResult, number> {
  const index = new Map<DocumentResult, number>();
  const low = new Map<DocumentResult, number>();
  const component = new Map<DocumentResult, number>();
  const stack: DocumentResult[] = [];
  const onStack = new Set<DocumentResult>();
  let counter = 0;
  let count = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: DocumentResult; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: DocumentResult; next: number };
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const to = targets[frame.next++] as DocumentResult;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        for (;;) {
          const n = stack.pop() as DocumentResult;
          onStack.delete(n);
          component.set(n, count);
          if (n === frame.node) break;
        }
        count++;
      }
    }
  }
  return component;
}

/** The shortest path of documents from `start` to `goal`, staying inside one component. */
function shortestPath(
  graph: Graph,
  component: Map<DocumentResult, number>,
  start: DocumentResult,
  goal: DocumentResult,
): DocumentResult[] | undefined {
  const previous = new Map<DocumentResult, DocumentResult | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i] as DocumentResult;
    if (at === goal) {
      const path: DocumentResult[] = [];
      for (let n: DocumentResult | null | undefined = goal; n; n = previous.get(n)) path.unshift(n);
      return path;
    }
    for (const to of graph.get(at) ?? []) {
      if (previous.has(to) || component.get(to) !== component.get(start)) continue;
      previous.set(to, at);
      queue.push(to);
    }
  }
  return undefined;
}

function reportCycles(ctx: SetContext, edges: readonly Edge[], what: { sv: string; en: string }, fix: { sv: string; en: string }): void {
  const graph = graphOf(edges);
  const component = components(graph);
  const reported = new Set<string>();
  for (const edge of edges) {
    // The edge lies on a cycle when it is a loop or joins two nodes of one component.
    if (edge.from !== edge.to && component.get(edge.from) !== component.get(edge.to)) continue;
    const back = edge.from === edge.to ? [edge.from] : shortestPath(graph, component, edge.to, edge.from);
    if (!back) continue;
    const key = `${edge.on.rootPath}\0${edge.path}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const chain = [edge.from, ...back].map((d) => idOf(d) ?? d.file).join(" → ");
    ctx.report(edge.on, {
      path: edge.path,
      message: {
        sv: `${what.sv} går runt i en cirkel: ${chain}. ${fix.sv}`,
        en: `${what.en} goes round in a circle: ${chain}. ${fix.en}`,
      },
    });
  }
}

export const rule: SetRule = {
  id: "SD103",
  name: "inga-cykler",
  scope: "set",
  category: "samling",
  defaultSeverity: "error",
  description: {
    sv: "Kedjorna av ersättningar (`ersatter`, `ersatts_av`) och överordnade dokument (`overordnat`) går aldrig runt i en cirkel.",
    en: "Chains of replacements (`ersatter`, `ersatts_av`) and parent documents (`overordnat`) never go round in a circle.",
  },
  docs: {
    sv: "Ett dokument kan inte, ens via andra, ersätta sig självt eller vara överordnat sig självt. Exempel på fel: rutinen har `overordnat: riktlinje-x` och riktlinjen har `overordnat: rutin-y`. Rätta den hänvisning som pekar åt fel håll: en rutin pekar uppåt på sin riktlinje, en riktlinje på sin överenskommelse eller policy.",
    en: "A document cannot, even through others, replace itself or be its own parent. Example: the routine has `overordnat: riktlinje-x` and the guideline `overordnat: rutin-y`. Fix the reference that points the wrong way: a routine points up to its guideline, a guideline to its agreement or policy.",
  },
  check(ctx) {
    const replaces: Edge[] = [];
    const parents: Edge[] = [];
    for (const doc of ctx.documents) {
      for (const entry of strings(doc.data, "ersatter")) {
        const old = single(ctx, entry.value);
        if (old) replaces.push({ from: doc, to: old, on: doc, path: entry.path });
      }
      const successor = single(ctx, str(doc.data, "ersatts_av"));
      if (successor) replaces.push({ from: successor, to: doc, on: doc, path: "/ersatts_av" });
      const parent = single(ctx, str(doc.data, "overordnat"));
      if (parent) parents.push({ from: doc, to: parent, on: doc, path: "/overordnat" });
    }
    reportCycles(
      ctx,
      replaces,
      { sv: "Ersättningskedjan", en: "The chain of replacements" },
      {
        sv: "Ett nyare dokument ersätter ett äldre, aldrig tvärtom. Ta bort den hänvisning som pekar bakåt.",
        en: "A newer document replaces an older one, never the other way round. Remove the reference that points backwards.",
      },
    );
    reportCycles(
      ctx,
      parents,
      { sv: "Kedjan av överordnade dokument", en: "The chain of parent documents" },
      {
        sv: "`overordnat` pekar uppåt, till exempel från en rutin till dess riktlinje. Ta bort eller ändra den hänvisning som pekar nedåt.",
        en: "`overordnat` points upwards, for example from a routine to its guideline. Remove or change the reference that points down.",
      },
    );
  },
};
