// The edition benchmarks' document set: N synthetic routines shaped like
// documents/ (front matter as there, and a body with every kind of block:
// headings, a table, nested lists, a block quote, a footnote, a link to the
// next routine), under rutiner/ with the test fixtures' standard
// samdok.config.json. Shared by docx-bench.mjs and the HTML and Word
// comparisons with pandoc in bench.mjs, so that both measure the same files.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const TRACKS = ["trygg-hemgang", "hs-rutiner"];
const ROLES = ["narvardskoordinator", "mas"];

/** The id (and file name without .md) of routine number i, from 1. */
export const routineId = (i) => `rutin-bench-${String(i).padStart(5, "0")}`;

/** One synthetic routine of a set of `count`: front matter as in documents/, and a body with every kind of block. */
export function routine(i, count) {
  const next = routineId(((i + 1) % count) + 1);
  const version = `${1 + (i % 3)}.${i % 5}`;
  return `---
id: ${routineId(i)}
titel: Rutin ${i} för samverkan kring utskrivning och hemgång
dokumenttyp: rutin
status: fastställd
version: "${version}"
spar: ${TRACKS[i % TRACKS.length]}
parter: ["region-04", "0480", "0484"]
dokumentansvarig: ${ROLES[i % ROLES.length]}
faststalld_av: lansstyrgruppen
faststalld_datum: 2025-03-01
beslutsparagraf: "§ ${(i % 90) + 1}"
diarienummer: "RS 2025/${String(i).padStart(5, "0")}"
giltig_fran: 2025-04-01
giltig_till: tills vidare
revideras_senast: 2027-03-01
nyckelord: [utskrivning, hemgång]
andringshistorik:
  - version: "${version === "1.0" ? "0.9" : "1.0"}"
    datum: 2024-03-01
    beskrivning: Första versionen.
  - version: "${version}"
    datum: 2025-03-01
    beskrivning: Nya kontaktvägar och tydligare ansvar.
---

## Syfte

Rutinen ska ge en trygg hemgång för den som skrivs ut från sluten vård. Den gäller alla enheter i regionen och i kommunerna. Läs också [nästa rutin](${next}.md#arbetsgång).

Rutinen beskriver **vem som gör vad** och *när det ska vara klart*. Frågor ställs till närvårdskoordinatorn.[^1]

## Ansvar

| Roll | Ansvar |
|---|---|
| Sjuksköterska på vårdavdelning | Skickar meddelanden och planeringsunderlag. |
| Biståndshandläggare | Planerar kommunens insatser. |
| Fast vårdkontakt | Samordnar insatser och kallar till SIP. |

## Arbetsgång

1. Sjuksköterskan skickar ett inskrivningsmeddelande inom 24 timmar.
2. Underlaget ska beskriva:
   - vilka behov patienten har,
   - vilka läkemedel som är ändrade,
   - vilka hjälpmedel som behövs.
3. Kommunen bekräftar meddelandet samma dag.

> Fråga alltid den enskilde vad som är viktigt.

### Efter hemgång

Kommunens kontaktperson ringer den enskilde inom två dagar. Om något saknas ordnar kontaktpersonen det.

- Kontakta vårdcentralen vid frågor om läkemedel.
- Kontakta hjälpmedelscentralen vid frågor om hjälpmedel.

[^1]: Kontaktuppgifter finns på regionens webbplats.
`;
}

/**
 * Writes `count` routines to `dir`/rutiner/ and the standard configuration
 * (without its $schema, which points into the repository) to `dir`. Returns
 * the Markdown files, relative to `dir` and in order, and their total size.
 */
export function writeRoutineSet(repo, dir, count) {
  const config = JSON.parse(readFileSync(path.join(repo, "test/fixtures/_standard/samdok.config.json"), "utf8"));
  delete config.$schema;
  mkdirSync(path.join(dir, "rutiner"), { recursive: true });
  writeFileSync(path.join(dir, "samdok.config.json"), JSON.stringify(config, null, 2));
  const files = [];
  let bytes = 0;
  for (let i = 1; i <= count; i++) {
    const file = path.join("rutiner", `${routineId(i)}.md`);
    const text = routine(i, count);
    writeFileSync(path.join(dir, file), text);
    files.push(file);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
