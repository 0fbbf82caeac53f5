import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/base/config';
import { loadCounsellingSchedule } from '../../../src/booking/load-counselling-schedule';

describe('loadCounsellingSchedule', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'schedule-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the shipped example, marked as one, in development and in tests', () => {
    expect(loadCounsellingSchedule({ NODE_ENV: 'development', BOOKING_SCHEDULE_FILE: undefined })?.example).toBe(true);
    expect(loadCounsellingSchedule({ NODE_ENV: 'test', BOOKING_SCHEDULE_FILE: undefined })?.example).toBe(true);
  });

  it('invents no schedule in production, and "none" turns booking off anywhere', () => {
    expect(loadCounsellingSchedule({ NODE_ENV: 'production', BOOKING_SCHEDULE_FILE: undefined })).toBeUndefined();
    expect(loadCounsellingSchedule({ NODE_ENV: 'development', BOOKING_SCHEDULE_FILE: 'none' })).toBeUndefined();
  });

  it('reads a configured file, which is not an example unless it says so', () => {
    const file = path.join(dir, 'real.json');
    writeFileSync(file, JSON.stringify({ weekly: { monday: ['10:00'] } }));
    expect(loadCounsellingSchedule({ NODE_ENV: 'production', BOOKING_SCHEDULE_FILE: file })).toMatchObject({
      example: false,
      slotMinutes: 45,
      bookableDays: 14,
    });
  });

  it('refuses a bad file with a readable message naming the field', () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ weekly: { monday: ['10'] } }));
    expect(() => loadCounsellingSchedule({ NODE_ENV: 'production', BOOKING_SCHEDULE_FILE: file })).toThrow(
      /BOOKING_SCHEDULE_FILE weekly\.monday\.0: times are HH:MM/,
    );
    expect(() => loadCounsellingSchedule({ NODE_ENV: 'production', BOOKING_SCHEDULE_FILE: path.join(dir, 'missing.json') })).toThrow(/cannot read/);
  });
});

describe('booking configuration', () => {
  it('accepts only postgres URLs and staff tokens of at least 32 characters', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => loadConfig({ STAFF_TOKEN: 'short' })).toThrow(/STAFF_TOKEN: at least 32 characters/);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h/db', STAFF_TOKEN: 'x'.repeat(32) })).toMatchObject({
      DATABASE_URL: 'postgresql://u@h/db',
      BOOKING_RETENTION_DAYS: 1,
      DATA_DIR: './data',
    });
  });
});
