import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { TestPostgres } from '../helpers/postgres-server';
import { metaOf, testApp } from '../helpers/test-app';

jest.setTimeout(120_000);

// Monday 23 November 2026, 08:00 in Copenhagen.
const now = () => Date.parse('2026-11-23T07:00:00Z');
type ServedApp = { app: Awaited<ReturnType<typeof testApp>>; url: string };

async function serve(env: NodeJS.ProcessEnv): Promise<ServedApp> {
  const app = await testApp(env, undefined, now);
  return { app, url: await listen(app.server) };
}

async function stop({ app }: ServedApp): Promise<void> {
  await close(app.server);
  await app.close();
}

const keyOf = (activities: Partial<Activity>[]) => metaOf(activities[activities.length - 1]).key;
const codeOf = (activities: Partial<Activity>[]) => /\*\*([A-ZÆØÅ]+-[A-ZÆØÅ]+-\d{6})\*\*/.exec(activities[0]?.text ?? '')?.[1];

describe('bookings across bot instances', () => {
  it('gives one slot to exactly one of many people asking at once through two instances on one PostgreSQL', async () => {
    const postgres = await TestPostgres.start();
    const url = await postgres.createDatabase('bookings');
    const instances = [await serve({ DATABASE_URL: url }), await serve({ DATABASE_URL: url })];
    try {
      const people = Array.from({ length: 12 }, (_, index) => new ExpectRepliesClient(instances[index % 2].url));
      for (const person of people) {
        expect(keyOf((await person.say('book en tid')).activities)).toBe('booking.intro');
        expect(keyOf((await person.say('1')).activities)).toBe('booking.askMode');
        expect(keyOf((await person.say('Hos Pitstop')).activities)).toBe('booking.askAbout');
      }
      const answers = await Promise.all(people.map(async (person) => keyOf((await person.say('Mig selv')).activities)));
      expect(answers.filter((key) => key === 'booking.booked')).toHaveLength(1);
      expect(answers.filter((key) => key === 'booking.slotTaken')).toHaveLength(11);
      expect(await postgres.query(url, 'SELECT slot_start FROM bookings')).toEqual([{ slot_start: new Date('2026-11-23T09:00:00Z') }]);
    } finally {
      await Promise.all(instances.map(stop));
      await postgres.stop();
    }
  });

  it('keeps a confirmed booking when the bot restarts on its embedded database', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'data-'));
    try {
      const first = await serve({ DATA_DIR: dataDir });
      const person = new ExpectRepliesClient(first.url);
      let code: string | undefined;
      try {
        for (const text of ['book en tid', '1', 'Hos Pitstop']) await person.say(text);
        code = codeOf((await person.say('Mig selv')).activities);
      } finally {
        await stop(first);
      }
      expect(code).toBeDefined();
      const second = await serve({ DATA_DIR: dataDir });
      try {
        const { activities } = await new ExpectRepliesClient(second.url).say(String(code));
        expect(keyOf(activities)).toBe('booking.shown');
        expect(activities[0].text).toContain('mandag den 23. november kl. 10:00');
      } finally {
        await stop(second);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
