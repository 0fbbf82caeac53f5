import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatCheck } from '../../scripts/content-check';
import { defaultContentDir } from '../../src/base/project-paths';
import { type CheckResult, checkContent, type Finding } from '../../src/content/check/content-check';
import { defaultModelCacheDir } from '../../src/nlu/model-cache';
import { copyOfContent, editContentFile, type Json } from '../helpers/content-copy';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the real content with one file changed, written as an editor would (YAML, or two-space JSON). */
function brokenCopy(file: string, change: (data: Json) => void): string {
  const dir = copyOfContent('content-check-');
  made.push(dir);
  editContentFile(dir, file, change);
  return dir;
}

/** The 1-based line of the only line in the copied file that contains this text. */
function lineOf(dir: string, file: string, text: string): number {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  const found = lines.flatMap((line, index) => (line.includes(text) ? [index + 1] : []));
  expect(found).toHaveLength(1);
  return found[0];
}

/** The line of the first line containing `text` after the only line containing `after`: "da:" under "  answer:". */
function lineAfter(dir: string, file: string, after: string, text: string): number {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  const start = lineOf(dir, file, after);
  return start + 1 + lines.slice(start).findIndex((line) => line.includes(text));
}

/** Examples changed: the model is trained afresh, in a folder of its own. */
const check = (dir: string, examplesChanged = false): CheckResult =>
  checkContent(dir, { modelCacheDir: examplesChanged ? tempDir('content-check-models-') : defaultModelCacheDir() });

const only = (result: CheckResult, kind: Finding['kind']): Array<Omit<Finding, 'message'>> =>
  result.findings.filter((finding) => finding.kind === kind).map(({ message: _message, subject: _subject, accepted: _accepted, ...rest }) => rest);

const errors = (result: CheckResult): Finding[] => result.findings.filter((finding) => finding.severity === 'error');

describe('checkContent', () => {
  it('finds no errors in the real content', () => {
    const result = check(defaultContentDir());
    expect(errors(result)).toEqual([]);
    expect(result.readability.length).toBeGreaterThan(30);
  });

  it('names file and line of a text missing in one language', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => delete yaml.texts.answer.en);
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('missing "texts.answer.en"'));
    // The language is gone, so the line is its text's key.
    expect(finding).toMatchObject({ file: 'topics/guarantee.yaml', kind: 'content', line: lineOf(dir, 'topics/guarantee.yaml', '  answer:') });
  });

  it('names file and line of different placeholders between languages', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer.en = 'Within {{complaintWeeks}} days.';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('placeholders differ'));
    expect(finding).toMatchObject({ file: 'topics/guarantee.yaml', line: lineOf(dir, 'topics/guarantee.yaml', 'Within {{complaintWeeks}} days.') });
  });

  it('names file and line of a placeholder that names no fact', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer_relative.da += ' Ring på {{phone_nowhere}}.';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown placeholder {{phone_nowhere}}'));
    // A text of several lines is named at its first line, the language's key.
    expect(finding).toMatchObject({ file: 'topics/guarantee.yaml', line: lineAfter(dir, 'topics/guarantee.yaml', 'answer_relative:', 'da:') });
  });

  it('names file and line of a source section that does not exist', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.sources[0].section = 'no_such_section';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown source section "no_such_section"'));
    expect(finding).toMatchObject({ file: 'topics/guarantee.yaml', line: lineOf(dir, 'topics/guarantee.yaml', 'no_such_section') });
  });

  it('names a topic file that topics.yaml does not list, and a text written without its languages', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.title = 'Behandlingsgaranti';
    });
    copyFileSync(path.join(dir, 'topics/fees.yaml'), path.join(dir, 'topics/fees_copy.yaml'));
    const findings = errors(check(dir));
    expect(findings).toContainEqual(
      expect.objectContaining({ kind: 'schema', file: 'topics/guarantee.yaml', line: lineOf(dir, 'topics/guarantee.yaml', 'title:') }),
    );
    editContentFile(dir, 'topics/guarantee.yaml', (yaml) => {
      yaml.texts.title = { da: 'Behandlingsgaranti', en: 'Treatment guarantee' };
    });
    expect(errors(check(dir))).toEqual([
      expect.objectContaining({
        kind: 'content',
        file: 'topics/fees_copy.yaml',
        line: 1,
        message: 'not listed under "topics" in topics.yaml, so it is not read',
      }),
    ]);
  });

  it('names file and line of a reading rule that names an unknown topic', () => {
    const dir = brokenCopy('commands.json', (json) => {
      json.readingRules[0].topic = 'no_such_topic';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown topic "no_such_topic"'));
    expect(finding).toMatchObject({ file: 'commands.json', line: lineOf(dir, 'commands.json', '"topic": "no_such_topic"') });
  });

  it('names an unknown topic among the buttons offered to a professional who says who they are', () => {
    const dir = brokenCopy('topics.yaml', (yaml) => {
      yaml.staffTopics[0] = 'no_such_staff_topic';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown topic "no_such_staff_topic"'));
    expect(finding).toMatchObject({ file: 'topics.yaml', message: 'staffTopics: unknown topic "no_such_staff_topic"' });
  });

  it('names file and line of evidence cues given for an unknown topic', () => {
    const dir = brokenCopy('commands.json', (json) => {
      json.topicEvidenceCues.no_such_evidenced_topic = ['gravid'];
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown topic "no_such_evidenced_topic"'));
    expect(finding).toMatchObject({ file: 'commands.json', line: lineOf(dir, 'commands.json', '"no_such_evidenced_topic"') });
  });

  it('lets a reading rule name "out_of_scope" among its readings, and no topic take that id', () => {
    const rule = brokenCopy('commands.json', (json) => {
      json.readingRules[0].from.push('out_of_scope');
    });
    expect(errors(check(rule)).filter((f) => f.message.includes('"out_of_scope"'))).toEqual([]);
    const topic = brokenCopy('topics.yaml', (yaml) => {
      yaml.topics[yaml.topics.indexOf('guarantee')] = 'out_of_scope';
    });
    copyFileSync(path.join(topic, 'topics/guarantee.yaml'), path.join(topic, 'topics/out_of_scope.yaml'));
    expect(errors(check(topic)).some((f) => f.message.includes('"out_of_scope" is reserved for the reading rules'))).toBe(true);
  });

  it('names file and line of a reading rule that follows an unknown topic', () => {
    const dir = brokenCopy('commands.json', (json) => {
      json.readingRules.find((rule: Json) => rule.after).after[0] = 'no_such_earlier_topic';
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('unknown topic "no_such_earlier_topic"'));
    expect(finding).toMatchObject({ file: 'commands.json', line: lineOf(dir, 'commands.json', '"no_such_earlier_topic"') });
  });

  it('names file and line of a reading rule cue with a place in braces that is no substance', () => {
    const dir = brokenCopy('commands.json', (json) => {
      json.readingRules.find((rule: Json) => rule.cues.some((cue: string) => cue.includes('{drugs}'))).cues.push('help with my {drug}');
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('"{drug}" names no substance'));
    expect(finding).toMatchObject({ file: 'commands.json', line: lineOf(dir, 'commands.json', '"help with my {drug}"') });
  });

  it('names file and line of an empty answer', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer.da = '  ';
    });
    expect(only(check(dir), 'empty')).toEqual([
      { severity: 'error', kind: 'empty', file: 'topics/guarantee.yaml', line: lineOf(dir, 'topics/guarantee.yaml', 'da: "  "') },
    ]);
  });

  it('names file and line of an answer too long for a phone screen', () => {
    const long = 'Behandlingen er gratis. '.repeat(40);
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer_relative.en = long;
    });
    expect(only(check(dir), 'too-long')).toContainEqual({
      severity: 'error',
      kind: 'too-long',
      file: 'topics/guarantee.yaml',
      line: lineOf(dir, 'topics/guarantee.yaml', long.trim()),
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

    it('shows a new warning, and one accepted earlier only with --all', () => {
      const fresh = result.findings.find((f) => f.kind === 'misrouted-phrase' && f.message.includes(misrouted));
      expect(fresh).toMatchObject({ subject: `fees: ${misrouted}` });
      expect(fresh?.accepted).toBeUndefined();
      // check-accepted.yaml, as the real content ships it, accepts the warnings that were there before.
      const accepted = result.findings.filter((f) => f.accepted);
      expect(accepted.length).toBeGreaterThan(50);
      expect(accepted.every((f) => f.severity === 'warning')).toBe(true);
      const shown = formatCheck(result, 'content', true);
      expect(shown).toContain(misrouted);
      expect(shown).not.toContain(accepted[0].message);
      expect(shown).toMatch(new RegExp(`, ${accepted.length} accepted earlier not shown \\(-- --all shows them\\)`));
      expect(formatCheck(result, 'content', true, true)).toContain(accepted[0].message);
    });
  });

  it('names file and line of a reply that opens with a fixed yes or no', () => {
    const dir = brokenCopy('topics/anonymity.yaml', (yaml) => {
      yaml.texts.answer.da = `Ja, ${yaml.texts.answer.da}`;
    });
    const [finding] = errors(check(dir)).filter((f) => f.message.includes('fixed yes or no'));
    expect(finding).toMatchObject({ file: 'topics/anonymity.yaml', line: lineAfter(dir, 'topics/anonymity.yaml', '  answer:', 'da:') });
  });

  it('warns with file and line about a Danish answer above the LIX limit, without failing', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer.da =
        'Kommunalbestyrelsen tilvejebringer behandlingstilbud indenfor lovgivningens tidsfrister uafhængigt af borgerens forudgående kontaktforløb.';
    });
    const result = check(dir);
    const line = lineOf(dir, 'topics/guarantee.yaml', 'Kommunalbestyrelsen tilvejebringer');
    expect(only(result, 'readability').filter((f) => f.file === 'topics/guarantee.yaml' && f.line === line)).toEqual([
      { severity: 'warning', kind: 'readability', file: 'topics/guarantee.yaml', line },
    ]);
    expect(result.readability.find((entry) => entry.key === 'topics.guarantee.answer')).toMatchObject({ overLimit: true, line });
  });

  it('names file and line of a fact written into a text instead of its placeholder', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer.da = 'Ring til Pitstop på 20 69 28 33 eller +45 4357 7575.';
      yaml.texts.answer.en = 'Call 12345678. Providers are listed on Tilbudsportalen; you can start within 14 days.';
    });
    const found = check(dir).findings.filter((f) => f.kind === 'written-fact');
    const da = lineOf(dir, 'topics/guarantee.yaml', 'Ring til Pitstop på 20 69 28 33');
    const en = lineOf(dir, 'topics/guarantee.yaml', 'Call 12345678.');
    expect(found.map(({ severity, line, message }) => ({ severity, line, message }))).toEqual([
      { severity: 'error', line: da, message: expect.stringContaining('writes "+45 4357 7575" itself: write {{phone_socialservice}}') },
      { severity: 'error', line: da, message: expect.stringContaining('writes "20 69 28 33" itself: write {{phone_pitstop}}') },
      // A number with the unit the texts give the fact ("{{guaranteeDays}} days") is likely the fact: a warning.
      { severity: 'warning', line: en, message: expect.stringContaining('writes "14 days": if that is the fact, write {{guaranteeDays}} days') },
      { severity: 'error', line: en, message: expect.stringContaining('writes "Tilbudsportalen" itself: write {{providerRegistry}}') },
      { severity: 'error', line: en, message: expect.stringContaining('writes the phone number "12345678", which is no fact') },
    ]);
  });

  it('warns where YAML reads a text otherwise than it looks: a comment cut off, lines joined, a language swallowed', () => {
    const dir = brokenCopy('topics/guarantee.yaml', () => undefined);
    const file = path.join(dir, 'topics/guarantee.yaml');
    const lines = readFileSync(file, 'utf8')
      .replace('en: Treatment guarantee ({{guaranteeDays}} days)', 'en: Treatment guarantee #1')
      .replace(/ {4}da: \|-\n {6}(Kommunen skal tilbyde dig[^\n]*)\n/, '    da: $1\n      - eller ring til os\n')
      .split('\n');
    // The English text of answer_relative indented as far as the Danish text: it becomes part of it.
    const english = lines.findIndex((line, index) => index > lines.indexOf('  answer_relative:') && line === '    en: |-');
    for (let index = english; index < lines.length && (index === english || lines[index].startsWith('      ') || lines[index] === ''); index++) {
      if (lines[index] !== '') lines[index] = `  ${lines[index]}`;
    }
    writeFileSync(file, lines.join('\n'));
    expect(only(check(dir), 'yaml-slip')).toEqual([
      { severity: 'warning', kind: 'yaml-slip', file: 'topics/guarantee.yaml', line: lineOf(dir, 'topics/guarantee.yaml', 'en: Treatment guarantee #1') },
      { severity: 'warning', kind: 'yaml-slip', file: 'topics/guarantee.yaml', line: lineOf(dir, 'topics/guarantee.yaml', 'da: Kommunen skal tilbyde dig') },
      { severity: 'warning', kind: 'yaml-slip', file: 'topics/guarantee.yaml', line: english + 1 },
    ]);
  });

  it('names a text that is never shown, an empty language and a misspelt topic in the list', () => {
    const dir = brokenCopy('topics/guarantee.yaml', (yaml) => {
      yaml.texts.where = { da: 'Hos Pitstop.', en: 'At Pitstop.' };
      yaml.texts.answer_relative.en = null;
    });
    const findings = errors(check(dir));
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: 'content',
        line: lineOf(dir, 'topics/guarantee.yaml', 'where:'),
        message: expect.stringContaining('"texts.where" is never shown: add "where" with its sources under "aspects"'),
      }),
    );
    expect(findings).toContainEqual({
      severity: 'error',
      kind: 'empty',
      file: 'topics/guarantee.yaml',
      line: lineOf(dir, 'topics/guarantee.yaml', 'en: null'),
      message: expect.any(String),
    });

    editContentFile(dir, 'topics.yaml', (yaml) => {
      yaml.topics[yaml.topics.indexOf('fees')] = 'feees';
    });
    expect(errors(check(dir))).toContainEqual(
      expect.objectContaining({
        kind: 'content',
        file: 'topics.yaml',
        line: lineOf(dir, 'topics.yaml', '- feees'),
        message: '"feees" has no file topics/feees.yaml: a misspelt id, or the file is missing',
      }),
    );
  });

  it('names file and line of broken YAML and of a key written twice', () => {
    const dir = brokenCopy('topics/guarantee.yaml', () => undefined);
    const file = path.join(dir, 'topics/guarantee.yaml');
    const text = readFileSync(file, 'utf8');
    // A colon and a space inside an unquoted text: a common slip in YAML.
    writeFileSync(file, text.replace('da: Behandlingsgaranti ({{guaranteeDays}} dage)', 'da: Behandlingsgaranti: 14 dage'));
    expect(errors(check(dir)).filter((f) => f.kind === 'syntax')).toEqual([
      expect.objectContaining({
        file: 'topics/guarantee.yaml',
        line: lineOf(dir, 'topics/guarantee.yaml', 'da: Behandlingsgaranti: 14 dage'),
        message: expect.stringContaining('a colon followed by a space inside a text without quotes: put the text in double quotes'),
      }),
    ]);

    writeFileSync(file, text.replace('da: Behandlingsgaranti ({{guaranteeDays}} dage)', 'da: Behandlingsgaranti ({{guaranteeDays}} dage)\n    da: Garanti'));
    expect(only(check(dir), 'duplicate-key')).toEqual([
      { severity: 'error', kind: 'duplicate-key', file: 'topics/guarantee.yaml', line: lineOf(dir, 'topics/guarantee.yaml', 'da: Garanti') },
    ]);
  });

  it('names file and line of broken JSON', () => {
    const dir = brokenCopy('sources.json', () => undefined);
    const file = path.join(dir, 'sources.json');
    const text = readFileSync(file, 'utf8');
    // A closing quote forgotten: the text runs on past the end of its line.
    writeFileSync(file, text.replace('"kvalitetsstandard-2018.txt"', '"kvalitetsstandard-2018.txt'));
    expect(errors(check(dir)).filter((f) => f.kind === 'syntax')).toEqual([
      expect.objectContaining({
        file: 'sources.json',
        line: lineOf(dir, 'sources.json', 'kvalitetsstandard-2018.txt'),
        message: expect.stringContaining('not valid JSON: '),
      }),
    ]);
  });
});
