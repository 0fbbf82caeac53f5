import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { App } from '../../src/app';
import { outcomeOf } from '../helpers/realistic-questions';
import { keysOf, replyTo, testApp } from '../helpers/test-app';

/**
 * Questions written by the readers who checked each change to how the guide reads questions (seven sessions'
 * readers): each read a change's reading rules and wrote probes aimed at them — questions and follow-ups the rules
 * should read right, and questions sharing their cue words that mean something else — each with the topic that
 * answers it (one of two where either is right) and any earlier messages of the conversation. Written from the
 * rules, not blind: a regression set that a change to the reading runs against at once (they had lived on one machine).
 */
const questionsFile = z.object({
  questions: z.array(
    z.object({ reader: z.number().int(), expected: z.array(z.string()).min(1), context: z.array(z.string()).optional(), text: z.string().min(1) }),
  ),
});
const { questions } = questionsFile.parse(JSON.parse(readFileSync(path.join(__dirname, '..', 'nlu', 'reader-probes.json'), 'utf8')));

/**
 * As measured through the adapter at this session's end (2 291 questions: the 2 079 of seven sessions' readers, and reader
 * 30's 212 written against this session's reading rules, 147 of them right before the rules and 175 after): read
 * strictly, as the realistic rounds are (a "did you mean…?" is not an answer): 1 863 right, 336 wrong, 4 with the
 * emergency reply (the readers aimed at the rules' edges). The earlier readers' 2 079 are unchanged (1 688 right, 311
 * wrong). The floors hold it; raise them as the guide improves.
 */
const FLOOR = { right: 1863, wrong: 336, emergencies: 4 };

let app: App;
beforeAll(async () => {
  app = await testApp();
});

afterAll(() => app.close());

describe("Readers' questions (reading rules, a regression set)", () => {
  it(`answers at least ${FLOOR.right} of ${questions.length} right, at most ${FLOOR.wrong} wrong, at most ${FLOOR.emergencies} with the emergency reply`, async () => {
    const counts = { right: 0, wrong: 0, emergencies: 0 };
    for (const { expected, context, text } of questions) {
      const replies = await replyTo(app, { language: 'da', text, context });
      if (keysOf(replies).includes('crisis.acute')) counts.emergencies += 1;
      const outcomes = expected.map((label) => outcomeOf(app.content, label, replies));
      if (outcomes.includes('right')) counts.right += 1;
      else if (outcomes.every((outcome) => outcome === 'wrong')) counts.wrong += 1;
    }
    expect(counts).toEqual({
      right: Math.max(counts.right, FLOOR.right),
      wrong: Math.min(counts.wrong, FLOOR.wrong),
      emergencies: Math.min(counts.emergencies, FLOOR.emergencies),
    });
  });
});
