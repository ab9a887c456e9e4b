/**
 * Part of `npm run build`: writes build/core/validators.cjs, both schemas'
 * validators compiled ahead of time with Ajv's standalone code, so that a
 * run does not spend its first 150–200 ms compiling them. schema.ts uses the
 * file only when it was made from the schemas as they are now.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "./write.js";
import { validatorsSource } from "./schema.js";
import type { Ajv2020 } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);
const standalone = require("ajv/dist/standalone") as { default: (ajv: Ajv2020, refs: Record<string, string>) => string };
const target = fileURLToPath(new URL("./validators.cjs", import.meta.url));
writeFileAtomic(target, validatorsSource(standalone.default));
