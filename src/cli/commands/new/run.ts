/**
 * `samdok new`: a new draft from its type's template, with a fresh id, validated before it is written.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Io } from "../../io.js";
import { today } from "../../options.js";
import { pick } from "../../../i18n/text.js";
import { UsageError } from "../../../core/errors.js";
import { toPosix } from "../../../core/paths.js";
import { closest } from "../../../core/suggest.js";
import { CONFIG_FILE, DOCUMENT_TYPES, findConfigPath, loadConfig, partyCodes } from "../../../core/config.js";
import { loadDocuments } from "../../../core/store.js";
import { fold, freshId, renderTemplate } from "../../../due/edit/template.js";

import { validateAndWrite } from "../../edit-document.js";

export interface NewFlags {
  type: string;
  title: string;
  spar?: string;
  out?: string;
  id?: string;
  ansvarig?: string;
  parter?: string[];
}

/** Sets under documents/ (for the hint when --out is missing). */
function knownSets(io: Io): string[] {
  const docs = path.join(io.cwd, "documents");
  try {
    return readdirSync(docs)
      .filter((d) => existsSync(path.join(docs, d, CONFIG_FILE)))
      .sort()
      .map((d) => `documents/${d}`);
  } catch {
    return [];
  }
}

export async function newCommand(io: Io, flags: NewFlags): Promise<number> {
  const lang = io.lang;
  const type = DOCUMENT_TYPES.find((t) => fold(t) === fold(flags.type.trim()));
  if (!type) {
    const guess = closest(flags.type, DOCUMENT_TYPES);
    throw new UsageError(
      pick(
        {
          sv: `Dokumenttypen "${flags.type}" finns inte.${guess ? ` Menade du ${guess}?` : ""} Välj en av: ${DOCUMENT_TYPES.join(", ")}.`,
          en: `The document type "${flags.type}" does not exist.${guess ? ` Did you mean ${guess}?` : ""} Choose one of: ${DOCUMENT_TYPES.join(", ")}.`,
        },
        lang,
      ),
    );
  }
  const title = flags.title.trim().replace(/\s+/g, " ");
  if (title.length < 5 || title.length > 200) {
    throw new UsageError(
      pick(
        {
          sv: "--title ska vara dokumentets hela titel (5–200 tecken).",
          en: "--title must be the document's full title (5–200 characters).",
        },
        lang,
      ),
    );
  }
  const outDir = path.resolve(io.cwd, flags.out ?? ".");
  const configPath = findConfigPath(outDir);
  if (!configPath) {
    const sets = knownSets(io);
    throw new UsageError(
      pick(
        {
          sv: `Hittade ingen samdok.config.json för ${toPosix(path.relative(io.cwd, outDir)) || "."}. Ange mappen för samlingen med --out${sets.length > 0 ? `, till exempel --out ${sets[0]}` : ""}.`,
          en: `No samdok.config.json found for ${toPosix(path.relative(io.cwd, outDir)) || "."}. Name the set's folder with --out${sets.length > 0 ? `, for example --out ${sets[0]}` : ""}.`,
        },
        lang,
      ),
    );
  }
  const config = loadConfig(configPath, io.cwd, lang).config;
  const pickId = (flag: string, value: string, entries: { id: string; namn: string }[]): string => {
    const hit = entries.find((e) => fold(e.id) === fold(value) || fold(e.namn) === fold(value));
    if (hit) return hit.id;
    const guess = closest(
      value,
      entries.map((e) => e.id),
    );
    throw new UsageError(
      pick(
        {
          sv: `${flag} "${value}" finns inte i ${CONFIG_FILE}.${guess ? ` Menade du ${guess}?` : ""} Möjliga värden: ${entries.map((e) => e.id).join(", ")}.`,
          en: `${flag} "${value}" is not in ${CONFIG_FILE}.${guess ? ` Did you mean ${guess}?` : ""} Possible values: ${entries.map((e) => e.id).join(", ")}.`,
        },
        lang,
      ),
    );
  };
  const spar = flags.spar !== undefined ? pickId("--spar", flags.spar, config.spar) : config.spar[0]?.id;
  if (!spar)
    throw new UsageError(pick({ sv: "Konfigurationen har inga spår (spar).", en: "The configuration has no tracks (spar)." }, lang));
  const owner = flags.ansvarig !== undefined ? pickId("--ansvarig", flags.ansvarig, config.roller) : undefined;
  const codes = partyCodes(config);
  const parter = flags.parter?.length ? flags.parter : codes;
  for (const p of parter) {
    if (!codes.includes(p)) {
      const guess = closest(p, codes);
      throw new UsageError(
        pick(
          {
            sv: `--parter "${p}" är ingen part i ${CONFIG_FILE}.${guess ? ` Menade du ${guess}?` : ""} Parter: ${codes.join(", ")}.`,
            en: `--parter "${p}" is not a party in ${CONFIG_FILE}.${guess ? ` Did you mean ${guess}?` : ""} Parties: ${codes.join(", ")}.`,
          },
          lang,
        ),
      );
    }
  }
  if (type === "överenskommelse" && parter.length < 2) {
    throw new UsageError(
      pick(
        {
          sv: "En överenskommelse behöver minst två parter: regionen och minst en kommun.",
          en: "An agreement needs at least two parties: the region and at least one municipality.",
        },
        lang,
      ),
    );
  }
  const root = path.dirname(configPath);
  const existing = await loadDocuments({ paths: [root], cwd: io.cwd, lang, today: today(io) });
  const taken = new Set<string>();
  for (const set of existing.sets) for (const r of set.documents) if (typeof r.data?.id === "string") taken.add(r.data.id);
  for (const r of existing.sets.flatMap((s) => s.documents)) taken.add(path.basename(r.rootPath, ".md"));
  let id: string;
  if (flags.id !== undefined) {
    if (!/^[a-z0-9][a-z0-9-]{2,63}$/.test(flags.id)) {
      throw new UsageError(
        pick(
          {
            sv: "--id får bara innehålla a–z, 0–9 och bindestreck (3–64 tecken).",
            en: "--id may only contain a–z, 0–9 and hyphens (3–64 characters).",
          },
          lang,
        ),
      );
    }
    if (taken.has(flags.id))
      throw new UsageError(
        pick({ sv: `Id ${flags.id} används redan i samlingen.`, en: `The id ${flags.id} is already used in the set.` }, lang),
      );
    id = flags.id;
  } else {
    id = freshId(type, title, taken);
  }
  const target = path.join(outDir, `${id}.md`);
  if (existsSync(target))
    throw new UsageError(
      pick(
        { sv: `${toPosix(path.relative(io.cwd, target))} finns redan.`, en: `${toPosix(path.relative(io.cwd, target))} already exists.` },
        lang,
      ),
    );
  const text = renderTemplate(config, { id, type, title, spar, parter, today: today(io), ...(owner !== undefined ? { owner } : {}) });
  const shown = toPosix(path.relative(io.cwd, target));
  const done = pick(
    {
      sv: `Skapade ${shown} (${type}, utkast, version 0.1, spår ${spar}). Skriv texten under rubrikerna och kör samdok validate.`,
      en: `Created ${shown} (${type}, draft, version 0.1, track ${spar}). Write the text under the headings and run samdok validate.`,
    },
    lang,
  );
  return validateAndWrite(io, target, text, undefined, done);
}
