/**
 * `samdok init --from`: samdok put into the document repository from each
 * kind of source (a registry version, a git URL, a tarball from npm pack),
 * the sources it refuses, the install step the workflows run (with a
 * stand-in npm), and the SD010 errors for the placeholders init writes.
 * These tests never run npm: --no-lock, and a stand-in where npm is needed.
 * The real npm runs in pack-install.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { FIXTURES, runCli, validateJson } from "../helpers/cli.js";
import { clearConfigCache } from "../../src/core/config.js";
import { parseSource } from "../../src/ci/init.js";
import { removeDir, tempDir } from "./git-repo.js";
import { parseWorkflow, steps } from "./workflow-commands.js";

let root: string;
let tarball: string;

beforeAll(() => {
  root = tempDir("samdok-init-from-");
  // Only the gzip header matters to init: the package's content is npm's business (pack-install.test.ts).
  tarball = path.join(root, "paket", "samdok-9.8.7.tgz");
  mkdirSync(path.dirname(tarball), { recursive: true });
  writeFileSync(tarball, gzipSync(Buffer.from("package/package.json")));
});

afterAll(() => removeDir(root));

const read = (dir: string, f: string): string => readFileSync(path.join(dir, f), "utf8");
const pkg = (
  dir: string,
): { name: string; private: boolean; devDependencies?: Record<string, string>; dependencies?: Record<string, string> } =>
  JSON.parse(read(dir, "package.json")) as ReturnType<typeof pkg>;

async function initFrom(name: string, from: string, extra: string[] = ["--no-lock"]) {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  const r = await runCli(["init", dir, "--from", from, ...extra], { cwd: root });
  return { dir, ...r };
}

describe("samdok init --from", () => {
  it("a registry version: package.json with samdok as a dev dependency of that version, private", async () => {
    const { dir, code, stdout } = await initFrom("Region Östergötland arkiv", "samdok@^0.2.0");
    expect(code).toBe(0);
    expect(pkg(dir)).toEqual({
      name: "region-ostergotland-arkiv",
      private: true,
      description: "Samverkansdokument, kontrollerade och publicerade med samdok.",
      devDependencies: { samdok: "^0.2.0" },
    });
    expect(stdout).toContain("package.json (samdok: ^0.2.0)");
    // --no-lock: no package-lock.json, and the steps say to write it before the workflows' npm ci can work.
    expect(existsSync(path.join(dir, "package-lock.json"))).toBe(false);
    expect(stdout).toMatch(/1\. Skriv låsfilen med npm install \(arbetsflödena kör npm ci, som kräver package-lock\.json\)/);
    expect(stdout).not.toContain("Lägg in samdok");
    expect(stdout).toMatch(/och kontrollera dem med: npm ci && npx samdok validate documents/);
  });

  it("a git URL: kept as npm reads it, with the git+ prefix npm needs added", async () => {
    const { dir, code } = await initFrom("git", "git+https://github.com/region/samdok.git#v0.2.0");
    expect(code).toBe(0);
    expect(pkg(dir).devDependencies).toEqual({ samdok: "git+https://github.com/region/samdok.git#v0.2.0" });
    expect(parseSource("https://git.example.se/region/samdok.git", root, "sv")).toEqual({
      kind: "git",
      spec: "git+https://git.example.se/region/samdok.git",
    });
    expect(parseSource("git@github.com:region/samdok.git#v1", root, "sv")).toEqual({
      kind: "git",
      spec: "git+ssh://git@github.com:region/samdok.git#v1",
    });
    expect(parseSource("github:region/samdok#v0.2.0", root, "sv")).toEqual({ kind: "git", spec: "github:region/samdok#v0.2.0" });
    expect(parseSource("latest", root, "sv")).toEqual({ kind: "registry", spec: "latest" });
    expect(parseSource("0.2.0", root, "sv")).toEqual({ kind: "registry", spec: "0.2.0" });
  });

  it("a tarball: copied into vendor/ and named with file:, so that npm ci anywhere finds the same bytes", async () => {
    const { dir, code, stdout } = await initFrom("tarball", "paket/samdok-9.8.7.tgz");
    expect(code).toBe(0);
    expect(pkg(dir).devDependencies).toEqual({ samdok: "file:vendor/samdok-9.8.7.tgz" });
    expect(readFileSync(path.join(dir, "vendor/samdok-9.8.7.tgz"))).toEqual(readFileSync(tarball));
    expect(stdout).toMatch(/^ {2}tarball\/vendor\/samdok-9\.8\.7\.tgz$/m);
    expect(stdout).toMatch(/git add tarball\/vendor\/samdok-9\.8\.7\.tgz tarball\/package\.json tarball\/\.github tarball\/\.gitignore/);
    // A tarball already inside the repository is used where it is.
    mkdirSync(path.join(dir, "paket"));
    writeFileSync(path.join(dir, "paket/samdok-9.8.8.tgz"), readFileSync(tarball));
    const again = await runCli(["init", ".", "--from", "paket/samdok-9.8.8.tgz", "--no-lock"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(pkg(dir).devDependencies).toEqual({ samdok: "file:paket/samdok-9.8.8.tgz" });
    expect(existsSync(path.join(dir, "vendor/samdok-9.8.8.tgz"))).toBe(false);
  });

  it("keeps everything else in an existing package.json, and updates samdok where it already is", async () => {
    const dir = path.join(root, "befintlig");
    mkdirSync(dir, { recursive: true });
    const before = { name: "vart-arkiv", version: "1.0.0", scripts: { test: "x" }, dependencies: { samdok: "0.1.0", annat: "1.0.0" } };
    writeFileSync(path.join(dir, "package.json"), JSON.stringify(before));
    expect((await runCli(["init", dir, "--from", "0.2.0", "--no-lock"])).code).toBe(0);
    expect(pkg(dir)).toEqual({ ...before, dependencies: { samdok: "0.2.0", annat: "1.0.0" } });
    writeFileSync(path.join(dir, "package.json"), "{ inte json");
    const broken = await runCli(["init", dir, "--from", "0.2.0", "--no-lock"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^samdok: .*package\.json är inte giltig JSON .* Rätta filen, eller ta bort den/);
  });

  it("refuses a source it cannot read, before writing anything", async () => {
    for (const [from, message] of [
      ["saknas/samdok-1.0.0.tgz", /^samdok: Paketet "saknas\/samdok-1\.0\.0\.tgz" finns inte \(sökt som .*\)\. Skapa det med npm pack/],
      ["paket", /^samdok: "paket" är en mapp\. Ange paketet som npm pack skriver/],
      [
        "nästa version",
        /^samdok: --from "nästa version" är varken en version, en git-adress eller ett paket\. Ange en version \(--from 0\.2\.0\)/,
      ],
      ["", /^samdok: --from saknar värde\./],
    ] as const) {
      const dir = path.join(root, `fel-${from.length}`);
      mkdirSync(dir, { recursive: true });
      const r = await runCli(["init", dir, "--from", from, "--no-lock"], { cwd: root });
      expect(r.code, from).toBe(2);
      expect(r.stderr, from).toMatch(message);
      expect(existsSync(path.join(dir, ".github")), from).toBe(false);
    }
    writeFileSync(path.join(root, "inte-gzip.tgz"), "hej");
    const notGzip = await runCli(["init", path.join(root, "fel-gzip"), "--from", "inte-gzip.tgz"], { cwd: root });
    expect(notGzip.stderr).toMatch(/^samdok: "inte-gzip\.tgz" är inget npm-paket \(ingen gzip-fil\)/);
  });

  it("writes package-lock.json with npm install --package-lock-only, and says so when npm fails", async () => {
    const bin = path.join(root, "falsk-npm");
    mkdirSync(bin, { recursive: true });
    // A stand-in npm: logs its arguments and writes a lock file, or fails as the registry's 404 does.
    writeFileSync(
      path.join(bin, "npm"),
      `#!/bin/sh\necho "$*" > npm-anrop.txt\nif [ -n "$FAKE_NPM_FAIL" ]; then echo "npm error 404 'samdok@9.9.9' is not in this registry." >&2; exit 1; fi\necho '{"lockfileVersion": 3}' > package-lock.json\n`,
    );
    chmodSync(path.join(bin, "npm"), 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ""}` };
    const dir = path.join(root, "las");
    mkdirSync(dir);
    const ok = await runCli(["init", dir, "--from", "9.9.9"], { env });
    expect(ok.code).toBe(0);
    expect(read(dir, "npm-anrop.txt").trim()).toBe("install --package-lock-only --ignore-scripts --git=git --no-audit --no-fund");
    expect(ok.stdout).toMatch(/^ {2}.*las\/package-lock\.json$/m);
    expect(ok.stdout).not.toContain("Skriv låsfilen");

    const failing = path.join(root, "las-fel");
    mkdirSync(failing);
    const failed = await runCli(["init", failing, "--from", "9.9.9"], { env: { ...env, FAKE_NPM_FAIL: "1" } });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/^samdok: npm kunde inte skriva package-lock\.json \(slutkod 1\)\. Kontrollera källan i --from/);
    expect(failed.stderr).toContain("npm error 404 'samdok@9.9.9' is not in this registry.");
    // Everything else is written, so that only npm install remains.
    expect(pkg(failing).devDependencies).toEqual({ samdok: "9.9.9" });
    expect(existsSync(path.join(failing, ".github/workflows/samdok-pr.yml"))).toBe(true);
  });
});

describe("the workflows' install step", () => {
  it("stops with a clear error without package-lock.json or without samdok in it, and runs npm ci otherwise", async () => {
    const dir = path.join(root, "installera");
    mkdirSync(dir);
    await runCli(["init", dir, "--from", "0.2.0", "--no-lock"]);
    const install = steps(parseWorkflow(read(dir, ".github/workflows/samdok-pr.yml"))).find((s) => s.name === "Installera samdok")!;
    const bin = path.join(root, "falsk-npm-ci");
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, "npm"),
      `#!/bin/sh\necho "npm $*" >> npm-anrop.txt\nif [ -n "$FAKE_SAMDOK" ]; then mkdir -p node_modules/.bin && printf '#!/bin/sh\\n' > node_modules/.bin/samdok && chmod +x node_modules/.bin/samdok; fi\n`,
    );
    chmodSync(path.join(bin, "npm"), 0o755);
    const run = (env: Record<string, string> = {}) =>
      spawnSync("bash", ["-e", "-c", install.run!], {
        cwd: dir,
        encoding: "utf8",
        env: { PATH: `${bin}:${process.env.PATH ?? ""}`, ...env },
      });

    const noLock = run();
    expect(noLock.status).toBe(1);
    expect(noLock.stdout).toMatch(
      /^::error file=package\.json::samdok är inte installerat i arkivet: package-lock\.json saknas\. Kör samdok init --from/,
    );
    expect(existsSync(path.join(dir, "npm-anrop.txt"))).toBe(false);

    writeFileSync(path.join(dir, "package-lock.json"), "{}");
    const noSamdok = run();
    expect(noSamdok.status).toBe(1);
    expect(noSamdok.stdout).toMatch(/^::error file=package\.json::package\.json har inte samdok bland devDependencies/m);

    const installed = run({ FAKE_SAMDOK: "1" });
    expect(installed.status).toBe(0);
    expect(read(dir, "npm-anrop.txt")).toBe("npm ci --no-audit --no-fund\nnpm ci --no-audit --no-fund\n");
  });
});

describe("a configuration with init's placeholders left (SD010)", () => {
  it("is an error at each placeholder's line, in Swedish and English, and passes once they are filled in", async () => {
    const dir = path.join(root, "platshallare");
    mkdirSync(dir);
    await runCli(["init", dir]);
    const configPath = path.join(dir, "documents/samdok.config.json");
    const text = read(dir, "documents/samdok.config.json");
    const lineOf = (needle: string): number => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    cpSync(path.join(FIXTURES, "valid-minimal", "rutin-utskrivning.md"), path.join(dir, "documents/rutin-utskrivning.md"));
    clearConfigCache();
    // A configuration error stops the run (exit 2) before any document is judged, and is printed as such.
    const before = await runCli(["validate", "documents", "--no-cache"], { cwd: dir });
    expect(before.code).toBe(2);
    expect(before.stdout + before.stderr).not.toContain("Inga problem");
    expect(before.stderr).toMatch(
      /^documents\/samdok\.config\.json\n(.*\n)+\n✖ \d+ fel och 0 varningar i 1 fil\.\nsamdok: Konfigurationen documents\/samdok\.config\.json har fel\.\n$/,
    );
    const diagnostics = [...before.stderr.matchAll(/^ {2}(\d+):(\d+) +(fel|varning) +(.*?) {2}(SD\d+)\/konfiguration$/gm)].map((m) => ({
      line: Number(m[1]),
      severity: m[3],
      message: m[4]!,
      ruleId: m[5],
    }));
    expect(diagnostics.every((d) => d.ruleId === "SD010" && d.severity === "fel")).toBe(true);
    const byLine = new Map(diagnostics.map((d) => [d.line, d.message]));
    expect(byLine.get(lineOf('"namn": "ÄNDRA: Region Exempel'))).toBe(
      `"region.namn" har kvar platshållaren ÄNDRA: från samdok init: "ÄNDRA: Region Exempel (kod region-LL och länskod LL, t.ex. region-04 och 04)". Skriv in regionens namn, till exempel "Region Sörmland", utan ÄNDRA:.`,
    );
    expect(byLine.get(lineOf('"kod": "0000"'))).toMatch(
      /^Kommunkoden "0000" är startkonfigurationens exempel; ingen kommun har den\. Skriv in kommunens fyrsiffriga kod/,
    );
    expect(byLine.get(lineOf('"kod": "region-00"'))).toMatch(/^Regionens kod "region-00" är startkonfigurationens exempel/);
    expect(byLine.get(lineOf('"lanskod": "00"'))).toMatch(/^Länskoden "00" är startkonfigurationens exempel/);
    expect(byLine.get(lineOf('"organisation": "ÄNDRA:'))).toMatch(
      /^"roller\[0\]\.organisation" har kvar platshållaren ÄNDRA:.*Skriv in organisationen som har rollen/,
    );
    expect(byLine.get(lineOf("example.se"))).toMatch(
      /^E-postadressen "andra-funktionsbrevlada@example\.se" är startkonfigurationens exempel/,
    );
    expect(diagnostics).toHaveLength(text.split("\n").filter((l) => /ÄNDRA:|"(region-00|00|0000)"|example\.se/.test(l)).length);

    const english = await runCli(["--lang", "en", "validate", "documents", "--no-cache"], { cwd: dir });
    expect(english.stderr).toContain(
      `"spar[0].namn" still has the placeholder ÄNDRA: from samdok init: "ÄNDRA: Gemensamma rutiner". Write in the track's name, without ÄNDRA:.`,
    );

    // Filled in as a region would: no placeholder errors are left.
    const filled = text
      .replace(/"ÄNDRA: [^"]*"/g, '"Region Sörmland"')
      .replace('"region-00"', '"region-04"')
      .replace('"lanskod": "00"', '"lanskod": "04"')
      .replace('"0000"', '"0484"')
      .replace("andra-funktionsbrevlada@example.se", "narvard@regionsormland.se");
    writeFileSync(configPath, filled);
    clearConfigCache();
    const after = await validateJson(["documents"], { cwd: dir });
    // The copied document names tracks this configuration lacks: findings of its own (exit 1), but no configuration error.
    expect(after.report.results.flatMap((r) => r.diagnostics).filter((d) => d.ruleId === "SD010")).toEqual([]);
    expect(after.code).toBe(1);
  });
});
