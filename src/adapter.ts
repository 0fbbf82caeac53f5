import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationState,
  DeliveryModes,
  type InvokeResponse,
  type ResourceResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import type { Config } from './base/config';
import { errorClass, type Logger } from './base/logger';
import type { BotSigningKeys } from './http/signing-keys';

export interface TurnErrorDeps {
  logger: Logger;
  conversationState: ConversationState;
  dialogState: StatePropertyAccessor<DialogState>;
  /** The apology in the conversation's language. */
  apology: (context: TurnContext) => Promise<string>;
}

/**
 * The longest a channel's connector may take to accept the bot's replies. The SDK sets no limit: a
 * connector that never answers would hold the turn, and the request that brought it, for good. Azure
 * Bot Service gives a bot about 15 s; past this the turn fails into the apology (also bounded) in time.
 */
export const REPLY_TIMEOUT_MS = 5_000;

export class ReplyTimeoutError extends Error {
  constructor() {
    super(`The channel did not accept the reply within ${REPLY_TIMEOUT_MS} ms`);
    this.name = 'ReplyTimeoutError';
  }
}

/** The SDK's adapter, with the one step the HTTP edge needs opened up: authenticate and run a turn. */
export class PitstopAdapter extends CloudAdapter {
  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /**
   * A turn this server vouches for itself (a staff member's, whose token the caller checked): no channel
   * token is asked for, so it must ask for its replies in the response (expectReplies); nothing is posted
   * to a channel. The claims are the bot's own app id, as for a proactive turn.
   */
  handleTrusted(botAppId: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    if (activity.deliveryMode !== DeliveryModes.ExpectReplies) throw new Error('a trusted turn returns its replies in the response (expectReplies)');
    const claimsIdentity = this.createClaimsIdentity(botAppId);
    const connectorFactory = this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity);
    return this.processActivity({ claimsIdentity, connectorFactory, audience: AuthenticationConstants.ToChannelFromBotOAuthScope }, activity, logic);
  }

  // Replies collected for expectReplies return at once; only those posted to the channel can wait.
  override sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new ReplyTimeoutError()), REPLY_TIMEOUT_MS);
    });
    return Promise.race([super.sendActivities(context, activities), timeout]).finally(() => clearTimeout(timer));
  }
}

/**
 * The SDK looks its key fetcher up in this process-wide map by metadata URL, and makes its own only for a
 * URL it does not find; ours go in under the SDK's URLs, fetching from the configured ones. The last
 * adapter created decides (there is one per process outside tests).
 */
function installSigningKeys(keys: BotSigningKeys): void {
  // biome-ignore lint/complexity/useLiteralKeys: the cache is private in the SDK's types; the brackets reach it on purpose
  const cache: unknown = JwtTokenExtractor['openIdMetadataCache'];
  if (!(cache instanceof Map)) throw new Error('botframework-connector no longer has JwtTokenExtractor.openIdMetadataCache: check signing-keys.ts');
  cache.set(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, keys.channel);
  cache.set(AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl, keys.emulator);
}

/** Clients kept per key; past this many (serviceUrls are the client's to choose) they are all let go. */
const MAX_CLIENTS = 64;

/** A small map of clients that forgets everything rather than grow without bound. */
class ClientCache<T> {
  private readonly clients = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    let client = this.clients.get(key);
    if (!client) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.clear();
      client = create();
      // A failed creation is not remembered: the next turn tries again.
      client.catch(() => this.clients.delete(key));
      this.clients.set(key, client);
    }
    return client;
  }
}

/** Who a turn's clients act for: the claims the SDK derives the app id from (audience, else appid). */
function appKey(claims: ClaimsIdentity): string {
  return `${claims.getClaimValue(AuthenticationConstants.AudienceClaim) ?? ''}\n${claims.getClaimValue(AuthenticationConstants.AppIdClaim) ?? ''}`;
}

/** The request's connector factory, answering from the cache for the same app, audience and serviceUrl. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly app: string,
    private readonly cache: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.cache.get(`${this.app}\n${audience ?? ''}\n${serviceUrl}`, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * The SDK builds a connector client and a user-token client (each with its own HTTP pipeline) for every
 * turn, even when the replies go back in the HTTP response (expectReplies) and neither is used: about a
 * tenth of a turn's CPU. A client holds only the app's credentials and the channel's URL, so one per app,
 * audience and serviceUrl is reused, as the SDK's older BotFrameworkAdapter did. Authentication itself is
 * untouched: every request is still checked by the configured authentication.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new ClientCache<ConnectorClient>();
  private readonly userTokens = new ClientCache<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appKey(claimsIdentity), this.connectors);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(appKey(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory } = result;
    if (!connectorFactory) return result;
    return { ...result, connectorFactory: new ReusingConnectorFactory(connectorFactory, appKey(result.claimsIdentity), this.connectors) };
  }
}

export function createAdapter(config: Config, signingKeys: BotSigningKeys): PitstopAdapter {
  // Without an app id no token is checked: an adapter for a review bot leaves the served bot's keys in place.
  if (config.MicrosoftAppId) installSigningKeys(signingKeys);
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  return new PitstopAdapter(new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(options)));
}

/**
 * A failed turn apologises in the user's language and starts the conversation afresh. The log line
 * names the error class and the dialogs that were open: never the message, the error text or an id,
 * since SDK errors can quote all three.
 */
export function handleTurnErrors(adapter: CloudAdapter, deps: TurnErrorDeps): void {
  adapter.onTurnError = async (context, error) => {
    let dialogs: string[] = [];
    try {
      dialogs = ((await deps.dialogState.get(context))?.dialogStack ?? []).map((instance) => instance.id);
    } catch {
      // the state itself may be what failed; the error class is still worth logging
    }
    deps.logger.error({ event: 'turn_error', errorClass: errorClass(error), dialogs });
    try {
      await context.sendActivity(await deps.apology(context));
      await deps.conversationState.delete(context);
    } catch (secondary) {
      deps.logger.error({ event: 'turn_error_reply_failed', errorClass: errorClass(secondary) });
    }
  };
}
