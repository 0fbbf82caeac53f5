import type { ReplyMeta } from '../conversation/reply';

export type Feedback = 'helped' | 'not_helped';

/**
 * One thing worth counting about the guide's use. Every value is a content id, an aspect or a word from
 * the fixed lists below, never something a user wrote, and nothing says which conversation it was.
 */
export type UsageEvent =
  | { metric: 'answer'; topic: string; aspect: string }
  | { metric: 'reply'; kind: 'clarification' | 'out_of_scope' }
  | { metric: 'emergency'; tier: 'acute' | 'concern' }
  | { metric: 'handoff'; to: 'phone' | 'booking' }
  | { metric: 'booking'; event: 'made' | 'cancelled' }
  | { metric: 'feedback'; answer: Feedback; via: 'chat' | 'page' };

/** Which kind of emergency reply, by its content key. */
const EMERGENCY_TIERS: Record<string, 'acute' | 'concern'> = { 'crisis.acute': 'acute', 'crisis.concern': 'concern' };
/** Booking events, by the reply that confirms them. */
const BOOKING_EVENTS: Record<string, 'made' | 'cancelled'> = { 'booking.booked': 'made', 'booking.cancelled': 'cancelled' };
/** Hand-offs to a person: Pitstop's phone answer, or the start of a booking. */
const HANDOFFS: Record<string, 'phone' | 'booking'> = { 'topics.contact.answer': 'phone', 'booking.intro': 'booking' };
/** Whether an answer helped, said in words in the chat ("det hjalp", "that didn't help"), by the reply to it. */
const FEEDBACK_REPLIES: Record<string, Feedback> = { 'ui.helpful': 'helped', 'ui.notHelpful': 'not_helped' };
/** Replies that are not answers: "did you mean…?" and "that is not in the documents". */
const NON_ANSWERS: Record<string, 'clarification' | 'out_of_scope'> = { 'ui.clarify': 'clarification', 'ui.outOfScope': 'out_of_scope' };

/** What one reply counts as, by its content metadata (channelData.pitstop): the one mapping the prom counters and the weekly counts share. */
export function classifyReply(meta: ReplyMeta, topicIds: ReadonlySet<string>): UsageEvent[] {
  const { key, topicId, aspect } = meta;
  const events: UsageEvent[] = [];
  if (Object.hasOwn(EMERGENCY_TIERS, key)) events.push({ metric: 'emergency', tier: EMERGENCY_TIERS[key] });
  if (Object.hasOwn(BOOKING_EVENTS, key)) events.push({ metric: 'booking', event: BOOKING_EVENTS[key] });
  if (Object.hasOwn(HANDOFFS, key)) events.push({ metric: 'handoff', to: HANDOFFS[key] });
  if (Object.hasOwn(FEEDBACK_REPLIES, key)) events.push({ metric: 'feedback', answer: FEEDBACK_REPLIES[key], via: 'chat' });
  if (Object.hasOwn(NON_ANSWERS, key)) events.push({ metric: 'reply', kind: NON_ANSWERS[key] });
  if (topicId && topicIds.has(topicId)) events.push({ metric: 'answer', topic: topicId, aspect: aspect ?? 'none' });
  return events;
}
