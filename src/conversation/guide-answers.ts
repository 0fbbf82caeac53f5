import { entriesOf } from '../base/records';
import type { GuideCue } from '../content/content-schema';
import { type AgeGroup, ageGroupOfAge } from '../nlu/age-group';
import { PhraseMatcher } from '../nlu/phrase-matcher';
import { REFUSING_WORDS } from '../nlu/question-words';
import { foldedWords } from '../text/fold';

/** An answer typed instead of tapped is short ("jeg er 16", "min søn", "begge dele"); longer is a new question. */
const MAX_WORDS = 5;
/** A "no" before an answer to a question it cannot answer ("nej, det er til min søn" to "who is it for?") corrects, it does not count. */
const LEADING_NO: ReadonlySet<string> = new Set(['nej', 'naej', 'no', 'nope']);
/** The choices a "no" answers. */
const NO_ANSWERS: ReadonlySet<string> = new Set(['no', 'anonymousNo']);
/** The guide's age choices, by age group. */
const AGE_CHOICE: Record<AgeGroup, string> = { child: 'under13', young: 'teen', adult: 'adult' };

/** Where "I don't know" still leads on: a mix is "both", an unknown treatment status "no", and anonymity is kept. */
const UNKNOWN_MEANS: Partial<Record<string, string>> = { both: 'both', no: 'no', anonymousYes: 'anonymousYes' };

/**
 * Reads a typed answer to one of the guide's questions: the question is known by its choices (ids such
 * as "self", "teen", "drugs", "yes", "anonymousYes"), and the answer is the one choice the words point
 * to, or undefined when they point to none or to several.
 */
export class GuideAnswers {
  private readonly cues = new PhraseMatcher<GuideCue>();

  constructor(cues: Record<GuideCue, string[]>) {
    for (const [cue, phrases] of entriesOf(cues)) phrases.forEach((phrase) => this.cues.add(phrase, cue));
  }

  /** Whether the words only say "I don't know" ("ved ikke", "aner det ikke"): the question is asked again, not the guide restarted. */
  unsure(text: string): boolean {
    const words = foldedWords(text);
    return words.length > 0 && words.length <= MAX_WORDS && this.cues.findAll(text).includes('unknown');
  }

  answer(choices: readonly string[], message: string): string | undefined {
    const all = foldedWords(message);
    const corrected = all.length > 1 && LEADING_NO.has(all[0]) && !choices.some((choice) => NO_ANSWERS.has(choice));
    const words = corrected ? all.slice(1) : all;
    const text = words.join(' ');
    if (words.length === 0 || words.length > MAX_WORDS) return undefined;
    // A "no" that goes on denying ("nej det passer ikke på mig", "no, none of that") declines; it names no answer.
    if (corrected && words.some((word) => REFUSING_WORDS.has(word))) return undefined;
    const found = new Set<string>(this.cues.findAll(text));
    const age = words.map(Number).find((number) => Number.isInteger(number) && number > 0 && number < 120);
    if (age !== undefined) found.add(AGE_CHOICE[ageGroupOfAge(age)]);
    // Drugs and alcohol named together ("hash og øl") are both.
    if (found.has('drugs') && found.has('alcohol')) {
      found.delete('drugs');
      found.delete('alcohol');
      found.add('both');
    }
    if (found.has('unknown')) found.add(choices.map((choice) => UNKNOWN_MEANS[choice]).find(Boolean) ?? 'unknown');
    // "Ja" answers "is anonymity important?" as "yes, anonymous"; "nej" as "it is not important".
    if (choices.includes('anonymousYes')) {
      if (found.has('yes')) found.add('anonymousYes');
      if (found.has('no')) found.add('anonymousNo');
    }
    const matching = choices.filter((choice) => found.has(choice));
    return matching.length === 1 ? matching[0] : undefined;
  }
}
