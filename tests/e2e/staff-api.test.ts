import { BookingStore } from '../../src/booking/booking-store';
import { openPglite } from '../../src/booking/sql-client';
import { close, listen } from '../helpers/http-client';
import { LogCapture, TestConversation, testApp } from '../helpers/test-app';

jest.setTimeout(60_000);

const TOKEN = 'staff-token-for-tests-0123456789abcdef';
// Monday 23 November 2026, 08:00 in Copenhagen.
let clock = Date.parse('2026-11-23T07:00:00Z');
const client = openPglite('memory://');
const store = new BookingStore(() => client);
const logs = new LogCapture('trace');
let app: Awaited<ReturnType<typeof testApp>>;
let baseUrl: string;

async function staff(method: string, route: string, token = TOKEN): Promise<{ status: number; body: Record<string, unknown>; cacheControl: string | null }> {
  const response = await fetch(`${baseUrl}${route}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, cacheControl: response.headers.get('cache-control') };
}

/** Books the first free time by phone with a call-back number, through the bot, and returns the code. */
async function bookWithCallback(phone: string): Promise<string> {
  const conversation = new TestConversation(app);
  for (const text of ['book tid', '1', 'I telefonen']) await conversation.say(text);
  const [booked] = await conversation.say('En pårørende');
  const code = /\*\*([A-ZÆØÅ]+-[A-ZÆØÅ]+-\d{6})\*\*/.exec(booked.text ?? '')?.[1];
  if (!code) throw new Error('not booked');
  await conversation.say('ja');
  await conversation.say(phone);
  return code;
}

beforeAll(async () => {
  await store.ready();
  app = await testApp({ STAFF_TOKEN: TOKEN }, logs, () => clock, { bookingStore: store });
  baseUrl = await listen(app.server);
});
beforeEach(async () => {
  clock = Date.parse('2026-11-23T07:00:00Z');
  await (await client).query('DELETE FROM bookings');
});
afterAll(async () => {
  await close(app.server);
  await app.close();
  await store.close();
});

describe('staff bookings endpoint', () => {
  it('refuses a missing or wrong token with 401 and lists nothing', async () => {
    await bookWithCallback('22 33 44 55');
    for (const token of ['', 'wrong-token', `${TOKEN}x`]) {
      const { status, body } = await staff('GET', '/staff/bookings', token);
      expect({ token, status }).toEqual({ token, status: 401 });
      expect(JSON.stringify(body)).not.toContain('22334455');
    }
  });

  it('lists upcoming bookings with time, code, mode, whom it is about and the call-back number, never cached', async () => {
    const code = await bookWithCallback('22 33 44 55');
    const { status, body, cacheControl } = await staff('GET', '/staff/bookings');
    expect(status).toBe(200);
    expect(cacheControl).toBe('no-store');
    expect(body.bookings).toEqual([
      {
        code,
        start: '2026-11-23T09:00:00.000Z',
        end: '2026-11-23T09:45:00.000Z',
        localStart: '2026-11-23 10:00',
        mode: 'phone',
        about: 'relative',
        language: 'da',
        callbackPhone: '22334455',
        handled: false,
      },
    ]);
  });

  it('marks a booking handled and cancels one, by its code; an unknown code is a 404', async () => {
    const code = await bookWithCallback('22 33 44 55');
    const handled = await staff('POST', `/staff/bookings/${encodeURIComponent(code)}/handled`);
    expect(handled.status).toBe(200);
    expect(handled.body.booking).toMatchObject({ code, handled: true });
    expect((await staff('POST', '/staff/bookings/R%C3%98D-GED-100000/handled')).status).toBe(404);
    expect((await staff('DELETE', `/staff/bookings/${encodeURIComponent(code)}`)).body).toEqual({ cancelled: code });
    expect((await staff('GET', '/staff/bookings')).body.bookings).toEqual([]);
    expect((await staff('DELETE', `/staff/bookings/${encodeURIComponent(code)}`)).status).toBe(404);
  });

  it.each([
    ['a NUL byte', 'r%00d-ged-10'],
    ['no code at all', 'x'.repeat(300)],
    ['a quote', "'%3B--"],
  ])('answers a code path with %s with 404, never an error', async (_name, path) => {
    expect((await staff('POST', `/staff/bookings/${path}/handled`)).status).toBe(404);
    expect((await staff('DELETE', `/staff/bookings/${path}`)).status).toBe(404);
  });

  it('shows no call-back number once the slot has passed, and no booking from before today', async () => {
    await bookWithCallback('22 33 44 55');
    clock = Date.parse('2026-11-23T10:00:00Z');
    const [listed] = (await staff('GET', '/staff/bookings')).body.bookings as Array<Record<string, unknown>>;
    expect(listed.callbackPhone).toBeNull();
    clock = Date.parse('2026-11-24T07:00:00Z');
    expect((await staff('GET', '/staff/bookings')).body.bookings).toEqual([]);
  });

  it('logs the action and status only: no code and no number', async () => {
    const code = await bookWithCallback('33 44 55 66');
    await staff('GET', '/staff/bookings');
    await staff('DELETE', `/staff/bookings/${encodeURIComponent(code)}`);
    const logged = logs.lines.join('\n');
    expect(logged).toContain('"action":"cancel"');
    for (const secret of [code, '33445566', '33 44 55 66', TOKEN]) expect(logged).not.toContain(secret);
  });

  it('does not exist without a staff token', async () => {
    const plain = await testApp({}, new LogCapture(), () => clock, { bookingStore: store });
    const url = await listen(plain.server);
    try {
      const response = await fetch(`${url}/staff/bookings`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(404);
    } finally {
      await close(plain.server);
      await plain.close();
    }
  });
});
