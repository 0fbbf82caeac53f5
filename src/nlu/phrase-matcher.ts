import { pushTo } from '../base/lists-by-key';
import { contractionTwin } from '../text/contractions';
import { fold, foldedWords } from '../text/fold';
import { withinOneEdit } from './token-patterns';

const NO_ENTRIES: never[] = [];

/** A one-word phrase this long or longer also matches with one typo ("afgifning"), in a matcher that forgives typos. */
const TYPO_MIN_LENGTH = 8;

interface Entry<T> {
  /** The phrase's folded words; with `prefix`, the last one may begin a longer word. */
  words: string[];
  prefix: boolean;
  value: T;
  /** When the phrase was added: results keep that order. */
  order: number;
}

/** A matcher's phrases as plain lists: each first word with its phrases, and the one-word prefixes. */
interface Lookups<T> {
  firstWords: string[];
  entries: Array<Array<Entry<T>>>;
  prefixes: string[];
}

/**
 * Finds whole-word phrases in folded text. A phrase ending in "*" also matches longer words
 * ("selvmord*" matches "selvmordstanker").
 */
export class PhraseMatcher<T> {
  /**
   * Phrases by their first word, so a message is walked once, word by word, instead of being searched
   * once per phrase (hundreds of cues against a 2 000-character message). A phrase that is one word
   * to be completed ("sygemeld*") cannot be looked up by that word and is tried at every word that begins with its letter.
   */
  private readonly byFirstWord = new Map<string, Array<Entry<T>>>();
  /** One-word prefixes by their first letter: a word is tried only against those it could begin with. */
  private readonly wordPrefixes = new Map<string, Array<Entry<T>>>();
  private added = 0;
  /** The first words, their phrases and the one-word prefixes as plain lists, for `foundIn`; made again after an `add`. */
  private lookups?: Lookups<T>;
  /** Whole phrases by their folded text, the first added winning: thousands of training phrases are looked up per message. */
  private readonly whole = new Map<string, T>();
  /** Long one-word phrases that also match a word one typo away, where the matcher forgives typos; by their first letter, which a typo keeps. */
  private readonly typoTolerant = new Map<string, Array<Entry<T>>>();

  /**
   * With `mayBeTypo`, a long one-word phrase ("afgiftning") also matches a word one typo away that starts with the same
   * letter, where `mayBeTypo` says the word may be a typo at all (not a word in its own right: "ambulance").
   */
  constructor(private readonly mayBeTypo?: (word: string) => boolean) {}

  /** A matcher that finds whether any of the phrases is in a message ("cue lists"). */
  static of(phrases: readonly string[]): PhraseMatcher<true> {
    return phrases.reduce((matcher, phrase) => matcher.add(phrase, true), new PhraseMatcher<true>());
  }

  /** Adds a phrase; one with an English contraction also matches it typed the other way ("don't" and "dont"). */
  add(phrase: string, value: T): this {
    const prefix = phrase.endsWith('*');
    const pattern = fold(prefix ? phrase.slice(0, -1) : phrase);
    if (pattern === '') return this;
    const order = this.added++;
    this.addFolded(pattern, prefix, value, order);
    const twin = contractionTwin(pattern);
    if (twin !== undefined) this.addFolded(twin, prefix, value, order);
    return this;
  }

  private addFolded(pattern: string, prefix: boolean, value: T, order: number): void {
    this.lookups = undefined;
    const entry: Entry<T> = { words: pattern.split(' '), prefix, value, order };
    if (prefix && entry.words.length === 1) pushTo(this.wordPrefixes, pattern[0], entry);
    else pushTo(this.byFirstWord, entry.words[0], entry);
    if (!this.whole.has(pattern)) this.whole.set(pattern, value);
    if (this.mayBeTypo && !prefix && entry.words.length === 1 && pattern.length >= TYPO_MIN_LENGTH) pushTo(this.typoTolerant, pattern[0], entry);
  }

  /** Values of every phrase found in the text, in the order the phrases were added. */
  findAll(text: string): T[] {
    const words = foldedWords(text);
    const found = new Set<Entry<T>>();
    for (let at = 0; at < words.length; at++) this.eachEntryAt(words, at, (entry) => found.add(entry));
    // A phrase and its contraction twin share their order: found both ways, the phrase counts once.
    return [...found]
      .sort((a, b) => a.order - b.order)
      .filter((entry, index, sorted) => index === 0 || sorted[index - 1].order !== entry.order)
      .map(({ value }) => value);
  }

  /**
   * Whether any phrase is in the text: a cue list's question, answered at the first phrase found. A list with fewer
   * first words than the text has words looks its phrases up in the text (hundreds of reading rules ask their few
   * cues of the same long message); a longer list walks the text, word by word.
   */
  foundIn(text: string): boolean {
    const words = foldedWords(text);
    this.lookups ??= {
      firstWords: [...this.byFirstWord.keys()],
      entries: [...this.byFirstWord.values()],
      prefixes: [...this.wordPrefixes.values()].flat().map((entry) => entry.words[0]),
    };
    const { firstWords, prefixes } = this.lookups;
    if (this.typoTolerant.size === 0 && firstWords.length + prefixes.length < words.length) return this.lookedUpIn(words, this.lookups);
    for (let at = 0; at < words.length; at++) if (this.anyEntryAt(words, at)) return true;
    return false;
  }

  /** `foundIn` by looking each first word and one-word prefix up in the text's index, with the same result as the walk. */
  private lookedUpIn(words: readonly string[], { firstWords, entries, prefixes }: Lookups<T>): boolean {
    const index = wordIndexOf(words);
    for (let list = 0; list < firstWords.length; list++) {
      const positions = index.positions.get(firstWords[list]);
      if (positions !== undefined) for (const at of positions) for (const entry of entries[list]) if (matchesAt(entry, words, at)) return true;
    }
    for (const prefix of prefixes) if (index.hasWordStartingWith(prefix)) return true;
    return false;
  }

  /** Every phrase found, with the index of the word it starts at, in the order of the text. */
  findAllAt(text: string): Array<{ value: T; at: number }> {
    const words = foldedWords(text);
    const found: Array<Entry<T> & { at: number }> = [];
    for (let at = 0; at < words.length; at++) this.eachEntryAt(words, at, (entry) => found.push({ ...entry, at }));
    return found.sort((a, b) => a.at - b.at || a.order - b.order).map(({ value, at }) => ({ value, at }));
  }

  /**
   * Calls `visit` for each phrase that starts at word `at`. Plain loops, with no array or closure made per word: this
   * runs for every word of a message, for each of some forty cue lists.
   */
  private eachEntryAt(words: readonly string[], at: number, visit: (entry: Entry<T>) => void): void {
    const word = words[at];
    const entries = this.byFirstWord.get(word);
    if (entries !== undefined) for (const entry of entries) if (matchesAt(entry, words, at)) visit(entry);
    for (const entry of this.wordPrefixes.get(word[0]) ?? NO_ENTRIES) if (word.startsWith(entry.words[0])) visit(entry);
    if (entries === undefined) for (const entry of this.typoTolerant.get(word[0]) ?? NO_ENTRIES) if (this.typoOf(word, entry)) visit(entry);
  }

  private anyEntryAt(words: readonly string[], at: number): boolean {
    const word = words[at];
    const entries = this.byFirstWord.get(word);
    if (entries !== undefined) for (const entry of entries) if (matchesAt(entry, words, at)) return true;
    for (const entry of this.wordPrefixes.get(word[0]) ?? NO_ENTRIES) if (word.startsWith(entry.words[0])) return true;
    if (entries === undefined) for (const entry of this.typoTolerant.get(word[0]) ?? NO_ENTRIES) if (this.typoOf(word, entry)) return true;
    return false;
  }

  private typoOf(word: string, entry: Entry<T>): boolean {
    return isTypoOf(word, entry.words[0]) && this.mayBeTypo?.(word) === true;
  }

  /** The value of the first phrase that equals the whole text. */
  exact(text: string): T | undefined {
    return this.whole.get(fold(text));
  }
}

/**
 * A word one typo from a long phrase word, with the same first letter; not the phrase word with a letter after it, an
 * ending rather than a typo ("rådgivningssamtaler" does not name what "rådgivningssamtale" names).
 */
function isTypoOf(word: string, phraseWord: string): boolean {
  return (
    word !== phraseWord && word.length >= TYPO_MIN_LENGTH - 1 && word[0] === phraseWord[0] && !word.startsWith(phraseWord) && withinOneEdit(phraseWord, word)
  );
}

/** A text's words by where they stand, and its distinct words in order, to find where a phrase could start. */
class WordIndex {
  readonly positions = new Map<string, number[]>();
  private readonly sorted: string[];

  constructor(words: readonly string[]) {
    words.forEach((word, at) => pushTo(this.positions, word, at));
    this.sorted = [...this.positions.keys()].sort();
  }

  /** Whether a word of the text begins with `prefix`: the first word not sorted before it does, if any does. */
  hasWordStartingWith(prefix: string): boolean {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return this.sorted[low]?.startsWith(prefix) ?? false;
  }
}

/** Each text's index, kept as long as its words: `foldedWords` gives the same array for the same text within a task. */
const wordIndexes = new WeakMap<readonly string[], WordIndex>();

function wordIndexOf(words: readonly string[]): WordIndex {
  let index = wordIndexes.get(words);
  if (index === undefined) {
    index = new WordIndex(words);
    wordIndexes.set(words, index);
  }
  return index;
}

function matchesAt<T>({ words, prefix }: Entry<T>, text: readonly string[], at: number): boolean {
  if (at + words.length > text.length) return false;
  for (let index = 0; index < words.length; index++) {
    const found = text[at + index];
    if (prefix && index === words.length - 1 ? !found.startsWith(words[index]) : found !== words[index]) return false;
  }
  return true;
}
