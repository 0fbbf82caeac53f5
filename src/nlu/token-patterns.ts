import { pushTo } from '../base/lists-by-key';
import { fold } from '../text/fold';

/** Words of this many letters or more also match with one typo ("unconsious"); shorter ones collide ("skammer", "skummer"). */
const FUZZY_MIN_LENGTH = 8;

/**
 * One substitution, insertion, deletion or swap of neighbouring letters at most (Damerau–Levenshtein ≤ 1), between
 * `b` and the first `aLength` letters of `a`. Letter by letter, with no string made: it runs for thousands of
 * (token, pattern word) pairs in every long message.
 */
export function withinOneEdit(a: string, b: string, aLength: number = a.length): boolean {
  if (Math.abs(aLength - b.length) > 1) return false;
  // The shorter is `s` (of `sLength` letters), the longer `l`; a is read only up to aLength.
  const aShorter = aLength <= b.length;
  const s = aShorter ? a : b;
  const l = aShorter ? b : a;
  const sLength = aShorter ? aLength : b.length;
  const lLength = aShorter ? b.length : aLength;
  let i = 0;
  while (i < sLength && s.charCodeAt(i) === l.charCodeAt(i)) i += 1;
  if (i === sLength && sLength === lLength) return true;
  if (sLength < lLength) return sameFrom(s, i, l, i + 1, sLength - i);
  if (sameFrom(s, i + 1, l, i + 1, sLength - i - 1)) return true;
  return s.charCodeAt(i) === l.charCodeAt(i + 1) && s.charCodeAt(i + 1) === l.charCodeAt(i) && sameFrom(s, i + 2, l, i + 2, sLength - i - 2);
}

/** Whether `count` letters of `a` from `aAt` equal those of `b` from `bAt`. */
function sameFrom(a: string, aAt: number, b: string, bAt: number, count: number): boolean {
  for (let k = 0; k < count; k++) if (a.charCodeAt(aAt + k) !== b.charCodeAt(bAt + k)) return false;
  return true;
}

interface Atom {
  text: string;
  prefix: boolean;
  /** "*piller" matches the end of a compound: "sovepiller", "nervepiller". */
  suffix: boolean;
}

/**
 * Alternatives at one place in a pattern, each one word or several ("uden+mig|without+me"). One-word alternatives
 * (a group can bring a hundred) are looked up by atom, each with its place in the list, so that a position's few
 * atoms are checked rather than every alternative; the others are tried in their order around them.
 */
type Element = { kind: 'words'; single: ReadonlyMap<number, number>; several: ReadonlyMap<number, Several[]> } | { kind: 'gap'; max: number };

/** A several-word alternative, by its first word's atom: its place in the list and its words. */
interface Several {
  at: number;
  words: number[];
}

/** A pattern as written and as compiled: its elements, and the places it needs after its first (see `placesAfterFirst`). */
interface CompiledPattern {
  pattern: string;
  elements: Element[];
  needs: readonly number[];
}

/**
 * A vocabulary's atoms, places and compiled patterns as plain data, to store between starts: atoms as [text, flags],
 * elements once each (a gap as its length; words as their one-word alternatives [atom, place in list, …] and their
 * several-word ones [first atom, place in list, atoms]), patterns as [text, element ids, places needed].
 */
export interface PatternSnapshot {
  atoms: Array<[string, number]>;
  places: number[][];
  elements: SnapshotElement[];
  patterns: Array<[string, number[], number[]]>;
}
type SnapshotElement = number | [number[], Array<[number, number, number[]]>];

const PREFIX = 1;
const SUFFIX = 2;

function atomKey(text: string, prefix: boolean, suffix: boolean): string {
  return `${prefix ? '>' : ''}${suffix ? '<' : ''}${text}`;
}

function snapshotOfElement(element: Element): SnapshotElement {
  if (element.kind === 'gap') return element.max;
  const single = [...element.single].flat();
  const several = [...element.several].flatMap(([atom, list]) => list.map(({ at, words }): [number, number, number[]] => [atom, at, words]));
  return [single, several];
}

function elementOfSnapshot(stored: SnapshotElement): Element {
  if (typeof stored === 'number') return { kind: 'gap', max: stored };
  const [singleFlat, severalList] = stored;
  const single = new Map<number, number>();
  for (let k = 0; k < singleFlat.length; k += 2) single.set(singleFlat[k], singleFlat[k + 1]);
  const several = new Map<number, Several[]>();
  for (const [atom, at, words] of severalList) pushTo(several, atom, { at, words });
  return { kind: 'words', single, several };
}

export interface PatternMatch<T> {
  value: T;
  /** Token positions of the match, end exclusive. */
  start: number;
  end: number;
}

/**
 * The atoms (pattern words) of several pattern sets, and a reader that turns a text's words into the atoms
 * each matches. Pattern sets that share one read a text once: looking a word up (prefixes, compound endings,
 * a typo in a long word) costs more than matching the patterns.
 */
export class PatternVocabulary {
  private readonly atoms: Atom[] = [];
  private readonly atomIds = new Map<string, number>();
  /** Atom ids by a pattern's word as written: groups repeat the same words in many patterns, each folded once at start-up. */
  private readonly idsOfWritten = new Map<string, number>();
  private index?: AtomIndex;
  /**
   * The places of every pattern after its first (each the atoms it may start with), each kept once: a group's words
   * stand at a place in hundreds of patterns, so whether a text holds any of them is asked once per text, not per pattern.
   */
  private readonly places: Array<readonly number[]> = [];
  private readonly placeIds = new Map<string, number>();
  /** By atom id, the places it stands in; built with the first read after a change. */
  private placesOfAtom?: ReadonlyArray<readonly number[] | undefined>;
  /**
   * Every pattern its sets were given, compiled, in the order they were added, until `finish`: what a snapshot holds.
   * Kept only by a vocabulary made to replay one (`replaying`), whose snapshot is stored again where it was stale.
   */
  private added?: CompiledPattern[];
  /** A snapshot's patterns, taken in turn while each is added with the same text as before. */
  private replay?: { patterns: readonly CompiledPattern[]; next: number };
  /** Whether a pattern was compiled here rather than replayed: then, or where patterns were left over, the snapshot was stale. */
  private compiledAny = false;

  /**
   * A vocabulary that takes its atoms, places and compiled patterns from a snapshot of an earlier build of the same
   * patterns, instead of folding and parsing each again (a start's slowest part after loading the SDK). Each pattern
   * is replayed only while added with the text it had then; from the first that differs on, patterns are compiled
   * as usual over the snapshot's atoms. What else a compiled pattern depends on (the groups it names, the code that
   * folds and compiles) is the snapshot's owner's to key it by (`crisis-patterns-cache.ts`).
   */
  static replaying(snapshot: PatternSnapshot | undefined): PatternVocabulary {
    const vocabulary = new PatternVocabulary();
    vocabulary.added = [];
    if (snapshot === undefined) return vocabulary;
    for (const [text, flags] of snapshot.atoms) {
      const prefix = (flags & PREFIX) !== 0;
      const suffix = (flags & SUFFIX) !== 0;
      vocabulary.atomIds.set(atomKey(text, prefix, suffix), vocabulary.atoms.push({ text, prefix, suffix }) - 1);
    }
    for (const atoms of snapshot.places) vocabulary.placeIds.set(atoms.join(','), vocabulary.places.push(atoms) - 1);
    const elements = snapshot.elements.map(elementOfSnapshot);
    vocabulary.replay = {
      patterns: snapshot.patterns.map(([pattern, parts, needs]) => ({ pattern, elements: parts.map((part) => elements[part]), needs })),
      next: 0,
    };
    return vocabulary;
  }

  /** A pattern's compiled form: the snapshot's where it is next in turn, else `compile`'s. */
  compiled(pattern: string, compile: () => CompiledPattern): CompiledPattern {
    const replay = this.replay;
    const replayed = replay?.patterns[replay.next];
    let compiled: CompiledPattern;
    if (replay && replayed?.pattern === pattern) {
      replay.next += 1;
      compiled = replayed;
    } else {
      this.replay = undefined;
      this.compiledAny = true;
      compiled = compile();
    }
    this.added?.push(compiled);
    return compiled;
  }

  /**
   * Called once every pattern is added: the snapshot to store for the next start, or undefined where every pattern
   * came from one (nothing new to store) or nothing was recorded. The record of the patterns is dropped either way.
   */
  finish(): PatternSnapshot | undefined {
    const added = this.added;
    if (added === undefined) return undefined;
    const stale = this.compiledAny || (this.replay !== undefined && this.replay.next < this.replay.patterns.length);
    this.added = undefined;
    this.replay = undefined;
    if (!stale) return undefined;
    const elementIds = new Map<Element, number>();
    const elements: SnapshotElement[] = [];
    const idOf = (element: Element): number => {
      let id = elementIds.get(element);
      if (id === undefined) {
        id = elements.push(snapshotOfElement(element)) - 1;
        elementIds.set(element, id);
      }
      return id;
    };
    return {
      atoms: this.atoms.map(({ text, prefix, suffix }) => [text, (prefix ? PREFIX : 0) | (suffix ? SUFFIX : 0)]),
      places: this.places.map((atoms) => [...atoms]),
      elements,
      patterns: added.map(({ pattern, elements: parts, needs }) => [pattern, parts.map(idOf), [...needs]]),
    };
  }

  /** Each word's atoms, and which places they hold; nothing of the words is kept. */
  read(tokens: string[]): ReadWords {
    this.index ??= new AtomIndex(this.atoms);
    this.placesOfAtom ??= placesByAtom(this.places);
    const index = this.index;
    const atomSets = tokens.map((token) => index.atomsOf(token));
    const present = new Set<number>();
    for (const atoms of atomSets) for (const atom of atoms) present.add(atom);
    // From the text's few atoms to the places they stand in, rather than from each place a pattern needs to its atoms.
    const placesHeld = new Uint8Array(this.places.length);
    for (const atom of present) for (const place of this.placesOfAtom[atom] ?? NO_IDS) placesHeld[place] = 1;
    return { vocabulary: this, atomSets, present, placesHeld };
  }

  /** The id of a place (its atoms, in any order), the same for every pattern that has it. */
  placeId(atoms: readonly number[]): number {
    const sorted = [...atoms].sort((a, b) => a - b);
    const key = sorted.join(',');
    const known = this.placeIds.get(key);
    if (known !== undefined) return known;
    const id = this.places.push(sorted) - 1;
    this.placeIds.set(key, id);
    this.placesOfAtom = undefined;
    return id;
  }

  /** Whether the words hold any atom of a place. */
  holds(words: ReadWords, place: number): boolean {
    if (place < words.placesHeld.length) return words.placesHeld[place] === 1;
    // A place added after these words were read (a pattern set built later) is looked for each time.
    return this.places[place].some((atom) => words.present.has(atom));
  }

  atomId(word: string, pattern: string): number {
    const written = this.idsOfWritten.get(word);
    if (written !== undefined) return written;
    const id = this.newAtomId(word, pattern);
    this.idsOfWritten.set(word, id);
    return id;
  }

  private newAtomId(word: string, pattern: string): number {
    const prefix = word.length > 1 && word.endsWith('*');
    const suffix = word.length > 1 && word.startsWith('*');
    const text = foldWords(word.slice(suffix ? 1 : 0, prefix ? -1 : undefined));
    if (text === '' || text.includes(' ') || (prefix && suffix)) throw new Error(`Pattern "${pattern}" has a word "${word}" that is not one word`);
    const key = atomKey(text, prefix, suffix);
    const known = this.atomIds.get(key);
    if (known !== undefined) return known;
    const id = this.atoms.push({ text, prefix, suffix }) - 1;
    this.atomIds.set(key, id);
    this.index = undefined;
    return id;
  }
}

/** A text's words as the atoms each matches, read by one vocabulary. */
export interface ReadWords {
  readonly vocabulary: PatternVocabulary;
  readonly atomSets: ReadonlyArray<ReadonlySet<number>>;
  /** Every atom of the text, masked or not: a pattern none of whose words for one of its places is here cannot match. */
  readonly present: ReadonlySet<number>;
  /** By place id (of the places known when read), 1 where the text holds one of its atoms. */
  readonly placesHeld: Uint8Array;
}

/**
 * Word patterns over folded text, as content writes them: "kan ikke ~ vække", "@child ~~ @swallowed".
 * A word may end in "*" (a prefix) or start with one (the end of a compound), list alternatives
 * ("vågner|vaagner", "uden+mig|without+me" for several words), name a group ("@child") or be a gap ("~" skips up to 3 words, "~~" up to 6, "~N" up to N). Long words forgive one typo. Matching is
 * linear in the text: each word's atoms come from an index built from the patterns (no user word is
 * kept between calls), and gaps are bounded.
 */
export class TokenPatterns<T> {
  private readonly patterns: Array<{ elements: Element[]; value: T; needs: readonly number[] }> = [];
  /** The patterns' lookups, made at the first search after a pattern is added (see `compile`). */
  private compiled?: CompiledPatterns;
  /** The patterns tried from the current start. */
  private readonly tried = new Marks();
  /** Elements by how they are written: a group's hundred words stand the same way in hundreds of patterns. */
  private readonly elementsWritten = new Map<string, Element>();
  /** Each shared element's place (the atoms it may start with) and how many atoms that is. */
  private readonly placeOfElement = new Map<Element, { id: number; size: number }>();

  constructor(
    private readonly groups: Record<string, string[]> = {},
    /** Shared with other pattern sets that search the same texts, so that each text is read once. */
    private readonly vocabulary = new PatternVocabulary(),
  ) {}

  add(pattern: string, value: T): this {
    const { elements, needs } = this.vocabulary.compiled(pattern, () => this.parse(pattern));
    this.patterns.push({ elements, value, needs });
    this.compiled = undefined;
    return this;
  }

  private parse(pattern: string): CompiledPattern {
    const elements = pattern
      .trim()
      .split(/\s+/)
      .map((part) => this.elementWritten(part, pattern));
    const first = elements[0];
    if (first?.kind !== 'words' || elements.at(-1)?.kind !== 'words') throw new Error(`Pattern "${pattern}" must start and end with a word`);
    return { pattern, elements, needs: this.placesAfterFirst(elements) };
  }

  /** Folded words of a text, the form `find` takes. */
  static tokens(text: string): string[] {
    const folded = foldWords(text);
    return folded === '' ? [] : folded.split(' ');
  }

  /** Every match, at most one per pattern and start. Positions in `masked` are never part of a match. */
  find(tokens: string[], masked: ReadonlySet<number> = NO_POSITIONS): Array<PatternMatch<T>> {
    return this.findIn(this.vocabulary.read(tokens), masked);
  }

  /**
   * The values of the patterns the words could hold: one of a pattern's first words is among them, and a word of each of
   * its later places. Every match `findIn` finds is among them; far cheaper to ask, as no position is tried.
   */
  possibleIn(words: ReadWords): Set<T> {
    this.compiled ??= this.compile();
    const { byFirstAtom, needsFrom, needs } = this.compiled;
    const values = new Set<T>();
    for (const atom of words.present) {
      const starting = byFirstAtom.get(atom);
      if (starting === undefined) continue;
      for (let k = 0; k < starting.length; k++) {
        const index = starting[k];
        if (this.holdsAll(words, needs, needsFrom[index], needsFrom[index + 1])) values.add(this.patterns[index].value);
      }
    }
    return values;
  }

  /** `find` over words this set's vocabulary has read already; with `wanted`, only the patterns of the values it wants. */
  findIn(words: ReadWords, masked: ReadonlySet<number> = NO_POSITIONS, wanted?: (value: T) => boolean): Array<PatternMatch<T>> {
    if (words.vocabulary !== this.vocabulary) throw new Error('Words read by another vocabulary');
    const atomSets = masked.size === 0 ? words.atomSets : words.atomSets.map((atoms, position) => (masked.has(position) ? NO_ATOMS : atoms));
    const matches: Array<PatternMatch<T>> = [];
    const count = this.patterns.length;
    this.compiled ??= this.compile();
    const { byFirstAtom, needsFrom, needs } = this.compiled;
    for (let start = 0; start < atomSets.length; start++) {
      // Each pattern is tried once per start, however many of the word's atoms it begins with.
      this.tried.clear(count);
      for (const atom of atomSets[start]) {
        const starting = byFirstAtom.get(atom);
        if (starting === undefined) continue;
        for (let k = 0; k < starting.length; k++) {
          const index = starting[k];
          // Most patterns that start at a word need a later word the text does not have.
          if (!this.tried.mark(index) || !this.holdsAll(words, needs, needsFrom[index], needsFrom[index + 1])) continue;
          const { elements, value } = this.patterns[index];
          if (wanted !== undefined && !wanted(value)) continue;
          const end = this.matchFrom(elements, 0, start, atomSets);
          if (end !== undefined) matches.push({ value, start, end });
        }
      }
    }
    return matches;
  }

  /** Whether the words hold every place in `needs` from `from` to `to`. */
  private holdsAll(words: ReadWords, needs: Int32Array, from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!this.vocabulary.holds(words, needs[k])) return false;
    return true;
  }

  /**
   * The patterns by their first atom, and the places each needs, in typed arrays: thousands of patterns are looked at
   * for every long message, and small arrays scattered over the heap cost more to reach than to read.
   */
  private compile(): CompiledPatterns {
    const starting = new Map<number, number[]>();
    this.patterns.forEach(({ elements }, index) => {
      for (const atom of startsOf(elements[0])) pushTo(starting, atom, index);
    });
    const byFirstAtom = new Map<number, Int32Array>();
    for (const [atom, indices] of starting) byFirstAtom.set(atom, Int32Array.from(indices));
    const needsFrom = new Int32Array(this.patterns.length + 1);
    this.patterns.forEach(({ needs }, index) => {
      needsFrom[index + 1] = needsFrom[index] + needs.length;
    });
    return { byFirstAtom, needsFrom, needs: Int32Array.from(this.patterns.flatMap(({ needs }) => needs)) };
  }

  private matchFrom(elements: Element[], index: number, position: number, atomSets: ReadonlyArray<ReadonlySet<number>>): number | undefined {
    if (index === elements.length) return position;
    const element = elements[index];
    if (element.kind === 'gap') {
      for (let skip = 0; skip <= element.max && position + skip <= atomSets.length; skip += 1) {
        const end = this.matchFrom(elements, index + 1, position + skip, atomSets);
        if (end !== undefined) return end;
      }
      return undefined;
    }
    // Only the alternatives that start with one of this position's atoms can fit. The first one-word alternative
    // in the list's order stands for them all (each leads on from the same place), tried where it stands among the
    // several-word ones.
    let single = Number.POSITIVE_INFINITY;
    let several: Several[] = NO_SEVERAL;
    for (const atom of atomSets[position] ?? NO_ATOMS) {
      single = Math.min(single, element.single.get(atom) ?? single);
      const starting = element.several.get(atom);
      if (starting) several = several.length === 0 ? starting : [...several, ...starting].sort((a, b) => a.at - b.at);
    }
    for (const { at, words } of several) {
      if (single < at) {
        const end = this.matchFrom(elements, index + 1, position + 1, atomSets);
        if (end !== undefined) return end;
        single = Number.POSITIVE_INFINITY;
      }
      let fits = true;
      for (let offset = 0; fits && offset < words.length; offset++) fits = atomSets[position + offset]?.has(words[offset]) === true;
      if (!fits) continue;
      const end = this.matchFrom(elements, index + 1, position + words.length, atomSets);
      if (end !== undefined) return end;
    }
    return single === Number.POSITIVE_INFINITY ? undefined : this.matchFrom(elements, index + 1, position + 1, atomSets);
  }

  /**
   * The place ids of a pattern's words after its first, those with the fewest starting atoms first: a text that holds
   * none of one place's cannot match, and most patterns fail on their rarest place, so that is asked first.
   */
  private placesAfterFirst(elements: readonly Element[]): number[] {
    const places = elements.slice(1).flatMap((element) => (element.kind === 'words' ? [this.placeOf(element)] : []));
    return places.sort((a, b) => a.size - b.size).map(({ id }) => id);
  }

  private placeOf(element: Element): { id: number; size: number } {
    let place = this.placeOfElement.get(element);
    if (place === undefined) {
      const atoms = [...startsOf(element)];
      place = { id: this.vocabulary.placeId(atoms), size: atoms.length };
      this.placeOfElement.set(element, place);
    }
    return place;
  }

  /** The element a part is written as, built once: elements are only read once built. */
  private elementWritten(part: string, pattern: string): Element {
    let element = this.elementsWritten.get(part);
    if (element === undefined) {
      element = this.element(part, pattern);
      this.elementsWritten.set(part, element);
    }
    return element;
  }

  private element(part: string, pattern: string): Element {
    const gap = /^~(~|\d+)?$/.exec(part);
    if (gap) return { kind: 'gap', max: gap[1] === '~' ? 6 : gap[1] ? Number(gap[1]) : 3 };
    const alternatives = part.split('|').flatMap((alternative) => {
      if (!alternative.startsWith('@')) return [alternative];
      const group = this.groups[alternative.slice(1)];
      if (!group) throw new Error(`Pattern "${pattern}" names an unknown group ${alternative}`);
      return group;
    });
    const single = new Map<number, number>();
    const several = new Map<number, Several[]>();
    alternatives.forEach((alternative, at) => {
      const words = alternative.split('+').map((word) => this.vocabulary.atomId(word, pattern));
      if (words.length > 1) pushTo(several, words[0], { at, words });
      else if (!single.has(words[0])) single.set(words[0], at);
    });
    return { kind: 'words', single, several };
  }
}

interface CompiledPatterns {
  /** The patterns by the atoms they may start with, in the order they were added. */
  byFirstAtom: ReadonlyMap<number, Int32Array>;
  /** Pattern i needs the places `needs[needsFrom[i]]` to `needs[needsFrom[i + 1] - 1]`. */
  needsFrom: Int32Array;
  needs: Int32Array;
}

/**
 * Which of a number of items are marked, cleared in constant time: each mark is the number of the round it was made
 * in, so clearing starts a new round instead of a new set (the whole array is zeroed once in 2³² rounds).
 */
class Marks {
  private rounds = new Uint32Array(0);
  private round = 0;

  /** Forgets every mark, for this many items. */
  clear(count: number): void {
    if (this.rounds.length !== count) this.rounds = new Uint32Array(count);
    this.round = (this.round + 1) >>> 0;
    if (this.round === 0) {
      this.rounds.fill(0);
      this.round = 1;
    }
  }

  /** Marks an item; whether it was not marked yet. */
  mark(index: number): boolean {
    if (this.rounds[index] === this.round) return false;
    this.rounds[index] = this.round;
    return true;
  }
}

const NO_ATOMS: ReadonlySet<number> = new Set();
const NO_SEVERAL: Several[] = [];
const NO_IDS: readonly number[] = [];
const NO_AFFIXES: ReadonlyArray<{ id: number; text: string }> = [];
const NO_TYPOS: ReadonlyArray<{ id: number; atom: Atom }> = [];
const NO_POSITIONS: ReadonlySet<number> = new Set();

/** Folded text where an apostrophe inside a word keeps it one word: "can't" is "cant", "sms'et" "smset". */
function foldWords(text: string): string {
  return fold(text.replace(/(\p{L})['’`´](\p{L})/gu, '$1$2'));
}

/**
 * Which atoms a word matches, without trying every atom: exact words and prefixes are looked up, and
 * only the few long words that forgive a typo, and the compound endings, are compared one by one.
 */
class AtomIndex {
  private readonly exact = new Map<string, number[]>();
  /** Prefixes by their first two letters (a one-letter prefix by its letter): a word meets only the few it could start with. */
  private readonly prefixes = new Map<string, Array<{ id: number; text: string }>>();
  /**
   * Long atoms that forgive a typo, by their first four letters and by their sixth to eighth: one typo in a word of at
   * least eight letters leaves one of the two in place, the second moved by a letter at most.
   */
  private readonly typoTolerant = new Map<string, Array<{ id: number; atom: Atom }>>();
  /** Compound endings by their last two letters (a one-letter ending by its letter): a word meets only those it could end with. */
  private readonly suffixes = new Map<string, Array<{ id: number; text: string }>>();

  constructor(atoms: readonly Atom[]) {
    atoms.forEach((atom, id) => {
      if (atom.suffix) pushTo(this.suffixes, atom.text.slice(-2), { id, text: atom.text });
      else if (atom.prefix) pushTo(this.prefixes, atom.text.slice(0, 2), { id, text: atom.text });
      else pushTo(this.exact, atom.text, id);
      if (!atom.suffix && atom.text.length >= FUZZY_MIN_LENGTH && !/\d/.test(atom.text)) {
        pushTo(this.typoTolerant, `<${atom.text.slice(0, 4)}`, { id, atom });
        pushTo(this.typoTolerant, `>${atom.text.slice(5, 8)}`, { id, atom });
      }
    });
  }

  /**
   * A pattern word's atoms, by its id, found once: nearly every word of a message is one ("jeg", "har", "piller"). Kept
   * by the id of the pattern word it equals, so nothing of a message's own words stays after the call.
   */
  private readonly ofPatternWord = new Map<number, ReadonlySet<number>>();

  atomsOf(token: string): ReadonlySet<number> {
    const patternWord = this.exact.get(token)?.[0];
    const known = patternWord === undefined ? undefined : this.ofPatternWord.get(patternWord);
    if (known) return known;
    const ids = this.atomsFound(token);
    if (patternWord !== undefined) this.ofPatternWord.set(patternWord, ids);
    return ids;
  }

  private atomsFound(token: string): Set<number> {
    const ids = new Set<number>(this.exact.get(token));
    for (const key of token.length > 1 ? [token.slice(0, 2), token[0]] : [token]) {
      for (const { id, text } of this.prefixes.get(key) ?? NO_AFFIXES) if (token.startsWith(text)) ids.add(id);
    }
    for (const key of token.length > 1 ? [token.slice(-2), token.slice(-1)] : [token]) {
      for (const { id, text } of this.suffixes.get(key) ?? NO_AFFIXES) if (token.endsWith(text)) ids.add(id);
    }
    // A typo in a long word or prefix leaves a token of at least its length less one: shorter ones need no look.
    if (token.length < FUZZY_MIN_LENGTH - 1) return ids;
    for (const key of [`<${token.slice(0, 4)}`, `>${token.slice(4, 7)}`, `>${token.slice(5, 8)}`, `>${token.slice(6, 9)}`]) {
      for (const { id, atom } of this.typoTolerant.get(key) ?? NO_TYPOS) {
        if (!ids.has(id) && keepsALeadingLetter(token, atom.text) && withTypo(token, atom)) ids.add(id);
      }
    }
    return ids;
  }
}

/** The atoms a words element can start with. */
function startsOf(element: Element): Set<number> {
  return element.kind === 'words' ? new Set([...element.single.keys(), ...element.several.keys()]) : new Set();
}

/** The inverse of the places: for each atom, the places that hold it. */
function placesByAtom(places: ReadonlyArray<readonly number[]>): Array<number[] | undefined> {
  const byAtom: Array<number[] | undefined> = [];
  places.forEach((atoms, place) => {
    for (const atom of atoms) {
      byAtom[atom] ??= [];
      byAtom[atom].push(place);
    }
  });
  return byAtom;
}

/**
 * Whether the token keeps the atom's first or second letter in place, or has the first two swapped. A typo that drops
 * the first letter ("nconscious") is not forgiven: that was the rule when atoms were looked up by those letters.
 */
function keepsALeadingLetter(token: string, atom: string): boolean {
  return token[0] === atom[0] || token[1] === atom[1] || token[1] === atom[0];
}

/** A long word or prefix with one typo ("unconsious", "selvmors…"); a shorter word that merely starts the same is not one. */
function withTypo(token: string, { text, prefix }: Atom): boolean {
  if (Math.abs(token.length - text.length) > 1 && !prefix) return false;
  if (!prefix) return withinOneEdit(token, text);
  // The token's start, one letter shorter than the prefix, one as long or one longer, with one typo; a start that is
  // the prefix less its last letter is a shorter word ("selvmo"), not a typo.
  const shorter = text.length - 1;
  if (token.length >= shorter && !sameFrom(token, 0, text, 0, shorter) && withinOneEdit(token, text, shorter)) return true;
  return (
    (token.length >= text.length && withinOneEdit(token, text, text.length)) || (token.length > text.length && withinOneEdit(token, text, text.length + 1))
  );
}
