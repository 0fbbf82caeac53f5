import { z } from 'zod';

export const CRISIS_TIERS = ['acute', 'concern'] as const;
export type CrisisTier = (typeof CRISIS_TIERS)[number];

/** What a danger is about: it chooses the numbers (Giftlinjen for poisoning, Livslinien for suicide). */
export const CRISIS_KINDS = ['poisoning', 'suicide', 'violence'] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

const patternList = z.array(z.string().trim().min(1)).min(1);
const tierOrNone = z.enum([...CRISIS_TIERS, 'none']);

const signalRule = z.object({
  kind: z.enum(CRISIS_KINDS),
  tier: z.enum(CRISIS_TIERS),
  /** Modifiers (below) that may lower this signal's tier when they stand near it. */
  downgradedBy: z.array(z.string()).default([]),
  /**
   * The lowest tier modifiers may bring it to. Signs of danger now (not waking, not breathing, blue
   * lips) are never lowered below a concern, and with one the classifier is never held back.
   */
  lowest: tierOrNone.default('none'),
});

export const crisisModifierSchema = z
  .object({
    /** How many words before and after a signal the modifier may stand to count. */
    before: z.number().int().min(0).max(20),
    after: z.number().int().min(0).max(20),
    patterns: patternList,
    /** The tier a signal gets when this modifier stands near it; none for the "now" modifier. */
    effect: tierOrNone.optional(),
    /** Holds even where the message also says "now": a long-past or already resolved event. */
    lasting: z.boolean().optional(),
    /** Counts wherever it stands in the message, not only near the signal. */
    anywhere: z.boolean().optional(),
  })
  .strict();
export type CrisisModifier = z.infer<typeof crisisModifierSchema>;

export const crisisFileSchema = z
  .object({
    /**
     * Modifiers that keep the classifier from calling a message acute on its own, unless it is all but certain or reads
     * the message without their sentence as an emergency ("not planning anything dodgy, just curious." before one).
     */
    classifierCappedBy: z.array(z.string()).default([]),
    /**
     * Caps whose sentence is the context of the rest (a past, a resolved event, a question about the help): they hold the
     * whole message, unless the classifier is all but certain. They are the caps whose sentence left out gave ordinary
     * messages or concerns the emergency reply (README, "Emergencies").
     */
    classifierCappedMessageBy: z.array(z.string()).default([]),
    /**
     * Modifiers that keep the classifier from calling a message acute even where it is all but certain: they say the
     * danger is not now or not meant ("not tonight", a joke, a goodbye to the bottle), where the others (a question
     * whether something is normal, "for a friend") are only words that often stand beside harmless messages.
     */
    classifierFirmlyCappedBy: z.array(z.string()).default([]),
    /**
     * Modifiers that say their own sentence is about something else (a football table, wine spilt on the sofa): the
     * classifier reads the message without that sentence, unless it is all but certain of the whole.
     */
    classifierQuietBy: z.array(z.string()).default([]),
    /**
     * Modifiers whose sentence has the rest of the message as its context: most ask about the guide's help ("can she
     * stay somewhere while in treatment? she can't cope at home"), some report how things went. The classifier counts
     * only if all but certain. They are the quiet frames whose sentence left out gave ordinary messages a line or the
     * emergency reply (README, "Emergencies").
     */
    classifierQuietMessageBy: z.array(z.string()).default([]),
    groups: z.record(z.string().regex(/^[a-z]+$/), patternList),
    signals: z.array(
      signalRule
        .extend({
          patterns: patternList,
          /** Modifiers that make this concern acute ("now", "tonight", "doesn't answer the phone"). */
          urgentWith: z.array(z.string()).default([]),
        })
        .strict(),
    ),
    /** Signals made of parts found anywhere in the message; each part lists alternatives. */
    combinations: z.array(signalRule.extend({ all: z.array(patternList).min(2) }).strict()),
    /** Harmless idioms whose words can never be part of a signal ("døde af grin", "dying to know"). */
    masks: patternList,
    /**
     * Words that say a hurt was done on purpose ("med vilje", "on purpose"): no mask applies in their sentence, for
     * masks are for idioms and accidents ("skar mig på et dåselåg"), and a deliberate act is neither. A mask may hide
     * the words where they are denied ("ikke med vilje").
     */
    unmaskedBy: z.array(z.string().trim().min(1)).default([]),
    /**
     * Emoji read as words before the patterns look ("💊" as "piller", "😂" as "haha"), since folding drops them and some
     * messages say it all in emoji ("💊💊💊🍷 😴 farvel"). The classifier reads the message as written.
     */
    emojiWords: z.record(z.string().regex(/^[^\p{L}\p{N}\s]+$/u, 'an emoji, not letters'), z.string().trim().min(1)).default({}),
    /**
     * Whole messages that alone say a life is being ended ("its done", "det er gjort"): too short for a pattern, which
     * would also alarm "it's done on the phone", and too rare as anything else sent alone to risk silence.
     */
    suicideAlone: z.array(z.string().trim().min(1)).default([]),
    /** Words that may stand before or after one of those and leave it alone ("nu er det gjort. farvel", "so its done"). */
    suicideAloneBeside: z.array(z.string().trim().min(1)).default([]),
    /** Pills and drugs: an acute suicide message that names them also gets Giftlinjen's number. */
    substances: patternList,
    modifiers: z.record(z.string().regex(/^[a-zA-Z]+$/), crisisModifierSchema).refine((modifiers) => 'now' in modifiers, {
      message: 'a "now" modifier is required: it keeps a signal at its tier',
    }),
  })
  .strict()
  .superRefine((content, issues) => {
    // A misspelt modifier name would be ignored without a word, and a concern would never turn acute.
    const known = new Set(Object.keys(content.modifiers));
    const named = [
      ...content.signals.flatMap((signal, index) => [...signal.downgradedBy, ...signal.urgentWith].map((name) => ({ name, path: ['signals', index] }))),
      ...content.combinations.flatMap((combination, index) => combination.downgradedBy.map((name) => ({ name, path: ['combinations', index] }))),
      ...content.classifierCappedBy.map((name) => ({ name, path: ['classifierCappedBy'] })),
      ...content.classifierCappedMessageBy.map((name) => ({ name, path: ['classifierCappedMessageBy'] })),
      ...content.classifierFirmlyCappedBy.map((name) => ({ name, path: ['classifierFirmlyCappedBy'] })),
      ...content.classifierQuietBy.map((name) => ({ name, path: ['classifierQuietBy'] })),
      ...content.classifierQuietMessageBy.map((name) => ({ name, path: ['classifierQuietMessageBy'] })),
    ];
    for (const { name, path } of named) {
      if (!known.has(name)) issues.addIssue({ code: 'custom', path, message: `names no modifier: "${name}"` });
    }
  });
export type CrisisContent = z.infer<typeof crisisFileSchema>;

/**
 * Messages written by people who saw only the documents and a description of the users, each with the
 * tier it must get; the crisis classifier learns from them (tests/crisis keeps the newest round, never learnt).
 */
export const crisisExamplesFileSchema = z
  .object({
    messages: z.array(
      z
        .object({
          round: z.number().int().min(1),
          language: z.enum(['da', 'en']),
          tier: tierOrNone,
          suicide: z.boolean(),
          poisoning: z.boolean(),
          text: z.string().trim().min(1),
          /** Earlier messages in the same conversation, when the crisis comes mid-conversation. */
          context: z.array(z.string().min(1)).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type CrisisExample = z.infer<typeof crisisExamplesFileSchema>['messages'][number];
