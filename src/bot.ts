import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { type Dialog, type DialogState, runDialog } from 'botbuilder-dialogs';
import { type DialogServices, turnTools } from '../dialogs/dialog-services';
import { replyActivity } from '../dialogs/reply-activity';
import { chooseLanguage, languageOfLocale } from './nlu/language-detector';

/** Turns: pick the language, run the root dialog, welcome new members, save state. */
export class PitstopBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly rootDialog: Dialog,
    private readonly services: DialogServices,
  ) {
    super();
    this.onMessage(async (context, next) => {
      const profile = await services.profile.get(context, {});
      profile.language = chooseLanguage(profile.language, context.activity.locale, context.activity.text ?? '', services.defaultLanguage);
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
    await this.conversationState.saveChanges(context, false);
  }
}
