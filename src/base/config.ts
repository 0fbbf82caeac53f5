import { AuthenticationConstants } from 'botframework-connector';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LANGUAGE: z.enum(['da', 'en']).default('da'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  /** Where the keys that sign channels' tokens, and Azure AD's (Emulator, skills), are listed; the SDK's by default. */
  CHANNEL_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).default(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl),
  EMULATOR_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).default(AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl),
  STATE_STORE: z.enum(['memory', 'redis']).default('memory'),
  REDIS_URL: optionalText,
  /** Conversation state is forgotten after this long without activity. */
  STATE_TTL_SECONDS: z.coerce.number().int().min(1).default(1800),
  /** Keys conversation ids before they reach storage; instances sharing a store must share it. */
  STATE_KEY_SECRET: optionalText,
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** With a Direct Line secret the chat page talks through Azure Bot Service; without, straight to this server. */
  DIRECT_LINE_SECRET: optionalText,
  DIRECT_LINE_ENDPOINT: z.url({ protocol: /^https?$/ }).default('https://directline.botframework.com'),
  /** Chat tokens handed out per minute by this instance, all visitors together; past it the page is told to wait. */
  DIRECT_LINE_TOKENS_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Origins allowed to embed the chat page in a frame, e.g. "https://www.ishoj.dk"; none by default. */
  FRAME_ANCESTORS: z.string().trim().default("'none'"),
  /** A JSON file with Pitstop's opening hours (docs: README); without it the bot says nothing about hours. */
  OPENING_HOURS_FILE: optionalText,
  /** Where the embedded booking database (PGlite) keeps its files; "memory://" keeps them in memory only. */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** A PostgreSQL server for bookings, e.g. "postgres://user:pass@host/db"; required for several instances. */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /** The counselling schedule (JSON, see README). Unset: the example in development, none in production; "none": no booking. */
  BOOKING_SCHEDULE_FILE: optionalText,
  /** Bookings are deleted when this many days have begun after the slot's day (1: the day after). */
  BOOKING_RETENTION_DAYS: z.coerce.number().int().min(1).max(30).default(1),
  /** New bookings per hour for everyone together, and per conversation: no one client takes every slot. */
  BOOKINGS_PER_HOUR: z.coerce.number().int().min(1).default(12),
  BOOKINGS_PER_CONVERSATION: z.coerce.number().int().min(1).default(2),
  /** Wrong booking codes per minute and per day (UTC) for everyone together; past either no code is looked up until its window is over. */
  CODE_LOOKUP_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  CODE_LOOKUP_FAILURES_PER_DAY: z.coerce.number().int().min(1).default(200),
  /** Weekly usage counts in the booking database, for the staff's usage page: on, or off (tests, review). */
  USAGE_COUNTS: z.enum(['on', 'off']).default('on'),
  /** The bearer token for staff's booking list; without it the staff endpoints do not exist. */
  STAFF_TOKEN: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  /** Hosts the bot may reply to, e.g. "*.botframework.com"; empty allows any (development only). */
  ALLOWED_SERVICE_URL_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
});

/** Azure Bot Service's channels; production replies only to these unless told otherwise. */
const PRODUCTION_SERVICE_URL_HOSTS = ['*.botframework.com'];

const checkedConfigSchema = configSchema
  .superRefine((config, issues) => {
    if (config.NODE_ENV === 'production' && !config.MicrosoftAppId) {
      issues.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'required in production: without it anyone could post activities' });
    }
    // Signing keys fetched over plain HTTP could be swapped by anyone on the way.
    for (const key of ['CHANNEL_OPENID_METADATA_URL', 'EMULATOR_OPENID_METADATA_URL'] as const) {
      if (config.NODE_ENV === 'production' && !config[key].startsWith('https://')) {
        issues.addIssue({ code: 'custom', path: [key], message: 'must be an https:// URL in production' });
      }
    }
    if (config.STATE_STORE === 'redis' && !config.REDIS_URL) {
      issues.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'required when STATE_STORE is redis' });
    }
    if (config.STATE_STORE === 'redis' && (config.STATE_KEY_SECRET?.length ?? 0) < 32) {
      issues.addIssue({ code: 'custom', path: ['STATE_KEY_SECRET'], message: 'at least 32 characters, shared by every instance, when STATE_STORE is redis' });
    }
    // Redis state means several instances; each would keep its own embedded booking database and give
    // the same time to two people.
    // In production, booking is on only with a schedule file.
    const bookingOn = config.BOOKING_SCHEDULE_FILE !== undefined && config.BOOKING_SCHEDULE_FILE !== 'none';
    if (config.NODE_ENV === 'production' && config.STATE_STORE === 'redis' && !config.DATABASE_URL && bookingOn) {
      issues.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message:
          'required in production when STATE_STORE is redis and BOOKING_SCHEDULE_FILE is set (several instances would each keep their own bookings and double-book)',
      });
    }
  })
  .transform((config) => ({
    ...config,
    ALLOWED_SERVICE_URL_HOSTS:
      config.ALLOWED_SERVICE_URL_HOSTS.length === 0 && config.NODE_ENV === 'production' ? PRODUCTION_SERVICE_URL_HOSTS : config.ALLOWED_SERVICE_URL_HOSTS,
  }));

export type Config = z.infer<typeof checkedConfigSchema>;

export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** The only reader of process.env: fails fast with one readable line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = checkedConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n- ${problems.join('\n- ')}`, { cause: parsed.error });
  }
  return parsed.data;
}
