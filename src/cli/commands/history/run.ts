/**
 * `samdok history`: the versions of one document (core/history), as a table
 * for a person or as JSON for a script. The JSON's keys are a contract: more
 * may be added, none renamed.
 */
import path from "node:path";
import type { Io } from "../../io.js";
import { EXIT_OK } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { resolveDocument } from "../../edit-document.js";
import { documentText } from "../../../core/store.js";
import { loadTimelines, versionsOf, type DocumentTimeline, type VersionRecord } from "../../../core/history/timeline.js";
import { decisionDate, isDecided, stateOn, underWayOn, type ComingVersion, type DocumentState } from "../../../core/history/in-force.js";
import { jsonText, neutralizeWorkflowCommands, safeText } from "../../../core/safe-text.js";
import { UsageError } from "../../../core/errors.js";
import { isIsoDate, longDate } from "../../../core/dates.js";

export interface HistoryFlags {
  format: "table" | "json";
  show?: string;
  asOf?: string;
  in?: string;
}

export interface HistoryEntry {
  version: string;
  status: string;
  /** 40 hex digits; null for the working copy's uncommitted state. */
  commit: string | null;
  committed: string | null;
  faststalld_datum: string | null;
  giltig_fran: string | null;
  giltig_till: string | null;
  upphavd_datum: string | null;
  /** The day the version was decided (its change-history line, else faststalld_datum). */
  decided: string | null;
  /** The file's path at that commit, relative to the repository's root. */
  path: string | null;
  working_copy: boolean;
}

function field(data: Record<string, unknown>, key: string): string | null {
  const v = data[key];
  return typeof v === "string" ? v : null;
}

function entryOf(r: VersionRecord): HistoryEntry {
  return {
    version: r.version,
    status: r.status,
    commit: r.commit ?? null,
    committed: r.committed ?? null,
    faststalld_datum: field(r.data, "faststalld_datum"),
    giltig_fran: field(r.data, "giltig_fran"),
    giltig_till: field(r.data, "giltig_till"),
    upphavd_datum: field(r.data, "upphavd_datum"),
    decided: isDecided(r) ? (decisionDate(r) ?? null) : null,
    path: r.path ?? null,
    working_copy: r.workingCopy === true,
  };
}

/** The JSON document `history --format json` prints. */
export function historyJson(id: string, file: string, timeline: DocumentTimeline, date: string, asOf?: string): Record<string, unknown> {
  const records = versionsOf(timeline);
  const state = stateOn(records, date);
  const coming = comingShown(state, asOf);
  return {
    id,
    file,
    as_of: date,
    git: timeline.git,
    shallow: timeline.shallow === true,
    in_force: state.kind === "in-force" ? state.record.version : null,
    repealed: state.kind === "repealed" ? state.date : null,
    coming: coming ? { version: coming.record.version, kind: coming.kind, date: coming.date ?? null } : null,
    versions: records.map(entryOf),
  };
}

/** The coming version to announce: today, whatever the working copy is; as of a date, only what was under way then (as the editions do). */
function comingShown(state: DocumentState, asOf: string | undefined): ComingVersion | undefined {
  if (state.kind === "repealed" || !state.coming) return undefined;
  return asOf === undefined || underWayOn(state.coming, asOf) ? state.coming : undefined;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export async function historyCommand(io: Io, target: string, flags: HistoryFlags): Promise<number> {
  const lang = io.lang;
  const t = (sv: string, en: string): string => pick({ sv, en }, lang);
  const entry = await resolveDocument(io, target, flags.in, { byFileName: true });
  const date = flags.asOf ?? today(io);
  const timelines = loadTimelines([{ absPath: entry.absPath, text: documentText(entry.absPath), root: entry.loaded.root }], {
    cwd: io.cwd,
    lang,
    follow: true,
  });
  const timeline = timelines.get(entry.absPath);
  if (!timeline) throw new Error("unreachable: no timeline for the document");
  const file = entry.result.file;
  const notices: string[] = [];
  if (!timeline.git) {
    notices.push(
      t(
        `${file} ligger inte i ett git-arkiv med commits (eller git saknas): bara arbetskopian visas. Tidigare versioner finns där dokumenten versionshanteras.`,
        `${file} is not in a git repository with commits (or git is missing): only the working copy is shown. Earlier versions live where the documents are versioned.`,
      ),
    );
  } else if (timeline.shallow) {
    notices.push(
      t(
        "Arkivet är en grund klon: äldre versioner kan saknas (git fetch --unshallow).",
        "The repository is a shallow clone: older versions may be missing (git fetch --unshallow).",
      ),
    );
  }
  for (const n of notices) io.stderr.write(neutralizeWorkflowCommands(`${safeText(n)}\n`));
  if (flags.show !== undefined) {
    const wanted = versionsOf(timeline).find((r) => r.version === flags.show);
    if (!wanted) {
      const known = versionsOf(timeline)
        .map((r) => r.version)
        .join(", ");
      throw new UsageError(
        t(
          `${file} har ingen version ${flags.show} i historiken. Kända versioner: ${known || "inga"}.`,
          `${file} has no version ${flags.show} in its history. Known versions: ${known || "none"}.`,
        ),
      );
    }
    io.stdout.write(neutralizeWorkflowCommands(safeText(wanted.text, { multiline: true })));
    return EXIT_OK;
  }
  const json = historyJson(entry.doc.id, file, timeline, date, flags.asOf);
  if (flags.format === "json") {
    io.stdout.write(`${jsonText(json, 2)}\n`);
    return EXIT_OK;
  }
  const records = versionsOf(timeline);
  const state = stateOn(records, date);
  const dash = "–";
  const rows = [
    [
      t("Version", "Version"),
      t("Status", "Status"),
      t("Beslutad", "Decided"),
      t("Giltig från", "Valid from"),
      t("Giltig till", "Valid until"),
      t("Commit", "Commit"),
      t("Datum", "Date"),
      "",
    ],
    ...records.map((r) => {
      const e = entryOf(r);
      const mark = state.kind === "in-force" && state.record === r ? t(`← gäller ${date}`, `← in force ${date}`) : "";
      return [
        e.version,
        e.status,
        e.decided ?? dash,
        e.giltig_fran ?? dash,
        e.giltig_till ?? dash,
        e.commit ? e.commit.slice(0, 12) : t("(ej incheckad)", "(uncommitted)"),
        e.committed ?? dash,
        mark,
      ].map((c) => safeText(c));
    }),
  ];
  const title = `${safeText(entry.doc.titel)} (${safeText(entry.doc.id)}, ${safeText(path.posix.normalize(file))})`;
  const lines = [title, "", table(rows), ""];
  const example = records.find((r) => r.commit && r.path);
  if (example?.commit && example.path) {
    lines.push(
      t(
        `En versions text: samdok history ${safeText(entry.doc.id)} --show ${safeText(example.version)} (exakta byte: git show ${example.commit.slice(0, 12)}:${safeText(example.path)}).`,
        `A version's text: samdok history ${safeText(entry.doc.id)} --show ${safeText(example.version)} (exact bytes: git show ${example.commit.slice(0, 12)}:${safeText(example.path)}).`,
      ),
    );
  }
  if (state.kind === "repealed") lines.push(t(`Upphävt ${state.date}.`, `Repealed on ${state.date}.`));
  else if (state.kind === "not-yet") lines.push(t(`Ingen version gäller ${date}.`, `No version applies on ${date}.`));
  const coming = comingShown(state, flags.asOf);
  if (coming) {
    const v = coming.record.version;
    const when = coming.date && isIsoDate(coming.date) ? longDate(coming.date, lang) : "";
    lines.push(
      coming.kind === "utkast"
        ? t(`Version ${v} är under arbete (utkast).`, `Version ${v} is being drafted.`)
        : coming.kind === "remiss"
          ? t(
              `Version ${v} är på remiss${when ? ` till ${when}` : ""}.`,
              `Version ${v} is out for consultation${when ? ` until ${when}` : ""}.`,
            )
          : t(`Version ${v} är beslutad och gäller från ${when}.`, `Version ${v} is decided and applies from ${when}.`),
    );
  }
  // Titles, versions and statuses come from the documents (and from old versions in git): nothing in them may read as a CI command.
  io.stdout.write(neutralizeWorkflowCommands(`${lines.join("\n").trimEnd()}\n`));
  return EXIT_OK;
}
