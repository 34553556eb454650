/** Reading the marked tables of the guides (`<!-- name:start -->` … `<!-- name:end -->`). */

/** The table between `<!-- name:start -->` and `<!-- name:end -->`: header and rows of trimmed cells. */
export function markedTable(markdown: string, name: string): { header: string[]; rows: string[][] } {
  const body = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(markdown)?.[1];
  if (body === undefined) throw new Error(`no table marked ${name}`);
  const [header, separator, ...rows] = body
    .trim()
    .split('\n')
    .map((line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim()));
  if (!separator?.every((cell) => /^-+$/.test(cell))) throw new Error(`table ${name} has no separator row`);
  return { header: header ?? [], rows };
}
