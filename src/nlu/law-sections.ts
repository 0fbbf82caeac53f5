import type { Content } from '../content/load-content';
import { foldedWords } from '../text/fold';

/** A section of a law that one subject's answer cites ("Sundhedsloven § 142" in substitution treatment). */
interface LawSection {
  topicId: string;
  /** The act's name, folded, as a message may write it ("sundhedsloven", "sel"). */
  act: string;
  /** The section's words, folded ("142", "101 a"). */
  section: readonly string[];
}

/** Acts by the words people name them with ("name*": any word starting so, "servicelovens"). */
const ACT_NAMES: Record<string, string[]> = {
  sel: ['sel', 'servicelov*', 'social'],
  sundhedsloven: ['sundhedslov*', 'sul', 'health'],
};

function namesAct(word: string, name: string): boolean {
  return name.endsWith('*') ? word.startsWith(name.slice(0, -1)) : word === name;
}

/** Words that introduce a section: "§ 142", "paragraf 101 a", "section 141". */
const SECTION_MARKS = new Set(['§', 'paragraf', 'paragraffen', 'section', 'sektion']);

/** A message's folded words with "§" as a word of its own ("§142" is "§ 142"). */
function sectionWords(text: string): readonly string[] {
  return foldedWords(text.replace(/§/g, ' § '));
}

/**
 * Which subject a question about a law is about. The sections come from content: a law fact (facts.yaml,
 * `lawSubstitution: Sundhedsloven § 142`) that a subject's answer names (`{{lawSubstitution}}`), where
 * that subject is not a general one (the overview and the staff's legal basis cite several laws).
 */
export class LawSections {
  private readonly sections: LawSection[];
  private readonly topicIds: ReadonlySet<string>;

  constructor(content: Content) {
    const texts = content.locales.da.topics;
    // Each subject's texts as one string, made once (not once per fact).
    const subjects = content.topics
      .filter(({ general }) => !general)
      .map(({ id }) => ({ id, text: JSON.stringify(typeof texts === 'object' ? (texts[id] ?? '') : '') }));
    this.sections = Object.entries(content.facts.values).flatMap(([key, value]) => {
      const [act, section] = value.split('§').map((part) => foldedWords(part));
      const citing = subjects.filter(({ text }) => text.includes(`{{${key}}}`));
      return section?.length && citing.length === 1 ? [{ topicId: citing[0].id, act: act.join(' '), section }] : [];
    });
    this.topicIds = new Set(this.sections.map(({ topicId }) => topicId));
  }

  /** Whether a subject's answer names the law it rests on. */
  citesItsLaw(topicId: string | undefined): boolean {
    return topicId !== undefined && this.topicIds.has(topicId);
  }

  /**
   * The subject whose section a message names ("§ 142", "paragraf 101a"), told apart by the act where two
   * acts share a number ("sundhedslovens § 141" is alcohol treatment, "servicelovens § 141" an action plan).
   */
  topicOfSection(text: string): string | undefined {
    const words = sectionWords(text);
    // A section counts where "§", "paragraf" or an act's name stands before it ("sundhedslovens 142"), not
    // as a bare number ("is it 101 or 141?").
    const marked = (at: number): boolean =>
      at > 0 && (SECTION_MARKS.has(words[at - 1]) || Object.values(ACT_NAMES).some((names) => names.some((name) => namesAct(words[at - 1], name))));
    const at = (section: readonly string[]): boolean =>
      words.some((_, index) => marked(index) && (section.every((word, offset) => words[index + offset] === word) || words[index] === section.join('')));
    const named = this.sections.filter(({ section }) => at(section));
    const actNamed = named.filter(({ act }) => (ACT_NAMES[act] ?? [act]).some((name) => words.some((word) => namesAct(word, name))));
    const candidates = actNamed.length > 0 ? actNamed : named;
    return new Set(candidates.map(({ topicId }) => topicId)).size === 1 ? candidates[0].topicId : undefined;
  }
}
