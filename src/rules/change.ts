/**
 * SD301–SD399: the rules of pull-request mode. SD301 (overdue revision) runs
 * in every validation; the others compare a document with its version at a
 * base git ref and run only with `samdok validate --changed-since REF`
 * (src/ci/changed/).
 */
import type { Rule } from "./types.js";
import type { ChangeRule } from "./lib/change-context.js";
import { rule as sd301 } from "./sd301-revision-forfallen.js";
import { rule as sd302 } from "./sd302-version-hojs.js";
import { rule as sd303 } from "./sd303-andringshistorik-ny-rad.js";
import { rule as sd304 } from "./sd304-id-oforandrat.js";
import { rule as sd305 } from "./sd305-id-ateranvands-inte.js";
import { rule as sd306 } from "./sd306-dokument-tas-inte-bort.js";
import { rule as sd307 } from "./sd307-granskning-utan-andring.js";

/** The rules that compare with the base version, in id order. */
export const baseComparisonRules: readonly ChangeRule[] = [sd302, sd303, sd304, sd305, sd306, sd307];

export const changeRules: Rule[] = [sd301, ...baseComparisonRules];
