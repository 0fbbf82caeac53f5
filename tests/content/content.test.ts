import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultContentDir } from '../../src/base/project-paths';
import { LANGUAGES } from '../../src/content/content-schema';
import { createI18n, translatorFor } from '../../src/content/i18n';
import { ContentError, loadContent } from '../../src/content/load-content';
import { flattenLocale } from '../../src/content/locale-tree';

/** A copy of the real content with one file changed, to see the loader refuse it. */
// biome-ignore lint/suspicious/noExplicitAny: a test edits a content file as free JSON to break it on purpose
function brokenContent(file: string, change: (json: Record<string, any>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  cpSync(defaultContentDir(), dir, { recursive: true });
  const target = path.join(dir, file);
  const json = JSON.parse(readFileSync(target, 'utf8'));
  change(json);
  writeFileSync(target, JSON.stringify(json));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadContent(dir);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as Error).message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('content', () => {
  const content = loadContent(defaultContentDir());

  it('loads and validates', () => {
    expect(content.topics.length).toBeGreaterThan(25);
  });

  it('has the same keys and placeholders in Danish and English', () => {
    const keysOf = (language: 'da' | 'en') =>
      flattenLocale(content.locales[language])
        .map(([key]) => key)
        .sort();
    expect(keysOf('en')).toEqual(keysOf('da'));
  });

  it('renders every text in both languages with no placeholder left over', async () => {
    const i18n = await createI18n(content, { stateTtlMinutes: 30 });
    for (const language of LANGUAGES) {
      const t = translatorFor(i18n, language);
      for (const [key] of flattenLocale(content.locales[language])) {
        const text = t(key, {
          sources: 'x',
          document: 'x',
          section: 'x',
          closesAt: 'x',
          date: 'x',
          time: 'x',
          weekday: 'x',
          day: 'x',
          month: 'x',
          sections: 'x',
          count: 1,
          slots: 'x',
          when: 'x',
          code: 'x',
          title: 'x',
        });
        expect({ key, leftover: /\{\{|\}\}/.test(text) }).toEqual({ key, leftover: false });
      }
    }
  });

  it('writes every phone number as a tappable link', async () => {
    const t = translatorFor(await createI18n(content, { stateTtlMinutes: 30 }), 'da');
    expect(t('topics.contact.answer')).toContain('[20 69 28 33](tel:+4520692833)');
    expect(t('crisis.acute.lead')).toContain('[112](tel:112)');
  });

  it('names a source for every answer topic', () => {
    for (const topic of content.topics.filter((t) => t.kind === 'answer')) expect(topic.sources.length).toBeGreaterThan(0);
  });
});

describe('content validation', () => {
  it('refuses a text missing in one language', () => {
    expect(problemsOf(brokenContent('locales/en.json', (json) => delete json.topics.detox.duration))).toContain(
      'locales/en.json: missing "topics.detox.duration"',
    );
  });

  it('refuses different placeholders between languages', () => {
    const dir = brokenContent('locales/en.json', (json) => {
      json.topics.guarantee.answer = 'Within {{complaintWeeks}} days.';
    });
    expect(problemsOf(dir)).toContain('"topics.guarantee.answer": placeholders differ from da');
  });

  it('refuses a crisis rule that names a modifier that does not exist', () => {
    const dir = brokenContent('crisis.json', (json) => {
      json.signals[0].downgradedBy.push('topik');
    });
    expect(problemsOf(dir)).toContain('crisis.json signals.0: names no modifier: "topik"');
  });

  it('refuses an answer that opens with a fixed yes or no, in either language', () => {
    const dir = brokenContent('locales/en.json', (json) => {
      json.topics.anonymity.answer = `Yes. ${json.topics.anonymity.answer}`;
    });
    expect(problemsOf(dir)).toContain('locales/en.json "topics.anonymity.answer": opens with a fixed yes or no, whatever the question was');
    const danish = brokenContent('locales/da.json', (json) => {
      json.topics.detox.cost = `**Nej**, ${json.topics.detox.cost}`;
    });
    expect(problemsOf(danish)).toContain('locales/da.json "topics.detox.cost": opens with a fixed yes or no');
  });

  it('refuses a placeholder that names no fact', () => {
    const dir = brokenContent('locales/da.json', (json) => {
      json.topics.guarantee.answer += ' {{pitstopTelefon}}';
    });
    expect(problemsOf(dir)).toContain('unknown placeholder {{pitstopTelefon}}');
  });

  it('refuses an unused fact', () => {
    expect(problemsOf(brokenContent('facts.json', (json) => (json.values.unused = 'x')))).toContain('"unused" is used by no text');
  });

  it('refuses a related topic or a source section that does not exist', () => {
    const dir = brokenContent('topics.json', (json) => {
      json.topics[0].related = ['no_such_topic'];
      json.topics[1].sources = [{ doc: 'qs', section: 'no_such_section' }];
    });
    const problems = problemsOf(dir);
    expect(problems).toContain('unknown topic "no_such_topic"');
    expect(problems).toContain('missing "sources.qs.sections.no_such_section"');
  });

  it('refuses an answer topic without a source or training phrases', () => {
    const dir = brokenContent('topics.json', (json) => {
      json.topics[0].sources = [];
    });
    expect(problemsOf(dir)).toContain('every answer names at least one source');
    expect(problemsOf(brokenContent('examples/en.json', (json) => delete json.detox))).toContain('examples/en.json: no examples for "detox"');
  });

  it('refuses a badly written phone number', () => {
    expect(problemsOf(brokenContent('facts.json', (json) => (json.phones.pitstop = '2069-2833')))).toContain('phone numbers are digits in groups');
  });
});
