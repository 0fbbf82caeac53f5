import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultContentDir } from '../../src/base/project-paths';
import { type CheckResult, checkContent, type Finding } from '../../src/content/check/content-check';
import { defaultModelCacheDir } from '../../src/nlu/model-cache';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit content files as free JSON to break them on purpose
type Json = Record<string, any>;

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the real content with one file changed, written as an editor would (two-space JSON). */
function brokenCopy(file: string, change: (json: Json) => void): string {
  const dir = tempDir('content-check-');
  cpSync(defaultContentDir(), dir, { recursive: true });
  const target = path.join(dir, file);
  const json = JSON.parse(readFileSync(target, 'utf8')) as Json;
  change(json);
  writeFileSync(target, `${JSON.stringify(json, null, 2)}\n`);
  return dir;
}

/** The 1-based line of the only line in the copied file that contains this text. */
function lineOf(dir: string, file: string, text: string): number {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  const found = lines.flatMap((line, index) => (line.includes(text) ? [index + 1] : []));
  expect(found).toHaveLength(1);
  return found[0];
}

/** Examples changed: the model is trained afresh, in a folder of its own. */
const check = (dir: string, examplesChanged = false): CheckResult =>
  checkContent(dir, { modelCacheDir: examplesChanged ? tempDir('content-check-models-') : defaultModelCacheDir() });

const only = (result: CheckResult, kind: Finding['kind']): Array<Omit<Finding, 'message'>> =>
  result.findings.filter((finding) => finding.kind === kind).map(({ message: _message, ...rest }) => rest);

const errors = (result: CheckResult): Finding[] => result.findings.filter((finding) => finding.severity === 'error');

describe('checkContent', () => {
  it('finds no errors in the real content', () => {
    const result = check(defaultContentDir());
    expect(errors(result)).toEqual([]);
    expect(result.readability.length).toBeGreaterThan(30);
  });

  it('names file and line of a text missing in one language', () => {
    const dir = brokenCopy('locales/en.json', (json) => delete json.topics.detox.duration);
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('missing "topics.detox.duration"'));
    // The key is gone, so the line is its parent's.
    expect(finding).toMatchObject({ file: 'locales/en.json', kind: 'content', line: lineOf(dir, 'locales/en.json', '"detox": {') });
  });

  it('names file and line of different placeholders between languages', () => {
    const dir = brokenCopy('locales/en.json', (json) => {
      json.topics.guarantee.answer = 'Within {{complaintWeeks}} days.';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('placeholders differ'));
    expect(finding).toMatchObject({ file: 'locales/en.json', line: lineOf(dir, 'locales/en.json', 'Within {{complaintWeeks}} days.') });
  });

  it('names file and line of a placeholder that names no fact', () => {
    const dir = brokenCopy('locales/da.json', (json) => {
      json.topics.guarantee.answer_relative += ' Ring på {{phone_nowhere}}.';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown placeholder {{phone_nowhere}}'));
    expect(finding).toMatchObject({ file: 'locales/da.json', line: lineOf(dir, 'locales/da.json', '{{phone_nowhere}}') });
  });

  it('names file and line of a source section that does not exist', () => {
    const dir = brokenCopy('topics.json', (json) => {
      json.topics.find((topic: Json) => topic.id === 'guarantee').sources[0].section = 'no_such_section';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown source section "no_such_section"'));
    expect(finding).toMatchObject({ file: 'topics.json', line: lineOf(dir, 'topics.json', '"no_such_section"') });
  });

  it('names file and line of a reading rule that names an unknown topic', () => {
    const dir = brokenCopy('commands.json', (json) => {
      json.readingRules[0].topic = 'no_such_topic';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown topic "no_such_topic"'));
    expect(finding).toMatchObject({ file: 'commands.json', line: lineOf(dir, 'commands.json', '"topic": "no_such_topic"') });
  });

  it('lets a reading rule name "out_of_scope" among its readings, and no topic take that id', () => {
    const rule = brokenCopy('commands.json', (json) => {
      json.readingRules[0].from.push('out_of_scope');
    });
    expect(errors(check(rule)).filter((f) => f.message.includes('"out_of_scope"'))).toEqual([]);
    const topic = brokenCopy('topics.json', (json) => {
      json.topics.find((entry: Json) => entry.id === 'guarantee').id = 'out_of_scope';
    });
    expect(errors(check(topic)).some((f) => f.message.includes('"out_of_scope" is reserved for the reading rules'))).toBe(true);
  });

  it('names file and line of a reading rule that follows an unknown topic', () => {
    const dir = brokenCopy('commands.json', (json) => {
      json.readingRules.find((rule: Json) => rule.after).after[0] = 'no_such_earlier_topic';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown topic "no_such_earlier_topic"'));
    expect(finding).toMatchObject({ file: 'commands.json', line: lineOf(dir, 'commands.json', '"no_such_earlier_topic"') });
  });

  it('names file and line of an empty answer', () => {
    const dir = brokenCopy('locales/da.json', (json) => {
      json.topics.guarantee.answer = '  ';
    });
    expect(only(check(dir), 'empty')).toEqual([
      { severity: 'error', kind: 'empty', file: 'locales/da.json', line: lineOf(dir, 'locales/da.json', '"answer": "  "') },
    ]);
  });

  it('names file and line of an answer too long for a phone screen', () => {
    const long = 'Behandlingen er gratis. '.repeat(40);
    const dir = brokenCopy('locales/en.json', (json) => {
      json.topics.guarantee.answer_relative = long;
    });
    expect(only(check(dir), 'too-long')).toContainEqual({
      severity: 'error',
      kind: 'too-long',
      file: 'locales/en.json',
      line: lineOf(dir, 'locales/en.json', long.trim()),
    });
  });

  describe('training phrases', () => {
    // One copy with three changes, so the model is trained once for the three tests.
    const misrouted = 'hvor mange uger har jeg til at klage over kommunens afgørelse om behandling';
    let dir: string;
    let conflicting: string;
    let result: CheckResult;
    beforeAll(() => {
      const examples = JSON.parse(readFileSync(path.join(defaultContentDir(), 'examples/da.json'), 'utf8')) as Json;
      conflicting = examples.complaints[0];
      dir = brokenCopy('examples/da.json', (json) => {
        json.guarantee.push('HVOR HURTIGT KAN JEG KOMME I BEHANDLING?!');
        json.fees.push(misrouted);
      });
      const messages = path.join(dir, 'examples/messages-da.json');
      const json = JSON.parse(readFileSync(messages, 'utf8')) as Json;
      json.fees.push(conflicting);
      writeFileSync(messages, `${JSON.stringify(json, null, 2)}\n`);
      result = check(dir, true);
    }, 120_000);

    it('names file and line of a phrase written twice under one label, as a warning', () => {
      const line = lineOf(dir, 'examples/da.json', 'HVOR HURTIGT');
      expect(only(result, 'duplicate-phrase').filter((f) => f.line === line)).toEqual([
        { severity: 'warning', kind: 'duplicate-phrase', file: 'examples/da.json', line },
      ]);
    });

    it('names file and line of a phrase taught under two labels', () => {
      const [finding] = result.findings.filter((f) => f.kind === 'conflicting-phrase' && f.file === 'examples/messages-da.json');
      expect(finding).toMatchObject({ severity: 'error', line: lineOf(dir, 'examples/messages-da.json', JSON.stringify(conflicting)) });
      // It names where the other label teaches it.
      expect(finding.message).toContain(`as "complaints" in examples/da.json:${lineOf(dir, 'examples/da.json', JSON.stringify(conflicting))}`);
    });

    it('names file and line of a phrase the trained model reads as another topic, as a warning', () => {
      const [finding] = result.findings.filter((f) => f.kind === 'misrouted-phrase' && f.message.includes(misrouted));
      expect(finding).toMatchObject({ severity: 'warning', file: 'examples/da.json', line: lineOf(dir, 'examples/da.json', misrouted) });
      expect(finding.message).toContain('reads it as "complaints"');
    });
  });

  it('names file and line of a reply that opens with a fixed yes or no', () => {
    const dir = brokenCopy('locales/da.json', (json) => {
      json.topics.anonymity.answer = `Ja, ${json.topics.anonymity.answer}`;
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('fixed yes or no'));
    expect(finding).toMatchObject({ file: 'locales/da.json', line: lineOf(dir, 'locales/da.json', '"answer": "Ja, ') });
  });

  it('warns with file and line about a Danish answer above the LIX limit, without failing', () => {
    const dir = brokenCopy('locales/da.json', (json) => {
      json.topics.guarantee.answer =
        'Kommunalbestyrelsen tilvejebringer behandlingstilbud indenfor lovgivningens tidsfrister uafhængigt af borgerens forudgående kontaktforløb.';
    });
    const result = check(dir);
    const line = lineOf(dir, 'locales/da.json', 'Kommunalbestyrelsen tilvejebringer');
    expect(only(result, 'readability').filter((f) => f.line === line)).toEqual([{ severity: 'warning', kind: 'readability', file: 'locales/da.json', line }]);
    expect(result.readability.find((entry) => entry.key === 'topics.guarantee.answer')).toMatchObject({ overLimit: true, line });
  });

  it('names file and line of broken JSON and of a key written twice', () => {
    const dir = brokenCopy('locales/da.json', () => undefined);
    const file = path.join(dir, 'locales/da.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"title": "Behandlingsgaranti (14 dage)",', '"title": "Behandlingsgaranti (14 dage)"'));
    const syntax = errors(check(dir)).filter((f) => f.kind === 'syntax');
    expect(syntax).toEqual([
      expect.objectContaining({ file: 'locales/da.json', line: lineOf(dir, 'locales/da.json', '"title": "Behandlingsgaranti (14 dage)"') + 1 }),
    ]);

    writeFileSync(file, text.replace('"title": "Behandlingsgaranti (14 dage)",', '"title": "Behandlingsgaranti (14 dage)",\n      "title": "Garanti",'));
    expect(only(check(dir), 'duplicate-key')).toEqual([
      { severity: 'error', kind: 'duplicate-key', file: 'locales/da.json', line: lineOf(dir, 'locales/da.json', '"title": "Garanti"') },
    ]);
  });
});
