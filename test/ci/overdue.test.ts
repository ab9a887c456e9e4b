import { describe, expect, it } from "vitest";
import path from "node:path";
import { FIXTURES, validateJson } from "../helpers/cli.js";

const only301 = (report: Awaited<ReturnType<typeof validateJson>>["report"]) =>
  report.results.flatMap((r) =>
    r.diagnostics
      .filter((d) => d.ruleId === "SD301")
      .map((d) => ({ file: path.basename(r.file), severity: d.severity, line: d.line, column: d.column, message: d.message })),
  );

describe("SD301 revision-forfallen", () => {
  it("warns about an overdue fastställd document (exit 0), and not about a repealed one", async () => {
    const { code, report } = await validateJson([path.join(FIXTURES, "ci-forfallen")]);
    expect(only301(report)).toEqual([
      {
        file: "riktlinje-fallprevention.md",
        severity: "warning",
        line: 14,
        column: 19,
        message:
          'Revisionen är förfallen sedan 30 september 2026 (54 dagar). Revidera dokumentet, eller granska det, flytta revideras_senast och skriv in granskningen i andringshistorik ("Granskad utan ändring").',
      },
    ]);
    expect(code).toBe(0);
  });

  it("is an error where the configuration says so (bevakning.forfallen_revision_ar_fel)", async () => {
    const { code, report } = await validateJson([path.join(FIXTURES, "ci-forfallen-fel")]);
    expect(only301(report).map((d) => d.severity)).toEqual(["error"]);
    expect(code).toBe(1);
  });

  it("counts from the injected clock: on the day itself the revision is not yet overdue", async () => {
    const onTheDay = await validateJson([path.join(FIXTURES, "ci-forfallen")], { now: new Date("2026-09-30T21:59:00Z") });
    expect(only301(onTheDay.report)).toEqual([]);
    // 00:30 Swedish time on 1 October is still 30 September in UTC: it is overdue by one day.
    const nextDay = await validateJson([path.join(FIXTURES, "ci-forfallen")], { now: new Date("2026-09-30T22:30:00Z") });
    expect(only301(nextDay.report).map((d) => d.message)).toEqual([expect.stringContaining("(1 dag)")]);
  });

  it("speaks English with --lang en", async () => {
    const { report } = await validateJson([path.join(FIXTURES, "ci-forfallen")], { extra: ["--lang", "en"] });
    expect(only301(report)[0]?.message).toMatch(/^The revision has been overdue since 30 September 2026 \(54 days\)\./);
  });
});
