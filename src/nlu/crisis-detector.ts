import type { CrisisContent, CrisisKind, CrisisModifier, CrisisTier } from '../content/crisis-schema';
import { escapeRegExp } from '../text/escape-reg-exp';
import { CRISIS_THRESHOLDS, type CrisisClassifier } from './crisis-classifier';
import { type PatternMatch, PatternVocabulary, type ReadWords, TokenPatterns } from './token-patterns';

/** How urgent a message is: `acute` gets the emergency reply alone, `concern` a line of numbers before the answer. */
export interface CrisisAssessment {
  tier: CrisisTier | 'none';
  /** What the danger is about, to choose the numbers: Giftlinjen for poisoning, Livslinien for suicide. */
  kinds: CrisisKind[];
}

export const NO_CRISIS: CrisisAssessment = { tier: 'none', kinds: [] };

interface Signal {
  kind: CrisisKind;
  tier: CrisisTier;
  urgentWith: string[];
  downgradedBy: string[];
  lowest: Tier;
}

/** What the patterns found: the tier, its kinds, and whether a sign of danger now was among them. */
interface PatternVerdict extends CrisisAssessment {
  vitalSign: boolean;
}

type Tier = CrisisTier | 'none';
const TIER_RANK: Record<Tier, number> = { none: 0, concern: 1, acute: 2 };

/** The presentation selector after many emoji ("⚰️"): content lists each emoji without it. */
const EMOJI_PRESENTATION = /\uFE0F/g;

/** A question, or a mark of something finished well, beside a message of `suicideAlone` ("its done?", "det er gjort ✅"). */
const NOT_ALONE_MARKS = /[?✅✔☑👍👌🎉🥳😊🙂😀😃😄😁]/u;

/**
 * High-recall emergency recognition from content/crisis.json. Each sentence is searched for danger
 * signals (lay words for an overdose, poisoning of a child, suicide said directly or indirectly), and
 * the whole message for combinations (a toddler + swallowed + pills). A signal's tier is lowered only
 * by a frame that content names near it (a preparation question, a topic such as statistics, a habit,
 * a long-past event, a fear of what might happen); where the message says it is happening now, only a
 * past or resolved event lowers it. Harmless idioms ("jeg døde af grin") are masked first.
 */
export class CrisisDetector {
  private readonly signals: TokenPatterns<Signal>;
  private readonly combinations: Array<{ signal: Signal; parts: number[] }>;
  /** Every part of every combination in one set, a match naming its part: each sentence is searched once, not once per part. */
  private readonly combinationParts: TokenPatterns<number>;
  /** By part, the combination it belongs to (each part belongs to one). */
  private readonly combinationOfPart: number[] = [];
  /** Whole messages, folded, that alone are an emergency (content `suicideAlone`), and words that may stand beside them. */
  private readonly suicideAlone: ReadonlySet<string>;
  private readonly suicideAloneBeside: ReadonlySet<string>;
  private readonly longestAlone: number;
  private readonly masks: TokenPatterns<true>;
  private readonly unmaskers: TokenPatterns<true>;
  private readonly substances: TokenPatterns<true>;
  private readonly modifiers: TokenPatterns<string>;
  private readonly modifierRules: Record<string, CrisisModifier>;
  private readonly cappedBy: string[];
  private readonly cappedMessageBy: string[];
  private readonly firmlyCappedBy: string[];
  private readonly quietBy: string[];
  private readonly quietMessageBy: string[];
  /** Content's emoji, any of them, and the word each is read as. */
  private readonly emoji?: { pattern: RegExp; words: ReadonlyMap<string, string> };

  constructor(
    content: CrisisContent,
    /** A second opinion for wordings no pattern knows; without one, patterns alone decide. */
    private readonly classifier?: CrisisClassifier,
    /** One vocabulary for all of the detector's pattern sets: each sentence is read once. */
    private readonly vocabulary = new PatternVocabulary(),
  ) {
    const { groups } = content;
    this.signals = new TokenPatterns<Signal>(groups, this.vocabulary);
    for (const { patterns, ...rule } of content.signals) {
      patterns.forEach((pattern) => this.signals.add(pattern, rule));
    }
    const combinationParts = new TokenPatterns<number>(groups, this.vocabulary);
    let parts = 0;
    this.combinations = content.combinations.map(({ all, ...rule }, combination) => ({
      signal: { ...rule, urgentWith: [] },
      parts: all.map((alternatives) => {
        const part = parts++;
        this.combinationOfPart[part] = combination;
        alternatives.forEach((pattern) => combinationParts.add(pattern, part));
        return part;
      }),
    }));
    this.combinationParts = combinationParts;
    this.suicideAlone = new Set(content.suicideAlone.map((message) => TokenPatterns.tokens(message).join(' ')));
    this.suicideAloneBeside = new Set(content.suicideAloneBeside.flatMap((word) => TokenPatterns.tokens(word)));
    this.longestAlone = Math.max(0, ...[...this.suicideAlone].map((message) => message.split(' ').length));
    this.masks = new TokenPatterns<true>(groups, this.vocabulary);
    content.masks.forEach((pattern) => this.masks.add(pattern, true));
    this.unmaskers = new TokenPatterns<true>(groups, this.vocabulary);
    content.unmaskedBy.forEach((pattern) => this.unmaskers.add(pattern, true));
    this.substances = new TokenPatterns<true>(groups, this.vocabulary);
    content.substances.forEach((pattern) => this.substances.add(pattern, true));
    this.modifiers = new TokenPatterns<string>(groups, this.vocabulary);
    this.modifierRules = content.modifiers;
    this.cappedBy = content.classifierCappedBy;
    this.cappedMessageBy = content.classifierCappedMessageBy;
    this.firmlyCappedBy = content.classifierFirmlyCappedBy;
    this.quietBy = content.classifierQuietBy;
    this.quietMessageBy = content.classifierQuietMessageBy;
    for (const [name, modifier] of Object.entries(content.modifiers)) modifier.patterns.forEach((pattern) => this.modifiers.add(pattern, name));
    const emoji = Object.entries(content.emojiWords).map(([symbol, word]) => [symbol.replace(EMOJI_PRESENTATION, ''), word] as const);
    if (emoji.length > 0) {
      // Longest first, so that an emoji made of several code points is read whole.
      const alternatives = emoji.map(([symbol]) => escapeRegExp(symbol)).sort((a, b) => b.length - a.length);
      this.emoji = { pattern: new RegExp(alternatives.join('|'), 'gu'), words: new Map(emoji) };
    }
  }

  /** The message with content's emoji written as words ("💊💊 farvel" as " piller  piller  farvel"). */
  private emojiAsWords(text: string): string {
    const emoji = this.emoji;
    if (emoji === undefined) return text;
    return text.replace(EMOJI_PRESENTATION, '').replace(emoji.pattern, (symbol) => ` ${emoji.words.get(symbol)} `);
  }

  /**
   * The patterns' verdict, raised by the classifier where it is surer. A frame the patterns recognise in the message
   * keeps the classifier at a concern: one that is the context of the rest ("she's fine now": `classifierCappedMessageBy`)
   * in any case, another ("not planning anything, just curious": `classifierCappedBy`) where the message without its
   * sentence is no emergency to the classifier. A frame that says what its own sentence is about (a football table, wine
   * spilt on the sofa: `classifierQuietBy`) keeps that sentence from it, and a question about the guide's help whose
   * context is the rest ("can she stay somewhere? she can't cope at home": `classifierQuietMessageBy`) the whole message.
   * None of these holds where a sign of danger now was seen or the classifier is all but certain; a frame that says the
   * danger is not now or not meant (`classifierFirmlyCappedBy`: "not tonight", a joke) keeps it at a concern however
   * sure it is. Below all but certain the classifier's emergency also needs its second model to find the message a
   * little worrying, else it gives the line (a relearnt first model puts a few plain questions just over its threshold).
   * Raised by the classifier alone, the danger's kind is unknown, so both helplines are named.
   */
  assess(text: string): CrisisAssessment {
    if (this.saysItAlone(text)) return { tier: 'acute', kinds: ['suicide'] };
    const sentences = sentencesOf(this.emojiAsWords(text))
      .map((sentence) => this.analyse(sentence))
      .filter(({ words }) => words.atomSets.length > 0);
    const inMessage = new Set(sentences.flatMap(({ modifiers }) => modifiers.map(({ value }) => value)));
    const { vitalSign, ...found } = this.patternAssessment(sentences, inMessage);
    if (found.tier === 'acute') return found;
    const whole = this.classifier?.acuteProbability(text) ?? 0;
    const framedBy = (names: readonly string[]): boolean => !vitalSign && names.some((name) => inMessage.has(name));
    // Most frames are a few words that often stand beside harmless messages ("is it normal", "for a friend"); beside
    // a knife, 40 paracetamol or a child who chewed a patch they silenced the emergency reply, so an all but certain
    // classifier outweighs them.
    const certain = whole >= CRISIS_THRESHOLDS.certain;
    if (!certain && framedBy(this.quietMessageBy)) return found;
    // A sentence-quiet frame kept the classifier from the whole message once: glued before emergencies only the
    // classifier knew, "how do I remember to take all my pills?" or "we all got home fine" silenced about one in ten.
    const quiet = !certain && framedBy(this.quietBy);
    const read = quiet ? this.withoutSentencesFramedBy(sentences, this.quietBy) : text;
    const probability = !quiet ? whole : read === '' ? 0 : (this.classifier?.acuteProbability(read) ?? 0);
    const cappedWhole = framedBy(this.firmlyCappedBy) || (!certain && framedBy(this.cappedMessageBy));
    const cappedSentence = !certain && framedBy(this.cappedBy);
    const capped = cappedWhole || cappedSentence;
    // A sentence cap speaks for its own sentence: "not planning anything dodgy, just curious." glued before an emergency
    // only the classifier knew lowered it to the line. Where the rest of the message alone is an emergency, it is one.
    if (probability >= CRISIS_THRESHOLDS.acute) {
      const unread = quiet ? [...this.quietBy, ...this.cappedBy] : this.cappedBy;
      const heldBack = cappedWhole || (cappedSentence && !this.acuteWithout(sentences, unread));
      if (!heldBack && this.classifier?.confirmsEmergency(read, probability)) return { tier: 'acute', kinds: [] };
    }
    if (found.tier !== 'none') return found;
    // Worrying in words no pattern knows gets the line of numbers; a capping frame keeps the second model out ("a
    // resident took an overdose a few days ago but feels fine now": a staff question the second reads as worrying).
    return this.classifier?.worries(read, probability, capped) ? { tier: 'concern', kinds: [] } : found;
  }

  /**
   * Whether the message is one of `suicideAlone`, with at most words of `suicideAloneBeside` before or after it. Not a
   * question ("its done?") nor a message with a mark of something finished well ("det er gjort ✅").
   */
  private saysItAlone(text: string): boolean {
    if (NOT_ALONE_MARKS.test(text)) return false;
    const words = TokenPatterns.tokens(text);
    const count = words.length;
    let lead = 0;
    while (lead < count && this.suicideAloneBeside.has(words[lead])) lead += 1;
    let trail = 0;
    while (trail < count - lead && this.suicideAloneBeside.has(words[count - 1 - trail])) trail += 1;
    // The message itself starts within the words beside it and ends within those after (a word of both kinds may belong
    // to it: "nu er det gjort"); only cuts as long as a listed message are looked up, so a long run of "nu nu nu …"
    // costs a few comparisons per word, not a string per cut.
    for (let start = 0; start <= lead; start++) {
      for (let end = Math.max(start + 1, count - trail); end <= Math.min(count, start + this.longestAlone); end++) {
        if (this.suicideAlone.has(words.slice(start, end).join(' '))) return true;
      }
    }
    return false;
  }

  private patternAssessment(sentences: Sentence[], inMessage: ReadonlySet<string>): PatternVerdict {
    const all = [...sentences.flatMap((sentence) => this.signalsIn(sentence, inMessage)), ...this.combinationsIn(sentences, inMessage)];
    const vitalSign = all.some(({ lowest }) => lowest !== 'none');
    const found = all.filter(({ tier }) => tier !== 'none');
    const tier = found.reduce<Tier>((highest, item) => (TIER_RANK[item.tier] > TIER_RANK[highest] ? item.tier : highest), 'none');
    if (tier === 'none') return { ...NO_CRISIS, vitalSign };
    // Every danger named counts for the numbers: an overdose taken "to make it stop" also gets Livslinien,
    // and pills or drugs in a suicide message also get Giftlinjen.
    const kinds = new Set(found.map(({ kind }) => kind));
    if (kinds.has('suicide') && sentences.some(({ words, masked }) => this.substances.findIn(words, masked).length > 0)) kinds.add('poisoning');
    return { tier, kinds: [...kinds], vitalSign };
  }

  /** The message without the sentences these frames stand in, as the classifier reads it. */
  private withoutSentencesFramedBy(sentences: Sentence[], frames: readonly string[]): string {
    const others = sentences.filter(({ modifiers }) => !modifiers.some(({ value }) => frames.includes(value)));
    return others.map(({ text }) => text).join('. ');
  }

  /** Whether the classifier reads the message as an emergency without the sentences these frames stand in. */
  private acuteWithout(sentences: Sentence[], frames: readonly string[]): boolean {
    const rest = this.withoutSentencesFramedBy(sentences, frames);
    return rest !== '' && (this.classifier?.acuteProbability(rest) ?? 0) >= CRISIS_THRESHOLDS.acute;
  }

  private analyse(text: string): Sentence {
    const words = this.vocabulary.read(TokenPatterns.tokens(text));
    const masked = new Set(this.masks.findIn(words).flatMap(({ start, end }) => range(start, end)));
    // "skar mig på et dåselåg med vilje" is no accident: a sentence that says the act was deliberate is read unmasked.
    const deliberate = masked.size > 0 && this.unmaskers.findIn(words, masked).length > 0;
    return { text, words, masked: deliberate ? new Set() : masked, modifiers: this.modifiers.findIn(words) };
  }

  /** Signals in one sentence, each with the modifiers near it (or anywhere in the message, where content says so). */
  private signalsIn({ words, masked, modifiers }: Sentence, inMessage: ReadonlySet<string>): Found[] {
    return this.signals.findIn(words, masked).map(({ value: signal, start, end }) => {
      const near = (name: string): boolean => {
        const rule = this.modifierRules[name];
        if (rule?.anywhere) return inMessage.has(name);
        if (rule === undefined) return false;
        // A modifier that only counts after a signal ("…if I leave him") must start after it, not inside it.
        const counts = (m: PatternMatch<string>): boolean => (rule.before === 0 ? m.start >= end : m.end > start - rule.before) && m.start < end + rule.after;
        // A lasting frame before a "now" belongs to an earlier clause: "min bror døde sidste år, og nu vil jeg
        // ikke leve mere" is no past danger.
        const cutByNow = (m: PatternMatch<string>): boolean =>
          rule.lasting === true && m.end <= start && modifiers.some((n) => n.value === 'now' && n.start >= m.end && n.end <= start);
        // A "now" in a frame's own words ("hun har det fint nu", "sober now") belongs to the frame, not to the danger.
        const insideFrame = (n: PatternMatch<string>): boolean =>
          modifiers.some((m) => m.value !== 'now' && signal.downgradedBy.includes(m.value) && m.start <= n.start && n.end <= m.end);
        return modifiers.some((m) => m.value === name && counts(m) && !cutByNow(m) && !(name === 'now' && insideFrame(m)));
      };
      return { kind: signal.kind, tier: this.tierOf(signal, near), lowest: signal.lowest };
    });
  }

  /** A combination holds when every part is found somewhere in the message; any modifier in it counts. */
  private combinationsIn(sentences: Sentence[], inMessage: ReadonlySet<string>): Found[] {
    // Searched for only the parts of combinations whose every part the message could hold: in most messages none
    // (of thousands of parts, a 600-character message could hold a few dozen).
    const possible = new Set(sentences.flatMap(({ words }) => [...this.combinationParts.possibleIn(words)]));
    const wanted = new Set(this.combinationsOf(possible).flatMap(({ parts }) => parts));
    if (wanted.size === 0) return [];
    const isWanted = (part: number): boolean => wanted.has(part);
    const found = new Set(sentences.flatMap(({ words, masked }) => this.combinationParts.findIn(words, masked, isWanted).map(({ value }) => value)));
    return this.combinationsOf(found).map(({ signal }) => ({
      kind: signal.kind,
      tier: this.tierOf(signal, (name) => inMessage.has(name)),
      lowest: signal.lowest,
    }));
  }

  /** The combinations all of whose parts are among these: counted from the parts (each belongs to one), not asked of all. */
  private combinationsOf(parts: ReadonlySet<number>): Array<{ signal: Signal; parts: number[] }> {
    const counts = new Map<number, number>();
    for (const part of parts) counts.set(this.combinationOfPart[part], (counts.get(this.combinationOfPart[part]) ?? 0) + 1);
    return [...counts]
      .filter(([combination, count]) => count === this.combinations[combination].parts.length)
      .map(([combination]) => this.combinations[combination]);
  }

  private tierOf(signal: Signal, near: (modifier: string) => boolean): Tier {
    const applicable = signal.downgradedBy.filter(near);
    const lasting = applicable.filter((name) => this.modifierRules[name]?.lasting);
    const now = near('now') && !near('notNow');
    const urgent = signal.urgentWith.some((name) => (name === 'now' ? now : near(name)));
    const start: Tier = urgent && lasting.length === 0 ? 'acute' : signal.tier;
    const lowered = (now ? lasting : applicable).reduce<Tier>((tier, name) => {
      const effect = this.modifierRules[name]?.effect;
      return effect && TIER_RANK[effect] < TIER_RANK[tier] ? effect : tier;
    }, start);
    return TIER_RANK[lowered] < TIER_RANK[signal.lowest] ? signal.lowest : lowered;
  }
}

interface Found {
  kind: CrisisKind;
  tier: Tier;
  lowest: Tier;
}

interface Sentence {
  text: string;
  words: ReadWords;
  /** Positions inside a harmless idiom, never part of a signal. */
  masked: ReadonlySet<number>;
  modifiers: Array<PatternMatch<string>>;
}

/**
 * Sentences as people end them: question or exclamation mark, line break, semicolon, or a full stop before a space
 * ("15.000" stays one). A number's full stop before a small letter is a Danish ordinal ("i 5. måned", "8. klasse").
 */
function sentencesOf(text: string): string[] {
  return text.split(/[!?;\n]+|(?<!\d)\.+(?=\s|$)|(?<=\d)\.+(?=\s*$|\s+[^\sa-zæøå])/);
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, index) => start + index);
}
