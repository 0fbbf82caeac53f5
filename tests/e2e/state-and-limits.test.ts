import type { App } from '../../src/app';
import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { metaOf, testApp } from '../helpers/test-app';

let clock = Date.parse('2026-11-22T22:00:00Z');
let app: App;
let baseUrl: string;

beforeAll(async () => {
  app = await testApp({ STATE_TTL_SECONDS: '1800', RATE_LIMIT_PER_MINUTE: '5' }, undefined, () => clock);
  baseUrl = await listen(app.server);
});

afterAll(async () => {
  await close(app.server);
  await app.close();
});

const keyOf = async (client: ExpectRepliesClient, text: string): Promise<string[]> =>
  (await client.say(text)).activities.map((activity) => metaOf(activity).key);

describe('conversation state', () => {
  it('is kept between turns within the time limit', async () => {
    const client = new ExpectRepliesClient(baseUrl);
    await client.say('Hvad er afgiftning?');
    clock += 29 * 60_000;
    expect(await keyOf(client, 'Hvad koster det?')).toEqual(['topics.detox.cost']);
  });

  it('is forgotten after 30 minutes without activity', async () => {
    const client = new ExpectRepliesClient(baseUrl);
    await client.say('min søn tager stoffer');
    await client.say('Hvad er afgiftning?');
    clock += 31 * 60_000;
    expect(await keyOf(client, 'Hvad koster det?')).toEqual(['topics.fees.answer']);
    expect(await keyOf(client, 'Kan jeg få anonym rådgivning?')).toEqual(['topics.counselling.answer']);
  });

  it('is deleted from the store at once by "glem mig"', async () => {
    const client = new ExpectRepliesClient(baseUrl);
    await client.say('Hvad er afgiftning?');
    const { storage } = app;
    if (!(storage instanceof ExpiringMemoryStorage)) throw new Error('expected the default memory store');
    const before = storage.dump().length;
    expect(await keyOf(client, 'slet samtalen')).toEqual(['ui.forgotten']);
    expect(storage.dump().length).toBe(before - 1);
  });
});

describe('rate limiting', () => {
  it('answers politely once when a conversation writes too fast, then ignores it until the minute is over', async () => {
    clock += 5 * 60_000;
    const flooding = new ExpectRepliesClient(baseUrl);
    for (let i = 0; i < 5; i++) expect((await flooding.say('Hvad er afgiftning?')).activities).toHaveLength(1);
    const limited = await flooding.say('Hvad er afgiftning?');
    expect(limited.status).toBe(200);
    expect(limited.activities.map((activity) => activity.text)).toEqual([expect.stringContaining('Vent et øjeblik')]);
    const ignored = await flooding.say('Hvad er afgiftning?');
    expect(ignored.status).toBe(200);
    expect(ignored.activities).toEqual([]);

    expect(await keyOf(new ExpectRepliesClient(baseUrl), 'Hvad er afgiftning?')).toEqual(['topics.detox.answer']);

    clock += 61_000;
    expect(await keyOf(flooding, 'Hvad er afgiftning?')).toEqual(['topics.detox.answer']);
  });

  it('answers an English client in English', async () => {
    const client = new ExpectRepliesClient(baseUrl, 'en-US');
    for (let i = 0; i < 5; i++) await client.say('What is detox?');
    const limited = await client.say('What is detox?');
    expect(limited.activities[0].text).toContain('Please wait a moment');
  });

  it("answers in the conversation's language when the message itself says none, whatever the client's locale", async () => {
    const client = new ExpectRepliesClient(baseUrl, 'en-US');
    for (let i = 0; i < 5; i++) await client.say('Hvad koster det at gå til samtaler hos jer?');
    const limited = await client.say('ok?');
    expect(limited.activities[0].text).toContain('Vent et øjeblik');
  });

  it('answers by the same rule as every reply: a message clearly in Danish from an English client in Danish', async () => {
    const client = new ExpectRepliesClient(baseUrl, 'en-US');
    for (let i = 0; i < 5; i++) await client.say('Hvad koster det at gå til samtaler hos jer?');
    const limited = await client.say('Hvad koster det at gå til samtaler hos jer?');
    expect(limited.activities[0].text).toContain('Vent et øjeblik');
  });
});
