/**
 * English contractions fold to two words ("don't" → "don t", "I'm" → "i m") but are as often typed without
 * the apostrophe ("dont", "im"). A phrase written one way must match the other: cue lists had to list both,
 * and a phrase listed one way only missed the other ("I don't want to call" against "dont want to call").
 * Only contractions whose joined form is no other English or Danish word are here ("it's"/"its" is kept apart
 * from "its", "we're" from "were", "I'll" from "ill").
 */
import { fold } from './fold';

// Folded as messages are ("doesn't" folds to "dosn t": "oe" is read as "ø").
const SPLIT_BY_JOINED = new Map<string, string>(
  [
    "don't",
    "can't",
    "won't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "couldn't",
    "wouldn't",
    "shouldn't",
    "haven't",
    "hasn't",
    "hadn't",
    "ain't",
    "i'm",
    "i've",
    "you're",
    "they're",
    "you've",
    "they've",
    "what's",
    "that's",
    "there's",
  ]
    .map((contraction) => fold(contraction))
    .map((split) => [split.replace(' ', ''), split]),
);
const JOINED_BY_SPLIT = new Map([...SPLIT_BY_JOINED].map(([joined, split]) => [split, joined]));

/** The folded phrase written the other way: each contraction joined if it was split, split if it was joined; undefined if it has none. */
export function contractionTwin(foldedPhrase: string): string | undefined {
  const words = foldedPhrase.split(' ');
  const twin: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const pair = `${words[at]} ${words[at + 1]}`;
    const joined = JOINED_BY_SPLIT.get(pair);
    if (joined !== undefined) {
      twin.push(joined);
      at++;
    } else twin.push(SPLIT_BY_JOINED.get(words[at]) ?? words[at]);
  }
  const text = twin.join(' ');
  return text === foldedPhrase ? undefined : text;
}
