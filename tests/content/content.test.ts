import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir } from '../../src/base/project-paths';
import { LANGUAGES } from '../../src/content/content-schema';
import { createI18n, translatorFor } from '../../src/content/i18n';
import { ContentError, loadContent } from '../../src/content/load-content';
import { flattenLocale } from '../../src/content/locale-tree';
import { copyOfContent, editContentFile, type Json } from '../helpers/content-copy';

/** A copy of the real content with one file changed, to see the loader refuse it. */
function brokenContent(file: string, change: (data: Json) => void): string {
  const dir = copyOfContent('content-');
  editContentFile(dir, file, change);
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
    expect(problemsOf(brokenContent('topics/detox.yaml', (yaml) => delete yaml.texts.duration.en))).toContain(
      'topics/detox.yaml: missing "texts.duration.en" (the da text is there)',
    );
    expect(problemsOf(brokenContent('texts/ui.yaml', (yaml) => delete yaml.welcome.da))).toContain(
      'texts/ui.yaml: missing "welcome.da" (the en text is there)',
    );
  });

  it('refuses different placeholders between languages', () => {
    const dir = brokenContent('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer.en = 'Within {{complaintWeeks}} days.';
    });
    expect(problemsOf(dir)).toContain('topics/guarantee.yaml: "texts.answer.en": placeholders differ from the da text');
  });

  it('refuses a crisis rule that names a modifier that does not exist', () => {
    const dir = brokenContent('crisis.json', (json) => {
      json.signals[0].downgradedBy.push('topik');
    });
    expect(problemsOf(dir)).toContain('crisis.json signals.0: names no modifier: "topik"');
  });

  it('refuses an answer that opens with a fixed yes or no, in either language', () => {
    const dir = brokenContent('topics/anonymity.yaml', (yaml) => {
      yaml.texts.answer.en = `Yes. ${yaml.texts.answer.en}`;
    });
    expect(problemsOf(dir)).toContain('topics/anonymity.yaml: "texts.answer.en": opens with a fixed yes or no, whatever the question was');
    const danish = brokenContent('topics/detox.yaml', (yaml) => {
      yaml.texts.cost.da = `**Nej**, ${yaml.texts.cost.da}`;
    });
    expect(problemsOf(danish)).toContain('topics/detox.yaml: "texts.cost.da": opens with a fixed yes or no');
    const jo = brokenContent('topics/detox.yaml', (yaml) => {
      yaml.texts.cost.da = `Jo, ${yaml.texts.cost.da}`;
    });
    expect(problemsOf(jo)).toContain('topics/detox.yaml: "texts.cost.da": opens with a fixed yes or no');
    const joBefore = brokenContent('topics/detox.yaml', (yaml) => {
      yaml.texts.cost.da = `Jo før, jo bedre. ${yaml.texts.cost.da}`;
    });
    expect(problemsOf(joBefore)).toBe('');
  });

  it('refuses a placeholder that names no fact', () => {
    const dir = brokenContent('topics/guarantee.yaml', (yaml) => {
      yaml.texts.answer.da += ' {{pitstopTelefon}}';
    });
    expect(problemsOf(dir)).toContain('unknown placeholder {{pitstopTelefon}}');
  });

  it('refuses an unused fact', () => {
    expect(problemsOf(brokenContent('facts.yaml', (yaml) => (yaml.values.unused = 'x')))).toContain('facts.yaml: "unused" is used by no text');
  });

  it('refuses a related topic or a source section that does not exist', () => {
    const dir = brokenContent('topics/treatment_types.yaml', (yaml) => {
      yaml.related = ['no_such_topic'];
      yaml.sources = [{ doc: 'qs', section: 'no_such_section' }];
    });
    const problems = problemsOf(dir);
    expect(problems).toContain('topics/treatment_types.yaml: related: unknown topic "no_such_topic"');
    expect(problems).toContain('unknown source section "no_such_section" of "qs" (no "sources.qs.sections.no_such_section")');
  });

  it('refuses an answer topic without a source or training phrases', () => {
    const dir = brokenContent('topics/treatment_types.yaml', (yaml) => {
      yaml.sources = [];
    });
    expect(problemsOf(dir)).toContain('every answer names at least one source');
    expect(problemsOf(brokenContent('examples/en.json', (json) => delete json.detox))).toContain('examples/en.json: no examples for "detox"');
  });

  it('refuses a badly written phone number', () => {
    expect(problemsOf(brokenContent('facts.yaml', (yaml) => (yaml.phones.pitstop = '2069-2833')))).toContain('a phone number is digits, in groups');
    expect(problemsOf(brokenContent('facts.yaml', (yaml) => (yaml.phones.pitstop = '2069 2833')))).toBe('');
  });

  it('reads a number written without quotes as the same fact, and refuses a topic file topics.yaml does not list', () => {
    const dir = copyOfContent('content-');
    editContentFile(dir, 'facts.yaml', (yaml) => {
      yaml.values.guaranteeDays = 14;
    });
    expect(loadContent(dir).facts.values.guaranteeDays).toBe('14');
    writeFileSync(path.join(dir, 'topics/new_subject.yaml'), 'kind: answer\n');
    expect(problemsOf(dir)).toContain('topics/new_subject.yaml: not listed under "topics" in topics.yaml, so it is not read');
  });
});
