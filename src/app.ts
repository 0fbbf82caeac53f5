import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import { RootDialog } from '../dialogs/root-dialog';
import type { DialogServices } from '../dialogs/dialog-services';
import { createAdapter, handleTurnErrors } from './adapter';
import { PitstopBot } from './bot';
import type { Config } from './config';
import { type Content, loadContent } from './content/load-content';
import type { ConversationProfile } from './conversation/conversation-profile';
import { createI18n, translatorFor } from './i18n';
import type { Logger } from './logger';
import { languageOfLocale } from './nlu/language-detector';
import { Recognizer } from './nlu/recognizer';
import { createServer } from './server';
import { defaultContentDir } from './project-paths';

export interface App {
  server: restify.Server;
  adapter: CloudAdapter;
  bot: PitstopBot;
  content: Content;
}

export interface AppOptions {
  logger: Logger;
  contentDir?: string;
  storage?: Storage;
  /** A recognizer trained earlier, so tests need not train one per app. */
  recognizer?: Recognizer;
}

/** Composition root: config → content → nlu → i18n → dialogs → bot → server. */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const content = loadContent(options.contentDir ?? defaultContentDir());
  const recognizer = options.recognizer ?? new Recognizer(content);
  const i18n = await createI18n(content);
  const conversationState = new ConversationState(options.storage ?? new MemoryStorage());
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const services: DialogServices = {
    content,
    recognizer,
    i18n,
    profile: conversationState.createProperty<ConversationProfile>('profile'),
    defaultLanguage: config.DEFAULT_LANGUAGE,
  };
  const bot = new PitstopBot(conversationState, dialogState, new RootDialog(services), services);
  const adapter = createAdapter(config);
  handleTurnErrors(adapter, {
    logger: options.logger,
    conversationState,
    dialogState,
    apology: async (context) => {
      // The state may be what failed; then the client's locale decides the language.
      const language = await services.profile.get(context, {}).then(
        (profile) => profile.language,
        () => undefined,
      );
      const fallback = languageOfLocale(context.activity.locale) ?? services.defaultLanguage;
      return translatorFor(i18n, language ?? fallback)('ui.error');
    },
  });
  const server = createServer({ adapter, bot, logger: options.logger });
  return { server, adapter, bot, content };
}
