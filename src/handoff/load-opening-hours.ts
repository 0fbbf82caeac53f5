import { readFileSync } from 'node:fs';
import { ConfigError } from '../config';
import { type OpeningHours, openingHoursSchema } from './opening-hours';

/** Reads and checks the opening hours file; a bad file stops the bot at start with a readable message. */
export function loadOpeningHours(file: string | undefined): OpeningHours | undefined {
  if (!file) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n- OPENING_HOURS_FILE: cannot read ${file} as JSON`, { cause: error });
  }
  const parsed = openingHoursSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `OPENING_HOURS_FILE ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`, { cause: parsed.error });
  }
  return parsed.data;
}
