/**
 * `--redline in-force`: each published document is compared with its
 * version in force on the edition's date, the same version a default
 * edition publishes (core/history: one `git log`, one `git cat-file
 * --batch` for all documents). That is what a remiss edition needs
 * (`--status remiss --redline in-force`): the proposal, marked against what
 * applies today. A document with no version in force is new.
 *
 * Nothing is listed as removed here: a document the edition does not
 * publish is left out by its filter or listed as not in force, and the
 * version in force is the comparison only for what the edition publishes.
 */
import type { Lang } from "../core/types.js";
import type { Out } from "../cli/io.js";
import type { Edition, EditionDocument } from "../render/edition.js";
import { loadTimelines, versionsOf, type DocumentTimeline } from "../core/history/timeline.js";
import { versionInForce } from "../core/history/in-force.js";
import { documentText } from "../core/store.js";
import { UsageError } from "../core/errors.js";
import { pick } from "../i18n/text.js";
import { safeMessage } from "../core/safe-text.js";
import { comparedWith, readBase, sameAs, type Compared, type ReadContext } from "./read-base.js";
import type { Found } from "./revision.js";

export interface InForceOptions extends ReadContext {
  cwd: string;
  stderr: Out;
}

/** How readers are told what an in-force redline is compared with. */
export const IN_FORCE_LABEL = "gällande version";

/** The timelines of the published documents; a usage error when git knows none of them (a repository without commits). */
function timelinesOf(edition: Edition, options: InForceOptions): Map<string, DocumentTimeline> {
  const timelines = loadTimelines(
    // A version published from git stands for its working copy, which is read for the timeline.
    edition.documents.map((d) => ({
      absPath: d.absPath,
      text: d.publishedFrom ? () => documentText(d.absPath) : d.text,
      root: d.loaded.root,
    })),
    { cwd: options.cwd, lang: options.lang },
  );
  const all = [...timelines.values()];
  if (all.length > 0 && all.every((t) => !t.git)) throw noHistory(options.lang);
  if (all.some((t) => t.shallow))
    options.stderr.write(
      `samdok: ${pick({ sv: "varning", en: "warning" }, options.lang)}: ${pick(
        {
          sv: "git-klonen är grund (shallow): en version som gäller kan saknas, och dokumentet visas då som nytt. Bygg ändringsutgåvan i en fullständig klon.",
          en: "the git clone is shallow: a version in force may be missing, and the document is then shown as new. Build the redline edition in a full clone.",
        },
        options.lang,
      )}\n`,
    );
  return timelines;
}

function noHistory(lang: Lang): UsageError {
  return new UsageError(
    pick(
      {
        sv: "--redline in-force jämför med den version som gäller, ur git, men git-arkivet har ingen historik för dokumenten (inga commits). Checka in en fastställd version först.",
        en: "--redline in-force compares with the version in force, from git, but the git repository has no history for the documents (no commits). Commit a decided version first.",
      },
      lang,
    ),
  );
}

/** Each published document compared with its version in force on the edition's date. */
export function inForceBases(edition: Edition, options: InForceOptions): Found {
  const timelines = timelinesOf(edition, options);
  const bases = new Map<EditionDocument, Compared>();
  for (const d of edition.documents) {
    const timeline = timelines.get(d.absPath);
    const record = timeline ? versionInForce(versionsOf(timeline), edition.date) : undefined;
    if (!record) continue;
    const from = record.commit && record.path !== undefined ? { commit: record.commit.slice(0, 12), path: record.path } : undefined;
    if (record.text === d.text) {
      bases.set(d, sameAs(d, from));
      continue;
    }
    const read = readBase(Buffer.from(record.text, "utf8"), record.path ?? d.result.file, d.result.rootPath, d.loaded, options);
    if (!read) {
      options.stderr.write(
        `samdok: ${pick({ sv: "varning", en: "warning" }, options.lang)}: ${safeMessage(
          pick(
            {
              sv: `${d.result.file}: version ${record.version} gäller men kan inte läsas; dokumentet visas som nytt.`,
              en: `${d.result.file}: version ${record.version} is in force but cannot be read; the document is shown as new.`,
            },
            options.lang,
          ),
        )}\n`,
      );
      continue;
    }
    bases.set(d, comparedWith(record.text, read, from, d, options.stderr, options.lang));
  }
  return { label: IN_FORCE_LABEL, bases, removed: [] };
}
