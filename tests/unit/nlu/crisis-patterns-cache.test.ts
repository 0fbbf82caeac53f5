import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { CrisisDetector } from '../../../src/nlu/crisis-detector';
import { cachedCrisisDetector } from '../../../src/nlu/crisis-patterns-cache';

const { crisis } = loadContent(defaultContentDir());
// Patterns alone (no classifier): an acute, a concern, a masked idiom, a past overdose (the line), an ordinary question, a
// message that alone is an emergency.
const MESSAGES = [
  'min søn er bevidstløs og trækker ikke vejret',
  'jeg har tænkt på at tage mit liv hver dag i ugevis, men jeg gør det ikke',
  'jeg døde af grin over den film',
  'for ti år siden tog jeg en overdosis, nu har jeg det godt',
  'hvad koster en samtale',
  'its done',
];
const compiledAfresh = new CrisisDetector(crisis);
const assessments = (detector: CrisisDetector) => MESSAGES.map((text) => detector.assess(text));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'patterns-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the emergency patterns, compiled once and replayed at the next start', () => {
  it('stores a snapshot at the first start and reads it back at the next, with the same verdicts as patterns compiled afresh', () => {
    const first = cachedCrisisDetector(crisis, undefined, dir);
    const [stored] = readdirSync(dir);
    expect(stored).toMatch(/^crisis-[0-9a-f]{24}\.json$/);
    // A start that replays it whole has nothing new to store: the file is the same one (a write renames a new file in).
    const inode = statSync(path.join(dir, stored)).ino;
    const second = cachedCrisisDetector(crisis, undefined, dir);
    expect(assessments(first)).toEqual(assessments(compiledAfresh));
    expect(assessments(second)).toEqual(assessments(compiledAfresh));
    expect(assessments(compiledAfresh).map(({ tier }) => tier)).toEqual(['acute', 'concern', 'none', 'concern', 'none', 'acute']);
    expect(readdirSync(dir)).toEqual([stored]);
    expect(statSync(path.join(dir, stored)).ino).toBe(inode);
  });

  it.each([
    ['cut short', (file: string) => file.slice(0, file.length / 2)],
    // Whole JSON that no longer matches its checksum: replayed, emptied atoms would leave every pattern matching nothing.
    ['altered', (file: string) => file.replace(/"atoms":\[.*?\]\],"places"/, '"atoms":[],"places"')],
  ])('compiles afresh, with the same verdicts, where the stored snapshot is %s, and stores a sound one', (_damage, damage) => {
    cachedCrisisDetector(crisis, undefined, dir);
    const [stored] = readdirSync(dir);
    const sound = readFileSync(path.join(dir, stored), 'utf8');
    const damaged = damage(sound);
    expect(damaged).not.toBe(sound);
    writeFileSync(path.join(dir, stored), damaged);
    expect(assessments(cachedCrisisDetector(crisis, undefined, dir))).toEqual(assessments(compiledAfresh));
    expect(readFileSync(path.join(dir, stored), 'utf8')).toBe(sound);
  });

  it('keys the snapshot by the content: other patterns are compiled and stored beside it', () => {
    cachedCrisisDetector(crisis, undefined, dir);
    const changed = { ...crisis, masks: [...crisis.masks, 'bevidstløs ~2 filmen'] };
    const detector = cachedCrisisDetector(changed, undefined, dir);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(detector.assess('han er bevidstløs i filmen').tier).toBe('none');
    expect(compiledAfresh.assess('han er bevidstløs i filmen').tier).toBe('acute');
    expect(detector.assess('min søn er bevidstløs').tier).toBe('acute');
  });
});
