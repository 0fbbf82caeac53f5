import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { HttpError } from './http-error';

/** The activity types of the Bot Framework protocol; anything else is refused. */
const ACTIVITY_TYPES = [
  'message',
  'contactRelationUpdate',
  'conversationUpdate',
  'typing',
  'endOfConversation',
  'event',
  'invoke',
  'deleteUserData',
  'messageUpdate',
  'messageDelete',
  'installationUpdate',
  'messageReaction',
  'suggestion',
  'trace',
  'handoff',
  'command',
  'commandResult',
] as const;

const id = z.string().min(1).max(1024);
const account = z.object({ id, name: z.string().max(1024).optional() }).passthrough();

/**
 * The fields the SDK and the bot rely on, with their types. Unknown fields pass through untouched;
 * known ones of the wrong type are refused here rather than failing deep inside the SDK.
 */
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(1024).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
    conversation: z.object({ id, isGroup: z.boolean().optional(), name: z.string().max(1024).optional() }).passthrough(),
    from: account,
    recipient: account,
    text: z.string().optional(),
    textFormat: z.string().max(32).optional(),
    locale: z.string().max(32).optional(),
    deliveryMode: z.string().max(32).optional(),
    replyToId: z.string().max(1024).optional(),
    name: z.string().max(1024).optional(),
    timestamp: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    membersAdded: z.array(account).max(100).optional(),
    membersRemoved: z.array(account).max(100).optional(),
    attachments: z
      .array(z.object({ contentType: z.string().max(256) }).passthrough())
      .max(50)
      .optional(),
    entities: z
      .array(z.object({ type: z.string().max(256) }).passthrough())
      .max(50)
      .optional(),
    channelData: z.unknown().optional(),
    value: z.unknown().optional(),
  })
  .passthrough();

/** A request body as an activity, or a 400 naming the first bad field (its path, never its value). */
export function parseActivity(body: unknown): Activity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_activity', 'Request body must be a JSON object (a Bot Framework activity).');
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new HttpError(400, 'invalid_activity', `Invalid activity: field "${field}" is missing or has the wrong type.`);
  }
  if (!(ACTIVITY_TYPES as readonly string[]).includes(parsed.data.type)) {
    throw new HttpError(400, 'unknown_activity_type', 'Unknown activity type.');
  }
  // The protocol object, checked on every field we rely on. Activity's type marks fields as required
  // (label, valueType, listenFor…) that channels never send, so this one conversion is at the edge.
  return parsed.data as unknown as Activity;
}
