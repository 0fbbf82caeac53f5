import { metaOf, TestConversation, testApp } from '../helpers/test-app';

/** The conversation state as the store holds it: one JSON text per key (the keys are HMACs, never ids). */
function storedProfiles(app: { storage: unknown }): Array<{ lastReading?: Array<[string, number]> }> {
  const lines = (app.storage as { dump(): string[] }).dump();
  return lines.map((line) => JSON.parse(line.slice(line.indexOf(' ') + 1)).profile ?? {});
}

describe('The state kept for a conversation between its messages', () => {
  it('keeps the last reading to four decimals, and a short follow-up is still read with it', async () => {
    const app = await testApp();
    try {
      const conversation = new TestConversation(app);
      await conversation.say('min søn ryger hash hver dag, hvad kan vi gøre');
      const readings = storedProfiles(app).flatMap(({ lastReading }) => lastReading ?? []);
      expect(readings.length).toBeGreaterThan(0);
      // Every probability is a multiple of 1/10 000 (Math.round(p * 10 000) gives it back whole).
      expect(readings.filter(([, probability]) => Math.abs(probability * 10_000 - Math.round(probability * 10_000)) > 1e-6)).toEqual([]);
      await conversation.say('hvad koster det at komme i behandling');
      const [reply] = await conversation.say('og døgn?');
      expect(metaOf(reply).key).toBe('topics.residential.cost');
    } finally {
      await app.close();
    }
  });
});
