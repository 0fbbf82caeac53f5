import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultContentDir } from '../../src/base/project-paths';
import { ContentError, loadContent } from '../../src/content/load-content';

let dir: string;
let cache: string;
beforeEach(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'content-cache-'));
  dir = path.join(root, 'content');
  cache = path.join(root, 'cache');
  cpSync(defaultContentDir(), dir, { recursive: true });
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

const storedFile = (): string => {
  const files = readdirSync(cache);
  expect(files).toHaveLength(1);
  return path.join(cache, files[0]);
};

describe('the parsed content kept between starts', () => {
  it('gives exactly the content the files give, and is what a second start reads', () => {
    const fromFiles = loadContent(dir, cache);
    // A stored fact changed by hand: what the next start gives can only have come from the stored file.
    const file = storedFile();
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    expect(stored['facts.yaml'].values.guaranteeDays).toBe('14');
    const readBack = loadContent(dir, cache);
    expect(readBack).toEqual(fromFiles);
    stored['facts.yaml'].values.guaranteeDays = '15';
    writeFileSync(file, JSON.stringify(stored));
    expect(loadContent(dir, cache).facts.values.guaranteeDays).toBe('15');
  });

  it('reads the files again when one of them changes, and still refuses invalid content', () => {
    loadContent(dir, cache);
    const facts = path.join(dir, 'facts.yaml');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('guaranteeDays: "14"', 'guaranteeDays: "21"'));
    expect(loadContent(dir, cache).facts.values.guaranteeDays).toBe('21');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace('phones:', 'phonez:'));
    expect(() => loadContent(dir, cache)).toThrow(ContentError);
  });

  it('reads the files again over a damaged stored file, and reads them without storing where the folder cannot be written', () => {
    const fromFiles = loadContent(dir, cache);
    writeFileSync(storedFile(), '{"facts.yaml": ');
    expect(loadContent(dir, cache)).toEqual(fromFiles);
    const notAFolder = path.join(cache, 'a-file');
    writeFileSync(notAFolder, '');
    expect(loadContent(dir, notAFolder)).toEqual(fromFiles);
  });
});
