import { ActionTypes, type Activity, type CardAction, MessageFactory } from 'botbuilder';
import type { Reply, ReplyAction } from '../src/conversation/reply';

/** A call opens the phone's dialler; a topic or an answer is sent back as if typed. */
function cardAction(action: ReplyAction): CardAction {
  return action.kind === 'call'
    ? { type: ActionTypes.OpenUrl, title: action.title, value: action.uri }
    : { type: ActionTypes.ImBack, title: action.title, value: action.title };
}

/** A reply as a Bot Framework message: markdown text, buttons as suggested actions, meta in channelData. */
export function replyActivity(reply: Reply): Partial<Activity> {
  const activity = MessageFactory.suggestedActions(reply.actions.map(cardAction), reply.text);
  activity.textFormat = 'markdown';
  activity.locale = reply.meta.language;
  activity.channelData = { pitstop: reply.meta };
  return activity;
}
