/**
 * The version in force of the documents in progress, for due and report:
 * while version 3.0 is drafted or on remiss, version 2.0 still applies, and
 * its revision date, validity and follow-ups are still duties. The working
 * copy holds the draft; the version in force comes from git (core/history),
 * asked once for all the documents in progress, never for the others.
 */
import type { Lang } from "../../core/types.js";
import type { SamDoc } from "../../core/document.js";
import type { LoadedDocument } from "../../core/loaded-document.js";
import { documentText } from "../../core/store.js";
import { loadTimelines, versionsOf } from "../../core/history/timeline.js";
import { earlierDecidedVersions, versionInForce } from "../../core/history/in-force.js";
import { pick } from "../../i18n/text.js";

/** True when the working copy is a version not yet in force: a draft or a version on remiss. */
export function inProgress(d: LoadedDocument): boolean {
  return d.doc.status === "utkast" || d.doc.status === "remiss";
}

/**
 * Sets `inForce` on each document in progress that has an earlier version in
 * force on `asOf`. Outside git nothing is set: the draft alone is known.
 */
export function attachVersionsInForce(docs: readonly LoadedDocument[], asOf: string, lang: Lang): { shallow: number } {
  const pending = docs.filter(inProgress);
  let shallow = 0;
  if (pending.length === 0) return { shallow };
  const first = pending[0] as LoadedDocument;
  const timelines = loadTimelines(
    pending.map((d) => ({ absPath: d.absPath, text: () => documentText(d.absPath), root: d.loaded.root })),
    { cwd: first.loaded.root, lang, gitOnly: true },
  );
  for (const d of pending) {
    const t = timelines.get(d.absPath);
    if (!t) continue;
    const record = versionInForce(versionsOf(t), asOf);
    // In a shallow clone the version that still applies may lie before the first commit fetched.
    if ((!record || record.workingCopy) && t.shallow && earlierDecidedVersions(d.doc).length > 0) shallow++;
    if (!record || record.workingCopy || record.version === d.doc.version) continue;
    d.inForce = { version: record.version, doc: record.data as unknown as SamDoc, ...(record.commit ? { commit: record.commit } : {}) };
  }
  return { shallow };
}

/** What due and report say on stderr when a shallow clone hid the version in force of documents in progress. */
export function shallowNotice(count: number, lang: Lang): string | undefined {
  if (count === 0) return undefined;
  return pick(
    {
      sv: `samdok: arkivet är en grund klon, så den version som fortfarande gäller för ${count} dokument under arbete kunde inte läsas ur historiken, och dess revision och giltighet saknas i listan. Hämta hela historiken (git fetch --unshallow, eller fetch-depth: 0 i actions/checkout).`,
      en: `samdok: the repository is a shallow clone, so the version still in force of ${count} ${count === 1 ? "document" : "documents"} in progress could not be read from the history, and its revision and validity are missing from the list. Fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout).`,
    },
    lang,
  );
}
