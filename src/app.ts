import path from 'node:path';
import { ConversationState, type Storage, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type restify from 'restify';
import { PitstopBot } from '../dialogs/bot';
import type { DialogServices } from '../dialogs/dialog-services';
import { RootDialog } from '../dialogs/root-dialog';
import { createAdapter, handleTurnErrors, type PitstopAdapter } from './adapter';
import type { Config } from './base/config';
import { errorClass, type Logger, silentLogger } from './base/logger';
import { defaultContentDir } from './base/project-paths';
import { BookingDesk } from './booking/booking-desk';
import { BookingStore } from './booking/booking-store';
import { FileKeyVault, type KeyVault, MemoryKeyVault } from './booking/key-vault';
import { loadCounsellingSchedule } from './booking/load-counselling-schedule';
import { openPglite, openPostgres } from './booking/sql-client';
import type { Language } from './content/content-schema';
import { contentVersion, folderDigest } from './content/content-version';
import { createI18n, translatorFor } from './content/i18n';
import { type Content, loadContent } from './content/load-content';
import type { ConversationProfile } from './conversation/conversation-profile';
import { DropTracesMiddleware } from './drop-traces-middleware';
import { loadOpeningHours } from './handoff/load-opening-hours';
import { registerChatPage } from './http/chat-page';
import { registerMetricsEndpoint } from './http/metrics-endpoint';
import { createBotSigningKeys, type SigningKeysTuning } from './http/signing-keys';
import { registerStaffApi } from './http/staff-api';
import { registerStaffChat } from './http/staff-chat';
import { registerUsageApi } from './http/usage-api';
import { registerUsagePage } from './http/usage-page';
import { chooseLanguage } from './nlu/language-detector';
import { Recognizer } from './nlu/recognizer';
import { PrivacyGuardMiddleware } from './privacy/privacy-guard-middleware';
import { RateLimitMiddleware } from './rate-limit-middleware';
import { createServer } from './server';
import { citedSections, defaultSourcesDir, loadSourceLibrary, SourceError } from './sources/source-library';
import { StaffDetailsMiddleware } from './staff/staff-details-middleware';
import { ConversationMemory } from './state/conversation-memory';
import { ConversationRateLimiter } from './state/conversation-rate-limiter';
import { ExpiringMemoryStorage } from './state/expiring-memory-storage';
import { KeyHasher } from './state/hashed-keys';
import type { RedisStorage } from './state/redis-storage';
import { BotMetrics, MetricsMiddleware } from './usage/metrics';
import { UsageRecorder } from './usage/usage-recorder';

export interface App {
  server: restify.Server;
  /** Stops accepting and finishes the turns in flight. */
  drain: () => Promise<void>;
  adapter: PitstopAdapter;
  bot: PitstopBot;
  content: Content;
  storage: Storage;
  bookings: BookingDesk;
  /** Closes the storage; the server is closed by whoever listens on it. */
  close: () => Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  contentDir?: string;
  /** A store to use instead of the configured one (tests). */
  storage?: Storage;
  /** A recognizer trained earlier, so tests need not train one per app. */
  recognizer?: Recognizer;
  now?: () => number;
  /** A booking store to use instead of the configured one (tests share one). */
  bookingStore?: BookingStore;
  /** How often call-back numbers of passed slots and expired bookings are deleted. */
  bookingPurgeIntervalMs?: number;
  /** Timeouts and retry intervals for fetching token signing keys (tests shorten them). */
  signingKeys?: SigningKeysTuning;
  /** How long weekly usage counts wait in memory before they are written. */
  usageFlushIntervalMs?: number;
}

const BOOKING_PURGE_INTERVAL_MS = 60_000;
const USAGE_FLUSH_INTERVAL_MS = 5_000;

/** The booking database: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function createBookingStore(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>, keys: KeyVault): BookingStore {
  const { DATABASE_URL: url, DATA_DIR: dataDir } = config;
  if (url) return new BookingStore(async () => openPostgres(url), keys);
  return new BookingStore(() => openPglite(dataDir.startsWith('memory://') ? dataDir : path.join(dataDir, 'bookings')), keys);
}

/**
 * Where the keys of call-back numbers live: in Redis when instances share state (each must open a
 * number another wrote), else in a folder beside the embedded database, or in memory with it.
 */
function createKeyVault(config: Pick<Config, 'DATA_DIR'>, redis: RedisStorage | undefined): KeyVault {
  if (redis) return redis.keyVault();
  if (config.DATA_DIR.startsWith('memory://')) return new MemoryKeyVault();
  return new FileKeyVault(path.join(config.DATA_DIR, 'callback-keys'));
}

type OwnStorage = { kind: 'memory'; store: ExpiringMemoryStorage } | { kind: 'redis'; store: RedisStorage };

async function createStorage(config: Config, keys: KeyHasher, now?: () => number): Promise<OwnStorage> {
  if (config.STATE_STORE === 'redis' && config.REDIS_URL) {
    // Loaded only when used: the Redis client is a tenth of the bot's start-up on its own.
    const { RedisStorage } = await import('./state/redis-storage');
    return { kind: 'redis', store: await RedisStorage.connect(config.REDIS_URL, config.STATE_TTL_SECONDS, keys) };
  }
  return { kind: 'memory', store: new ExpiringMemoryStorage({ ttlMs: config.STATE_TTL_SECONDS * 1000, keys, now }) };
}

/**
 * The bot a staff member's review plays its list through: the same content and settings, but its own
 * state and bookings in memory (a review that books takes no citizen's time), no per-minute limit, no
 * logs, no channel authentication (it is never served), and no staff endpoints of its own.
 */
function reviewConfig(config: Config): Config {
  return {
    ...config,
    STATE_STORE: 'memory',
    REDIS_URL: undefined,
    DATA_DIR: 'memory://',
    DATABASE_URL: undefined,
    RATE_LIMIT_PER_MINUTE: 1_000_000,
    // A staff member's review is not the citizens' use.
    USAGE_COUNTS: 'off',
    STAFF_TOKEN: undefined,
    MicrosoftAppId: undefined,
    MicrosoftAppPassword: undefined,
    DIRECT_LINE_SECRET: undefined,
  };
}

/** Composition root: config → content → nlu → i18n → state → dialogs → bot → adapter → server. */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const contentDir = options.contentDir ?? defaultContentDir();
  // Read and hashed once (12 MB, most of it examples): the parsed content's cache key, and the version staff see.
  const contentDigest = folderDigest(contentDir);
  const content = loadContent(contentDir, undefined, contentDigest);
  const recognizer = options.recognizer ?? new Recognizer(content);
  const sources = loadSourceLibrary();
  // A citation must link to a passage that is there: a section no source document has stops the start.
  const unanchored = sources.missing(citedSections(content.topics));
  if (unanchored.length > 0)
    throw new SourceError(`No passage in sources/ for the cited ${unanchored.map(({ doc, section }) => `${doc}#${section}`).join(', ')}`);
  const i18n = await createI18n(content, { stateTtlMinutes: Math.round(config.STATE_TTL_SECONDS / 60) });
  const keys = new KeyHasher(config.STATE_KEY_SECRET);
  // A store of our own is created, and closed, only when the caller gave none.
  const own = options.storage ? undefined : await createStorage(config, keys, options.now);
  const ownStorage = own?.store;
  const storage: Storage | undefined = options.storage ?? ownStorage;
  if (!storage) throw new Error('unreachable: a state store is either given or created');
  const conversationState = new ConversationState(storage);
  const memory = new ConversationMemory(conversationState);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const now = (): Date => new Date(options.now ? options.now() : Date.now());
  const bookingStore = options.bookingStore ?? createBookingStore(config, createKeyVault(config, own?.kind === 'redis' ? own.store : undefined));
  const bookings = new BookingDesk({
    store: bookingStore,
    schedule: loadCounsellingSchedule(config),
    retentionDays: config.BOOKING_RETENTION_DAYS,
    now,
    limits: {
      bookingsPerHour: config.BOOKINGS_PER_HOUR,
      failedCodeLookupsPerMinute: config.CODE_LOOKUP_FAILURES_PER_MINUTE,
      failedCodeLookupsPerDay: config.CODE_LOOKUP_FAILURES_PER_DAY,
    },
    // An alert for whoever watches the logs: someone may be taking every slot or guessing codes.
    onLimitReached: (limit) => options.logger.warn({ event: 'booking_limit_reached', limit }),
  });
  const services: DialogServices = {
    content,
    recognizer,
    i18n,
    profile: conversationState.createProperty<ConversationProfile>('profile'),
    defaultLanguage: config.DEFAULT_LANGUAGE,
    forget: (context) => memory.forget(context),
    openingHours: loadOpeningHours(config.OPENING_HOURS_FILE),
    now,
    bookings,
    bookingsPerConversation: config.BOOKINGS_PER_CONVERSATION,
  };
  const bot = new PitstopBot(memory, dialogState, new RootDialog(services), services);

  const signingKeys = createBotSigningKeys(config, options.logger, options.signingKeys);
  const adapter = createAdapter(config, signingKeys);
  // Middleware runs in this order, after authentication: count and time every turn, redact, then limit.
  const usage =
    config.USAGE_COUNTS === 'on'
      ? new UsageRecorder(bookingStore, { logger: options.logger, now, intervalMs: options.usageFlushIntervalMs ?? USAGE_FLUSH_INTERVAL_MS })
      : undefined;
  const metrics = new BotMetrics(new Set(content.topics.map((topic) => topic.id)), usage && ((event) => usage.record(event)));
  // The conversation's language for a reply made outside the dialogs (a refusal, an apology); none where its state
  // cannot be read (the state may be what failed): then the client's locale decides.
  const storedLanguage = (context: TurnContext): Promise<Language | undefined> =>
    services.profile.get(context, {}).then(
      (profile) => profile.language,
      () => undefined,
    );
  adapter.use(new MetricsMiddleware(metrics));
  adapter.use(new PrivacyGuardMiddleware(Object.values(content.facts.phones)));
  adapter.use(
    new RateLimitMiddleware(new ConversationRateLimiter(config.RATE_LIMIT_PER_MINUTE, options.now), keys, async (context) => {
      // The one rule for a reply's language, with the conversation's own (read once a minute at most: the refusal is
      // sent once per window).
      const language = chooseLanguage(await storedLanguage(context), context.activity.locale, context.activity.text ?? '', config.DEFAULT_LANGUAGE);
      return translatorFor(i18n, language)('ui.rateLimited');
    }),
  );
  adapter.use(new DropTracesMiddleware());
  // Last, so it sees the redacted text; it acts on turns the staff endpoint let in only.
  const version = contentVersion([contentDigest, folderDigest(defaultSourcesDir())]);
  adapter.use(new StaffDetailsMiddleware({ recognizer, profile: services.profile, dialogState, contentVersion: version }));
  handleTurnErrors(adapter, {
    logger: options.logger,
    conversationState,
    dialogState,
    apology: async (context) => {
      // The message failed before it was read, so it does not switch the conversation's language.
      return translatorFor(i18n, chooseLanguage(await storedLanguage(context), context.activity.locale, '', services.defaultLanguage))('ui.error');
    },
  });
  const { server, drain } = createServer({
    adapter,
    bot,
    logger: options.logger,
    authenticationRequired: Boolean(config.MicrosoftAppId),
    signingKeys,
    allowedServiceUrlHosts: config.ALLOWED_SERVICE_URL_HOSTS,
    isReady: async () => (await bookingStore.ping()) && (ownStorage ? ownStorage.ping() : true),
  });
  registerChatPage(server, { config, content, translator: (language) => translatorFor(i18n, language), logger: options.logger, now: options.now, sources });
  registerStaffApi(server, { token: config.STAFF_TOKEN, bookings, logger: options.logger });
  let reviewApp: Promise<App> | undefined;
  registerStaffChat(server, {
    token: config.STAFF_TOKEN,
    botAppId: config.MicrosoftAppId ?? '',
    adapter,
    bot,
    reviewApp: () => (reviewApp ??= createApp(reviewConfig(config), { logger: silentLogger(), contentDir: options.contentDir, recognizer, now: options.now })),
    logger: options.logger,
  });
  registerMetricsEndpoint(server, { token: config.STAFF_TOKEN, metrics });
  registerUsageApi(server, {
    token: config.STAFF_TOKEN,
    usageSince: (fromWeek) => bookingStore.usageSince(fromWeek),
    flush: async () => usage?.flush(),
    content,
    now,
    logger: options.logger,
  });
  registerUsagePage(server, { token: config.STAFF_TOKEN, frameAncestors: config.FRAME_ANCESTORS });
  // Only a store in use is purged: opening one just for that would cost every idle test app a database.
  const purge = setInterval(() => {
    if (bookingStore.opened) bookings.purge().catch((error: unknown) => options.logger.warn({ event: 'booking_purge_failed', errorClass: errorClass(error) }));
  }, options.bookingPurgeIntervalMs ?? BOOKING_PURGE_INTERVAL_MS);
  purge.unref();
  const close = async (): Promise<void> => {
    clearInterval(purge);
    // Before the booking store closes: the last few seconds' counts go to the database.
    await usage?.close();
    await ownStorage?.close();
    await (await reviewApp?.catch(() => undefined))?.close();
    if (!options.bookingStore) await bookingStore.close();
  };
  return { server, drain, adapter, bot, content, storage, bookings, close };
}
