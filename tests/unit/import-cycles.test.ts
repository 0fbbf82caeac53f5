import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cycles, folderOf, type ImportEdge, importGraph } from '../helpers/import-graph';

const ROOT = path.join(__dirname, '..', '..');

/** Each folder cycle with the imports that close it, e.g. `src → dialogs: src/app.ts → dialogs/root-dialog.ts`. */
function folderCycles(edges: ImportEdge[]): string[][] {
  const between = edges.filter((edge) => folderOf(edge.from) !== folderOf(edge.to));
  return cycles(between.map((edge) => [folderOf(edge.from), folderOf(edge.to)])).map((group) =>
    between
      .filter((edge) => group.includes(folderOf(edge.from)) && group.includes(folderOf(edge.to)))
      .map((edge) => `${folderOf(edge.from)} → ${folderOf(edge.to)}: ${edge.from} → ${edge.to}`),
  );
}

function fileCycles(edges: ImportEdge[]): string[][] {
  return cycles(edges.map((edge) => [edge.from, edge.to]));
}

describe('import graph of src/ and dialogs/', () => {
  const edges = importGraph(ROOT, ['src', 'dialogs']);

  it('reads the imports the compiler resolves, type-only ones included', () => {
    expect(edges).toContainEqual({ from: 'src/index.ts', to: 'src/app.ts' });
    expect(edges).toContainEqual({ from: 'dialogs/root-dialog.ts', to: 'src/content/content-schema.ts' });
    expect(edges.length).toBeGreaterThan(200);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(fileCycles(edges)).toEqual([]);
  });
});

describe('the cycle check', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'import-cycles-'));
    mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'a', 'one.ts'), "import { two } from './b/two';\nexport const one = two;\n");
    writeFileSync(path.join(dir, 'a', 'b', 'two.ts'), "export const two = 2;\nexport type Three = import('../three').Three;\n");
    writeFileSync(path.join(dir, 'a', 'three.ts'), "import type { two } from './b/two';\nexport type Three = typeof two;\n");
    writeFileSync(path.join(dir, 'a', 'b', 'four.ts'), "export * from '../one';\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a folder cycle made of imports, re-exports and import types', () => {
    const found = folderCycles(importGraph(dir, ['a']));
    expect(found).toHaveLength(1);
    expect(found[0]).toEqual(expect.arrayContaining(['a → a/b: a/one.ts → a/b/two.ts', 'a/b → a: a/b/four.ts → a/one.ts']));
  });

  it('finds a file cycle through a type-only import', () => {
    expect(fileCycles(importGraph(dir, ['a']))).toEqual([['a/b/two.ts', 'a/three.ts']]);
  });
});
