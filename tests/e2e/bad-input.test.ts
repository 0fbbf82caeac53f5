import { gzipSync } from 'node:zlib';
import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';
import { metaOf } from '../helpers/test-app';

const served = useServedApp();
const valid = () => new ExpectRepliesClient(served.baseUrl).activity({ type: 'message', text: 'Hvad er afgiftning?' });

async function post(
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${served.baseUrl}/api/messages`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

/** The refusal is short and stable: a code and a message, no stack and no exception text. */
function expectRefusal(result: { status: number; body: string }, status: number, code: string): void {
  expect(result.status).toBe(status);
  const body = JSON.parse(result.body) as { error: string; message: string };
  expect(body.error).toBe(code);
  expect(Object.keys(body).sort()).toEqual(['error', 'message']);
  expect(body.message.length).toBeLessThan(120);
  expect(result.body).not.toMatch(/\bat \w|Error:|Unexpected token|position \d/);
}

afterEach(async () => {
  expect((await fetch(`${served.baseUrl}/healthz`)).status).toBe(200);
});

describe('bad input over HTTP', () => {
  it.each([['{"type": "message", '], ['{"type":'], ['not json'], ['']])('refuses malformed or truncated JSON %j with 400', async (body) => {
    expectRefusal(await post(body), 400, 'malformed_json');
  });

  it.each([['[]'], ['"a string"'], ['42'], ['null'], ['true']])('refuses the non-object body %s with 400', async (body) => {
    expectRefusal(await post(body), 400, 'invalid_activity');
  });

  it.each([
    ['type', 5],
    ['channelId', {}],
    ['serviceUrl', 'not a url'],
    ['serviceUrl', 'ftp://127.0.0.1/'],
    ['conversation', 'kanariefugl'],
    ['conversation', { id: 5 }],
    ['conversation', { id: '' }],
    ['from', { id: ['x'] }],
    ['recipient', null],
    ['text', 5],
    ['locale', { en: true }],
    ['deliveryMode', 7],
    ['membersAdded', 'everyone'],
    ['attachments', {}],
    ['entities', 'x'],
    ['replyToId', 3],
  ])('refuses an activity whose %s is %j with 400 naming only the field', async (field, value) => {
    const result = await post(JSON.stringify({ ...valid(), [field]: value }));
    expectRefusal(result, 400, 'invalid_activity');
    expect(result.body).toContain(`"${field}`);
    expect(result.body).not.toContain('kanariefugl');
  });

  it.each([['conversation'], ['from'], ['recipient'], ['serviceUrl'], ['channelId'], ['type']])('refuses an activity without %s with 400', async (field) => {
    const activity: Record<string, unknown> = { ...valid() };
    delete activity[field];
    expectRefusal(await post(JSON.stringify(activity)), 400, 'invalid_activity');
  });

  it('refuses an unknown activity type with 400', async () => {
    expectRefusal(await post(JSON.stringify({ ...valid(), type: 'launchRockets' })), 400, 'unknown_activity_type');
  });

  it('refuses a body over the size limit with 413, by Content-Length and by what arrives', async () => {
    const huge = JSON.stringify({ ...valid(), text: 'x'.repeat(300 * 1024) });
    expectRefusal(await post(huge), 413, 'payload_too_large');
    const streamed = await fetch(`${served.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    } as RequestInit);
    expectRefusal({ status: streamed.status, body: await streamed.text() }, 413, 'payload_too_large');
  });

  it.each([['gzip'], ['deflate'], ['br'], ['x-unknown']])('refuses Content-Encoding %s with 415, also a bad gzip body', async (encoding) => {
    expectRefusal(
      await post(Buffer.from('garbage that is not compressed'), { 'content-type': 'application/json', 'content-encoding': encoding }),
      415,
      'unsupported_content_encoding',
    );
  });

  it('refuses even a valid gzip body with 415: a compressed size says nothing about what it inflates to', async () => {
    const body = gzipSync(Buffer.from(JSON.stringify(valid())));
    expectRefusal(await post(body, { 'content-type': 'application/json', 'content-encoding': 'gzip' }), 415, 'unsupported_content_encoding');
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['']])('refuses Content-Type %j with 415', async (type) => {
    expectRefusal(await post(JSON.stringify(valid()), type ? { 'content-type': type } : {}), 415, 'unsupported_media_type');
  });

  it('answers a message with control characters and lone surrogates', async () => {
    const result = await post(JSON.stringify({ ...valid(), text: 'Hvad er \u0000afgift\u001bning\uD800?' }));
    expect(result.status).toBe(200);
    expect(metaOf((JSON.parse(result.body) as { activities: object[] }).activities[0])).toMatchObject({ key: 'topics.detox.answer' });
  });

  it('answers a very long message politely in the chat instead of refusing it', async () => {
    const { status, activities } = await new ExpectRepliesClient(served.baseUrl).say('Jeg har et spørgsmål om behandling. '.repeat(300));
    expect(status).toBe(200);
    expect(activities.map((activity) => metaOf(activity).key)).toEqual(['ui.tooLong']);
  });

  it.each([
    ['a run of letters before an @', `${'a'.repeat(250_000)}@`],
    ['six digits and a run of spaces', `123456${' '.repeat(250_000)}1234`],
    ['characters that normalise to many letters', '\u3300'.repeat(600)],
  ])('answers a message near the body cap made of %s with the too-long reply, unread', async (_name, text) => {
    const { status, activities } = await new ExpectRepliesClient(served.baseUrl).say(text);
    expect(status).toBe(200);
    expect(activities.map((activity) => metaOf(activity).key)).toEqual(['ui.tooLong']);
  });

  it('ignores unknown fields and still answers', async () => {
    const result = await post(JSON.stringify({ ...valid(), somethingNew: { nested: [1, 2] } }));
    expect(result.status).toBe(200);
  });
});
