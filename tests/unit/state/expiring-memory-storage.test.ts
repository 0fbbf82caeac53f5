import { ExpiringMemoryStorage } from '../../../src/state/expiring-memory-storage';
import { KeyHasher } from '../../../src/state/hashed-keys';

describe('ExpiringMemoryStorage', () => {
  let clock = 0;
  let storage: ExpiringMemoryStorage;
  beforeEach(() => {
    clock = 1_000_000;
    storage = new ExpiringMemoryStorage({ ttlMs: 30 * 60_000, keys: new KeyHasher('test-secret-test-secret-test-secret'), now: () => clock });
  });
  afterEach(() => storage.close());

  it('reads back what it wrote, as a copy', async () => {
    const item = { profile: { language: 'da' } };
    await storage.write({ 'webchat/conversations/abc': item });
    const read = await storage.read(['webchat/conversations/abc', 'other']);
    expect(read).toEqual({ 'webchat/conversations/abc': item });
    expect(read['webchat/conversations/abc']).not.toBe(item);
  });

  it('forgets an item the given time after it was last used', async () => {
    await storage.write({ key: { a: 1 } });
    clock += 29 * 60_000;
    expect(await storage.read(['key'])).toEqual({ key: { a: 1 } });
    clock += 29 * 60_000;
    expect(await storage.read(['key'])).toEqual({ key: { a: 1 } });
    clock += 30 * 60_000;
    expect(await storage.read(['key'])).toEqual({});
    expect(storage.dump()).toEqual([]);
  });

  it('deletes at once', async () => {
    await storage.write({ key: { a: 1 } });
    await storage.delete(['key']);
    expect(await storage.read(['key'])).toEqual({});
  });

  it('keeps no key in the clear', async () => {
    await storage.write({ 'webchat/conversations/conversation-4711': { a: 1 } });
    expect(storage.dump().join('\n')).not.toContain('conversation-4711');
  });
});
