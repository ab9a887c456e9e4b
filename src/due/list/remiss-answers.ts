/**
 * Who has answered a remiss, and how: the tally the status report shows and
 * the `remiss-answer` items of `samdok due` (an answer missing after the
 * remiss end). Both read the same `remiss` block the same way, here.
 *
 * `remiss.instanser` are free strings: `samdok consult` writes party codes,
 * a hand-written list may name bodies in words. An answer (`remiss.svar`)
 * names its party by code. An instans is answered when an answer's party is
 * the instans itself or the party whose configured name it is (without case
 * or surrounding space, as rule SD113 compares them). A party may
 * answer twice (a corrected answer is appended): the latest counts.
 */
import { partyCodes, partyName, type SamdokConfig } from "../../core/config.js";
import type { Remiss, Remissvar, Standpunkt } from "../../core/document.js";

/** Names compared without case and surrounding space, as SD113 compares them. */
const fold = (s: string): string => s.trim().toLocaleLowerCase("sv");

export const STANDPUNKTER: readonly Standpunkt[] = ["tillstyrker", "avstyrker", "synpunkter"];

/** One instans of a remiss, or a party that answered without being on the list. */
export interface RemissEntry {
  /** As written in `instanser`, or the answering party's code. */
  instans: string;
  /** The party's name when `instans` is a known party code, else `instans` itself. */
  name: string;
  /** True when `instans` is a party code of the configuration. */
  party: boolean;
  /** The answer that counts (the latest), when there is one. */
  answer?: Remissvar;
}

export interface RemissTally {
  fran: string;
  till: string;
  version?: string;
  entries: RemissEntry[];
  counts: Record<Standpunkt, number>;
  /** Entries without an answer, in the order of `instanser`. */
  missing: RemissEntry[];
}

/** Each party's latest answer: the latest `datum`, and of the same day the one written last. */
export function latestAnswers(svar: readonly Remissvar[] | undefined): Map<string, Remissvar> {
  const latest = new Map<string, Remissvar>();
  for (const s of svar ?? []) {
    const seen = latest.get(s.part);
    if (!seen || s.datum >= seen.datum) latest.set(s.part, s);
  }
  return latest;
}

/** The tally of a remiss: every instans with its answer, the counts per standpoint and who has not answered. */
export function remissTally(remiss: Remiss, config: SamdokConfig): RemissTally {
  const codes = new Set(partyCodes(config));
  const answers = latestAnswers(remiss.svar);
  const used = new Set<string>();
  const answerFor = (instans: string): Remissvar | undefined => {
    const direct = answers.get(instans);
    if (direct) return direct;
    // A hand-written list may name the party in words ("Eskilstuna kommun"), compared as SD113 does.
    const key = fold(instans);
    return [...answers.values()].find((s) => fold(s.part) === key || fold(partyName(config, s.part)) === key);
  };
  const entries: RemissEntry[] = [];
  for (const instans of new Set(remiss.instanser ?? [])) {
    const answer = answerFor(instans);
    if (answer) used.add(answer.part);
    entries.push({ instans, name: partyName(config, instans), party: codes.has(instans), ...(answer ? { answer } : {}) });
  }
  for (const [part, answer] of answers) {
    if (!used.has(part)) entries.push({ instans: part, name: partyName(config, part), party: codes.has(part), answer });
  }
  const counts = Object.fromEntries(STANDPUNKTER.map((s) => [s, entries.filter((e) => e.answer?.standpunkt === s).length])) as Record<
    Standpunkt,
    number
  >;
  return {
    fran: remiss.fran,
    till: remiss.till,
    ...(remiss.version !== undefined ? { version: remiss.version } : {}),
    entries,
    counts,
    missing: entries.filter((e) => !e.answer),
  };
}

/**
 * The parties whose answer is missing: instanser that are party codes of the
 * configuration and have no answer. Instanser written in words are left out:
 * samdok cannot tell whom they mean, so it does not chase them.
 */
export function missingPartyAnswers(remiss: Remiss, config: SamdokConfig): RemissEntry[] {
  return remissTally(remiss, config).missing.filter((e) => e.party);
}
