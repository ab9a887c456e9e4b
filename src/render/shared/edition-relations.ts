/**
 * How a document relates to the others of its set, in both directions: the
 * front matter says what a document replaces, belongs to and relates to; the
 * reverse (what replaced it, what belongs to it, what refers to it) is found
 * by looking at every document of the set.
 */
import type { EditionDocument } from "../edition.js";
import type { LinkIndex } from "./edition-links.js";

/** A reference by id; `target` is the document when the set has it. */
export interface DocRef {
  id: string;
  target?: EditionDocument;
}

export interface Relations {
  parent?: DocRef;
  /** Documents whose `overordnat` is this one. */
  children: DocRef[];
  replaces: DocRef[];
  /** `ersatts_av`, or else a document that lists this one in `ersatter`. */
  replacedBy?: DocRef;
  related: DocRef[];
  /** Documents that list this one in `relaterade` (and are not already in `related`). */
  referencedBy: DocRef[];
}

export function relationsOf(doc: EditionDocument, all: readonly EditionDocument[], links: LinkIndex): Relations {
  const ref = (id: string): DocRef => {
    const target = links.byIdIn(doc, id);
    return target ? { id, target } : { id };
  };
  const sameSet = all.filter((d) => d.loaded.root === doc.loaded.root && d !== doc);
  const own = doc.doc;
  const relations: Relations = {
    children: sameSet.filter((d) => d.doc.overordnat === own.id).map((d) => ({ id: d.doc.id, target: d })),
    replaces: (own.ersatter ?? []).map(ref),
    related: (own.relaterade ?? []).map(ref),
    referencedBy: sameSet
      .filter((d) => (d.doc.relaterade ?? []).includes(own.id) && !(own.relaterade ?? []).includes(d.doc.id))
      .map((d) => ({ id: d.doc.id, target: d })),
  };
  if (own.overordnat) relations.parent = ref(own.overordnat);
  if (own.ersatts_av) relations.replacedBy = ref(own.ersatts_av);
  else {
    const successor = sameSet.find((d) => (d.doc.ersatter ?? []).includes(own.id));
    if (successor) relations.replacedBy = { id: successor.doc.id, target: successor };
  }
  return relations;
}
