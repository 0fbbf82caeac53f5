import type { Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { BookingDialog } from '../../dialogs/booking-dialog';
import { BookingDesk } from '../../src/booking/booking-desk';
import { BookingStore } from '../../src/booking/booking-store';
import { loadCounsellingSchedule } from '../../src/booking/load-counselling-schedule';
import { openPglite } from '../../src/booking/sql-client';
import { dialogServices } from '../helpers/dialog-services';
import { buttonTitles, metaOf } from '../helpers/test-app';

jest.setTimeout(60_000);

// Monday 23 November 2026, 08:00 in Copenhagen: the example schedule has free times from 10:00 today.
const now = (): Date => new Date('2026-11-23T07:00:00Z');
const client = openPglite('memory://');
let store: BookingStore;

beforeAll(async () => {
  store = new BookingStore(() => client);
  await store.ready();
});
beforeEach(async () => {
  await (await client).query('DELETE FROM bookings');
});
afterAll(() => store.close());

/** The booking flow alone, on a real (in-memory) database and the example schedule. */
async function booking(): Promise<{ client: DialogTestClient; desk: BookingDesk }> {
  const desk = new BookingDesk({ store, schedule: loadCounsellingSchedule({ NODE_ENV: 'test' }), retentionDays: 7, now });
  const { services, conversationState } = await dialogServices({ bookings: desk, now });
  return { client: new DialogTestClient('test', new BookingDialog(services), undefined, [], conversationState), desk };
}

const keyOf = (reply: Partial<Activity>): string | undefined => metaOf(reply)?.key;

describe('The booking, as a flow on its own (DialogTestClient)', () => {
  it('books a time at Pitstop: a free time, how to meet, whom it is about, then the code at once', async () => {
    const { client, desk } = await booking();
    const free = (await desk.freeSlots()).length;
    const intro: Partial<Activity> = await client.sendActivity('Book en anonym samtale');
    expect(keyOf(intro)).toBe('booking.intro');
    const [firstTime] = buttonTitles(intro);
    expect(keyOf(await client.sendActivity(firstTime))).toBe('booking.askMode');
    expect(keyOf(await client.sendActivity('Hos Pitstop'))).toBe('booking.askAbout');
    const booked: Partial<Activity> = await client.sendActivity('Vil ikke svare');
    expect(keyOf(booked)).toBe('booking.booked');
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    // The code in the confirmation is the booking kept, and its time is no longer free.
    const [code] = (booked.text ?? '').match(/\p{L}+-\p{L}+-\d{6}/u) ?? [];
    expect(code).toBeDefined();
    expect(await desk.find(code ?? '')).toMatchObject({ code, mode: 'in_person' });
    expect((await desk.freeSlots()).length).toBe(free - 1);
  });

  it('books a phone conversation and, when no call-back is wanted, says how the call happens', async () => {
    const { client } = await booking();
    const intro: Partial<Activity> = await client.sendActivity('start');
    await client.sendActivity(buttonTitles(intro)[1]);
    expect(keyOf(await client.sendActivity('I telefonen'))).toBe('booking.askAbout');
    expect(keyOf(await client.sendActivity('Mig selv'))).toBe('booking.booked');
    expect(keyOf(client.getNextReply())).toBe('booking.askCallback');
    expect(keyOf(await client.sendActivity('Nej, jeg ringer selv'))).toBe('booking.noCallback');
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('asks again, keeping the times as buttons, when the answer names no time offered', async () => {
    const { client } = await booking();
    const intro: Partial<Activity> = await client.sendActivity('start');
    const retry: Partial<Activity> = await client.sendActivity('på torsdag om et år');
    expect(keyOf(retry)).toBe('booking.slotRetry');
    expect(buttonTitles(retry)).toEqual(buttonTitles(intro));
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
  });
});
