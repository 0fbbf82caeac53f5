import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { App } from '../../src/app';
import { CODE_ADJECTIVES, CODE_NOUNS } from '../../src/booking/booking-code';
import { BookingStore } from '../../src/booking/booking-store';
import { openPglite } from '../../src/booking/sql-client';
import { fold } from '../../src/text/fold';
import { buttonTitles, LogCapture, metaOf, TestConversation, testApp } from '../helpers/test-app';

jest.setTimeout(60_000);

// Monday 23 November 2026, 08:00 in Copenhagen: the example schedule's first free time is 10:00 today.
let clock = Date.parse('2026-11-23T07:00:00Z');
const now = () => clock;

type TestApp = App & { logs: LogCapture };
const client = openPglite('memory://');
let store: BookingStore;
let app: TestApp;
const dirs: string[] = [];

// The shared app's limits are out of the way (its clock starts every test at the same minute); the
// tests of the limits make apps of their own.
const NO_LIMITS = {
  BOOKINGS_PER_HOUR: '1000',
  BOOKINGS_PER_CONVERSATION: '1000',
  CODE_LOOKUP_FAILURES_PER_MINUTE: '1000',
  CODE_LOOKUP_FAILURES_PER_DAY: '1000',
};

async function appWith(env: NodeJS.ProcessEnv = {}, logs = new LogCapture('debug')): Promise<TestApp> {
  return testApp({ ...NO_LIMITS, ...env }, logs, now, { bookingStore: store });
}

function scheduleFile(schedule: object): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schedule-'));
  dirs.push(dir);
  const file = path.join(dir, 'schedule.json');
  writeFileSync(file, JSON.stringify(schedule));
  return file;
}

beforeAll(async () => {
  store = new BookingStore(() => client);
  await store.ready();
  app = await appWith();
});
beforeEach(async () => {
  clock = Date.parse('2026-11-23T07:00:00Z');
  await (await client).query('DELETE FROM bookings');
  await (await client).query('DELETE FROM limit_counts');
});
afterAll(async () => {
  await app.close();
  await store.close();
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function only(replies: Partial<Activity>[]): Partial<Activity> {
  expect(replies).toHaveLength(1);
  return replies[0];
}

async function expectKey(conversation: TestConversation, text: string, key: string): Promise<Partial<Activity>> {
  const reply = only(await conversation.say(text));
  expect({ text, key: metaOf(reply).key }).toEqual({ text, key });
  return reply;
}

/** Sends a message and checks the keys of all its replies, in order. */
async function expectKeys(conversation: TestConversation, text: string, keys: string[]): Promise<Partial<Activity>[]> {
  const replies = await conversation.say(text);
  expect({ text, keys: replies.map((reply) => metaOf(reply).key) }).toEqual({ text, keys });
  return replies;
}

function codeIn(reply: Partial<Activity>): string {
  const code = /\*\*([A-ZÆØÅ]+-[A-ZÆØÅ]+-\d{6})\*\*/.exec(reply.text ?? '')?.[1];
  if (!code) throw new Error(`no code in: ${reply.text}`);
  return code;
}

/** Books the first offered time at Pitstop, about oneself, and returns the confirmation. */
async function bookFirstTime(conversation: TestConversation): Promise<Partial<Activity>> {
  const offer = await expectKey(conversation, 'Jeg vil gerne booke en tid', 'booking.intro');
  await expectKey(conversation, buttonTitles(offer)[0], 'booking.askMode');
  await expectKey(conversation, 'Hos Pitstop', 'booking.askAbout');
  return expectKey(conversation, 'Mig selv', 'booking.booked');
}

/**
 * One conversation chooses the first free time and answers everything but the last question; meanwhile
 * another books that time. The slow one's last answer gets the list of times left: returned.
 */
async function loseTheFirstTime(bot: App): Promise<{ slow: TestConversation; retry: Partial<Activity> }> {
  const slow = new TestConversation(bot);
  const offer = await expectKey(slow, 'book en tid', 'booking.intro');
  await expectKey(slow, buttonTitles(offer)[0], 'booking.askMode');
  await expectKey(slow, 'Hos Pitstop', 'booking.askAbout');
  await bookFirstTime(new TestConversation(bot));
  return { slow, retry: await expectKey(slow, 'Mig selv', 'booking.slotTaken') };
}

/** Books the first free time by phone, says yes to a call-back with this number, and returns the code. */
async function bookByPhoneWithCallback(conversation: TestConversation, phone: string): Promise<string> {
  await expectKey(conversation, 'book tid', 'booking.intro');
  await expectKey(conversation, '1', 'booking.askMode');
  await expectKey(conversation, 'I telefonen', 'booking.askAbout');
  const [booked] = await expectKeys(conversation, 'Mig selv', ['booking.booked', 'booking.askCallback']);
  await expectKey(conversation, 'ja', 'booking.askPhone');
  await expectKey(conversation, phone, 'booking.callbackSaved');
  return codeIn(booked);
}

describe('Booking an anonymous conversation', () => {
  it('offers free times from the example schedule, says they are an example, and books one at Pitstop', async () => {
    const conversation = new TestConversation(app);
    const offer = await expectKey(conversation, 'Jeg vil gerne booke en tid', 'booking.intro');
    expect(buttonTitles(offer).slice(0, 3)).toEqual(['mandag 23/11 kl. 10:00', 'mandag 23/11 kl. 11:00', 'mandag 23/11 kl. 13:00']);
    expect(buttonTitles(offer)).toHaveLength(8);
    expect(offer.text).toContain('1. mandag 23/11 kl. 10:00');
    expect(offer.text).toContain('eksempel-skema');
    expect(offer.text).toContain('Du skal ikke oplyse navn eller CPR-nummer');

    const mode = await expectKey(conversation, '2', 'booking.askMode');
    expect(buttonTitles(mode)).toEqual(['Hos Pitstop', 'I telefonen']);
    expect(buttonTitles(await expectKey(conversation, '7', 'booking.choiceRetry'))).toEqual(['Hos Pitstop', 'I telefonen']);
    const about = await expectKey(conversation, 'Hos Pitstop', 'booking.askAbout');
    expect(buttonTitles(about)).toEqual(['Mig selv', 'En pårørende', 'Vil ikke svare']);
    const booked = await expectKey(conversation, 'En pårørende', 'booking.booked');
    const code = codeIn(booked);
    expect(booked.text).toContain('**Din tid er booket:** mandag den 23. november kl. 11:00.');
    expect(booked.text).toContain('Mød op hos Pitstop, Søstedet, Ishøj Søvej 1, 2635 Ishøj, og sig din kode.');
    expect(booked.text).toContain(`«aflys ${code}»`);
    expect(booked.text).toContain('eksempel-skema');
    expect(await store.find(code)).toMatchObject({ mode: 'in_person', about: 'relative', language: 'da', slot: { start: new Date('2026-11-23T10:00:00Z') } });
  });

  it('no longer offers a booked time', async () => {
    await bookFirstTime(new TestConversation(app));
    const offer = await expectKey(new TestConversation(app), 'book tid', 'booking.intro');
    expect(buttonTitles(offer)[0]).toBe('mandag 23/11 kl. 11:00');
  });

  it('shows the booking for its code, typed in lower case, without å or with a typo, and cancels it with "aflys"', async () => {
    const code = codeIn(await bookFirstTime(new TestConversation(app)));
    const [adjective, noun, number] = code.split('-');
    const later = new TestConversation(app);
    // Codes are random; one letter too many is forgiven in words of four letters or more.
    const withTypo = [adjective, noun].some((word) => fold(word).length >= 4)
      ? [fold(adjective).length >= 4 ? `${adjective}X-${noun}-${number}` : `${adjective}-${noun}X-${number}`]
      : [];
    for (const typed of [
      code,
      code.toLowerCase(),
      `${adjective} ${noun} ${number}`.toLowerCase().replace(/å/g, 'aa').replace(/ø/g, 'oe').replace(/æ/g, 'ae'),
      ...withTypo,
    ]) {
      const shown = await expectKey(later, typed, 'booking.shown');
      expect(shown.text).toContain(`**Din booking ${code}:** mandag den 23. november kl. 10:00.`);
    }
    const cancelled = await expectKey(later, `aflys ${code.toLowerCase()}`, 'booking.cancelled');
    expect(cancelled.text).toContain(`Din tid mandag den 23. november kl. 10:00 (kode ${code}) er aflyst`);
    expect(await store.find(code)).toBeUndefined();
    await expectKey(later, code, 'booking.notFound');
    // The cancelled time is free again.
    expect(buttonTitles(await expectKey(new TestConversation(app), 'book tid', 'booking.intro'))[0]).toBe('mandag 23/11 kl. 10:00');
  });

  it('explains how to cancel when "aflys" comes without a code, and says so when a code matches no booking', async () => {
    const conversation = new TestConversation(app);
    expect((await expectKey(conversation, 'aflys', 'booking.cancelHowTo')).text).toContain('«aflys BLÅ-MÅGE-471852»');
    await expectKey(conversation, 'aflys rød ged 123456', 'booking.notFound');
    await expectKey(conversation, 'aflys rød ged 12', 'booking.notFound');
  });

  it('books a phone conversation and takes a call-back number only after an explicit yes, without the personal-data notice', async () => {
    const conversation = new TestConversation(app);
    const offer = await expectKey(conversation, 'kan jeg bestille en samtale', 'booking.intro');
    await expectKey(conversation, buttonTitles(offer)[0], 'booking.askMode');
    await expectKey(conversation, 'I telefonen', 'booking.askAbout');
    const [booked, callback] = await expectKeys(conversation, 'Vil ikke svare', ['booking.booked', 'booking.askCallback']);
    const code = codeIn(booked);
    expect(booked.text).toContain('Ring til Pitstop på [20 69 28 33](tel:+4520692833) på tiden, og sig din kode.');
    expect(buttonTitles(callback)).toEqual(['Ja, ring mig op', 'Nej, jeg ringer selv']);
    await expectKey(conversation, 'Ja, ring mig op', 'booking.askPhone');
    await expectKey(conversation, '12 34', 'booking.phoneRetry');
    const saved = await expectKey(conversation, '22 33 44 55', 'booking.callbackSaved');
    expect(saved.text).toContain(`Pitstop ringer dig op mandag den 23. november kl. 10:00. Dit nummer slettes, når tiden er gået. Sig din kode **${code}**`);
    expect(saved.text).not.toContain('22 33 44 55');
    expect(await store.find(code)).toMatchObject({ mode: 'phone', callbackPhone: '22334455', language: 'da' });
    expect((await store.find(code))?.about).toBeUndefined();
  });

  it('books a phone conversation without a call-back number when the answer is no', async () => {
    const conversation = new TestConversation(app);
    const offer = await expectKey(conversation, 'book tid', 'booking.intro');
    await expectKey(conversation, buttonTitles(offer)[0], 'booking.askMode');
    await expectKey(conversation, 'I telefonen', 'booking.askAbout');
    const [booked] = await expectKeys(conversation, 'Mig selv', ['booking.booked', 'booking.askCallback']);
    const declined = await expectKey(conversation, 'nej', 'booking.noCallback');
    expect(declined.text).toContain(
      `ringer du selv til Pitstop på [20 69 28 33](tel:+4520692833) mandag den 23. november kl. 10:00 og siger din kode **${codeIn(booked)}**`,
    );
    expect((await store.find(codeIn(booked)))?.callbackPhone).toBeUndefined();
  });

  it('keeps no phone number given outside the call-back question, and says it needs none', async () => {
    const conversation = new TestConversation(app);
    const replies = await conversation.say('jeg vil booke en tid, mit nummer er 22 33 44 55');
    expect(replies.map((reply) => metaOf(reply).key)).toEqual(['ui.personalDataNotice', 'booking.intro']);
    await expectKey(conversation, '1', 'booking.askMode');
    await expectKey(conversation, 'I telefonen', 'booking.askAbout');
    await expectKeys(conversation, 'Mig selv', ['booking.booked', 'booking.askCallback']);
    await expectKey(conversation, 'nej', 'booking.noCallback');
    expect(
      (await (await client).query('SELECT callback_phone FROM bookings')).every((row) => (row as { callback_phone: unknown }).callback_phone === null),
    ).toBe(true);
  });

  it('says a time was taken by someone else in between, offers the free ones and keeps the answers given', async () => {
    const { slow, retry } = await loseTheFirstTime(app);
    expect(buttonTitles(retry)[0]).toBe('mandag 23/11 kl. 11:00');
    const booked = await expectKey(slow, 'mandag 23/11 kl. 11:00', 'booking.booked');
    expect(booked.text).toContain('mandag den 23. november kl. 11:00');
  });

  it('says there are no free times when every slot is booked, and gives the phone instead', async () => {
    const tight = await appWith({ BOOKING_SCHEDULE_FILE: scheduleFile({ weekly: { monday: ['12:00'] }, bookableDays: 1 }) });
    try {
      await bookFirstTime(new TestConversation(tight));
      const none = await expectKey(new TestConversation(tight), 'book tid', 'booking.noFreeSlots');
      expect(none.text).toContain('ingen ledige tider i chatten de næste 1 dage');
      expect(buttonTitles(none)).toEqual(['Ring til Pitstop']);
      expect(none.text).not.toContain('eksempel');
    } finally {
      await tight.close();
    }
  });

  it('gives the phone instead of booking when no schedule is configured', async () => {
    const closed = await appWith({ BOOKING_SCHEDULE_FILE: 'none' });
    try {
      const reply = await expectKey(new TestConversation(closed), 'book tid', 'booking.notConfigured');
      expect(reply.text).toContain('[20 69 28 33](tel:+4520692833)');
    } finally {
      await closed.close();
    }
  });

  it('lets any other question interrupt the booking', async () => {
    const conversation = new TestConversation(app);
    await expectKey(conversation, 'book tid', 'booking.intro');
    await expectKey(conversation, 'Hvad koster dagbehandling?', 'topics.day_treatment.cost');
    await expectKey(conversation, 'Hos Pitstop', 'topics.pitstop.answer');
  });

  it('answers a crisis, a command or a booking code at once, even where a booking answer was expected', async () => {
    const code = codeIn(await bookFirstTime(new TestConversation(app)));
    for (const [text, key] of [
      ['overdosis 10 min siden', 'crisis.acute'],
      [`aflys ${code}`, 'booking.cancelled'],
      ['hjælp', 'ui.help'],
    ]) {
      const conversation = new TestConversation(app);
      await expectKey(conversation, 'book tid', 'booking.intro');
      await expectKey(conversation, text, key);
    }
  });

  it('books in English with English times and words', async () => {
    const conversation = new TestConversation(app, 'en-US');
    const offer = await expectKey(conversation, 'I want to book an appointment', 'booking.intro');
    expect(buttonTitles(offer)[0]).toBe('Monday 23/11 at 10:00');
    expect(offer.text).toContain('example schedule');
    await expectKey(conversation, 'Monday 23/11 at 10:00', 'booking.askMode');
    await expectKey(conversation, 'At Pitstop', 'booking.askAbout');
    const booked = await expectKey(conversation, 'Rather not say', 'booking.booked');
    expect(booked.text).toContain('**Your time is booked:** Monday 23 November at 10:00.');
    expect(await store.find(codeIn(booked))).toMatchObject({ language: 'en' });
  });

  it('never writes a call-back number or a code into a log line or the conversation state', async () => {
    const logs = new LogCapture('trace');
    const watched = await appWith({}, logs);
    try {
      const code = await bookByPhoneWithCallback(new TestConversation(watched), '+45 61 72 83 94');
      const state = JSON.stringify((watched.storage as unknown as { dump(): unknown }).dump());
      for (const secret of ['61728394', '61 72 83 94']) {
        expect(logs.lines.join('\n')).not.toContain(secret);
        expect(state).not.toContain(secret);
      }
      expect(logs.lines.join('\n')).not.toContain(code);
      expect((await store.find(code))?.callbackPhone).toBe('61728394');
    } finally {
      await watched.close();
    }
  });

  it('deletes a call-back number when its slot has passed, on the purge timer, and the booking the day after', async () => {
    const purging = await testApp({}, new LogCapture(), now, { bookingStore: store, bookingPurgeIntervalMs: 20 });
    try {
      const code = await bookByPhoneWithCallback(new TestConversation(purging), '22 33 44 55');
      const waitFor = async (check: () => Promise<boolean>) => {
        for (let tries = 0; tries < 100 && !(await check()); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
        return check();
      };
      // 10:44 Copenhagen: the 10:00 slot still runs, so the number stays.
      clock = Date.parse('2026-11-23T09:44:00Z');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await store.find(code))?.callbackPhone).toBe('22334455');
      // 10:45: the slot has ended.
      clock = Date.parse('2026-11-23T09:45:00Z');
      expect(await waitFor(async () => (await store.find(code))?.callbackPhone === undefined)).toBe(true);
      expect(await store.find(code)).toBeDefined();
      // Just after midnight, the day after the slot: the booking itself goes.
      clock = Date.parse('2026-11-23T23:00:30Z');
      expect(await waitFor(async () => (await store.find(code)) === undefined)).toBe(true);
    } finally {
      await purging.close();
    }
  });
});

describe('Booking limits', () => {
  /** Well-formed codes that are not the booked one, as a guesser would walk through the code space. */
  const wrongCodes = (code: string): string[] =>
    CODE_ADJECTIVES.flatMap((adjective) => CODE_NOUNS.map((noun) => `${adjective}-${noun}-${code.slice(-6)}`)).filter((guess) => guess !== code);
  const guess = async (instance: TestApp, text: string): Promise<string> => metaOf(only(await new TestConversation(instance).say(text))).key;

  it('lets a client that guesses codes at full speed, in a new conversation each time and on two instances, find no booking: past the limit even the right code is not looked up until the minute is over', async () => {
    const logs = new LogCapture();
    const limited = await appWith({ CODE_LOOKUP_FAILURES_PER_MINUTE: '20' }, logs);
    const other = await appWith({ CODE_LOOKUP_FAILURES_PER_MINUTE: '20' }, logs);
    try {
      const code = codeIn(await bookFirstTime(new TestConversation(limited)));
      const wrong = wrongCodes(code);
      const answers: string[] = [];
      for (let attempt = 0; attempt < 60; attempt += 1) {
        answers.push(await guess(attempt % 2 === 0 ? limited : other, attempt === 40 ? `aflys ${code}` : `aflys ${wrong[attempt]}`));
      }
      expect(answers.filter((key) => key === 'booking.cancelled')).toEqual([]);
      expect(answers[40]).toBe('booking.lookupThrottled');
      expect(answers.slice(0, 20).every((key) => key === 'booking.notFound')).toBe(true);
      expect(answers.slice(20).every((key) => key === 'booking.lookupThrottled')).toBe(true);
      expect(logs.lines.filter((line) => line.includes('"event":"booking_limit_reached"') && line.includes('"limit":"code_lookups_minute"'))).toHaveLength(1);
      expect(logs.lines.join('\n')).not.toContain(code.slice(-6));
      clock += 60_000;
      await expectKey(new TestConversation(other), code, 'booking.shown');
    } finally {
      await limited.close();
      await other.close();
    }
  });

  it("stops looking codes up for the rest of the day once the day's wrong codes are spent, minute after minute", async () => {
    const logs = new LogCapture();
    const limited = await appWith({ CODE_LOOKUP_FAILURES_PER_MINUTE: '5', CODE_LOOKUP_FAILURES_PER_DAY: '12', BOOKING_RETENTION_DAYS: '2' }, logs);
    try {
      const code = codeIn(await bookFirstTime(new TestConversation(limited)));
      const wrong = wrongCodes(code);
      const answers: string[] = [];
      for (let minute = 0; minute < 4; minute += 1, clock += 60_000) {
        for (let attempt = 0; attempt < 6; attempt += 1) answers.push(await guess(limited, wrong[minute * 6 + attempt]));
      }
      expect(answers.filter((key) => key === 'booking.notFound')).toHaveLength(12);
      expect(await guess(limited, code)).toBe('booking.lookupThrottled');
      expect(logs.lines.filter((line) => line.includes('"limit":"code_lookups_day"'))).toHaveLength(1);
      // The next day (UTC) the right code is found again.
      clock = Date.parse('2026-11-24T00:00:30Z');
      expect(await guess(limited, code)).toBe('booking.shown');
    } finally {
      await limited.close();
    }
  });

  it("spends the hour's bookings only on bookings made, not on a time someone else took first", async () => {
    const limited = await appWith({ BOOKINGS_PER_HOUR: '2' });
    try {
      const { slow, retry } = await loseTheFirstTime(limited);
      await expectKey(slow, buttonTitles(retry)[0], 'booking.booked');
      await expectKey(new TestConversation(limited), 'book en tid', 'booking.limitReached');
    } finally {
      await limited.close();
    }
  });

  it('lets one client take no more than its share of the free times, in one conversation or many', async () => {
    const logs = new LogCapture();
    const limited = await appWith({ BOOKINGS_PER_HOUR: '3', BOOKINGS_PER_CONVERSATION: '2' }, logs);
    try {
      const one = new TestConversation(limited);
      await bookFirstTime(one);
      await bookFirstTime(one);
      await expectKey(one, 'Jeg vil gerne booke en tid', 'booking.limitReached');
      await bookFirstTime(new TestConversation(limited));
      const refused = await expectKey(new TestConversation(limited), 'Jeg vil gerne booke en tid', 'booking.limitReached');
      expect(refused.text).toContain('[20 69 28 33](tel:+4520692833)');
      expect(await (await client).query<{ n: number }>('SELECT count(*)::int AS n FROM bookings')).toEqual([{ n: 3 }]);
      expect(logs.lines.filter((line) => line.includes('"limit":"bookings_hour"'))).toHaveLength(1);
      clock += 3_600_000;
      await expectKey(new TestConversation(limited), 'Jeg vil gerne booke en tid', 'booking.intro');
    } finally {
      await limited.close();
    }
  });
});
