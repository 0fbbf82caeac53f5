import type { Activity } from 'botbuilder';
import { defaultContentDir } from '../../src/base/project-paths';
import { contentVersion, folderDigest } from '../../src/content/content-version';
import { defaultSourcesDir } from '../../src/sources/source-library';
import type { StaffDetails } from '../../src/staff/staff-details';
import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { LogCapture, testApp } from '../helpers/test-app';

jest.setTimeout(90_000);

const TOKEN = 'staff-token-for-tests-0123456789abcdef';
const logs = new LogCapture('trace');
let app: Awaited<ReturnType<typeof testApp>>;
let baseUrl: string;

beforeAll(async () => {
  app = await testApp({ STAFF_TOKEN: TOKEN }, logs);
  baseUrl = await listen(app.server);
});
afterAll(async () => {
  await close(app.server);
  await app.close();
});

/** A staff page's conversation: each turn posted to the staff endpoint with the token in the Authorization header. */
class StaffClient {
  private readonly client: ExpectRepliesClient;

  constructor(
    private readonly token = TOKEN,
    locale = 'da-DK',
    private readonly base = baseUrl,
  ) {
    this.client = new ExpectRepliesClient(base, locale);
  }

  async post(overrides: Partial<Activity>): Promise<{ status: number; body: { activities?: Partial<Activity>[]; error?: string } }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.base}/staff/api/messages`, { method: 'POST', headers, body: JSON.stringify(this.client.activity(overrides)) });
    return { status: response.status, body: (await response.json()) as { activities?: Partial<Activity>[] } };
  }

  /** The replies to a message, each with its staff details. */
  async say(text: string): Promise<Array<{ text: string; details: StaffDetails }>> {
    const { status, body } = await this.post({ type: 'message', text });
    expect(status).toBe(200);
    return (body.activities ?? []).map((activity) => ({
      text: activity.text ?? '',
      details: (activity.channelData as { pitstopStaff: StaffDetails }).pitstopStaff,
    }));
  }
}

async function last(client: StaffClient, text: string): Promise<StaffDetails> {
  const replies = await client.say(text);
  return replies[replies.length - 1].details;
}

const STAFF_WORDS = ['pitstopStaff', 'confidence', 'runnerUps', 'probability', 'contentVersion', 'memory', 'recognised', 'lastReading'];

describe('staff chat endpoint', () => {
  it.each([
    ['no header', ''],
    ['a wrong token', 'wrong-token-wrong-token-wrong-token-0'],
    ['the token with a character more', `${TOKEN}x`],
  ])('refuses %s with 401 on every staff endpoint, and runs no turn', async (_name, token) => {
    const before = app.storage instanceof ExpiringMemoryStorage ? app.storage.dump().length : -1;
    const turn = await new StaffClient(token).post({ type: 'message', text: 'Hvad er afgiftning?' });
    expect(turn).toEqual({ status: 401, body: { error: 'unauthorized', message: 'A valid staff token is required.' } });
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const review = await fetch(`${baseUrl}/staff/api/review`, { method: 'POST', headers, body: JSON.stringify({ list: 'Hvad er afgiftning?' }) });
    expect(review.status).toBe(401);
    expect(review.headers.get('www-authenticate')).toBe('Bearer');
    expect((await fetch(`${baseUrl}/staff/api/session`, { headers })).status).toBe(401);
    if (app.storage instanceof ExpiringMemoryStorage) expect(app.storage.dump().length).toBe(before);
  });

  it('refuses the token in a Basic header or a query string', async () => {
    const basic = await fetch(`${baseUrl}/staff/api/session`, { headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
    expect((await fetch(`${baseUrl}/staff/api/session?token=${TOKEN}`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/staff/api/session`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(204);
  });

  it('answers a staff turn with what was recognised, how sure, the runner-ups, the text and source that answered, the content version and the memory', async () => {
    // A question the classifier reads (a topic's own phrase would be read as it, sure, with no runner-ups).
    const details = await last(new StaffClient(), 'Hvor længe skal jeg vente på at komme i behandling?');
    expect(details.recognised).toMatchObject({ intent: 'topic', topicId: 'guarantee', aspect: 'duration', crisis: 'none', detectedLanguage: 'da' });
    const { confidence = 0, runnerUps } = details.recognised ?? { runnerUps: [] };
    expect(confidence).toBeGreaterThan(0.3);
    expect(confidence).toBeLessThan(1);
    expect(runnerUps.length).toBeGreaterThan(0);
    for (const runnerUp of runnerUps) expect(runnerUp.probability).toBeLessThan(confidence);
    expect(details.answered).toMatchObject({ key: 'topics.guarantee.answer', topicId: 'guarantee', language: 'da' });
    expect(details.sources).toEqual([
      { doc: 'qs', section: 'guarantee', href: '/kilder/qs#guarantee' },
      { doc: 'policy', section: 'law', href: '/kilder/policy#law' },
    ]);
    expect(details.contentVersion).toBe(contentVersion([folderDigest(defaultContentDir()), folderDigest(defaultSourcesDir())]));
    expect(details.contentVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(details.memory).toMatchObject({ language: 'da', dialogs: [] });
  });

  it('shows the subject, aspect and audience the conversation holds, and an elliptical follow-up read against them', async () => {
    const staff = new StaffClient();
    const cost = await last(staff, 'Hvad koster dagbehandling for min søn?');
    expect(cost.recognised).toMatchObject({ subjectId: 'day_treatment', aspect: 'cost', audience: 'relative' });
    expect(cost.answered).toMatchObject({ key: 'topics.day_treatment.cost', subjectId: 'day_treatment', aspect: 'cost' });
    expect(cost.sources.map((source) => source.section)).toEqual(['fees']);
    expect(cost.memory).toMatchObject({ subjectId: 'day_treatment', audience: 'relative', lastAspect: 'cost' });
    const followUp = await last(staff, 'og døgn?');
    expect(followUp.recognised).toMatchObject({ subjectId: 'residential' });
    expect(followUp.answered).toMatchObject({ key: 'topics.residential.cost', subjectId: 'residential' });
    expect(followUp.memory).toMatchObject({ subjectId: 'residential', audience: 'relative', lastAspect: 'cost' });
  });

  it('shows whether the conversation has named alcohol alone or drugs, which a follow-up is read with', async () => {
    const staff = new StaffClient();
    expect((await last(staff, 'min mand drikker en flaske vodka hver dag')).memory).toMatchObject({ substance: 'alcohol' });
    const followUp = await last(staff, 'hvilken hjælp kan han få?');
    expect(followUp.answered).toMatchObject({ topicId: 'alcohol' });
    expect((await last(staff, 'han ryger også hash')).memory).toMatchObject({ substance: 'drugs' });
  });

  it("shows the writer's own age group apart from the age group of the one asked about, never the age", async () => {
    const staff = new StaffClient();
    const young = await last(staff, 'jeg er 16 og min far drikker hver dag');
    expect(young.recognised).toMatchObject({ writerAgeGroup: 'young' });
    expect(young.memory).toMatchObject({ writerAgeGroup: 'young' });
    expect(JSON.stringify([young.recognised, young.memory])).not.toContain('16');
  });

  it("shows the guide's step and the choices made, and that the guide was waiting for the answer", async () => {
    const staff = new StaffClient();
    const started = await last(staff, 'Hvilken hjælp passer til mig?');
    expect(started.memory?.dialogs).toContain('guide');
    expect(started.memory?.guide).toEqual({ step: 1, answers: {} });
    const answered = await last(staff, 'Mig selv');
    expect(answered.recognised?.waitingFlow).toBe('guide');
    expect(answered.memory?.guide).toEqual({ step: 2, answers: { who: 'self' } });
  });

  it('shows the language the conversation holds, and no memory once the conversation is forgotten', async () => {
    const staff = new StaffClient(TOKEN, 'en-US');
    const english = await last(staff, 'How much does detox cost?');
    expect(english.memory).toMatchObject({ language: 'en', subjectId: 'detox' });
    expect(english.recognised?.detectedLanguage).toBe('en');
    const forgotten = await last(staff, 'forget me');
    expect(forgotten.answered.key).toBe('ui.forgotten');
    expect(forgotten.memory).toBeNull();
  });

  it('sends none of it to the public endpoint, even with the staff token in the Authorization header', async () => {
    const client = new ExpectRepliesClient(baseUrl);
    const plain = await client.say('Hvor hurtigt kan jeg komme i behandling?');
    const withToken = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(client.activity({ type: 'message', text: 'Hvad koster dagbehandling?', channelData: { pitstopStaff: true, staff: true } })),
    });
    const bodies = [JSON.stringify(plain.activities), await withToken.text()];
    expect(plain.activities.length).toBeGreaterThan(0);
    for (const body of bodies) for (const word of STAFF_WORDS) expect({ word, found: body.includes(word) }).toEqual({ word, found: false });
    for (const activity of plain.activities) expect(Object.keys((activity.channelData as object) ?? {})).toEqual(['pitstop']);
  });

  it('links the staff page to the usage figures in its own language, and both pages exist', async () => {
    for (const [page, usage] of [
      ['/staff', '/staff/usage'],
      ['/en/staff', '/en/staff/usage'],
    ]) {
      const html = await (await fetch(`${baseUrl}${page}`)).text();
      expect(html).toContain(`<a id="staff-usage-link" href="${usage}" data-staff-text="usageLink"></a>`);
      expect((await fetch(`${baseUrl}${usage}`)).status).toBe(200);
    }
  });

  it('logs each staff request by action and status, never the token or a word of the message', async () => {
    await new StaffClient().say('Min datter på 15 ryger hash, hvad kan hun få af hjælp?');
    const events = logs.lines.map((line) => JSON.parse(line) as { event: string; action?: string; status?: number });
    expect(events.filter((entry) => entry.event === 'staff_request').map((entry) => `${entry.action} ${entry.status}`)).toEqual(
      expect.arrayContaining(['turn 200', 'turn 401', 'session 204', 'session 401', 'review 401']),
    );
    const everything = logs.lines.join('\n');
    for (const secret of [TOKEN, 'datter', 'ryger hash', 'Hvor længe', 'dagbehandling'])
      expect({ secret, logged: everything.includes(secret) }).toEqual({ secret, logged: false });
  });
});

describe('staff review endpoint', () => {
  async function review(
    list: string,
    token = TOKEN,
  ): Promise<{
    status: number;
    body: { summary?: { questions: number; conversations: number; answered: number }; html?: string; markdown?: string; error?: string; message?: string };
  }> {
    const response = await fetch(`${baseUrl}/staff/api/review`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ list }),
    });
    return { status: response.status, body: (await response.json()) as { error?: string } };
  }

  it('plays a pasted list as `npm run review` does and returns its HTML and Markdown report', async () => {
    const list = ['Hvad er afgiftning?  # expected: detox', 'hvad koster det?', '', '# language: en', 'How do I complain?  # expected: complaints'].join('\n');
    const { status, body } = await review(list);
    expect(status).toBe(200);
    expect(body.summary).toMatchObject({ questions: 3, conversations: 2, answered: 3 });
    expect(body.html?.match(/<article class="entry/g)?.length).toBe(3);
    expect(body.html).toContain('<!doctype html>');
    expect(body.markdown).toContain('Hvad er afgiftning?');
  });

  it('refuses a list with a mistake, naming its line, and a list longer than the limit', async () => {
    const bad = await review('Hvad er afgiftning?  # expected: nothing_such');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('line 1: unknown topic "nothing_such"');
    const long = await review(Array.from({ length: 301 }, (_item, index) => `spørgsmål ${index}`).join('\n'));
    expect(long.status).toBe(413);
    expect((await review('')).status).toBe(400);
  });

  it('books nothing in the served bot: a review plays through a bot of its own', async () => {
    const { status, body } = await review(['book en tid', '1', 'I telefonen', 'En pårørende'].join('\n'));
    expect(status).toBe(200);
    expect(body.markdown).toMatch(/[A-ZÆØÅ]+-[A-ZÆØÅ]+-\d{6}/);
    // The served bot's booking database was never even opened.
    expect(app.bookings.store.opened).toBe(false);
  });
});

describe('staff endpoints elsewhere', () => {
  it('do not exist without a staff token', async () => {
    const plain = await testApp();
    const url = await listen(plain.server);
    try {
      for (const route of ['/staff/api/messages', '/staff/api/review']) expect((await fetch(`${url}${route}`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${url}/staff`)).status).toBe(404);
    } finally {
      await close(plain.server);
      await plain.close();
    }
  });

  it('answer a staff turn where channel authentication is on (an app id), while /api/messages asks for a channel token', async () => {
    const secured = await testApp({ STAFF_TOKEN: TOKEN, MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' });
    const url = await listen(secured.server);
    try {
      const publicTurn = await new ExpectRepliesClient(url).say('Hvad er afgiftning?');
      expect(publicTurn.status).toBe(401);
      const details = await last(new StaffClient(TOKEN, 'da-DK', url), 'Hvad er afgiftning?');
      expect(details.answered.key).toBe('topics.detox.answer');
    } finally {
      await close(secured.server);
      await secured.close();
    }
  });
});
