/**
 * The edition's stylesheet, inlined in every page: system fonts only (no web
 * fonts), colours with at least 4.5:1 contrast against their background,
 * a visible focus, status shown in words as well as colour, a layout that
 * works from a phone to a desktop, and a print stylesheet in which every
 * document of the consolidated edition starts on a new page.
 */
export const STYLES = `
:root {
  --text: #1b1b1b;
  --muted: #4a4a4a;
  --line: #b9bfc8;
  --panel: #f2f4f7;
  --brand: #1d3b5c;
  --brand-dark: #142b44;
  --link: #0a4f8f;
  --visited: #5d2a83;
  --focus: #ffd23f;
  --ok-bg: #e4f2e7; --ok-fg: #14532d;
  --draft-bg: #fff1c2; --draft-fg: #533d00;
  --consult-bg: #e2ecf9; --consult-fg: #173e73;
  --void-bg: #f9e1e0; --void-fg: #7d1a1a;
  --due-bg: #fde9d7; --due-fg: #6b3100;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.6;
  color: var(--text);
  background: #fff;
  overflow-wrap: break-word;
}
.ram { max-width: 76rem; margin: 0 auto; padding: 0 1.25rem; }
main.ram { padding-top: 1.5rem; padding-bottom: 3rem; }
main:focus { outline: none; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2rem 0 0.75rem; font-weight: 700; }
h1 { font-size: 2.125rem; margin-top: 0.5rem; max-width: 46rem; }
h2 { font-size: 1.625rem; }
h3 { font-size: 1.3125rem; }
h4 { font-size: 1.125rem; }
h5, h6 { font-size: 1rem; }
p, ul, ol, dl, blockquote, pre, table { margin: 0 0 1rem; }
a { color: var(--link); text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:hover { text-decoration-thickness: 0.15em; }
a:focus-visible, button:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--text);
  outline-offset: 2px;
  box-shadow: 0 0 0 6px var(--focus);
}
a:focus-visible { background: var(--focus); color: var(--text); text-decoration: none; }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, "Liberation Mono", monospace; font-size: 0.9em; background: var(--panel); padding: 0.05em 0.3em; border-radius: 3px; }
pre { background: var(--panel); padding: 0.75rem 1rem; overflow-x: auto; border-left: 4px solid var(--line); }
pre code { background: none; padding: 0; }
blockquote { margin-left: 0; padding: 0.25rem 0 0.25rem 1rem; border-left: 4px solid var(--brand); color: var(--text); font-style: italic; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0; }
.visuellt-dold {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}
.hoppa { position: absolute; left: 1rem; top: -10rem; z-index: 10; padding: 0.75rem 1rem; background: var(--focus); color: var(--text); font-weight: 700; }
.hoppa:focus { top: 1rem; }
.hoppa:visited { color: var(--text); }

/* Header and footer */
.sidhuvud { background: var(--brand); color: #fff; border-bottom: 6px solid var(--brand-dark); }
.utgivare { background: #fff; color: var(--text); border-top: 6px solid var(--brand); }
.utgivare .utgivare-ram { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.logotyp { display: block; height: 3.5rem; width: auto; max-width: 100%; }
.utgivare-namn { margin: 0; font-weight: 700; font-size: 1.0625rem; line-height: 1.3; }
.sidhuvud-ram { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 2rem; padding-top: 1rem; padding-bottom: 1rem; }
.webbplats { margin: 0; font-size: 1.1875rem; font-weight: 700; line-height: 1.3; max-width: 40rem; }
.sidhuvud a, .sidhuvud a:visited { color: #fff; }
.sidhuvud a:focus-visible { color: var(--text); }
.webbplats a { text-decoration: none; }
.webbplats a:hover { text-decoration: underline; }
.gallande-den { margin: 0.25rem 0 0; font-size: 0.9375rem; font-weight: 700; }
.sidhuvud ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
.sidhuvud nav a { display: inline-block; padding: 0.25rem 0; }
.sidhuvud nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 0.2em; }
.sidfot { border-top: 1px solid var(--line); background: var(--panel); padding: 1.5rem 0; font-size: 0.9375rem; color: var(--text); }
.sidfot p { max-width: 52rem; }
.brodsmulor { font-size: 0.9375rem; margin-bottom: 0.25rem; color: var(--muted); }
.ingress { font-size: 1.1875rem; max-width: 46rem; }
.utgava { color: var(--muted); font-size: 0.9375rem; }

/* Status: always a word, colour only supports it */
.status { display: inline-block; padding: 0.05rem 0.5rem; border: 1px solid currentColor; border-radius: 3px; font-size: 0.875rem; font-weight: 700; line-height: 1.5; white-space: nowrap; }
.status-faststalld { background: var(--ok-bg); color: var(--ok-fg); }
.status-utkast { background: var(--draft-bg); color: var(--draft-fg); border-style: dashed; }
.status-remiss { background: var(--consult-bg); color: var(--consult-fg); border-style: dotted; }
.status-upphavd { background: var(--void-bg); color: var(--void-fg); border-style: double; border-width: 3px; }
.flagga { font-weight: 700; }
.varning { display: inline-block; margin-left: 0.35rem; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 3px; background: var(--due-bg); color: var(--due-fg); font-size: 0.8125rem; font-weight: 700; white-space: nowrap; }
time { white-space: nowrap; }
.dokumentrad { margin-top: -0.25rem; color: var(--muted); }
.kommande-version { display: block; font-size: 0.8125rem; color: var(--muted); white-space: nowrap; }
.kalla-git { font-size: 0.875rem; color: var(--muted); }
.ej-publicerade th[scope="row"] { font-weight: 700; }
.dokument-id { display: block; font-size: 0.8125rem; color: var(--muted); font-weight: 400; font-family: ui-monospace, Consolas, monospace; }

/* Banners */
.banner { border-left: 8px solid; padding: 0.75rem 1rem; margin: 1rem 0 1.25rem; max-width: 52rem; }
.banner p { margin: 0; }
.banner-etikett { font-size: 1.0625rem; }
.banner-utkast { background: var(--draft-bg); color: var(--draft-fg); border-color: var(--draft-fg); }
.banner-remiss { background: var(--consult-bg); color: var(--consult-fg); border-color: var(--consult-fg); }
.banner-upphavd { background: var(--void-bg); color: var(--void-fg); border-color: var(--void-fg); }
.banner-revision { background: var(--due-bg); color: var(--due-fg); border-color: var(--due-fg); }
.banner-kommande { background: var(--consult-bg); color: var(--consult-fg); border-color: var(--consult-fg); }
.banner a, .banner a:visited { color: inherit; font-weight: 700; }

/* Metadata panel */
.fakta { background: var(--panel); border-top: 4px solid var(--brand); padding: 0.25rem 1.25rem 0.75rem; margin: 1.5rem 0 2rem; }
.fakta > h2, .fakta > h3, .fakta > h4 { font-size: 1.125rem; margin-top: 1rem; }
.fakta-lista { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 0.75rem 1.5rem; margin: 0; }
.fakta-lista dt { font-size: 0.875rem; font-weight: 700; color: var(--muted); }
.fakta-lista dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
.epost { overflow-wrap: break-word; word-break: normal; }

/* Document text */
.brodtext { max-width: 46rem; }
.brodtext li { margin-bottom: 0.25rem; }
.brodtext img { max-width: 100%; height: auto; }
.brodtext table { width: auto; min-width: 60%; }
.sidans-innehall { border-left: 4px solid var(--line); padding-left: 1rem; margin: 0 0 2rem; max-width: 46rem; }
.sidans-innehall h2 { font-size: 1.125rem; margin-top: 0; }
.sidans-innehall ol { margin-bottom: 0; }
.contains-task-list { list-style: none; padding-left: 0.25rem; }
.uppgift-tecken { margin-right: 0.4rem; }
.fotnoter { border-top: 1px solid var(--line); margin-top: 2rem; font-size: 0.9375rem; }
.fotnoter-rubrik { font-size: 1rem; }
.fotnot-hanvisning { text-decoration: none; padding: 0 0.1em; }
.ej-publicerad-not { color: var(--muted); font-style: italic; }
.bild-saknas { color: var(--muted); font-style: italic; }
.del { max-width: 60rem; }
.del ul { padding-left: 1.25rem; }
.kopplingar > div { margin-bottom: 0.75rem; }
.kopplingar dt { font-weight: 700; }
.kopplingar dd { margin-left: 0; }
.indikator { color: var(--muted); font-size: 0.9375rem; }
details { margin: 0 0 1rem; border-left: 4px solid var(--line); padding: 0.25rem 0 0.25rem 1rem; }
summary { cursor: pointer; font-weight: 700; padding: 0.25rem 0; }
details[open] > summary { margin-bottom: 0.5rem; }
sup, sub { line-height: 0; }

/* Tables */
table { border-collapse: collapse; width: 100%; font-size: 0.9375rem; }
caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--text); }
tbody th { font-weight: 700; }
.vanster { text-align: left; }
.centrerad { text-align: center; }
.hoger { text-align: right; }

/* Register */
.filter { display: none; background: var(--panel); padding: 1rem 1.25rem; margin: 1.5rem 0; }
.js .filter { display: block; }
.filter fieldset { border: 0; margin: 0; padding: 0; }
.filter legend { font-weight: 700; font-size: 1.125rem; margin-bottom: 0.5rem; padding: 0; }
.filter-falt-rad { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem 1rem; margin-bottom: 0.75rem; }
.filter-falt { display: flex; flex-direction: column; min-width: 0; }
.filter select { width: 100%; }
.filter label { font-size: 0.9375rem; font-weight: 700; }
.filter select, .knapp {
  font: inherit; font-size: 1rem; padding: 0.4rem 0.5rem; border: 2px solid var(--text); border-radius: 0; background: #fff; color: var(--text); min-height: 2.75rem;
}
.knapp { cursor: pointer; background: var(--brand); border-color: var(--brand); color: #fff; padding: 0.4rem 1rem; }
.knapp:hover { background: var(--brand-dark); }
.antal { margin: 0.75rem 0 0; font-weight: 700; }
.antal:empty { display: none; }
.register th[scope="row"] a { font-weight: 700; }
.register td, .register th { padding-right: 1rem; }
.sortera { font: inherit; font-weight: 700; color: var(--link); background: none; border: 0; padding: 0; cursor: pointer; text-align: left; text-decoration: underline; }
.sortera-tecken::after { content: " ↕"; text-decoration: none; display: inline-block; margin-left: 0.2em; }
[aria-sort="ascending"] .sortera-tecken::after { content: " ▲"; }
[aria-sort="descending"] .sortera-tecken::after { content: " ▼"; }
.tomt { font-style: italic; }
.statusforklaring > div { display: flex; gap: 1rem; align-items: baseline; margin-bottom: 0.5rem; }
.statusforklaring dt { min-width: 7rem; }
.statusforklaring dd { margin: 0; }
.om-utgavan { margin-top: 3rem; border-top: 1px solid var(--line); max-width: 52rem; }

/* Consolidated edition */
.toc, .toc ul { list-style: none; padding-left: 0; }
.toc ol { padding-left: 1.75rem; margin: 0.25rem 0 0; }
.toc li { margin-bottom: 0.35rem; }
.toc > li { margin-bottom: 1rem; }
.toc-samling { font-size: 1.1875rem; font-weight: 700; }
.toc-spar { font-weight: 700; display: block; margin-top: 0.5rem; }
.toc-typ { color: var(--muted); font-size: 0.9375rem; }
.samlat-dokument { border-top: 6px solid var(--brand); margin-top: 3rem; padding-top: 0.5rem; }
.dokument-rubrik { font-size: 1.75rem; margin-top: 1rem; }
.samling-rubrik { margin-top: 4rem; font-size: 2rem; }
.till-borjan { margin-top: 2rem; font-size: 0.9375rem; }

/* Narrow screens: wide tables become one card per row */
@media (max-width: 48rem) {
  body { font-size: 1rem; }
  h1 { font-size: 1.75rem; }
  /* h2 and h3 stay clearly apart on a phone. */
  h2 { font-size: 1.5rem; }
  h3 { font-size: 1.1875rem; }
  h4 { font-size: 1.0625rem; }
  /* Only the sides: the header and main keep their own top and bottom padding. */
  .ram { padding-left: 1rem; padding-right: 1rem; }
  .sidhuvud-ram { flex-direction: column; align-items: flex-start; }
  .logotyp { height: 2.75rem; }
  table.stapla, table.stapla tbody, table.stapla tr, table.stapla th, table.stapla td { display: block; width: 100%; }
  table.stapla thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }
  table.stapla tr { border: 1px solid var(--line); border-left: 4px solid var(--brand); padding: 0.5rem 0.75rem; margin-bottom: 0.75rem; }
  table.stapla tr[hidden] { display: none; }
  table.stapla th, table.stapla td { border: 0; padding: 0.2rem 0; }
  table.stapla td[data-label]::before { content: attr(data-label); display: block; font-size: 0.8125rem; font-weight: 700; color: var(--muted); }
  table.stapla caption { display: block; }
  table.kompakt tr { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: 1rem; }
  table.kompakt tr[hidden] { display: none; }
  table.kompakt th[scope="row"] { grid-column: 1 / -1; margin-bottom: 0.25rem; }
  .fakta { padding: 0.25rem 1rem 0.75rem; }
  .fakta-lista { grid-template-columns: 1fr; gap: 0.5rem; }
  .fakta-lista > div { display: grid; grid-template-columns: 9.25rem minmax(0, 1fr); gap: 0.5rem; }
  .fakta-lista dt { padding-top: 0.1rem; overflow-wrap: normal; }
  .brodtext table { min-width: 100%; }
  .statusforklaring > div { flex-direction: column; gap: 0.25rem; }
}

/* A phone: a fact's label above its value, so that names and e-mail addresses have the width and break between words */
@media (max-width: 30rem) {
  .fakta-lista > div { display: block; }
  .fakta-lista dd { overflow-wrap: break-word; }
}

/* Print */
@page { margin: 2cm 1.8cm; }
@media print {
  body { font-size: 11pt; line-height: 1.45; color: #000; }
  .hoppa, .sidhuvud nav, .filter, .antal, .till-borjan, .sortera-tecken { display: none !important; }
  .sidhuvud { background: none; color: #000; border-bottom: 1pt solid #000; }
  .utgivare { border-top: 0; }
  .sidhuvud a, .sidhuvud a:visited { color: #000; }
  .ram { max-width: none; padding: 0; }
  a, a:visited { color: #000; }
  .brodtext a[href^="http"]::after, .del a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 90%; word-break: break-all; }
  .samlat-dokument { break-before: page; border-top: 0; margin-top: 0; }
  .samling-rubrik { break-before: page; }
  h1, h2, h3, h4 { break-after: avoid; }
  tr, .banner, .fakta-lista > div { break-inside: avoid; }
  .fakta, pre, code { background: none; }
  .banner { border: 1pt solid #000; border-left-width: 6pt; background: none; color: #000; }
  .status { background: none; color: #000; }
  /* Paper cannot unfold: a folded section is printed open (where the browser supports it). */
  details::details-content { content-visibility: visible; display: block; }
}
`;
