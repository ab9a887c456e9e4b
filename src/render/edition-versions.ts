/**
 * Which version of each document an edition publishes. A reader of an
 * edition must get the text that applies on the edition's date, not the
 * draft someone is working on: when the working copy is a draft, on remiss
 * or decided but not yet valid, the version in force comes from git (its
 * own text and front matter) and the one on its way is announced. A
 * document with no version in force on the date (never decided, repealed,
 * past its validity) is listed with the reason, not published.
 *
 * Git is asked once for all the documents that need it (core/history:
 * one `git log`, one `git cat-file --batch`); a fastställd working copy
 * valid on the date is itself the version in force and needs no git, so a
 * default edition of a set where everything applies starts no git process.
 */
import type { SamDoc } from "../core/document.js";
import type { Lang } from "../core/types.js";
import type { Out } from "../cli/io.js";
import { analyzeDocument } from "../core/analyze.js";
import { isUsable } from "../core/loaded-document.js";
import { isIsoDate } from "../core/dates.js";
import { ruleById } from "../rules/index.js";
import type { DocumentRule } from "../rules/types.js";
import { loadTimelines, versionsOf, type DocumentTimeline, type VersionRecord } from "../core/history/timeline.js";
import {
  decisionDate,
  isDecided,
  stateOn,
  underWayOn,
  earlierDecidedVersions,
  type ComingVersion,
  type DocumentState,
} from "../core/history/in-force.js";
import { pick } from "../i18n/text.js";
import { safeMessage } from "../core/safe-text.js";
import type { EditionDocument, ListedDocument, ListedReason } from "./edition.js";

export interface VersionChoice {
  /** The documents to publish, each the version in force on the date (the working copy's object when it is that version). */
  published: EditionDocument[];
  /** The documents with no version in force on the date. */
  listed: ListedDocument[];
  /** Each working copy → what stands for it in the edition (itself, or the version from git); listed documents are absent. */
  replaced: Map<EditionDocument, EditionDocument>;
}

export interface ChoiceOptions {
  /** The edition's date D: the version in force on D is published. */
  date: string;
  /**
   * True for `--as-of`: every document's timeline is read, so its text comes from git, and a coming
   * version is announced only as far as its own dates show it was under way on D (`knownOn`).
   */
  asOf: boolean;
  cwd: string;
  lang: Lang;
  /** The run's calendar date (for the schema check of a version from git). */
  today: string;
  stderr: Out;
}

/** The working copy as a record of its own timeline (what validation read; no git). */
function workingRecord(d: EditionDocument): VersionRecord {
  const data = d.result.data ?? {};
  return {
    version: typeof data.version === "string" ? data.version : "",
    status: typeof data.status === "string" ? data.status : "",
    data,
    text: d.text,
    workingCopy: true,
  };
}

const SCHEMA = ruleById("SD005") as DocumentRule;

/**
 * An older version, from git, as an edition document: its own front matter
 * and text, analysed the way validation analyses a document (headings and
 * links for anchors, the body line) and checked against today's schema,
 * since the renderers rely on the typed view. Undefined when it does not
 * pass: the caller lists the document instead of printing what it cannot trust.
 */
function fromRecord(d: EditionDocument, record: VersionRecord, options: ChoiceOptions): EditionDocument | undefined {
  const result = analyzeDocument({
    file: d.result.file,
    rootPath: d.result.rootPath,
    absPath: d.absPath,
    bytes: Buffer.from(record.text, "utf8"),
    loaded: d.loaded,
    lang: options.lang,
    today: options.today,
    rules: [SCHEMA],
  });
  if (!isUsable(result) || result.diagnostics.some((x) => x.severity === "error")) return undefined;
  const old: EditionDocument = { doc: result.data as unknown as SamDoc, result, loaded: d.loaded, absPath: d.absPath, text: record.text };
  if (record.commit)
    old.publishedFrom = { version: record.version, commit: record.commit, ...(record.committed ? { committed: record.committed } : {}) };
  return old;
}

/** True when the working copy alone is the version in force on `date`: nothing to ask git. */
function inForceAlone(d: EditionDocument, date: string): boolean {
  const state = stateOn([workingRecord(d)], date);
  return state.kind === "in-force";
}

/** Why a document without a version in force on D is listed (see `chooseVersions`). */
function listing(
  d: EditionDocument,
  records: readonly VersionRecord[],
  state: Exclude<DocumentState, { kind: "in-force" }>,
  options: ChoiceOptions,
): ListedDocument {
  const D = options.date;
  if (state.kind === "repealed") {
    const l: ListedDocument = { doc: d, reason: "upphävd", date: state.date };
    if (state.replacedBy) l.replacedBy = state.replacedBy;
    return l;
  }
  if (state.coming && announced(state.coming, options)) return fromComing(d, state.coming);
  // Nothing on its way that D knew of: what had been decided by D says why nothing applied.
  const decided = records.filter((r) => {
    const on = decisionDate(r);
    return isDecided(r) && on !== undefined && on <= D;
  });
  const waiting = decided.find((r) => isIsoDate(r.data.giltig_fran) && r.data.giltig_fran > D);
  if (waiting) return { doc: d, reason: "beslutad", version: waiting.version, date: waiting.data.giltig_fran as string };
  const ended = [...decided].reverse().find((r) => isIsoDate(r.data.giltig_till) && r.data.giltig_till < D);
  if (ended) return { doc: d, reason: "utgången", version: ended.version, date: ended.data.giltig_till as string };
  return { doc: d, reason: "ej-beslutad" };
}

/**
 * Whether a point-in-time edition announces a coming version: only as far
 * as the version's own dates show it was under way on D (a remiss that had
 * begun and not ended, a decision taken), never a draft, whose start no
 * field records. So the edition for a date depends on the documents and the
 * date alone, not on the day it is built. A default edition (D is today)
 * announces whatever the working copy is.
 */
function announced(coming: ComingVersion, options: ChoiceOptions): boolean {
  return !options.asOf || underWayOn(coming, options.date);
}

function fromComing(d: EditionDocument, coming: ComingVersion): ListedDocument {
  const reason: ListedReason = coming.kind === "beslutad" ? "beslutad" : coming.kind;
  const l: ListedDocument = { doc: d, reason, version: coming.record.version };
  if (coming.date) l.date = coming.date;
  return l;
}

/**
 * A draft or remiss outside git (or in a shallow clone) that had a decided
 * version before, by its own change history: that version applies, but its
 * text cannot be read, so the document is listed. Said, so that the person
 * who builds knows why a document that applies is missing.
 */
function lostVersionWarning(d: EditionDocument, timeline: DocumentTimeline | undefined, lang: Lang): string | undefined {
  if (!timeline || (timeline.git && !timeline.shallow)) return undefined;
  const earlier = earlierDecidedVersions(d.doc);
  if (earlier.length === 0 || d.doc.status === "fastställd" || d.doc.status === "upphävd") return undefined;
  const where = timeline.git
    ? { sv: "git-klonen är grund (shallow)", en: "the git clone is shallow" }
    : { sv: "samlingen ligger inte i git", en: "the set is not in git" };
  const last = earlier[earlier.length - 1] ?? "";
  return pick(
    {
      sv: `${d.result.file}: version ${last} kan gälla, men dess text kan inte hämtas (${where.sv}); dokumentet listas utan att publiceras. Bygg utgåvan i en fullständig git-klon.`,
      en: `${d.result.file}: version ${last} may apply, but its text cannot be read (${where.en}); the document is listed, not published. Build the edition in a full git clone.`,
    },
    lang,
  );
}

/**
 * For each selected document (edition order kept), the version in force on
 * `options.date` or why there is none. One call to git for all of them.
 */
export function chooseVersions(selected: readonly EditionDocument[], options: ChoiceOptions): VersionChoice {
  const D = options.date;
  const needsGit = selected.filter((d) => options.asOf || !inForceAlone(d, D));
  const timelines = loadTimelines(
    needsGit.map((d) => ({ absPath: d.absPath, text: d.text, root: d.loaded.root })),
    { cwd: options.cwd, lang: options.lang },
  );
  const published: EditionDocument[] = [];
  const listed: ListedDocument[] = [];
  const replaced = new Map<EditionDocument, EditionDocument>();
  for (const d of selected) {
    const timeline = timelines.get(d.absPath);
    const records = timeline ? versionsOf(timeline) : [workingRecord(d)];
    const state = stateOn(records, D);
    if (state.kind !== "in-force") {
      const warning = lostVersionWarning(d, timeline, options.lang);
      if (warning) options.stderr.write(`samdok: ${pick({ sv: "varning", en: "warning" }, options.lang)}: ${safeMessage(warning)}\n`);
      listed.push(listing(d, records, state, options));
      continue;
    }
    const record = state.record;
    let chosen: EditionDocument | undefined = d;
    if (!record.workingCopy && record.text !== d.text) {
      chosen = fromRecord(d, record, options);
      if (!chosen) {
        options.stderr.write(
          `samdok: ${pick({ sv: "varning", en: "warning" }, options.lang)}: ${safeMessage(
            pick(
              {
                sv: `${d.result.file}: version ${record.version} (git-commit ${(record.commit ?? "").slice(0, 12)}) gäller men följer inte dagens schema; dokumentet listas utan att publiceras. Kör \`samdok validate\` på den versionen för att se varför.`,
                en: `${d.result.file}: version ${record.version} (git commit ${(record.commit ?? "").slice(0, 12)}) applies but does not follow today's schema; the document is listed, not published. Run \`samdok validate\` on that version to see why.`,
              },
              options.lang,
            ),
          )}\n`,
        );
        listed.push({ doc: d, reason: "ej-läsbar", version: record.version });
        continue;
      }
    }
    if (state.coming && announced(state.coming, options)) chosen.coming = state.coming;
    published.push(chosen);
    replaced.set(d, chosen);
  }
  return { published, listed, replaced };
}
