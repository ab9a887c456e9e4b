/**
 * `samdok build --redline REF`: sets what every published document of an
 * edition is compared with (`EditionDocument.redline`) and what changed in
 * the edition as a whole (`Edition.redline`), for the Word and HTML
 * renderers to mark. REF is a git revision (revision.ts) or `in-force`,
 * the version in force on the edition's date (in-force.ts).
 *
 * Who and when, for Word's tracked changes: the author is the document's
 * responsible role (its name in the set's configuration); the date is when
 * the published text was committed, or the edition's own timestamp when the
 * working copy is not committed, so that two builds of the same sources are
 * alike byte for byte.
 */
import type { Lang } from "../core/types.js";
import type { Out } from "../cli/io.js";
import type { Edition, EditionDocument, EditionFilters } from "../render/edition.js";
import type { RedlineBase, RedlineEdition } from "./types.js";
import { owners } from "../core/document.js";
import { roleName } from "../core/config.js";
import { UsageError } from "../core/errors.js";
import { pick } from "../i18n/text.js";
import { setTitle } from "../render/shared/edition-labels.js";
import { commitDates, isoSeconds, openRepository, realPath, repoPathOf, type CommitDates, type Repository } from "./repository.js";
import { revisionBases, type Found, type SetRoot } from "./revision.js";
import { inForceBases } from "./in-force.js";
import { isChanged } from "./changed.js";
import { noteKind } from "./per-set.js";
import path from "node:path";

/** The REF that asks for the version in force rather than a git revision. */
export const IN_FORCE = "in-force";

export interface RedlineOptions {
  /** What the user gave `--redline`: a git revision or "in-force". */
  ref: string;
  /** The paths the build was given (absolute). */
  paths: readonly string[];
  filters: EditionFilters;
  cwd: string;
  lang: Lang;
  /** The run's calendar date (for the schema check of an earlier version). */
  today: string;
  stderr: Out;
}

/** The sets' roots in the repository; a usage error for a set outside it. */
function setRoots(edition: Edition, repo: Repository, ref: string, lang: Lang): SetRoot[] {
  return edition.sets.map((set) => {
    const rel = path.relative(repo.top, realPath(set.root));
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      throw new UsageError(
        pick(
          {
            sv: `--redline ${ref}: samlingen i ${set.root} ligger inte i git-arkivet ${repo.top}. Bygg ändringsutgåvan för en samling i taget.`,
            en: `--redline ${ref}: the set in ${set.root} is not in the git repository ${repo.top}. Build the redline edition for one set at a time.`,
          },
          lang,
        ),
      );
    }
    return { set, path: rel.split(path.sep).join("/") };
  });
}

/** Word's change author: the responsible roles' names, else the set's name (a change always has an author). */
export function changeAuthor(d: EditionDocument): string {
  const config = d.loaded.config;
  const names = owners(d.doc).map((id) => roleName(config, id));
  return names.length > 0 ? names.join(", ") : setTitle(config);
}

/**
 * Word's change date: the commit of a version published from git; the last
 * commit that touched the file when the working copy is that commit's; else
 * the edition's timestamp (SOURCE_DATE_EPOCH, or the edition date's midnight).
 */
export function changeDate(d: EditionDocument, repoPath: string | undefined, dates: CommitDates, timestamp: Date): string {
  const fallback = isoSeconds(timestamp);
  if (d.publishedFrom) return dates.commitTime.get(d.publishedFrom.commit) ?? fallback;
  if (repoPath === undefined || dates.dirty.has(repoPath)) return fallback;
  return dates.lastTouched.get(repoPath) ?? fallback;
}

/**
 * Sets `d.redline` on every published document and `edition.redline`. A bad
 * REF, or sources outside git, are usage errors that name REF.
 */
export function attachRedline(edition: Edition, options: RedlineOptions): void {
  const start = edition.sets[0]?.root ?? options.cwd;
  const repo = openRepository(start, options.ref, options.lang);
  const roots = setRoots(edition, repo, options.ref, options.lang);
  const found: Found =
    options.ref === IN_FORCE
      ? inForceBases(edition, { cwd: options.cwd, lang: options.lang, today: options.today, stderr: options.stderr })
      : revisionBases(edition, repo, roots, options);
  const dates = commitDates(
    repo,
    roots.map((r) => r.path),
  );
  const summary: RedlineEdition = { ref: options.ref, label: found.label, changed: [], added: [], removed: found.removed };
  for (const d of edition.documents) {
    const base = found.bases.get(d) ?? {};
    const redline: RedlineBase = {
      ...base,
      author: changeAuthor(d),
      date: changeDate(d, repoPathOf(repo, d.absPath), dates, edition.timestamp),
    };
    d.redline = redline;
    const kind = base.text === undefined ? "added" : isChanged(d, base) ? "changed" : undefined;
    if (!kind) continue;
    summary[kind].push(d.doc.id);
    noteKind(d, kind);
  }
  edition.redline = summary;
}
