import type { Activity } from 'botbuilder';
import type { CrisisExample } from '../../src/content/crisis-schema';
import { buttonTitles, keysOf, metaOf } from './test-app';

/*
 * How an emergency message is answered, read as the crisis suite and `npm run eval:crisis` both read it: through
 * the bot's real entry point (replyTo in test-app), in a new conversation, after any earlier messages.
 */

/** The tier the replies give: the emergency reply, the line of numbers before an answer, or neither. */
export function repliedTier(replies: Array<Partial<Activity>>): 'acute' | 'concern' | 'none' {
  const keys = keysOf(replies);
  return keys.includes('crisis.acute') ? 'acute' : keys.includes('crisis.concern') ? 'concern' : 'none';
}

/** What is wrong with the replies to an acute message (112 first, the helplines for its kind), or undefined when they are right. */
export function acuteProblem(example: CrisisExample, replies: Array<Partial<Activity>>): string | undefined {
  const [reply] = replies;
  if (replies.length !== 1 || metaOf(reply).key !== 'crisis.acute') return `got ${keysOf(replies).join(' + ')}`;
  const text = reply.text ?? '';
  if (!text.startsWith('**') || !text.includes('[112](tel:112)') || !['Ring 112', 'Call 112'].includes(buttonTitles(reply)[0])) {
    return '112 is not first';
  }
  if (example.suicide && !text.includes('[70 201 201](tel:+4570201201)')) return 'no Livslinien';
  if (example.poisoning && !text.includes('[82 12 12 12](tel:+4582121212)')) return 'no Giftlinjen';
  if (/CPR/.test(text)) return 'mentions CPR';
  return undefined;
}
