import path from 'node:path';
import type { Config } from '../base/config';
import { loadConfigFile } from '../base/load-config-file';
import { defaultContentDir } from '../base/project-paths';
import { type CounsellingSchedule, counsellingScheduleSchema } from './counselling-schedule';

/** Shipped so that booking can be tried out of the box; it says of itself that it is an example. */
export const EXAMPLE_SCHEDULE_FILE = path.join(defaultContentDir(), 'counselling-schedule.example.json');

/**
 * The counselling schedule: the configured file; "none" for no booking in the chat; unset, the example
 * in development and none in production, where invented times must never reach a citizen.
 */
export function loadCounsellingSchedule(config: Pick<Config, 'BOOKING_SCHEDULE_FILE' | 'NODE_ENV'>): CounsellingSchedule | undefined {
  const file = config.BOOKING_SCHEDULE_FILE ?? (config.NODE_ENV === 'production' ? undefined : EXAMPLE_SCHEDULE_FILE);
  if (!file || file === 'none') return undefined;
  return loadConfigFile('BOOKING_SCHEDULE_FILE', file, counsellingScheduleSchema);
}
