import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { format } from 'node:util';
import { ExpiringMemoryStorage } from '../../src/state/expiring-memory-storage';
import { useServedApp } from '../helpers/http-client';
import { part, SigningKeyServer, TestSigningKey } from '../helpers/signing-key-server';

/**
 * An attacker's catalogue played over real HTTP against one open app (no App ID, staff API and Direct
 * Line on) and one that requires channel tokens, tallied by outcome: no 5xx, every request answered,
 * /healthz and /readyz answering and the event loop never stalled meanwhile, the planted personal data nowhere.
 */

const BODY_CAP = 256 * 1024;
const MESSAGE_CAP = 2000;
const STAFF_TOKEN = 'staff-token-for-hostile-input-0123456789';
const APP_ID = '00000000-0000-0000-0000-000000000001';
const SERVICE_URL = 'https://europe.webchat.botframework.com/';
/** Azure Bot Service waits about 15 s for a bot: a request unanswered by then counts as unanswered. */
const ABORT_MS = 15_000;
/** Requests in flight at once, besides the token burst. */
const CONCURRENCY = 6;
/** The event loop is watched with a timer this often. */
const TICK_MS = 10;
/** A stall: the event loop kept from the timer this many times longer than the worst under benign load. */
const STALL_FACTOR = 5;
/** Delays below this are noise on a shared machine (a garbage collection); the benign worst counts as at least this. */
const NOISE_FLOOR_MS = 100;
/** How many times the cases in flight during a stall are run again before the stall counts. */
const RECHECKS = 2;

// Planted in every message and display name; none of it may appear in a log line, the store or a response.
const PERSONAL = 'Jeg hedder Mette Hansen, cpr 010190-1234, ring 61 72 83 94 eller skriv til mette.hansen@example.dk.';
const MARKERS = ['hansen', '010190', '61 72 83 94', '61728394', '@example.dk'];

let conversations = 0;
/** A message activity from a new conversation (an attacker need not reuse one), with personal data planted. */
function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  conversations += 1;
  return {
    type: 'message',
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: `attacker-${conversations}`, name: 'Mette Hansen' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: `hostile-${conversations}` },
    locale: 'da-DK',
    deliveryMode: 'expectReplies',
    text: PERSONAL,
    ...overrides,
  };
}

/** The planted data, then unit repeated up to `chars` characters: read in full by the bot at MESSAGE_CAP. */
const textOf = (unit: string, chars: number): string => `${PERSONAL} ${unit.repeat(Math.floor((chars - PERSONAL.length - 1) / unit.length))}`;

/** A message whose text repeats unit until the JSON body is `bytes` long, give or take one unit. */
function bodyOf(unit: string, bytes: number): string {
  const envelope = activity({ text: `${PERSONAL} ` });
  const unitBytes = Buffer.byteLength(JSON.stringify(unit)) - 2;
  const count = Math.floor((bytes - Buffer.byteLength(JSON.stringify(envelope))) / unitBytes);
  return JSON.stringify({ ...envelope, text: `${PERSONAL} ${unit.repeat(count)}` });
}

// Texts built to hurt patterns over user text (e-mail, CPR, phone, booking codes), normalisation and scripts.
const HOSTILE_UNITS: Array<[string, string]> = [
  ['letters', 'a'],
  ['letters before an @', `${'a'.repeat(4000)}@`],
  ['letters and dots around @s', 'a.b@c.'],
  ['@s', '@'],
  ['dots', '.'],
  ['digits', '1'],
  ['digit groups', '12 '],
  ['CPR-like groups', '01 01 90 '],
  ['CPR digits then spaces', `010190${' '.repeat(500)}`],
  ['phone-like groups', '+45 61 72 '],
  ['booking codes', 'blå måge 123456 '],
  ['booking words run together', 'blåmågeødder'],
  ['combining marks', 'e\u0301\u0302\u0303\u0304\u0305'],
  ['emoji and ZWJ sequences', '😀👨‍👩‍👧‍👦🏳️‍🌈'],
  ['RTL and direction marks', '\u202Eabc\u200F\u202Bשלום\u202C'],
  ['zero-width characters between digits', '0\u200B1\u200C0\u200D1\uFEFF9\u20600\u00AD'],
  ['mixed scripts', 'aаα维عक '],
  ['full-width digits', '０１０１９０１２３４ '],
  ['lone surrogates', '\uD800x\uDC00'],
  ['characters that normalise to many', '\u3300\uFDFA'],
  ['line breaks and tabs', '\n\r\t'],
];

interface HttpRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

interface Case {
  name: string;
  /** The app that requires channel tokens; otherwise the open one. */
  guarded?: boolean;
  /** Sent this many times at once (a burst). */
  times?: number;
  request: () => HttpRequest;
  /** The statuses this case may get; any other is tallied as unexpected. */
  expect: number[];
}

const json = { 'content-type': 'application/json' };
const post = (body: string | Buffer, headers: Record<string, string> = json): HttpRequest => ({ path: '/api/messages', method: 'POST', headers, body });
const message = (overrides: Record<string, unknown> = {}): HttpRequest => post(JSON.stringify(activity(overrides)));
const staff = (method: string, path: string, authorization = `Bearer ${STAFF_TOKEN}`): HttpRequest => ({ path, method, headers: { authorization } });
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** JSON with a raw key, as an attacker types it: an object literal would not serialise "__proto__". */
const withRawKey = (key: string, value: string): string => JSON.stringify(activity()).replace(/^\{/, `{"${key}": ${value},`);

const key = new TestSigningKey('key-1');
const stranger = new TestSigningKey('key-1');
const seconds = (): number => Math.floor(Date.now() / 1000);
const claims = (overrides: object = {}): object => ({
  iss: 'https://api.botframework.com',
  aud: APP_ID,
  exp: seconds() + 3600,
  nbf: seconds() - 60,
  serviceurl: SERVICE_URL,
  ...overrides,
});
const withToken = (authorization: string, overrides: Record<string, unknown> = {}): HttpRequest => ({
  ...message({ serviceUrl: SERVICE_URL, ...overrides }),
  headers: { ...json, authorization },
});

const MALFORMED = ['{"type":"message","text":"Mette Hansen 010190-1234"', 'not json', '', '{', '{"a":1}}', "{'type':'message'}"];
const NOT_JSON_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', ''];
const NOT_OBJECTS = ['[]', '"Mette Hansen"', '42', '-1e999', 'null', 'true', '[{"type":"message"}]'];
const WRONG_FIELDS: Array<[string, unknown]> = [
  ['type', 5],
  ['text', 5],
  ['text', { a: PERSONAL }],
  ['text', [PERSONAL]],
  ['locale', { da: true }],
  ['from', 'Mette Hansen'],
  ['from', { id: 5 }],
  ['conversation', null],
  ['conversation', PERSONAL],
  ['conversation', {}],
  ['conversation', { id: '' }],
  ['recipient', []],
  ['channelId', ''],
  ['serviceUrl', 'javascript:alert(1)'],
  ['serviceUrl', 'file:///etc/passwd'],
  ['membersAdded', 'everyone'],
  ['membersAdded', Array(101).fill({ id: 'x' })],
  ['attachments', {}],
  ['entities', 'x'],
  ['deliveryMode', 7],
  ['timestamp', 1],
  ['name', { toString: 1 }],
];
const REQUIRED_FIELDS = ['conversation', 'from', 'recipient', 'serviceUrl', 'channelId', 'type'];
const UNKNOWN_TYPES = ['launchRockets', '', '__proto__', 'constructor', 'toString', 'MESSAGE', 'message\u0000'];
const OTHER_TYPES = ['conversationUpdate', 'contactRelationUpdate', 'typing', 'endOfConversation', 'event', 'invoke', 'deleteUserData', 'messageUpdate'];
OTHER_TYPES.push('messageDelete', 'installationUpdate', 'messageReaction', 'suggestion', 'trace', 'handoff', 'command', 'commandResult');
const FOREIGN_SERVICE_URLS = ['https://evil.example/', 'http://127.0.0.1.evil.example/', 'http://[::1]:9/', 'http://evil.example#@127.0.0.1'];
const STAFF_AUTHORIZATIONS = [
  '',
  'Bearer',
  'Bearer ',
  'Bearer wrong',
  `Bearer ${STAFF_TOKEN}x`,
  `bearer ${STAFF_TOKEN}`,
  `Bearer ${STAFF_TOKEN} ${STAFF_TOKEN}`,
];
STAFF_AUTHORIZATIONS.push(`Basic ${Buffer.from(`staff:${STAFF_TOKEN}`).toString('base64')}`, 'Bearer ÆØÅ', `Bearer ${'x'.repeat(12_000)}`);
// Booking codes in a staff URL: NUL, traversal, unicode, SQL, personal data, broken percent-encoding, overlong UTF-8.
const STAFF_CODES = ['r%00d-ged-100000', '%00', 'x'.repeat(8000), '..%2F..%2F..%2Fetc%2Fpasswd', '....%2F%2F....%2F%2Fetc', 'BL%C3%85-M%C3%85GE-123456'];
STAFF_CODES.push(
  '%F0%9F%98%80%E2%80%AE',
  "'%3B%20DROP%20TABLE%20bookings%3B--",
  'bl%C3%A5%20m%C3%A5ge%20010190-1234%20Mette%20Hansen',
  '%E0%A4%A',
  '%',
  '%C0%AE%C0%AE',
);
const UNKNOWN_PATHS = ['/admin', '/.env', '/api/messages/x', '/%2e%2e/%2e%2e/etc/passwd', '/..%2F..%2Fetc%2Fpasswd', '/staff', '/api', `/${'a'.repeat(8000)}`];
UNKNOWN_PATHS.push('/%00', '/healthz%00', '/%E0%A4%A', '/%', '/healthz?x=%ZZ&__proto__[polluted]=yes', '/chat.js/..%2F..%2Fpackage.json');
const FORGED_TOKENS: Array<[string, string]> = [
  ['no token', ''],
  ['a garbage token', 'Bearer garbage.token'],
  ['a token of dots', `Bearer ${'.'.repeat(5000)}`],
  ['an unknown kid', `Bearer ${key.token(claims(), 'unknown-kid')}`],
  ['the kid __proto__', `Bearer ${key.token(claims(), '__proto__')}`],
  ['the kid constructor', `Bearer ${key.token(claims(), 'constructor')}`],
  ['a kid that is a path', `Bearer ${key.token(claims(), '../../etc/passwd')}`],
  ['another key with the same kid', `Bearer ${stranger.token(claims())}`],
  ['alg none', `Bearer ${part({ alg: 'none', typ: 'JWT', kid: 'key-1' })}.${part(claims())}.AA`],
  ['HS256 keyed with the public key', `Bearer ${key.hmacToken(claims())}`],
  ['a tampered payload', `Bearer ${key.token(claims()).replace(/\.[^.]+\./, `.${part(claims({ aud: 'attacker' }))}.`)}`],
  ['an expired token', `Bearer ${key.token(claims({ exp: seconds() - 3600 }))}`],
  ['an exp that is a string', `Bearer ${key.token(claims({ exp: 'never' }))}`],
  ['another audience', `Bearer ${key.token(claims({ aud: 'someone-else' }))}`],
  ['another serviceUrl', `Bearer ${key.token(claims({ serviceurl: 'https://evil.example/' }))}`],
  ['a header that is an array', `Bearer ${part([1])}.${part(claims())}.AA`],
];
const invalidUtf8 = (): Buffer =>
  Buffer.concat([Buffer.from(JSON.stringify(activity()).slice(0, -2)), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf8, 0x22, 0x7d])]);
const inConversation = (raw: string): string => JSON.stringify(activity()).replace('"conversation":{', `"conversation":{${raw},`);

const CASES: Case[] = [
  // Bodies
  ...MALFORMED.map((body) => ({ name: `malformed JSON ${JSON.stringify(body.slice(0, 20))}`, request: () => post(body), expect: [400] })),
  ...NOT_JSON_TYPES.map((type) => ({
    name: `content-type ${JSON.stringify(type)}`,
    request: () => post(JSON.stringify(activity()), type ? { 'content-type': type } : {}),
    expect: [415],
  })),
  {
    name: 'a UTF-16 body',
    request: () => post(Buffer.from(JSON.stringify(activity()), 'utf16le'), { 'content-type': 'application/json; charset=utf-16' }),
    expect: [400],
  },
  { name: 'gzip content-encoding', request: () => post('garbage', { ...json, 'content-encoding': 'gzip' }), expect: [415] },
  ...NOT_OBJECTS.map((body) => ({ name: `the body ${body}`, request: () => post(body), expect: [400] })),
  { name: 'arrays nested to the body cap', request: () => post(nested(BODY_CAP / 2 - 8)), expect: [400] },
  { name: 'arrays nested to the body cap in channelData', request: () => post(withRawKey('channelData', nested(BODY_CAP / 2 - 2048))), expect: [200] },
  { name: 'objects nested deep in value', request: () => post(withRawKey('value', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`)), expect: [200] },
  { name: 'a __proto__ key', request: () => post(withRawKey('__proto__', '{"polluted": "yes", "isGroup": true}')), expect: [200] },
  { name: 'a constructor.prototype key', request: () => post(withRawKey('constructor', '{"prototype": {"polluted": "yes"}}')), expect: [200] },
  { name: 'a __proto__ key in conversation', request: () => post(inConversation('"__proto__":{"polluted":"yes"}')), expect: [200] },
  { name: 'a __proto__ key in channelData', request: () => post(withRawKey('channelData', '{"__proto__": {"polluted": "yes"}}')), expect: [200] },
  { name: 'an unknown field filling the body cap', request: () => message({ junk: 'x'.repeat(BODY_CAP - 1024) }), expect: [200] },
  { name: 'a text over the body cap', request: () => post(bodyOf('a', BODY_CAP + 1024)), expect: [413] },
  { name: 'digits over the body cap', request: () => post(bodyOf('0101901234 ', BODY_CAP + 4096)), expect: [413] },
  { name: 'invalid UTF-8 bytes in the text', request: () => post(invalidUtf8()), expect: [200] },
  { name: 'a raw NUL byte in a string', request: () => post(JSON.stringify(activity()).replace('Mette', 'Me\u0000tte')), expect: [400] },
  { name: 'a raw NUL byte between fields', request: () => post(JSON.stringify(activity()).replace(',', ',\u0000')), expect: [400] },
  { name: 'escaped NUL and control characters in the text', request: () => message({ text: `${PERSONAL}\u0000\u0007\u001b[31m\u0000` }), expect: [200] },
  ...WRONG_FIELDS.map(([field, value]) => ({ name: `${field} of the wrong type or shape`, request: () => message({ [field]: value }), expect: [400] })),
  ...REQUIRED_FIELDS.map((field) => ({ name: `no ${field}`, request: () => message({ [field]: undefined }), expect: [400] })),
  ...UNKNOWN_TYPES.map((type) => ({ name: `the activity type ${JSON.stringify(type)}`, request: () => message({ type }), expect: [400] })),
  ...OTHER_TYPES.map((type) => ({
    name: `a ${type} activity carrying personal data`,
    request: () => message({ type, name: 'x', value: { text: PERSONAL }, membersAdded: [{ id: 'Mette Hansen' }] }),
    expect: [200, 400],
  })),
  { name: 'a 1024-character conversation id', request: () => message({ conversation: { id: 'c'.repeat(1024) } }), expect: [200] },
  { name: 'a 1025-character conversation id', request: () => message({ conversation: { id: 'c'.repeat(1025) } }), expect: [400] },
  { name: 'a 100 KB user id', request: () => message({ from: { id: 'u'.repeat(100_000), name: 'Mette Hansen' } }), expect: [400] },
  { name: 'a 100 KB display name', request: () => message({ from: { id: 'attacker', name: `Mette Hansen ${'n'.repeat(100_000)}` } }), expect: [400] },
  ...FOREIGN_SERVICE_URLS.map((serviceUrl) => ({ name: `the serviceUrl ${serviceUrl}`, request: () => message({ serviceUrl }), expect: [403] })),
  // The allow-list compares the host as the URL parser spells it, the way the reply would be addressed.
  { name: 'the allowed host spelled in hex', request: () => message({ serviceUrl: 'http://0x7f000001:9/' }), expect: [200] },
  // A reply posted to the serviceUrl (deliveryMode normal) and refused: the turn error path, its log line and its apology.
  { name: 'a reply the connector refuses', request: () => message({ deliveryMode: 'normal', serviceUrl: `${azure.url}/refuse/` }), expect: [200] },

  // Message texts: read in full at the message cap, refused unread but answered at the body cap.
  ...HOSTILE_UNITS.flatMap(([name, unit]) => [
    { name: `${name} at the message cap`, request: () => message({ text: textOf(unit, MESSAGE_CAP) }), expect: [200] },
    { name: `${name} at the body cap`, request: () => post(bodyOf(unit, BODY_CAP - 64)), expect: [200] },
  ]),

  // Endpoints
  { name: 'a burst of 300 Direct Line token requests', times: 300, request: () => ({ path: '/api/directline/token' }), expect: [200, 429] },
  { name: 'POST to the token endpoint', request: () => ({ path: '/api/directline/token', method: 'POST', body: PERSONAL }), expect: [405] },
  ...STAFF_AUTHORIZATIONS.map((authorization) => ({
    name: `the staff list with authorization ${JSON.stringify(authorization.slice(0, 30))}`,
    request: () => staff('GET', '/staff/bookings', authorization),
    expect: [401],
  })),
  { name: 'the staff list with the token', request: () => staff('GET', '/staff/bookings'), expect: [200] },
  ...STAFF_CODES.flatMap((code) => [
    { name: `marking the booking ${code.slice(0, 30)} handled`, request: () => staff('POST', `/staff/bookings/${code}/handled`), expect: [400, 404] },
    { name: `cancelling the booking ${code.slice(0, 30)}`, request: () => staff('DELETE', `/staff/bookings/${code}`), expect: [400, 404] },
  ]),
  { name: 'PUT to the staff list', request: () => staff('PUT', '/staff/bookings'), expect: [405] },
  ...UNKNOWN_PATHS.map((path) => ({ name: `GET ${path.slice(0, 30)}`, request: () => ({ path }), expect: [200, 400, 404, 405] })),
  ...['GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'BREW'].map((method) => ({
    name: `${method} /api/messages`,
    request: () => ({ path: '/api/messages', method }),
    expect: [400, 404, 405],
  })),
  ...['POST', 'DELETE', 'HEAD'].map((method) => ({ name: `${method} /healthz`, request: () => ({ path: '/healthz', method }), expect: [200, 405] })),

  // Bearer tokens, on the app that requires them
  {
    name: 'a well-signed channel token, with personal data in the message',
    guarded: true,
    request: () => withToken(`Bearer ${key.token(claims())}`),
    expect: [200],
  },
  {
    name: 'a well-signed token with a 10 KB payload',
    guarded: true,
    request: () => withToken(`Bearer ${key.token(claims({ padding: 'p'.repeat(10_000) }))}`),
    expect: [200],
  },
  ...FORGED_TOKENS.map(([name, authorization]) => ({ name: `a request with ${name}`, guarded: true, request: () => withToken(authorization), expect: [401] })),
  {
    name: 'a forged token with a malformed body',
    guarded: true,
    request: () => post('{"type":', { ...json, authorization: `Bearer ${stranger.token(claims())}` }),
    expect: [400, 401],
  },
];

type Outcome = '2xx' | '3xx' | '4xx' | '5xx' | 'unanswered';
const tally = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, unanswered: 0, unexpected: 0, stalls: 0, leaks: 0, polluted: 0 };
/** What went wrong, case by case, so a failing tally says where. */
const problems: string[] = [];
const responses: string[] = [];
const slowest = { name: '', ms: 0 };

/**
 * A stand-in for Azure on loopback: Direct Line's token service, and a channel connector that refuses
 * every reply (under /refuse) or holds it until released (under /hang).
 */
const azure = {
  url: '',
  hanging: true,
  held: [] as ServerResponse[],
  server: createServer((req, res) => {
    if (req.url?.startsWith('/hang/')) {
      azure.held.push(res);
      if (!azure.hanging) azure.release();
      return;
    }
    const token = req.method === 'POST' && req.url === '/v3/directline/tokens/generate';
    res.writeHead(token ? 200 : 404, { 'content-type': 'application/json' });
    res.end(token ? JSON.stringify({ token: 'direct-line-token', expires_in: 3600 }) : '{}');
  }),
  /** Answers every held reply and every one after it, so the turns waiting on them end. */
  release(): void {
    azure.hanging = false;
    for (const res of azure.held.splice(0)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    }
  },
};

// The stand-ins start first (hooks run in order) and fill in the env each app reads when it starts.
const openEnv: NodeJS.ProcessEnv = { STAFF_TOKEN, DIRECT_LINE_SECRET: 'direct-line-secret', ALLOWED_SERVICE_URL_HOSTS: '127.0.0.1' };
const guardedEnv: NodeJS.ProcessEnv = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' };
let stand: SigningKeyServer;
beforeAll(async () => {
  await new Promise<void>((resolve) => azure.server.listen(0, '127.0.0.1', resolve));
  azure.url = `http://127.0.0.1:${(azure.server.address() as AddressInfo).port}`;
  openEnv.DIRECT_LINE_ENDPOINT = azure.url;
  stand = await SigningKeyServer.start();
  stand.documents.channel = { keys: [key.jwk(['webchat'])] };
  guardedEnv.CHANNEL_OPENID_METADATA_URL = stand.metadataUrl('channel');
  guardedEnv.EMULATOR_OPENID_METADATA_URL = stand.metadataUrl('emulator');
});
const open = useServedApp(openEnv);
const guarded = useServedApp(guardedEnv);
afterAll(async () => {
  await stand.close();
  azure.release();
  azure.server.closeAllConnections();
  await new Promise((resolve) => azure.server.close(resolve));
});

// The SDK prints some failures with console.error; what it prints is searched for leaks too.
const printed: string[] = [];
beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(format(...args)));
});
afterAll(() => jest.restoreAllMocks());

function outcomeOf(status: number): Outcome {
  return status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx';
}

/** Sends one request, waits at most ABORT_MS for the whole response, and tallies what came back. */
async function send(name: string, baseUrl: string, { path, method = 'GET', headers, body }: HttpRequest, expected: number[]): Promise<void> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(ABORT_MS) });
    responses.push(await response.text());
    tally[outcomeOf(response.status)] += 1;
    if (!expected.includes(response.status)) {
      tally.unexpected += 1;
      problems.push(`${name}: ${response.status}`);
    }
  } catch (error) {
    tally.unanswered += 1;
    problems.push(`${name}: no answer (${errorName(error)})`);
  }
  const ms = performance.now() - started;
  if (ms > slowest.ms) Object.assign(slowest, { name, ms: Math.round(ms) });
}

/** An error's name and its cause's message, read as properties: fetch's errors come from another realm than the test's. */
function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return typeof error;
  const cause: unknown = Reflect.get(error, 'cause');
  const detail = typeof cause === 'object' && cause !== null ? `: ${String(Reflect.get(cause, 'message'))}` : '';
  return `${String(Reflect.get(error, 'name'))}${detail}`;
}

async function run(item: Case): Promise<void> {
  const baseUrl = item.guarded ? guarded.baseUrl : open.baseUrl;
  await Promise.all(Array.from({ length: item.times ?? 1 }, () => send(item.name, baseUrl, item.request(), item.expect)));
}

interface Watched {
  /** How late each tick of the timer came: the time the event loop was busy with something else. */
  loopDelaysMs: number[];
  /** Each tick later than the stall bound, with the cases in flight while it was kept waiting. */
  stalls: Array<{ ms: number; cases: Case[] }>;
  healthzMs: number[];
}

/**
 * Runs every case, CONCURRENCY at a time, while /healthz and /readyz are asked in turn and a timer
 * watches the event loop. A pattern that stalls shows as a late tick; requests queued behind a burst
 * of 300 (sent from this same process) slow /healthz without stalling anything. A tick later than
 * stallBoundMs names the cases in flight since the tick before, so that they can be tried again.
 */
async function watched(cases: Case[], stallBoundMs = Number.POSITIVE_INFINITY): Promise<Watched> {
  const result: Watched = { loopDelaysMs: [], stalls: [], healthzMs: [] };
  const inFlight = new Set<Case>();
  const endedSinceTick = new Set<Case>();
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const delay = now - last - TICK_MS;
    result.loopDelaysMs.push(delay);
    if (delay > stallBoundMs) result.stalls.push({ ms: delay, cases: [...new Set([...inFlight, ...endedSinceTick])] });
    endedSinceTick.clear();
    last = now;
  }, TICK_MS);
  let done = false;
  const probing = (async () => {
    while (!done) {
      await send('probe /readyz', open.baseUrl, { path: '/readyz' }, [200]);
      const started = performance.now();
      await send('probe /healthz', open.baseUrl, { path: '/healthz' }, [200]);
      result.healthzMs.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  })();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length) {
        const item = cases[next++];
        inFlight.add(item);
        await run(item);
        inFlight.delete(item);
        endedSinceTick.add(item);
      }
    }),
  );
  done = true;
  await probing;
  clearInterval(ticker);
  return result;
}

/** The stall bound at this moment: STALL_FACTOR times the worst tick under benign load measured now. */
async function stallBoundNow(benign: Case[]): Promise<{ benignWorstMs: number; boundMs: number }> {
  const benignWorstMs = Math.max(...(await watched(benign)).loopDelaysMs);
  return { benignWorstMs, boundMs: STALL_FACTOR * Math.max(benignWorstMs, NOISE_FLOOR_MS) };
}

function leaksIn(source: string, haystack: string): void {
  const lower = haystack.toLowerCase();
  for (const marker of MARKERS.filter((planted) => lower.includes(planted))) {
    tally.leaks += 1;
    problems.push(`leak: ${JSON.stringify(marker)} in ${source}`);
  }
}

function dumpOf(storage: unknown): string {
  if (!(storage instanceof ExpiringMemoryStorage)) throw new Error('expected the default memory store');
  return storage.dump().join('\n');
}

describe('Hostile input', () => {
  it('gets no 5xx, leaves no request unanswered, never stalls the event loop and leaks no planted personal data', async () => {
    // Warm up what a first request would start (the booking database, the signing keys) outside the timing;
    // the database opens outside any request's timeout, as the running bot opens it just after it starts.
    await open.app.bookings.store.ready();
    await run({ name: 'warm-up', request: () => staff('GET', '/staff/bookings'), expect: [200] });
    await run({ name: 'warm-up', guarded: true, request: () => withToken(`Bearer ${key.token(claims())}`), expect: [200] });

    // The same sizes with ordinary text: how long honest load keeps the event loop busy on this machine today.
    const ordinary = 'Hvad koster døgnbehandling, og hvor lang tid tager det? ';
    const benign = Array.from(
      { length: 10 },
      (_, index): Case => ({
        name: 'benign',
        request: () => (index % 2 === 0 ? message({ text: textOf(ordinary, MESSAGE_CAP) }) : post(bodyOf(ordinary, BODY_CAP - 64))),
        expect: [200],
      }),
    );
    const { benignWorstMs, boundMs } = await stallBoundNow(benign);
    const hostile = await watched(CASES, boundMs);
    // Other test files load both cores meanwhile, so one late tick can be the machine, not the bot: the cases in
    // flight during a stall run again (alone, against a benign bound measured just before), and a stall counts
    // only if it comes back every time. A pattern that really stalls (a regular expression backtracking
    // over 2 000 characters) does so on every try.
    let stalls = hostile.stalls;
    for (let retry = 0; retry < RECHECKS && stalls.length > 0; retry++) {
      const suspects = [...new Set(stalls.flatMap((stall) => stall.cases))];
      stalls = (await watched(suspects, (await stallBoundNow(benign)).boundMs)).stalls;
    }
    for (const stall of stalls) {
      tally.stalls += 1;
      problems.push(`stall: the event loop was busy for ${Math.round(stall.ms)} ms during ${stall.cases.map((item) => item.name).join(', ')}`);
    }

    tally.polluted = Object.keys(Object.prototype).length + ('polluted' in {} ? 1 : 0);
    leaksIn("the open app's logs", open.app.logs.lines.join('\n'));
    leaksIn("the guarded app's logs", guarded.app.logs.lines.join('\n'));
    leaksIn('the console', printed.join('\n'));
    leaksIn("the open app's store", dumpOf(open.app.storage));
    leaksIn("the guarded app's store", dumpOf(guarded.app.storage));
    leaksIn('the responses', responses.join('\n'));

    jest.restoreAllMocks();
    const eventLoopDelayMs = {
      benignWorst: Math.round(benignWorstMs),
      hostileWorst: Math.round(Math.max(...hostile.loopDelaysMs)),
      lateTicksTriedAgain: hostile.stalls.length,
    };
    const healthz = { probes: hostile.healthzMs.length, worstMs: Math.round(Math.max(...hostile.healthzMs)) };
    console.log(`hostile input: ${JSON.stringify({ ...tally, requests: responses.length + tally.unanswered, slowest, eventLoopDelayMs, healthz })}`);
    expect({ tally, problems }).toEqual({ tally: { ...tally, '5xx': 0, unanswered: 0, unexpected: 0, stalls: 0, leaks: 0, polluted: 0 }, problems: [] });
    // The catalogue really reached the bot: every hostile text was answered as a turn, and state was kept.
    const turns = open.app.logs.lines.filter((line) => line.includes('"event":"activity","status":200')).length;
    expect(turns).toBeGreaterThanOrEqual(HOSTILE_UNITS.length * 2);
    expect(dumpOf(open.app.storage).length).toBeGreaterThan(0);
  }, 120_000);

  // The SDK posts replies to the serviceUrl with no timeout; the adapter bounds each send (REPLY_TIMEOUT_MS),
  // so a connector that never answers costs the reply's and the apology's timeouts, not the request.
  it('answers within 15 s a message whose reply goes to a connector that never answers', async () => {
    const { path, method, headers, body } = message({ deliveryMode: 'normal', serviceUrl: `${azure.url}/hang/` });
    const turnsEnded = (): number => open.app.logs.lines.filter((line) => line.includes('"event":"activity"')).length;
    const before = turnsEnded();
    try {
      const status = await fetch(`${open.baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(ABORT_MS) }).then(
        (response) => response.status,
        (error: unknown) => errorName(error),
      );
      expect(status).toBe(200);
    } finally {
      azure.release();
      // The turn ends once its replies are answered; let it, before the app closes.
      for (let waited = 0; turnsEnded() === before && waited < ABORT_MS; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 60_000);
});
