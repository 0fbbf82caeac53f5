import { ActivityHandler, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { type Dialog, type DialogState, runDialog } from 'botbuilder-dialogs';
import type { ConversationProfile } from '../src/conversation/conversation-profile';
import type { PersonalDataKind } from '../src/privacy/redact-personal-data';
import type { ConversationMemory } from '../src/state/conversation-memory';
import { FEEDBACK_EVENT } from '../src/usage/metrics';
import { type DialogServices, startTurn, turnTools } from './dialog-services';
import { replyActivity } from './reply-activity';

/** Events the chat page (public/chat.js) sends; the feedback event is counted by the metrics middleware and gets no reply. */
export const PAGE_EVENTS = { join: 'webchat/join', language: 'pitstop/language', forget: 'pitstop/forget', feedback: FEEDBACK_EVENT } as const;

/**
 * Where the dialog SDK looks for its memory scopes and path resolvers before building them. It builds
 * them afresh on every turn (walking its component registry); the set never changes in this bot, so the
 * first turn's is kept and handed to every later turn.
 */
const DIALOG_STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/** Personal data the person did not give on purpose: a call-back number the bot asked for is not a slip. */
function unexpectedPersonalData(found: PersonalDataKind[], profile: ConversationProfile): boolean {
  return found.some((kind) => !(kind === 'phone' && profile.expectsPhoneNumber));
}

/** Turns: pick the language, say once that personal data is not needed, run the root dialog, save state. */
export class PitstopBot extends ActivityHandler {
  private dialogStateConfiguration: unknown;

  constructor(
    private readonly memory: ConversationMemory,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly rootDialog: Dialog,
    private readonly services: DialogServices,
  ) {
    super();
    this.onMessage(async (context, next) => {
      const { profile, compose, reading, guarded } = await startTurn(services, context);
      // The emergency reply comes first and alone: the notice waits for another message.
      if (unexpectedPersonalData(guarded.personalData, profile) && !profile.personalDataNoticeGiven && reading().crisis.tier !== 'acute') {
        profile.personalDataNoticeGiven = true;
        await context.sendActivity(replyActivity(compose.message('ui.personalDataNotice')));
      }
      if (guarded.tooLongStart !== undefined) {
        const { crisis } = services.recognizer.recognize(guarded.tooLongStart);
        await context.sendActivity(replyActivity(crisis.tier === 'acute' ? compose.crisis(crisis.kinds) : compose.message('ui.tooLong', [], true)));
        return next();
      }
      if (this.dialogStateConfiguration) context.turnState.set(DIALOG_STATE_CONFIGURATION, this.dialogStateConfiguration);
      await runDialog(this.rootDialog, context, this.dialogState);
      this.dialogStateConfiguration ??= context.turnState.get(DIALOG_STATE_CONFIGURATION);
      await next();
    });
    this.onEvent(async (context, next) => {
      await this.onPageEvent(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== context.activity.recipient?.id);
      if (newcomers.length > 0) await this.welcome(context);
      await next();
    });
  }

  /** Events the chat page sends: it joined, the reader switched language, or chose to start over. */
  private async onPageEvent(context: TurnContext): Promise<void> {
    const { name, value } = context.activity;
    if (name === PAGE_EVENTS.join) return this.welcome(context);
    if (name === PAGE_EVENTS.forget) return this.memory.forget(context);
    if (name === PAGE_EVENTS.language && (value === 'da' || value === 'en')) {
      (await this.services.profile.get(context, {})).language = value;
      const { compose } = await turnTools(this.services, context);
      await context.sendActivity(replyActivity(compose.message('ui.languageSwitched', this.services.content.welcomeTopics)));
    }
  }

  private async welcome(context: TurnContext): Promise<void> {
    const { compose } = await startTurn(this.services, context);
    await context.sendActivity(replyActivity(compose.message('ui.welcome', this.services.content.welcomeTopics, true)));
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.memory.save(context);
  }
}
