import type { Language } from '../content/content-schema';
import { fold, foldedWords } from '../text/fold';

// Common function words; "i" and "a" are left out because they are words in both languages.
const DANISH = new Set(
  'jeg du han hun vi de det den der er og at en et til på med har kan min mit mine hvad hvordan hvorfor hvor hvem hvornår ikke om som af for vil skal man hvis hej tak søn datter får få være blive bliver noget nogen meget også jo nu så mig dig sig sin sit hjælp behandling misbrug stoffer koster lang tid gælder børn barn kæreste pårørende'
    .split(' ')
    .map(fold),
);
const ENGLISH = new Set(
  'you the is and to of my what how why where who when can do does in for with it if not help treatment are get have about this that me your our we they he she his her son daughter please is there cost long time child children partner relative drugs abuse'
    .split(' ')
    .map(fold),
);

const MIN_WORDS = 3;

/** The language a message is clearly written in, or undefined when it is too short or mixed to tell. */
export function detectLanguage(text: string): Language | undefined {
  const words = foldedWords(text);
  if (words.length < MIN_WORDS) return undefined;
  const danish = words.filter((word) => DANISH.has(word)).length;
  const english = words.filter((word) => ENGLISH.has(word)).length;
  if (danish >= 2 && danish >= 2 * english) return 'da';
  if (english >= 2 && english >= 2 * danish) return 'en';
  return undefined;
}

/** A client locale such as "en-US" or "da-DK" as one of our languages. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  return primary === 'da' || primary === 'en' ? primary : undefined;
}

/**
 * Sticky per conversation: the first turn takes the client's locale, a longer message that is clearly
 * in the other language switches, and short messages ("ok", "112") never do.
 */
export function chooseLanguage(current: Language | undefined, locale: string | undefined, text: string, fallback: Language): Language {
  return detectLanguage(text) ?? current ?? languageOfLocale(locale) ?? fallback;
}
