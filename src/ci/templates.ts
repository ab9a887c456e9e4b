/**
 * What `samdok init` writes into a document repository: a starter
 * configuration and two GitHub Actions workflows. Pure functions of their
 * options, so that tests can read exactly what a user gets.
 */
import { DUE_MARKER } from "../due/list/format/markdown.js";

export interface TemplateOptions {
  /** The documents' folder relative to the repository's root (POSIX), e.g. "documents". */
  docs: string;
  /** samdok's version, pinned in the workflows when the repository has no package.json of its own. */
  version: string;
  /** `$schema` of the configuration, relative to the configuration's folder. */
  schemaPath: string;
}

/** Marks every value the region must fill in. */
export const PLACEHOLDER = "ÄNDRA:";

/** The marker that the weekly workflow finds its issue by: the first line of `samdok due --format markdown`. */
export { DUE_MARKER };

export function configTemplate(o: TemplateOptions): string {
  const config = {
    $schema: o.schemaPath,
    namn: `${PLACEHOLDER} Samverkansdokument för regionen och länets kommuner`,
    region: {
      kod: "region-00",
      namn: `${PLACEHOLDER} Region Exempel (kod region-LL och länskod LL, t.ex. region-04 och 04)`,
      lanskod: "00",
    },
    parter: [{ kod: "0000", namn: `${PLACEHOLDER} Exempels kommun (fyrsiffrig kommunkod enligt SCB, en rad per kommun)` }],
    beslutsorgan: [
      {
        id: "styrgrupp",
        namn: `${PLACEHOLDER} Länets styrgrupp för samverkan`,
        beskrivning: "Fastställer gemensamma riktlinjer och rutiner.",
      },
    ],
    roller: [
      {
        id: "narvardskoordinator",
        namn: "Närvårdskoordinator",
        organisation: `${PLACEHOLDER} Region Exempel`,
        epost: "andra-funktionsbrevlada@example.se",
      },
    ],
    spar: [{ id: "gemensamma-rutiner", namn: `${PLACEHOLDER} Gemensamma rutiner` }],
    revisionsintervall: { överenskommelse: 48, riktlinje: 36, rutin: 24, policy: 48, målbild: 48, färdplan: 48, handlingsplan: 12 },
    obligatoriska_rubriker: {
      överenskommelse: ["Syfte", "Parter", "Ansvar", "Uppföljning", "Tvister", "Giltighetstid"],
      rutin: ["Syfte", "Ansvar", "Arbetsgång"],
    },
    regler: {},
    lix: { grans: 55 },
    bevakning: { inom_dagar: 90, forfallen_revision_ar_fel: false },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The install step shared by both workflows. */
function installStep(o: TemplateOptions): string {
  return `      - name: Installera samdok
        # Med en egen package.json (samdok som devDependency) används den låsta
        # versionen; annars den version som skrev detta arbetsflöde.
        run: |
          if [ -f package-lock.json ]; then
            npm ci
          else
            npm install --no-save --no-package-lock samdok@${o.version}
          fi`;
}

const quote = (s: string): string => (/^[A-Za-z0-9._/-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

export function prWorkflow(o: TemplateOptions): string {
  const docs = quote(o.docs);
  return `# samdok: kontroll av pull requests. Skapad av \`samdok init\`; ändra fritt.
#
# Kontrollerar dokumenten som ändrats i pull requesten (och dokument som pekar
# på dem) mot basgrenen: fynden blir anteckningar på raderna i pull requesten,
# och en SARIF-rapport laddas upp till kodskanningen (fliken Security).
# Gör jobbet "Kontrollera ändrade dokument" obligatoriskt i grenskyddet, så kan
# ett dokument med fel aldrig slås ihop. Arbetsflödet saknar medvetet
# paths-filter: ett obligatoriskt jobb som inte körs blockerar sammanslagningen.
name: samdok – pull request

on:
  pull_request:

permissions:
  contents: read

concurrency:
  group: samdok-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  kontroll:
    name: Kontrollera ändrade dokument
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    env:
      # Basgrenen som pull requesten ska in i; via env, aldrig direkt i run:.
      BASE_REF: origin/\${{ github.base_ref }}
    steps:
      - name: Hämta arkivet med hela historiken
        uses: actions/checkout@v4
        with:
          fetch-depth: 0

      - name: Node 20
        uses: actions/setup-node@v4
        with:
          node-version: 20

${installStep(o)}

      - name: Kontrollera ändrade dokument
        run: npx samdok validate ${docs} --changed-since "$BASE_REF" --format github

      - name: Skriv SARIF-rapport
        if: \${{ !cancelled() }}
        continue-on-error: true
        run: npx samdok validate ${docs} --changed-since "$BASE_REF" --format sarif --output samdok.sarif

      - name: Ladda upp till kodskanningen
        # Pull requests från forkar får inte skriva till kodskanningen.
        if: \${{ !cancelled() && hashFiles('samdok.sarif') != '' && github.event.pull_request.head.repo.full_name == github.repository }}
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: samdok.sarif
          category: samdok
`;
}

export function dueWorkflow(o: TemplateOptions): string {
  const docs = quote(o.docs);
  return `# samdok: veckobevakning av revision och uppföljning. Skapad av \`samdok init\`.
#
# Varje måndag sammanställer \`samdok due\` vad som är förfallet eller förfaller
# snart. Arbetsflödet håller EN öppen issue uppdaterad med listan (den känns
# igen på den dolda markören ${DUE_MARKER} i texten), skapar den när något
# förfaller och stänger den när inget gör det längre. Inga nya issues varje vecka.
name: samdok – veckobevakning

on:
  schedule:
    # Måndagar 05:00 UTC (06:00 eller 07:00 svensk tid).
    - cron: "0 5 * * 1"
  workflow_dispatch:

permissions:
  contents: read
  issues: write

concurrency:
  group: samdok-due
  cancel-in-progress: false

jobs:
  bevakning:
    name: Revision och uppföljning
    runs-on: ubuntu-latest
    steps:
      - name: Hämta arkivet
        uses: actions/checkout@v4

      - name: Node 20
        uses: actions/setup-node@v4
        with:
          node-version: 20

${installStep(o)}

      - name: Sammanställ och uppdatera issuen
        env:
          GH_TOKEN: \${{ github.token }}
          GH_REPO: \${{ github.repository }}
          MARKER: "${DUE_MARKER}"
          TITLE: Samverkansdokument att revidera och följa upp
        run: |
          # Slutkod 0: inget förfaller, 1: något förfaller, 2: samdok kunde inte köra.
          set +e
          npx samdok due ${docs} --format markdown --fail-on due > samdok-due.md
          status=$?
          set -e
          if [ "$status" -ge 2 ]; then
            cat samdok-due.md
            echo "::error::samdok due misslyckades (slutkod $status)."
            exit "$status"
          fi
          if ! grep -qF -- "$MARKER" samdok-due.md; then
            { printf '%s\\n\\n' "$MARKER"; cat samdok-due.md; } > samdok-due.tmp
            mv samdok-due.tmp samdok-due.md
          fi
          number=$(gh issue list --state open --limit 500 --json number,body \\
            --jq '[.[] | select(.body | contains(env.MARKER))] | first | .number // empty')
          if [ "$status" -eq 1 ]; then
            if [ -n "$number" ]; then
              gh issue edit "$number" --body-file samdok-due.md
            else
              gh issue create --title "$TITLE" --body-file samdok-due.md
            fi
          elif [ -n "$number" ]; then
            gh issue close "$number" --comment "Inget förfaller inom bevakningstiden längre, så samdok stänger den här issuen. En ny skapas när något förfaller igen."
          fi
`;
}
