/** Generated blocks in README.md sit between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function readBlock(text: string, name: string): string | undefined {
  const start = `<!-- ${name}:start -->\n`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j === -1 || j < i) return undefined;
  return text.slice(i + start.length, j);
}

export function replaceBlock(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->\n`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i === -1 || j === -1 || j < i) throw new Error(`README.md has no block ${name}`);
  return text.slice(0, i + start.length) + content + text.slice(j);
}
