import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ConfigError } from './config';

/** Reads and checks a JSON file named by a variable; a bad file stops the bot at start with a readable message. */
export function loadConfigFile<Schema extends z.ZodType>(variable: string, file: string, schema: Schema): z.infer<Schema> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n- ${variable}: cannot read ${file} as JSON`, { cause: error });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${variable} ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`, { cause: parsed.error });
  }
  return parsed.data;
}
