import type { Activity } from 'botbuilder';

let activityCounter = 0;

/** An activity as a channel would send it in a conversation, asking for its replies in the response. */
export function expectRepliesActivity(conversationId: string, locale: string, overrides: Partial<Activity>): Partial<Activity> {
  activityCounter += 1;
  return {
    type: 'message',
    id: `activity-${activityCounter}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: 'user-1', name: 'user' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    locale,
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}
