/**
 * The steps `samdok start` runs between validation and the editions, and the
 * edition formats it builds. Each feature adds its step here.
 */
import type { Io } from "./io.js";
import type { Localized } from "../i18n/text.js";

export interface StartStep {
  title: Localized;
  run(io: Io, paths: string[], flags: { out: string }): Promise<number>;
}

export const steps: StartStep[] = [];

export const editionFormats: string[] = ["html"];
