import type { Aspect, Audience, Language, Substance } from '../content/content-schema';
import type { AgeGroup } from '../nlu/age-group';
import type { ConversationContext, Reading } from '../nlu/recognizer';
import { type Evidence, evidenceSchema } from '../nlu/softmax-classifier';

export interface LastAnswer {
  topicId: string;
  subjectId?: string;
  aspect?: Aspect;
}

/**
 * Everything the bot remembers about a conversation: no message text, nothing about the person,
 * only what the next answer depends on.
 */
export interface ConversationProfile {
  language?: Language;
  audience?: Audience;
  /** The treatment or service the conversation is about, for follow-ups such as "what does it cost?". */
  subjectId?: string;
  /**
   * How the last question was read: its likeliest topics and their probabilities, never its words. A
   * short follow-up ("can he get it at his age?") is read together with it.
   */
  lastReading?: Reading;
  /**
   * What the last message the classifier read said to it: a few label scores, rounded, never its words. Kept across
   * a thanks, a command or an emergency reply, as the last reading is, so "tak. og hvad så nu?" is read with it.
   */
  lastSaid?: Evidence;
  /** The age group of the person asked about ("min søn på 17" → young), never the age. */
  ageGroup?: AgeGroup;
  /** The writer's own age group, where they gave their age, never the age: their parents named later are not asked about as a relative. */
  writerAgeGroup?: AgeGroup;
  /** Alcohol alone, or drugs once any is named, never which drug: a follow-up that names none is read with it. */
  substance?: Substance;
  /** The aspect last answered ("what does day treatment cost?"), for "og døgn?" next. */
  lastAspect?: Aspect;
  /** Which content answered last (ids only), so "kan du sige det på engelsk?" repeats it in English. */
  lastAnswer?: LastAnswer;
  /** How often the bot has asked "did you mean…?" here, so it does not ask in the same words each time. */
  clarifications?: number;
  /** Whether the bot has said, once, that it does not need and has not kept personal data. */
  personalDataNoticeGiven?: boolean;
  /** The booking dialog has asked for a call-back number, so a phone number now is expected, not a slip. */
  expectsPhoneNumber?: boolean;
  /** How many bookings this conversation has made, for the limit per conversation; never which. */
  bookingsMade?: number;
}

/**
 * The last reading as kept: four decimals are more than a follow-up's reading with it can tell apart, and every
 * further digit is kept for every idle conversation (issue 15: heap per idle conversation).
 */
export function storedReading(reading: Reading): Reading {
  return reading.map(([label, probability]) => [label, Math.round(probability * 10_000) / 10_000]);
}

/** What the recogniser reads a message with: how the last question was read, the age group, the audience and the substance. */
export function recognitionContextOf(profile: ConversationProfile): ConversationContext {
  return {
    previous: profile.lastReading,
    // Evidence of another shape (state written by another version) is not read with.
    said: evidenceSchema.safeParse(profile.lastSaid).success ? profile.lastSaid : undefined,
    ageGroup: profile.ageGroup,
    audience: profile.audience,
    writerAgeGroup: profile.writerAgeGroup,
    substance: profile.substance,
  };
}
