// The mock's layering (DESIGN.md): the mock core — everything src/mock/index.ts reaches — loads no msw
// (the msw adapters are reached through the `/msw` entry only), and no module of src/mock imports
// itself back through others. A tiny walker over import/export-from lines and dynamic imports, type-only
// imports included: a cycle of types is still a cycle of modules.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const MOCK = join(ROOT, 'src/mock');
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    return spec.startsWith('.') ? resolve(dirname(file), spec) : spec;
  });
}

function reachable(from: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (f: string) => {
    if (graph.has(f)) return;
    const deps = importsOf(f);
    graph.set(f, deps);
    for (const d of deps) if (d.startsWith('/')) visit(d);
  };
  visit(from);
  return graph;
}

const rel = (f: string) => relative(ROOT, f);

describe('the mock layering', () => {
  it('the walker sees the imports it must see (a walker that finds nothing proves nothing)', () => {
    const graph = reachable(join(MOCK, 'index.ts'));
    expect([...graph.keys()].map(rel)).toContain('src/mock/http.ts');
    expect(importsOf(join(MOCK, 'handlers.ts'))).toContain('msw');
    expect(importsOf(join(MOCK, 'msw-peer.ts'))).toContain('msw');
  });

  it('nothing src/mock/index.ts reaches imports msw', () => {
    const graph = reachable(join(MOCK, 'index.ts'));
    const offenders = [...graph].filter(([, deps]) => deps.some((d) => d === 'msw' || d.startsWith('msw/')));
    expect(offenders.map(([f]) => rel(f))).toEqual([]);
  });

  it('no import cycle inside src/mock (its subdirectories included)', () => {
    const inMock = (f: string) => f.startsWith(`${MOCK}/`);
    const files = readdirSync(MOCK, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(MOCK, f));
    expect(files.map(rel)).toContain('src/mock/resources/generic.ts');
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const dfs = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(rel).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const d of importsOf(f)) if (inMock(d)) dfs(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) dfs(f, []);
    expect(cycles).toEqual([]);
  });
});
