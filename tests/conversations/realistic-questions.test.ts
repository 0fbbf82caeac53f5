import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { App } from '../../src/app';
import { TestConversation, metaOf, testApp } from '../helpers/test-app';

/**
 * Questions as citizens, relatives, teenagers and staff write them, each written by a helper who read
 * only the documents and a description of the users. Round 1 guided this session's training phrases
 * (neighbour topics, "not in the documents", small talk); round 2 was never looked at before it was
 * measured. Both are held at the level first measured through the real entry point, so a change that
 * answers fewer of them fails.
 */
const question = z.object({
  text: z.string(),
  language: z.enum(['da', 'en']),
  expected: z.string(),
  polarity: z.enum(['yes', 'no']).nullable().optional(),
  context: z.array(z.string()).optional(),
  note: z.string().optional(),
});

/** Small-talk labels and the flows, by the reply key that answers them. */
const REPLY_KEYS: Record<string, string> = {
  social_greeting: 'ui.greeting',
  social_thanks: 'ui.thanks',
  social_bye: 'ui.goodbye',
  social_ok: 'ui.acknowledge',
  social_no: 'ui.decline',
  guide: 'guide.askWho',
  booking: 'booking.intro',
};
/** Topics that answer a label of the writers' list under another name. */
const TOPIC_OF_LABEL: Record<string, string> = { social_anger: 'frustration', social_no_answer: 'no_answer', social_human: 'robot' };

const ROUNDS = [
  { file: 'realistic-round1.json', name: 'round 1 (guided the training phrases)', floor: 225 },
  { file: 'realistic-round2.json', name: 'round 2 (held out)', floor: 213 },
];

let app: App;
beforeAll(async () => {
  app = await testApp();
});

function answers(expected: string, replies: Array<Partial<Activity>>): boolean {
  const last = replies[replies.length - 1];
  // A flow's retry prompt ("Vælg venligst en af knapperne") carries no content key and answers nothing.
  if (!last?.channelData) return false;
  const meta = metaOf(last);
  if (REPLY_KEYS[expected]) return meta.key === REPLY_KEYS[expected];
  const topic = TOPIC_OF_LABEL[expected] ?? expected;
  return meta.topicId === topic || meta.subjectId === topic;
}

describe('Realistic questions', () => {
  for (const { file, name, floor } of ROUNDS) {
    const questions = z.array(question).parse(JSON.parse(readFileSync(path.join(__dirname, '..', 'nlu', file), 'utf8')));

    it(`${name}: answers at least ${floor} of ${questions.length} with the expected answer, and no emergency reply`, async () => {
      let right = 0;
      for (const q of questions) {
        const conversation = new TestConversation(app, q.language === 'da' ? 'da-DK' : 'en-GB');
        for (const earlier of q.context ?? []) await conversation.say(earlier);
        const replies = await conversation.say(q.text);
        // The personal-data notice comes from the privacy guard and carries no content key.
        const keys = replies.map((reply) => (reply.channelData ? metaOf(reply).key : 'privacy-notice'));
        expect({ text: q.text, emergency: keys.includes('crisis.acute') }).toEqual({ text: q.text, emergency: false });
        if (answers(q.expected, replies)) right += 1;
      }
      expect(right).toBeGreaterThanOrEqual(floor);
    });
  }
});
