import { loadConfigFile } from '../base/load-config-file';
import { type OpeningHours, openingHoursSchema } from './opening-hours';

/** Pitstop's opening hours from OPENING_HOURS_FILE, when the municipality has set them. */
export function loadOpeningHours(file: string | undefined): OpeningHours | undefined {
  return file ? loadConfigFile('OPENING_HOURS_FILE', file, openingHoursSchema) : undefined;
}
