import { it, expect } from "vitest";
import { runCli } from "./helpers/cli.js";
it("baseline", async () => {
  const out = process.env.W6_OUT!;
  const r = await runCli(["build", "documents", "--format", "html,docx", "--per-document", "--out", out, "--no-cache"], { env: { SOURCE_DATE_EPOCH: "1782172800" } });
  expect(r.code, r.stderr).toBe(0);
  console.log(r.stdout);
});
