// Components show no text of their own: every visible string comes from the i18n catalogs.
// This walks each .svelte file's template and fails on literal text or literal
// user-facing attributes (aria-label, title, placeholder, alt).
import { describe, expect, test } from 'vitest';
import { parse } from 'svelte/compiler';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
const USER_FACING_ATTRS = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);
const WORDY = /[\p{L}\p{N}]/u;

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return svelteFiles(p);
    return p.endsWith('.svelte') ? [p] : [];
  });
}

type Node = { type: string; [k: string]: unknown };

function literals(node: unknown, found: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((n) => literals(n, found));
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'Style' || n.type === 'Script') return;
  if (n.type === 'Text' && WORDY.test(String(n.data))) found.push(`text "${String(n.data).trim()}"`);
  if (n.type === 'Attribute' && USER_FACING_ATTRS.has(String(n.name)) && Array.isArray(n.value)) {
    for (const v of n.value as Node[]) {
      if (v.type === 'Text' && WORDY.test(String(v.data))) found.push(`${n.name}="${v.data}"`);
    }
  }
  // Other attribute values (class names, test ids, types) are not shown to a person.
  if (n.type === 'Attribute') return;
  for (const [key, value] of Object.entries(n)) {
    if (key === 'instance' || key === 'module' || key === 'css' || key === 'expression') continue;
    if (value && typeof value === 'object') literals(value, found);
  }
}

describe('components have no literal text', () => {
  const files = svelteFiles(root);
  test('there are components to check', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    test(relative(root, file), () => {
      const ast = parse(readFileSync(file, 'utf8'), { modern: true });
      const found: string[] = [];
      literals(ast.fragment, found);
      expect(found).toEqual([]);
    });
  }
});
