import type { Aspect, Language } from '../content/content-schema';
import type { CrisisKind } from '../content/crisis-schema';

/** A button: a topic to ask about, an answer to the question a flow is asking, or a phone number to call. */
export type ReplyAction = { kind: 'topic'; topicId: string; title: string } | { kind: 'answer'; title: string } | { kind: 'call'; title: string; uri: string };

/** What the bot says, independent of any chat SDK; dialogs turn it into an activity. */
export interface Reply {
  text: string;
  actions: ReplyAction[];
  meta: ReplyMeta;
}

/** Sent along in channelData so staff tools and tests can see which content answered. */
export interface ReplyMeta {
  key: string;
  language: Language;
  topicId?: string;
  subjectId?: string;
  /** The aspect of the subject answered ("what does it cost?"), where a text of its own answered it. */
  aspect?: Aspect;
  candidates?: string[];
  /** What an emergency reply or concern line is about. */
  crisis?: CrisisKind[];
}

/** The content metadata a reply carries in channelData (none on replies the bot did not compose, or from elsewhere). */
export function replyMetaOf(activity: { channelData?: unknown }): ReplyMeta | undefined {
  const channelData: { pitstop?: ReplyMeta } | undefined =
    typeof activity.channelData === 'object' && activity.channelData !== null ? activity.channelData : undefined;
  return channelData?.pitstop;
}
