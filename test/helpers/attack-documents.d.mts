/**
 * Types of attack-documents.mjs, which stays plain JavaScript so that it can
 * be run with `node` alone (no build) to write the documents into a folder;
 * this declaration lets the type-checked tests (tsconfig.test.json) import it.
 */

/** Makes one generated document: [file name, contents]. */
export type MakeDocument = () => [file: string, text: string];

/** The path of the _standard configuration that every generated set uses. */
export const STANDARD_CONFIG: string;

/** A valid front matter for `id` (the _standard configuration's parties, roles and tracks). */
export function frontMatter(id: string): string;

/** A valid document with `body` under its required headings. */
export function documentWith(id: string, body: string): string;

/** The attacks: name → maker of [file name, contents]. */
export const attacks: Record<string, MakeDocument>;

/** Big but ordinary documents: each must validate with no finding. */
export const legitimate: Record<string, MakeDocument>;

/** Writes the configuration, a valid document and the named documents into `dir`; returns name → file name. */
export function writeDocuments(dir: string, names: readonly string[], table?: Record<string, MakeDocument>): Record<string, string>;
