/**
 * For the tests that run the compiled code in build/ (worker threads,
 * bin/samdok.js, the validators compiled at build time). test/global-setup.ts
 * builds it before the run when it is missing or older than src/; when that
 * build failed, these tests fail with its reason instead of running a
 * half-built build/, and the tests of the TypeScript sources still run.
 */
import { inject } from "vitest";

/** Throws (failing the test) when the build before this run failed. */
export function requireBuild(): void {
  const failure = inject("samdokBuildFailure");
  if (failure) throw new Error(`build/ kunde inte byggas före testerna / could not be built before the tests: ${failure}`);
}
