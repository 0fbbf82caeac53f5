import type { Command } from '../content/content-schema';
import { foldedWords } from '../text/fold';

/**
 * The small-talk commands, the first that a message holds deciding: "ok tak" thanks, "ok nej" declines,
 * "tak, det hjalp" is feedback before thanks.
 */
const PRECEDENCE: readonly Command[] = ['notHelpful', 'helpful', 'goodbye', 'thanks', 'decline', 'acknowledge', 'greeting'];
/**
 * Small talk is short; a longer message says something else too. Every word must still belong to a phrase or be a
 * filler, and an apostrophe splits a word ("thank you, that's really helpful. i'll call them tomorrow morning" is 12).
 */
const MAX_WORDS = 14;

/**
 * Recognises a message made only of small-talk phrases and filler words, in any combination the
 * phrase list does not hold whole: "fint nok", "ok cool", "nej ingen af dem", "super tak", "no none
 * of those". Matching is by whole folded phrases, so "ok" never matches inside another word.
 */
export class SocialTurns {
  private readonly phrases = new Map<string, Command>();
  /** The phrases and fillers with doubled letters typed once, for a message that doubles a letter for emphasis. */
  private readonly singledPhrases = new Map<string, Command>();
  private readonly longestPhrase: number;
  private readonly fillers: ReadonlySet<string>;
  private readonly singledFillers: ReadonlySet<string>;

  constructor(commands: Partial<Record<Command, string[]>>, fillers: string[]) {
    for (const command of PRECEDENCE) {
      for (const phrase of commands[command] ?? []) {
        const folded = foldedWords(phrase).join(' ');
        if (folded !== '' && !this.phrases.has(folded)) this.phrases.set(folded, command);
        const once = singled(folded);
        if (folded !== '' && !this.singledPhrases.has(once)) this.singledPhrases.set(once, command);
      }
    }
    this.longestPhrase = Math.max(1, ...[...this.phrases.keys()].map((phrase) => phrase.split(' ').length));
    this.fillers = new Set(fillers.flatMap((filler) => foldedWords(filler)));
    this.singledFillers = new Set([...this.fillers].map(singled));
  }

  /** The small-talk command the whole message is made of, or undefined when it says anything more. */
  of(text: string): Command | undefined {
    const words = foldedWords(text);
    if (words.length === 0 || words.length > MAX_WORDS) return undefined;
    // Only a word with a doubled letter is looked up singled: "to" is not "too".
    const singledWords = words.map(singled);
    // doubledBefore[i]: how many of the first i words have a doubled letter; a piece has one where the count grows over it.
    const doubledBefore = [0];
    singledWords.forEach((word, index) => doubledBefore.push(doubledBefore[index] + (word === words[index] ? 0 : 1)));
    const doubled = (start: number, end: number): boolean => doubledBefore[end] > doubledBefore[start];
    // best[end]: the reading of words[0..end) in the fewest phrases and fillers ("nej tak" is one
    // phrase, not "nej" and "tak"), with its commands; undefined when there is none.
    const best: Array<{ pieces: number; commands: Command[]; fillers: boolean } | undefined> = [{ pieces: 0, commands: [], fillers: false }];
    for (let end = 1; end <= words.length; end++) {
      for (let start = Math.max(0, end - this.longestPhrase); start < end; start++) {
        const before = best[start];
        const piece = words.slice(start, end).join(' ');
        const command = this.phrases.get(piece) ?? (doubled(start, end) ? this.singledPhrases.get(singledWords.slice(start, end).join(' ')) : undefined);
        const filler = end - start === 1 && (this.fillers.has(piece) || (doubled(start, end) && this.singledFillers.has(singledWords[start])));
        if (!before || (!command && !filler)) continue;
        if ((best[end]?.pieces ?? Infinity) > before.pieces + 1)
          best[end] = {
            pieces: before.pieces + 1,
            commands: command ? [...before.commands, command] : before.commands,
            fillers: before.fillers || !command,
          };
      }
    }
    const reading = best[words.length];
    const command = PRECEDENCE.find((candidate) => reading?.commands.includes(candidate));
    // With a question mark, only greeting phrases alone are small talk ("hallo?? er der nogen", "anyone there?");
    // "og hvad så?" mid-conversation asks what comes next.
    if (text.includes('?') && (command !== 'greeting' || reading?.fillers)) return undefined;
    return command;
  }
}

/** "okii", "takk", "neej": a letter doubled for emphasis, typed once (three or more are already one in the fold). */
function singled(words: string): string {
  return words.replace(/(\p{L})\1/gu, '$1');
}
