// Generates a synthetic document set shaped like documents/: the real sample
// documents' bodies and front matter, with fresh ids and links kept inside
// the generated set, so the set validates like the real one.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";

export function generateSet(repo, dir, count) {
  const source = path.join(repo, "documents/sormland");
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(source, "samdok.config.json"), path.join(dir, "samdok.config.json"));
  const templates = readdirSync(source)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => ({ id: f.replace(/\.md$/, ""), text: readFileSync(path.join(source, f), "utf8") }));
  const ids = templates.map((t) => t.id).sort((a, b) => b.length - a.length);
  const idPattern = new RegExp(`(?<![a-z0-9-])(${ids.join("|")})(?![a-z0-9-])`, "g");
  let bytes = 0;
  // Whole copies of the sample set only, so that every link has its target.
  const total = Math.ceil(count / templates.length) * templates.length;
  for (let i = 0; i < total; i++) {
    const t = templates[i % templates.length];
    const copy = Math.floor(i / templates.length);
    // Every id of the template set gets the copy's suffix, so links between
    // documents of one copy resolve, and ids stay unique.
    // Longest first, and whole ids only, so that no id is renamed inside another.
    const text = t.text.replace(idPattern, (id) => `${id}-k${copy}`);
    const file = path.join(dir, `${t.id}-k${copy}.md`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: total, bytes };
}
