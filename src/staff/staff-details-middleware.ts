import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { type ConversationProfile, recognitionContextOf } from '../conversation/conversation-profile';
import { replyMetaOf } from '../conversation/reply';
import { detectLanguage } from '../nlu/language-detector';
import type { Recognizer } from '../nlu/recognizer';
import { citedSources, memoryDetails, openDialogs, type RecognisedDetails, recognisedDetails, type StaffDetails } from './staff-details';

/**
 * Activities the staff endpoint let in with a valid staff token. Only that endpoint adds to the set, and
 * an object from a request body can never be in it: nothing a client sends can mark its own turn.
 */
const staffTurns = new WeakSet<object>();

export function markStaffTurn(activity: object): void {
  staffTurns.add(activity);
}

export function isStaffTurn(context: TurnContext): boolean {
  return staffTurns.has(context.activity);
}

/** The root dialog and its routing waterfall (dialogs/root-dialog.ts): open on every turn, never a flow. */
const ROUTING_DIALOGS = new Set(['root', 'route']);

export interface StaffDetailsDeps {
  recognizer: Recognizer;
  profile: StatePropertyAccessor<ConversationProfile>;
  dialogState: StatePropertyAccessor<DialogState>;
  contentVersion: string;
}

/**
 * On a staff turn only, every reply gets channelData.pitstopStaff: how the message was read (the same
 * call, with the same conversation context, the root dialog makes), which text answered and from which
 * source, the content version, and the conversation's memory after the turn. Runs after the privacy
 * guard, so it reads the redacted text, and keeps nothing.
 */
export class StaffDetailsMiddleware implements Middleware {
  constructor(private readonly deps: StaffDetailsDeps) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!isStaffTurn(context)) return next();
    const { profile, dialogState, recognizer, contentVersion } = this.deps;
    let recognised: RecognisedDetails | undefined;
    if (context.activity.type === ActivityTypes.Message) {
      const before = await profile.get(context, {});
      // A dialog open beside the root's own routing step when the message comes is a flow waiting for its answer.
      const waiting = openDialogs((await dialogState.get(context))?.dialogStack).find((dialog) => !ROUTING_DIALOGS.has(dialog.id))?.id;
      const text = context.activity.text ?? '';
      recognised = recognisedDetails(recognizer.recognize(text, recognitionContextOf(before)), detectLanguage(text), waiting);
    }
    await next();
    const memory = memoryDetails(await profile.get(context), (await dialogState.get(context))?.dialogStack);
    // With expectReplies the replies wait here until the turn is over, so they can still be added to.
    for (const reply of context.bufferedReplyActivities) {
      const answered = replyMetaOf(reply);
      if (reply.type !== ActivityTypes.Message || !answered) continue;
      const details: StaffDetails = { ...(recognised ? { recognised } : {}), answered, sources: citedSources(reply.text ?? ''), contentVersion, memory };
      reply.channelData = { ...reply.channelData, pitstopStaff: details };
    }
  }
}
