import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { copenhagenDate } from '../src/calendar/copenhagen-time';
import type { Aspect, Language } from '../src/content/content-schema';
import type { Translate } from '../src/content/i18n';
import { planAnswer } from '../src/conversation/plan-answer';
import { availabilityText } from '../src/handoff/availability-text';
import { type Availability, availability } from '../src/handoff/opening-hours';
import { type DialogServices, turnTools } from './dialog-services';
import { replyActivity } from './reply-activity';

export interface AnswerOptions {
  topicId: string;
  /** A subject named in the message itself, which wins over the one remembered. */
  subjectId?: string;
  /** The aspect asked, or the one answered last where the message names only a subject ("og døgn?"). */
  aspect?: Aspect;
  /** A few words only ("og bagefter?"), which lean on the conversation's subject. */
  brief?: boolean;
  /** Other readings of the message, offered as buttons when the answer was the likeliest, not a sure one. */
  alternatives?: string[];
}

/** Renders any content topic: the answer for this audience and context, its source and next steps. */
export class AnswerDialog extends Dialog<AnswerOptions> {
  static readonly id = 'answer';

  constructor(private readonly services: DialogServices) {
    super(AnswerDialog.id);
  }

  override async beginDialog(dc: DialogContext, options?: AnswerOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('AnswerDialog needs a topic');
    const { profile, compose, t, language } = await turnTools(this.services, dc.context);
    const topic = this.services.content.topicById.get(options.topicId);
    // "What comes after?" is about the conversation's subject only when asked in a few words ("og
    // bagefter?"); asked in full ("hvad sker der, når jeg er færdig med behandlingen?") it is aftercare.
    const afterAlone = topic?.aspect === 'after' && !options.brief;
    const plan = planAnswer(this.services.content, options.topicId, {
      subjectId: options.subjectId ?? (afterAlone ? undefined : profile.subjectId),
      audience: profile.audience,
      aspect: options.aspect,
    });
    // A question every kind of help shares ("er det anonymt?") keeps the conversation's subject for the next
    // follow-up, or takes the one it names; the answer itself is not about that subject.
    profile.subjectId = topic?.keepsSubject ? (options.subjectId ?? profile.subjectId) : plan.subjectId;
    // An aspect answered in general ("hvad koster behandling?": fees) carries to "og døgn?" as one answered of a subject does.
    profile.lastAspect = plan.aspect ?? topic?.aspect;
    profile.lastAnswer = {
      topicId: options.topicId,
      ...(plan.subjectId ? { subjectId: plan.subjectId } : {}),
      ...(plan.aspect ? { aspect: plan.aspect } : {}),
    };
    const { openingHours, now } = this.services;
    const handoff = topic?.handoff;
    const instant = now();
    const addition = !handoff
      ? undefined
      : openingHours
        ? this.handoffText(availability(openingHours, instant), copenhagenDate(instant), t, language)
        : t('handoff.hoursUnknown');
    await dc.context.sendActivity(replyActivity(compose.answer(plan, addition, options.alternatives)));
    return dc.endDialog();
  }

  /** Whether Pitstop is open; when closed, also that a conversation can be booked here, if it can. */
  private handoffText(now: Availability, today: string, t: Translate, language: Language): string {
    const text = availabilityText(now, today, t, language);
    return !now.open && this.services.bookings.schedule ? `${text} ${t('handoff.bookInstead')}` : text;
  }
}
