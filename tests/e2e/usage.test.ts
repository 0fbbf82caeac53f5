import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { BookingStore } from '../../src/booking/booking-store';
import { openPglite } from '../../src/booking/sql-client';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { TestPostgres } from '../helpers/postgres-server';
import { LogCapture, metaOf, testApp } from '../helpers/test-app';

jest.setTimeout(120_000);

const STAFF_TOKEN = 'usage-token-usage-token-usage-token-usage';
/** Personal data a citizen might write, planted to prove none of it reaches the weekly counts. */
const CANARIES = ['010190-1234', '61 72 83 94', 'mette.hansen@example.dk', 'Mette Hansen', 'blå måge 471852'];

// Tuesday 1 December 2026, 10:00 in Copenhagen: ISO week 2026-W49; a week later is 2026-W50.
const WEEK_49 = Date.parse('2026-12-01T09:00:00Z');
const WEEK_MS = 7 * 86_400_000;

type Served = { app: Awaited<ReturnType<typeof testApp>>; url: string };

async function serve(env: NodeJS.ProcessEnv, store: BookingStore | undefined, now: () => number): Promise<Served> {
  const app = await testApp({ STAFF_TOKEN, USAGE_COUNTS: 'on', ...env }, undefined, now, {
    ...(store ? { bookingStore: store } : {}),
    usageFlushIntervalMs: 50,
  });
  return { app, url: await listen(app.server) };
}

async function stop({ app }: Served): Promise<void> {
  await close(app.server);
  await app.close();
}

interface UsageBody {
  suppressedBelow: number;
  subjects: Record<string, { da: string; en: string }>;
  weeks: Array<Record<string, unknown> & { week: string; answers: Record<string, number | string> }>;
}

async function usage(url: string, authorization?: string, weeks = 2): Promise<{ status: number; text: string; body: UsageBody }> {
  const response = await fetch(`${url}/staff/api/usage?weeks=${weeks}`, { headers: authorization ? { authorization } : {} });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as UsageBody };
}

/** A response's status, its body read so that no socket is left waiting. */
async function statusOf(url: string): Promise<number> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
}

const keyOf = (activities: Partial<Activity>[]): string[] => activities.map((activity) => metaOf(activity)?.key).filter(Boolean);

/** Asks in a conversation of its own and returns the keys of the replies. */
async function ask(url: string, text: string): Promise<string[]> {
  return keyOf((await new ExpectRepliesClient(url).say(text)).activities);
}

describe('Usage figures per week', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('counts answers, clarifications, an emergency, hand-offs and feedback per week, keeps them over a restart, suppresses small counts and holds nothing a user wrote', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'usage-'));
    dirs.push(dir);
    let time = WEEK_49;
    const now = () => time;
    const firstStore = new BookingStore(() => openPglite(dir));
    const first = await serve({}, firstStore, now);
    try {
      expect(await ask(first.url, `Jeg hedder ${CANARIES[3]}, cpr ${CANARIES[0]}, tlf ${CANARIES[1]}, mail ${CANARIES[2]}. Hvad koster det?`)).toContain(
        'topics.fees.answer',
      );
      for (let index = 0; index < 5; index++) expect(await ask(first.url, 'hvad koster det')).toContain('topics.fees.answer');
      for (let index = 0; index < 5; index++) expect(await ask(first.url, 'stoffer')).toContain('ui.clarify');
      for (let index = 0; index < 2; index++) await ask(first.url, 'hvad er dagbehandling');
      expect(await ask(first.url, 'min ven har taget en overdosis og trækker ikke vejret')).toContain('crisis.acute');
      expect(await ask(first.url, 'hvordan får jeg fat i en person')).toContain('topics.contact.answer');
      expect(await ask(first.url, 'book en tid')).toContain('booking.intro');
      await ask(first.url, `aflys ${CANARIES[4]}`);
      const client = new ExpectRepliesClient(first.url);
      await client.say('hvad er dagbehandling');
      expect(keyOf((await client.say('tak, det hjalp')).activities)).toContain('ui.helpful');
      // The page's thumbs: five helped, one not, and a value nobody may count.
      for (const value of ['helped', 'helped', 'helped', 'helped', 'helped', 'not_helped', CANARIES[3]])
        await client.post({ type: 'event', name: 'pitstop/feedback', value });
      time = WEEK_49 + WEEK_MS;
      await ask(first.url, 'hvad koster det');

      const { status, text, body } = await usage(first.url, `Bearer ${STAFF_TOKEN}`);
      expect(status).toBe(200);
      expect(body.suppressedBelow).toBe(5);
      expect(body.weeks.map((week) => week.week)).toEqual(['2026-W49', '2026-W50']);
      const [w49, w50] = body.weeks;
      expect(w49.answers.fees).toBe(6);
      expect(w49.answers.day_treatment).toBe('<5');
      // Five clarifications give a rate; the counts behind rates are not given (they would reveal the week's total).
      expect(w49.clarificationRate).toEqual(expect.any(Number));
      expect(w49).not.toHaveProperty('clarifications');
      expect(w49.notInDocumentsRate).toBeNull();
      expect(w49.handoffs).toEqual({ phone: '<5', booking: '<5' });
      expect(w49.emergencies).toEqual({ acute: '<5', concern: '<5' });
      expect(w49.feedback).toEqual({ helped: 6, notHelped: '<5' });
      expect(w50.answers.fees).toBe('<5');
      expect(w50.clarificationRate).toBeNull();
      expect(body.subjects.fees.da).toEqual(expect.any(String));
      for (const canary of [...CANARIES, 'Mette', 'måge'])
        expect({ canary, found: text.toLowerCase().includes(canary.toLowerCase()) }).toEqual({ canary, found: false });
    } finally {
      await stop(first);
      await firstStore.close();
    }

    // After a restart on the same files the counts are there, exactly, and only ids and fixed words label them.
    const secondStore = new BookingStore(() => openPglite(dir));
    const second = await serve({}, secondStore, now);
    try {
      const rows = await secondStore.usageSince('0000-W00');
      const count = (week: string, metric: string, label: string) =>
        rows.find((row) => row.week === week && row.metric === metric && row.label === label)?.count ?? 0;
      expect(count('2026-W49', 'answer', 'fees')).toBe(6);
      expect(count('2026-W49', 'answer', 'day_treatment')).toBe(3);
      expect(count('2026-W49', 'reply', 'clarification')).toBe(5);
      expect(count('2026-W49', 'emergency', 'acute')).toBe(1);
      expect(count('2026-W49', 'handoff', 'phone')).toBe(1);
      expect(count('2026-W49', 'handoff', 'booking')).toBe(1);
      expect(count('2026-W49', 'feedback', 'helped')).toBe(6);
      expect(count('2026-W49', 'feedback', 'not_helped')).toBe(1);
      expect(count('2026-W50', 'answer', 'fees')).toBe(1);
      expect(rows.filter((row) => !/^[a-z0-9_]+$/.test(row.label) || !/^\d{4}-W\d{2}$/.test(row.week))).toEqual([]);
      const stored = JSON.stringify(rows).toLowerCase();
      for (const canary of [...CANARIES, 'Mette', 'måge', '471852'])
        expect({ canary, found: stored.includes(canary.toLowerCase()) }).toEqual({ canary, found: false });
      expect((await usage(second.url, `Bearer ${STAFF_TOKEN}`)).body.weeks[0].answers.fees).toBe(6);
    } finally {
      await stop(second);
      await secondStore.close();
    }
  });

  it('answers as ever and logs the failed write without any text when the database cannot be reached', async () => {
    const logs = new LogCapture();
    const down = new BookingStore(() => Promise.reject(new Error('connect ECONNREFUSED')));
    const app = await testApp({ STAFF_TOKEN, USAGE_COUNTS: 'on' }, logs, () => WEEK_49, { bookingStore: down, usageFlushIntervalMs: 20 });
    const url = await listen(app.server);
    try {
      expect(await ask(url, `hvad koster det, ${CANARIES[3]}`)).toContain('topics.fees.answer');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await ask(url, 'hvad koster det')).toContain('topics.fees.answer');
      // Asking for the figures writes the counts first, so the failed write is logged by then whatever the timer did.
      expect((await usage(url, `Bearer ${STAFF_TOKEN}`)).status).toBe(503);
      expect(logs.lines.map((line) => (JSON.parse(line) as { event?: string }).event)).toContain('usage_write_failed');
      for (const canary of ['Mette', 'hvad koster']) expect(logs.lines.join('\n')).not.toContain(canary);
    } finally {
      await close(app.server);
      await app.close();
    }
  });

  it('refuses the figures and has no page without the staff token', async () => {
    const served = await serve({}, undefined, () => WEEK_49);
    try {
      for (const authorization of [undefined, 'Bearer wrong-token', STAFF_TOKEN]) {
        const response = await fetch(`${served.url}/staff/api/usage`, { headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
        expect(await response.text()).not.toContain('week');
      }
      const page = await fetch(`${served.url}/staff/usage`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("form-action 'none'");
      const html = await page.text();
      expect(html).toContain('<html lang="da">');
      expect(html).not.toContain(STAFF_TOKEN);
      expect(await (await fetch(`${served.url}/en/staff/usage`)).text()).toContain('<html lang="en">');
      expect(await statusOf(`${served.url}/usage.js`)).toBe(200);
    } finally {
      await stop(served);
    }
    const unconfigured = await serve({ STAFF_TOKEN: '' }, undefined, () => WEEK_49);
    try {
      expect(await statusOf(`${unconfigured.url}/staff/usage`)).toBe(404);
      expect(await statusOf(`${unconfigured.url}/staff/api/usage`)).toBe(404);
    } finally {
      await stop(unconfigured);
    }
  });

  it('adds up what two instances on one PostgreSQL count', async () => {
    const postgres = await TestPostgres.start();
    const url = await postgres.createDatabase('usage');
    const now = () => WEEK_49;
    const instances = [await serve({ DATABASE_URL: url }, undefined, now), await serve({ DATABASE_URL: url }, undefined, now)];
    try {
      for (let index = 0; index < 6; index++) await ask(instances[index % 2].url, 'hvad koster det');
      // Reading the figures first writes that instance's own counts, so after one read on each the figures are
      // everyone's; waiting out the flush interval instead was too short on a slow machine.
      for (const instance of instances) await usage(instance.url, `Bearer ${STAFF_TOKEN}`, 1);
      for (const instance of instances) expect((await usage(instance.url, `Bearer ${STAFF_TOKEN}`, 1)).body.weeks[0].answers.fees).toBe(6);
    } finally {
      await Promise.all(instances.map(stop));
      await postgres.stop();
    }
  });
});
