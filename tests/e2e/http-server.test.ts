import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';
import { metaOf } from '../helpers/test-app';

const served = useServedApp();

describe('HTTP server', () => {
  it('answers a question in the HTTP response when the client expects replies', async () => {
    const { status, activities } = await new ExpectRepliesClient(served.baseUrl).say('Hvor hurtigt kan jeg komme i behandling?');
    expect(status).toBe(200);
    expect(activities).toHaveLength(1);
    expect(metaOf(activities[0]).key).toBe('topics.guarantee.answer');
    expect(activities[0].text).toContain('inden for 14 dage');
    expect(activities[0].text).toContain('_Kilde: ');
  });

  it('keeps the conversation context between requests', async () => {
    const client = new ExpectRepliesClient(served.baseUrl, 'en-US');
    await client.say('What is detox?');
    const { activities } = await client.say('and how long does it take?');
    expect(metaOf(activities[0])).toMatchObject({ key: 'topics.detox.duration', language: 'en' });
    expect(activities[0].text).toContain('about a month');
  });

  it('welcomes a new member of the conversation', async () => {
    const client = new ExpectRepliesClient(served.baseUrl);
    const { status, activities } = await client.post({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'user' }] });
    expect(status).toBe(200);
    expect(metaOf(activities[0]).key).toBe('ui.welcome');
  });

  it('runs the guide over several requests', async () => {
    const client = new ExpectRepliesClient(served.baseUrl);
    expect(metaOf((await client.say('Hvilken hjælp passer til mig?')).activities[0]).key).toBe('guide.askWho');
    expect(metaOf((await client.say('Jeg er fagperson')).activities[0]).key).toBe('guide.results.staff');
  });

  it.each([['test'], ['emulator'], ['directline']])('sends no trace activity (a memory snapshot with the unredacted text) on channel %s', async (channelId) => {
    const canary = 'Hvad er afgiftning? Mit cpr er 010190-1234, mail mette@example.dk';
    const { activities } = await new ExpectRepliesClient(served.baseUrl).post({
      type: 'message',
      text: canary,
      channelId,
      channelData: { note: 'ring 22334455' },
    });
    expect(activities.map((activity) => activity.type)).toEqual(['message', 'message']);
    for (const leaked of ['010190', 'mette@example.dk', '22334455']) expect(JSON.stringify(activities)).not.toContain(leaked);
  });

  it('reports liveness on /healthz', async () => {
    const response = await fetch(`${served.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses malformed JSON with a 400 and stays up', async () => {
    const response = await fetch(`${served.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${served.baseUrl}/healthz`)).status).toBe(200);
  });

  it('logs the request without the message text', async () => {
    const canary = 'kanariefugl-7391 min søn ryger hash';
    await new ExpectRepliesClient(served.baseUrl).say(canary);
    expect(served.app.logs.lines.some((line) => line.includes('"event":"activity"'))).toBe(true);
    expect(served.app.logs.lines.join('\n')).not.toContain('kanariefugl');
  });
});
