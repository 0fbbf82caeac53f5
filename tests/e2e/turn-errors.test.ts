import { MemoryStorage, type StoreItems } from 'botbuilder';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { LogCapture, metaOf, testApp } from '../helpers/test-app';

/** Storage that fails its next read with an error quoting the message, as SDK errors can. */
class FailingStorage extends MemoryStorage {
  failNextRead: string | undefined;
  down = false;

  override async read(keys: string[]): Promise<StoreItems> {
    const quoted = this.failNextRead;
    if (this.down || quoted !== undefined) {
      this.failNextRead = undefined;
      throw new TypeError(`storage down while handling "${quoted}" for ${keys.join(',')}`);
    }
    return super.read(keys);
  }
}

/**
 * A served app on a FailingStorage, closed after the test body: an app left open would write its usage
 * counts a few seconds later, opening a database after this file's test environment is gone.
 */
async function withFailingStorage(
  test: (client: (locale: string) => ExpectRepliesClient, storage: FailingStorage, logs: LogCapture) => Promise<void>,
): Promise<void> {
  const logs = new LogCapture();
  const storage = new FailingStorage();
  const app = await testApp({}, logs, undefined, { storage });
  try {
    const baseUrl = await listen(app.server);
    await test((locale) => new ExpectRepliesClient(baseUrl, locale), storage, logs);
  } finally {
    await close(app.server);
    await app.close();
  }
}

describe('turn errors', () => {
  it('apologise in the conversation language, log the class only, and let the next turn work', () =>
    withFailingStorage(async (newClient, storage, logs) => {
      const client = newClient('en-US');
      await client.say('What is detox?');
      storage.failNextRead = 'kanariefugl min søn';
      const failed = await client.say('kanariefugl min søn');
      expect(failed.status).toBe(200);
      expect(failed.activities.map((activity) => activity.text)).toEqual([expect.stringContaining('Sorry, something went wrong')]);
      const errorLine = logs.lines.find((line) => line.includes('"event":"turn_error"'));
      expect(errorLine).toContain('"errorClass":"TypeError"');
      expect(logs.lines.join('\n')).not.toMatch(/kanariefugl|conversation-|http-conversation/);
      const next = await client.say('How do I complain?');
      expect(metaOf(next.activities[0]).key).toBe('topics.complaints.answer');
    }));

  it('still apologise, in the client language, when the storage stays down', () =>
    withFailingStorage(async (newClient, storage, logs) => {
      storage.down = true;
      const { status, activities } = await newClient('da-DK').say('Hvad er afgiftning?');
      expect(status).toBe(200);
      expect(activities.map((activity) => activity.text)).toEqual([expect.stringContaining('Beklager, der gik noget galt')]);
      expect(logs.lines.join('\n')).not.toContain('afgiftning');
    }));
});
