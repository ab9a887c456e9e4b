/**
 * What `samdok init` writes into a document repository: a starter
 * configuration, two GitHub Actions workflows, the repository's package.json
 * and its .gitignore entries. Pure functions of their options, so that tests
 * can read exactly what a user gets.
 *
 * The workflows install samdok the one way that works both before and after
 * samdok is published: `npm ci` from the repository's own package.json and
 * package-lock.json (samdok as a dev dependency from a registry version, a
 * git URL or a tarball in the repository), then `npx samdok …`. Actions are
 * pinned by version tag, on releases that run on Node 24 (GitHub removed
 * Node 20 from its runners in September 2026), and samdok itself runs on
 * Node 22, a maintained LTS release.
 */
import { DUE_MARKER } from "../due/list/format/markdown.js";
import { CONFIG_PLACEHOLDER, PLACEHOLDER_VALUES } from "../core/config.js";

export interface TemplateOptions {
  /** The documents' folder relative to the repository's root (POSIX), e.g. "documents". */
  docs: string;
  /** `$schema` of the configuration, relative to the configuration's folder. */
  schemaPath: string;
}

/** Marks every value the region must fill in; validation reports each one left (SD010). */
export const PLACEHOLDER = CONFIG_PLACEHOLDER;

/** The Node.js release the workflows run samdok on. */
export const WORKFLOW_NODE = 22;

/** The actions the workflows use, pinned by version tag. */
export const ACTIONS = {
  checkout: "actions/checkout@v5",
  setupNode: "actions/setup-node@v5",
  uploadSarif: "github/codeql-action/upload-sarif@v4",
} as const;

/** What the repository's .gitignore needs: installed packages, the editions `samdok build` writes, and the validation cache. */
export const GITIGNORE_ENTRIES = ["node_modules/", "dist/", ".samdokcache"] as const;

/** The marker that the weekly workflow finds its issue by: the first line of `samdok due --format markdown`. */
export { DUE_MARKER };

export function configTemplate(o: TemplateOptions): string {
  const config = {
    $schema: o.schemaPath,
    namn: `${PLACEHOLDER} Samverkansdokument för regionen och länets kommuner`,
    region: {
      kod: PLACEHOLDER_VALUES.regionKod,
      namn: `${PLACEHOLDER} Region Exempel (kod region-LL och länskod LL, t.ex. region-04 och 04)`,
      lanskod: PLACEHOLDER_VALUES.lanskod,
    },
    parter: [
      { kod: PLACEHOLDER_VALUES.kommunkod, namn: `${PLACEHOLDER} Exempels kommun (fyrsiffrig kommunkod enligt SCB, en rad per kommun)` },
    ],
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
        epost: PLACEHOLDER_VALUES.epost,
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

/**
 * The document repository's package.json: private (it is never published),
 * with samdok as a dev dependency from `spec` (a version range, a git URL or
 * `file:` a tarball in the repository).
 */
export function packageJsonTemplate(name: string, spec: string): string {
  const pkg = {
    name,
    private: true,
    description: "Samverkansdokument, kontrollerade och publicerade med samdok.",
    devDependencies: { samdok: spec },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Checkout, Node and `npm ci`: the steps both workflows start with. */
function setupSteps(checkoutWith: string): string {
  return `      - name: Hämta arkivet
        uses: ${ACTIONS.checkout}
        with:
          # Ingen token sparas i arkivets git-inställningar: inget steg behöver den.
          persist-credentials: false${checkoutWith}

      - name: Node ${WORKFLOW_NODE}
        uses: ${ACTIONS.setupNode}
        with:
          node-version: ${WORKFLOW_NODE}

      - name: Installera samdok
        # Versionen i package-lock.json; \`samdok init --from …\` skriver package.json och låsfilen.
        run: |
          if [ ! -f package-lock.json ]; then
            echo "::error file=package.json::samdok är inte installerat i arkivet: package-lock.json saknas. Kör samdok init --from <version | git-URL | samdok-x.y.z.tgz> och checka in package.json, package-lock.json och en eventuell vendor/-mapp."
            exit 1
          fi
          npm ci --no-audit --no-fund
          if [ ! -x node_modules/.bin/samdok ]; then
            echo "::error file=package.json::package.json har inte samdok bland devDependencies. Kör samdok init --from <version | git-URL | samdok-x.y.z.tgz> och checka in ändringen."
            exit 1
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

# Inga behörigheter utöver dem jobbet nedan ber om.
permissions: {}

concurrency:
  group: samdok-pr-\${{ github.event.pull_request.number }}
  cancel-in-progress: true

jobs:
  kontroll:
    name: Kontrollera ändrade dokument
    runs-on: ubuntu-latest
    permissions:
      # Läsa arkivet.
      contents: read
      # Ladda upp SARIF-rapporten till kodskanningen.
      security-events: write
      # upload-sarif läser körningens uppgifter; krävs i privata arkiv.
      actions: read
    env:
      # Basgrenen som pull requesten ska in i; via env, aldrig direkt i run:.
      BASE_REF: origin/\${{ github.base_ref }}
    steps:
${setupSteps(`
          # Hela historiken: --changed-since jämför med basgrenen.
          fetch-depth: 0`)}

      - name: Kontrollera ändrade dokument
        run: npx samdok validate ${docs} --changed-since "$BASE_REF" --format github

      - name: Skriv SARIF-rapport
        if: \${{ !cancelled() }}
        continue-on-error: true
        run: npx samdok validate ${docs} --changed-since "$BASE_REF" --format sarif --output samdok.sarif

      - name: Ladda upp till kodskanningen
        # Kodskanningen finns i publika arkiv och i privata arkiv med GitHub Advanced
        # Security (GitHub Code Security). Utan den misslyckas uppladdningen; därför
        # continue-on-error: anteckningarna i pull requesten och jobbets slutkod
        # ovan gäller ändå. Pull requests från forkar får inte skriva till kodskanningen.
        if: \${{ !cancelled() && hashFiles('samdok.sarif') != '' && github.event.pull_request.head.repo.full_name == github.repository }}
        continue-on-error: true
        uses: ${ACTIONS.uploadSarif}
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

# Inga behörigheter utöver dem jobbet nedan ber om.
permissions: {}

concurrency:
  group: samdok-due
  cancel-in-progress: false

jobs:
  bevakning:
    name: Revision och uppföljning
    runs-on: ubuntu-latest
    permissions:
      # Läsa arkivet.
      contents: read
      # Skapa, uppdatera och stänga bevakningens issue.
      issues: write
    steps:
${setupSteps(`
          # Hela historiken: för ett dokument under arbete läser samdok den version som
          # fortfarande gäller (och dess revisionsdatum) ur git.
          fetch-depth: 0`)}

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
