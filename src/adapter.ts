import {
  type Activity,
  CloudAdapter,
  type InvokeResponse,
  type ResourceResponse,
  type ConversationState,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { AuthenticationConstants } from 'botframework-connector';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import type { Config } from './config';
import type { BotSigningKeys } from './http/signing-keys';
import { type Logger, errorClass } from './logger';

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
  const cache: unknown = JwtTokenExtractor['openIdMetadataCache'];
  if (!(cache instanceof Map)) throw new Error('botframework-connector no longer has JwtTokenExtractor.openIdMetadataCache: check signing-keys.ts');
  cache.set(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, keys.channel);
  cache.set(AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl, keys.emulator);
}

export function createAdapter(config: Config, signingKeys: BotSigningKeys): PitstopAdapter {
  installSigningKeys(signingKeys);
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  return new PitstopAdapter(new ConfigurationBotFrameworkAuthentication(options));
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
