import { ExpectRepliesClient, useServedApp } from '../helpers/http-client';
import { metaOf, sharedNlu } from '../helpers/test-app';

const served = useServedApp();

describe('Personal data in messages', () => {
  it('says once, before the answer, that it is not needed and not kept, and never repeats it', async () => {
    const client = new ExpectRepliesClient(served.baseUrl);
    const first = await client.say('Jeg hedder Mette, mit cpr er 010190-1234 og min mail er mette@example.dk. Hvordan klager jeg?');
    expect(first.activities.map((activity) => metaOf(activity).key)).toEqual(['ui.personalDataNotice', 'topics.complaints.answer']);
    expect(first.activities[0].text).toContain('har ikke gemt det');
    const second = await client.say('ring på +45 22 33 44 55');
    expect(second.activities.map((activity) => metaOf(activity).key)).not.toContain('ui.personalDataNotice');
    const everything = JSON.stringify([...first.activities, ...second.activities]);
    for (const canary of ['010190', '1234', 'mette@example.dk', '22 33 44 55', '22334455']) expect(everything).not.toContain(canary);
  });

  it('tells the notice in English to an English conversation', async () => {
    const { activities } = await new ExpectRepliesClient(served.baseUrl, 'en-US').say('my number is 22334455, can I get help?');
    expect(metaOf(activities[0])).toMatchObject({ key: 'ui.personalDataNotice', language: 'en' });
  });

  it('reads the message once for the notice and the answer (whether it is an emergency, which the notice waits for)', async () => {
    const { recognizer } = sharedNlu();
    const recognize = jest.spyOn(recognizer, 'recognize');
    const isAcute = jest.spyOn(recognizer, 'isAcute');
    try {
      const { activities } = await new ExpectRepliesClient(served.baseUrl).say('min mail er mette@example.dk. Hvordan klager jeg?');
      expect(activities.map((activity) => metaOf(activity).key)).toEqual(['ui.personalDataNotice', 'topics.complaints.answer']);
      expect({ recognize: recognize.mock.calls.length, isAcute: isAcute.mock.calls.length }).toEqual({ recognize: 1, isAcute: 0 });
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('does not treat the public numbers it gives itself as personal data', async () => {
    const { activities } = await new ExpectRepliesClient(served.baseUrl).say('er 20 69 28 33 nummeret til pitstop?');
    expect(activities.map((activity) => metaOf(activity).key)).not.toContain('ui.personalDataNotice');
  });
});
