import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * No module of src/ imports, through any chain, itself (issue 14): a circle knots the core, so that no part of it can be
 * read, tested or moved alone. Type-only imports count too: they tie the modules' meanings together just the same.
 * The graph is read from the import and re-export statements of every non-test module; the strongly connected
 * components of more than one module (Tarjan 1972) are the circles, each reported with its members.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const FROM = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm;

function graph(): Map<string, string[]> {
  const all = modules(SRC);
  const known = new Set(all);
  return new Map(all.map((file) => [file, [...readFileSync(file, 'utf8').matchAll(FROM)].map((m) => resolve(dirname(file), m[1]!)).filter((target) => known.has(target))]));
}

function circles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(relative(SRC, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

test('no module of src/ imports itself through a circle of imports', () => {
  const edges = graph();
  assert.ok(edges.size > 100, `only ${edges.size} modules found`);
  assert.deepEqual(circles(edges), []);
});

test('the circle finder finds a circle', () => {
  const edges = new Map([
    ['/a.ts', ['/b.ts']],
    ['/b.ts', ['/c.ts']],
    ['/c.ts', ['/a.ts']],
    ['/d.ts', ['/a.ts']],
  ]);
  assert.equal(circles(edges).length, 1);
  assert.equal(circles(edges)[0]!.length, 3);
});
