import { counsellingScheduleSchema, scheduledSlots } from '../../../src/booking/counselling-schedule';

const schedule = (overrides: object = {}) =>
  counsellingScheduleSchema.parse({ weekly: { tuesday: ['10:00', '11:00'], thursday: ['15:00'] }, bookableDays: 7, minimumNoticeMinutes: 120, ...overrides });

describe('counsellingScheduleSchema', () => {
  it('turns weekly start times into slots in Copenhagen time, winter and summer alike', () => {
    // Monday 23 November 2026, 08:00 in Copenhagen (UTC+1).
    const winter = scheduledSlots(schedule(), new Date('2026-11-23T07:00:00Z'));
    expect(winter.map((slot) => slot.start.toISOString())).toEqual(['2026-11-24T09:00:00.000Z', '2026-11-24T10:00:00.000Z', '2026-11-26T14:00:00.000Z']);
    expect(winter[0].end.toISOString()).toBe('2026-11-24T09:45:00.000Z');
    // Monday 15 June 2026 (UTC+2).
    const summer = scheduledSlots(schedule(), new Date('2026-06-15T06:00:00Z'));
    expect(summer[0].start.toISOString()).toBe('2026-06-16T08:00:00.000Z');
  });

  it('offers no slot closer than the minimum notice and none beyond the bookable days', () => {
    // Tuesday 24 November 2026 at 08:30 Copenhagen: 10:00 is too close, 11:00 is not.
    const slots = scheduledSlots(schedule({ bookableDays: 3 }), new Date('2026-11-24T07:30:00Z'));
    expect(slots.map((slot) => slot.start.toISOString())).toEqual(['2026-11-24T10:00:00.000Z', '2026-11-26T14:00:00.000Z']);
  });

  it('skips Danish public holidays and follows exceptions', () => {
    // Christmas 2026: Friday 25 and Saturday 26 December are holidays; Thursday 24 is not, so it needs an exception.
    const christmas = schedule({ weekly: { thursday: ['10:00'], friday: ['10:00'] }, exceptions: { '2026-12-24': [] }, bookableDays: 3 });
    expect(scheduledSlots(christmas, new Date('2026-12-24T06:00:00Z'))).toEqual([]);
    const extra = schedule({ exceptions: { '2026-11-25': ['12:00'] }, bookableDays: 3 });
    expect(scheduledSlots(extra, new Date('2026-11-24T06:00:00Z')).map((slot) => slot.start.toISOString())).toContain('2026-11-25T11:00:00.000Z');
  });

  it('refuses start times closer together than a conversation lasts, and bad times', () => {
    expect(counsellingScheduleSchema.safeParse({ slotMinutes: 45, weekly: { monday: ['10:00', '10:30'] } }).success).toBe(false);
    expect(counsellingScheduleSchema.safeParse({ weekly: { monday: ['25:00'] } }).success).toBe(false);
    expect(counsellingScheduleSchema.safeParse({ weekly: { funday: ['10:00'] } }).success).toBe(false);
  });
});
