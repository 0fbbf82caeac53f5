import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { App } from '../../src/app';
import { buttonTitles, metaOf, TestConversation, testApp } from '../helpers/test-app';

const expectation = z
  .object({
    key: z.string().optional(),
    topic: z.string().optional(),
    language: z.enum(['da', 'en']).optional(),
    contains: z.array(z.string()).default([]),
    buttons: z.array(z.string()).default([]),
  })
  .strict();

/** One expectation checks the turn's last reply; a list checks every reply of the turn, in order. */
const replies = z.union([expectation, z.array(expectation).min(1)]);

const phrasingFile = z
  .object({ name: z.string(), locale: z.string(), topic: z.string(), phrasings: z.array(z.string()).min(1), contains: z.array(z.string()).min(1) })
  .strict();

const scenarioFile = z
  .object({
    name: z.string(),
    locale: z.string(),
    turns: z.array(z.union([z.object({ user: z.string(), expect: replies }).strict(), z.object({ join: z.literal(true), expect: replies }).strict()])).min(1),
  })
  .strict();

type Expectation = z.infer<typeof expectation>;

function checkReply(reply: Partial<Activity> | undefined, expected: Expectation, where: string): void {
  expect(reply).toBeDefined();
  const meta = metaOf(reply as Partial<Activity>);
  const actual = { key: meta.key, topic: meta.topicId, language: meta.language, where };
  const wanted = {
    key: expected.key ?? meta.key,
    topic: expected.topic ?? meta.topicId,
    language: expected.language ?? meta.language,
    where,
  };
  expect(actual).toEqual(wanted);
  for (const text of expected.contains) expect(reply?.text).toContain(text);
  for (const title of expected.buttons) expect(buttonTitles(reply as Partial<Activity>)).toContain(title);
}

const files = ['da', 'en'].flatMap((language) =>
  readdirSync(path.join(__dirname, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.join(language, file)),
);

let app: App;
beforeAll(async () => {
  app = await testApp();
});

afterAll(() => app.close());

describe('Conversations', () => {
  it('has phrasing and scenario files in both languages', () => {
    expect(files.filter((file) => file.startsWith('da/')).length).toBeGreaterThan(30);
    expect(files.filter((file) => file.startsWith('en/')).length).toBeGreaterThan(30);
  });

  for (const file of files) {
    const raw: unknown = JSON.parse(readFileSync(path.join(__dirname, file), 'utf8'));
    const phrasings = phrasingFile.safeParse(raw);
    if (phrasings.success) {
      const { topic, locale, contains } = phrasings.data;
      describe(file, () => {
        for (const phrasing of phrasings.data.phrasings) {
          it(`answers "${phrasing}" with ${topic}, its facts and its source`, async () => {
            const replies = await new TestConversation(app, locale).say(phrasing);
            // A worrying question ("pregnant and using") gets the emergency numbers first, then its answer.
            const answer = replies.at(-1);
            expect(replies.slice(0, -1).map((reply) => metaOf(reply).key)).toEqual(replies.length === 2 ? ['crisis.concern'] : []);
            checkReply(answer, { topic, contains: [...contains, locale.startsWith('da') ? '_Kilde: ' : '_Source: '], buttons: [] }, phrasing);
          });
        }
      });
      continue;
    }
    const scenario = scenarioFile.parse(raw);
    it(`plays ${file}: ${scenario.name}`, async () => {
      const conversation = new TestConversation(app, scenario.locale);
      for (const [index, turn] of scenario.turns.entries()) {
        const got = 'user' in turn ? await conversation.say(turn.user) : await conversation.join();
        const where = `turn ${index + 1}: ${'user' in turn ? turn.user : 'join'}`;
        if (!Array.isArray(turn.expect)) {
          checkReply(got.at(-1), turn.expect, where);
          continue;
        }
        expect({ where, replies: got.length }).toEqual({ where, replies: turn.expect.length });
        turn.expect.forEach((expected, at) => checkReply(got[at], expected, `${where}, reply ${at + 1}`));
      }
    });
  }
});
