import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, ExpectRepliesClient, listen } from '../helpers/http-client';
import { buttonTitles, metaOf, testApp } from '../helpers/test-app';

const HOURS = { weekly: { monday: [['09:00', '15:00']], wednesday: [['09:00', '15:00']], friday: [['09:00', '13:00']] } };

/** Asks for a person at an instant, with the given hours file (or none), and returns the reply. */
async function askForAPerson(instant: string, hours: object | undefined, locale = 'da-DK', env: NodeJS.ProcessEnv = {}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hours-'));
  const file = path.join(dir, 'opening-hours.json');
  if (hours) writeFileSync(file, JSON.stringify(hours));
  const app = await testApp({ ...env, ...(hours ? { OPENING_HOURS_FILE: file } : {}) }, undefined, () => Date.parse(instant));
  const baseUrl = await listen(app.server);
  try {
    const { activities } = await new ExpectRepliesClient(baseUrl, locale).say(
      locale === 'da-DK' ? 'Jeg vil tale med et menneske' : 'I want to talk to a human',
    );
    expect(metaOf(activities[0]).key).toBe('topics.contact.answer');
    expect(buttonTitles(activities[0])).toContain(locale === 'da-DK' ? 'Book en anonym samtale' : 'Book an anonymous conversation');
    return activities[0].text ?? '';
  } finally {
    await close(app.server);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('phone hand-off and opening hours', () => {
  it('says Pitstop is open now, and until when, within the configured hours', async () => {
    const text = await askForAPerson('2026-11-23T10:00:00Z', HOURS);
    expect(text).toContain('[20 69 28 33](tel:+4520692833)');
    expect(text).toContain('Søstedet, Ishøj Søvej 1, 2635 Ishøj');
    expect(text).toContain('[43 57 75 75](tel:+4543577575)');
    expect(text).toContain('**Pitstop har åbent nu**, indtil kl. 15:00.');
  });

  it('when closed, says when Pitstop opens next and where to turn meanwhile', async () => {
    const text = await askForAPerson('2026-11-23T20:30:00Z', HOURS);
    expect(text).toContain('**Pitstop har lukket nu.** Der åbnes igen onsdag den 25. november kl. 09:00.');
    expect(text).toContain('[112](tel:112)');
    expect(text).toContain('[70 201 201](tel:+4570201201)');
    expect(text).toContain('Du kan også booke en anonym samtale her i chatten.');
  });

  it('offers booking only while closed, and only where booking is set up', async () => {
    expect(await askForAPerson('2026-11-23T10:00:00Z', HOURS)).not.toContain('booke');
    expect(await askForAPerson('2026-11-23T20:30:00Z', HOURS, 'da-DK', { BOOKING_SCHEDULE_FILE: 'none' })).not.toContain('booke');
  });

  it('says it in English too', async () => {
    const text = await askForAPerson('2026-11-27T13:30:00Z', HOURS, 'en-US');
    expect(text).toContain('**Pitstop is closed now.** It opens again on Monday 30 November at 09:00.');
  });

  it('says nothing about hours when none are configured, and invents none', async () => {
    const text = await askForAPerson('2026-11-23T10:00:00Z', undefined);
    expect(text).toContain('[20 69 28 33](tel:+4520692833)');
    expect(text).not.toMatch(/åbent|lukket|kl\\. \\d/);
  });

  it('refuses to start with a bad hours file, naming the problem', async () => {
    await expect(askForAPerson('2026-11-23T10:00:00Z', { weekly: { monday: [['9am', '3pm']] } })).rejects.toThrow(/OPENING_HOURS_FILE weekly\.monday/);
  });
});
