import { danishPublicHolidays } from '../../../src/calendar/danish-public-holidays';
import { availability, openingHoursSchema } from '../../../src/handoff/opening-hours';

const hours = openingHoursSchema.parse({
  weekly: {
    monday: [['09:00', '15:00']],
    tuesday: [['09:00', '15:00']],
    wednesday: [
      ['09:00', '12:00'],
      ['13:00', '18:00'],
    ],
    thursday: [['09:00', '15:00']],
    friday: [['09:00', '13:00']],
  },
  exceptions: { '2026-12-24': [], '2026-12-23': [['09:00', '11:00']] },
});

// Copenhagen is UTC+1 in winter and UTC+2 in summer.
const at = (iso: string): Date => new Date(iso);

describe('danishPublicHolidays', () => {
  it('knows the fixed and the Easter-based holidays, without store bededag from 2024', () => {
    expect(danishPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-02',
      '2026-04-03',
      '2026-04-05',
      '2026-04-06',
      '2026-05-14',
      '2026-05-24',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(danishPublicHolidays(2023)).toContain('2023-05-05');
  });
});

describe('availability', () => {
  it('is open inside an interval, in Copenhagen time, and says until when', () => {
    expect(availability(hours, at('2026-11-23T08:30:00Z'))).toEqual({ open: true, closesAt: '15:00' });
    expect(availability(hours, at('2026-06-22T12:59:00Z'))).toEqual({ open: true, closesAt: '15:00' });
  });

  it('finds the next opening later the same day, across a lunch break and across the weekend', () => {
    expect(availability(hours, at('2026-11-23T07:00:00Z'))).toEqual({ open: false, opensAt: { date: '2026-11-23', time: '09:00' } });
    expect(availability(hours, at('2026-11-25T11:30:00Z'))).toEqual({ open: false, opensAt: { date: '2026-11-25', time: '13:00' } });
    expect(availability(hours, at('2026-11-27T13:00:00Z'))).toEqual({ open: false, opensAt: { date: '2026-11-30', time: '09:00' } });
  });

  it('is closed on public holidays and on configured days, and uses exceptional hours', () => {
    expect(availability(hours, at('2026-04-02T10:00:00Z'))).toEqual({ open: false, opensAt: { date: '2026-04-07', time: '09:00' } });
    expect(availability(hours, at('2026-12-23T10:30:00Z'))).toEqual({ open: false, opensAt: { date: '2026-12-28', time: '09:00' } });
    expect(availability(hours, at('2026-12-23T09:00:00Z'))).toEqual({ open: true, closesAt: '11:00' });
  });

  it('steps over the night the clocks go forward', () => {
    expect(availability(hours, at('2026-03-28T22:30:00Z'))).toEqual({ open: false, opensAt: { date: '2026-03-30', time: '09:00' } });
  });

  it('says nothing about a next opening when none is configured', () => {
    expect(availability(openingHoursSchema.parse({ weekly: {} }), at('2026-11-23T10:00:00Z'))).toEqual({ open: false });
  });

  it('refuses badly written hours', () => {
    expect(() => openingHoursSchema.parse({ weekly: { monday: [['9', '15']] } })).toThrow();
    expect(() => openingHoursSchema.parse({ weekly: { monday: [['15:00', '09:00']] } })).toThrow();
    expect(() => openingHoursSchema.parse({ weekly: { someday: [] } })).toThrow();
  });
});
