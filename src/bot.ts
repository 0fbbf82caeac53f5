import { ActivityHandler, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { type Dialog, type DialogState, runDialog } from 'botbuilder-dialogs';
import { type DialogServices, turnTools } from '../dialogs/dialog-services';
import { replyActivity } from '../dialogs/reply-activity';
import type { ConversationMemory } from './conversation-memory';
import { chooseLanguage, languageOfLocale } from './nlu/language-detector';
import { personalDataFound } from './privacy/privacy-guard-middleware';

/** Longer than any real question; such messages get a polite request to write briefly instead. */
export const MAX_MESSAGE_CHARS = 2000;

/** Turns: pick the language, say once that personal data is not needed, run the root dialog, save state. */
export class PitstopBot extends ActivityHandler {
  constructor(
    private readonly memory: ConversationMemory,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly rootDialog: Dialog,
    private readonly services: DialogServices,
  ) {
    super();
    this.onMessage(async (context, next) => {
      const profile = await services.profile.get(context, {});
      profile.language = chooseLanguage(profile.language, context.activity.locale, context.activity.text ?? '', services.defaultLanguage);
      if (personalDataFound(context).length > 0 && !profile.personalDataNoticeGiven) {
        profile.personalDataNoticeGiven = true;
        await context.sendActivity(replyActivity((await turnTools(services, context)).compose.message('ui.personalDataNotice')));
      }
      const { compose } = await turnTools(services, context);
      if ((context.activity.text ?? '').length > MAX_MESSAGE_CHARS) {
        await context.sendActivity(replyActivity(compose.message('ui.tooLong', [], true)));
        return next();
      }
      await runDialog(this.rootDialog, context, this.dialogState);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== context.activity.recipient?.id);
      if (newcomers.length > 0) await this.welcome(context);
      await next();
    });
  }

  private async welcome(context: TurnContext): Promise<void> {
    const profile = await this.services.profile.get(context, {});
    profile.language ??= languageOfLocale(context.activity.locale) ?? this.services.defaultLanguage;
    const { compose } = await turnTools(this.services, context);
    await context.sendActivity(replyActivity(compose.message('ui.welcome', this.services.content.welcomeTopics, true)));
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.memory.save(context);
  }
}
