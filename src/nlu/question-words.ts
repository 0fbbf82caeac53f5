import { foldedWords } from '../text/fold';

/**
 * Words that ask a question of their own, folded: after "og"/"and" ("og hvad er døgn?" is not the last question
 * asked about another subject), and in a remark beside a language request ("same in english? and where is it").
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  foldedWords('hvad hva hvem hvordan hvorfor hvornår hvor hvilken hvilke hvilket what whats who how why when where wheres which'),
);

/**
 * Question words that open no exclamation (unlike "hvor dejligt", "how kind", "what a relief"): a message they begin
 * asks something even without its question mark ("hvilke tilbud er der …, giv mig hele listen tak").
 */
export const QUESTION_OPENINGS: ReadonlySet<string> = new Set(
  foldedWords('hvilke hvilken hvilket hvem hvordan hvorfor hvornår hvad hva which who whom whose why when where'),
);

/** Words that keep a "no" a refusal ("nej det passer ikke på mig", "no, none of that"), not a correction that names an answer. */
export const REFUSING_WORDS: ReadonlySet<string> = new Set(foldedWords('ikke ik ikk ingen intet not none nothing never'));
