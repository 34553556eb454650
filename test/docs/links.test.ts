/**
 * The guides hang together: docs/README.md indexes every guide, and every relative link of the
 * README and the guides points at a file that exists and, with `#anchor`, at a heading of it
 * (GitHub's heading slugs).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const guides = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md');
const pages = ['README.md', 'docs/README.md', ...guides.map((f) => `docs/${f}`)];

/** GitHub's anchor of a heading: lower-cased, punctuation dropped, spaces as `-`. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings (outside fenced blocks). */
function anchors(file: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) out.add(slug(heading[1] ?? ''));
  }
  return out;
}

/** Relative links `[text](target)` outside code spans and fenced blocks. */
function links(page: string): string[] {
  let fenced = false;
  const found: string[] = [];
  for (const line of readFileSync(join(root, page), 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1] ?? '';
      if (!/^[a-z]+:/i.test(target)) found.push(target);
    }
  }
  return found;
}

describe('the guides', () => {
  it('are all listed in docs/README.md', () => {
    const index = links('docs/README.md');
    expect(guides.filter((guide) => !index.includes(guide))).toEqual([]);
  });

  it.each(pages)('%s: every relative link and anchor resolves', (page) => {
    const broken = links(page).filter((target) => {
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? join(root, page) : resolve(dirname(join(root, page)), path);
      if (!existsSync(file)) return true;
      if (anchor === undefined || statSync(file).isDirectory()) return false;
      return !anchors(file).has(anchor);
    });
    expect(broken.map((target) => `${page} → ${target}`)).toEqual([]);
  });

  it('the slug rule is GitHub\'s', () => {
    expect(slug('5. Usage: a widget loop')).toBe('5-usage-a-widget-loop');
    expect(slug('`now`')).toBe('now');
    expect(slug('The zod schemas and the JSON Schema')).toBe('the-zod-schemas-and-the-json-schema');
    expect(relative(root, join(root, 'docs'))).toBe('docs');
  });
});
