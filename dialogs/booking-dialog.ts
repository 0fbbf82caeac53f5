import {
  ComponentDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import { BOOKING_ABOUT, BOOKING_MODES, type Booking } from '../src/booking/booking-store';
import type { Slot } from '../src/booking/counselling-schedule';
import { looksLikeSlotChoice, pickSlot, slotInWords, slotLabel, slotList } from '../src/booking/slot-text';
import { LANGUAGES } from '../src/content/content-schema';
import { type Translate, translatorFor } from '../src/content/i18n';
import { textAt } from '../src/content/locale-tree';
import { fold } from '../src/text/fold';
import { type DialogServices, turnTools } from './dialog-services';
import { replyActivity } from './reply-activity';
import { answerText, oneOf, stepValues, waitingPromptState } from './step-state';

const STEPS = 'bookingSteps';
const ANSWER_PROMPT = 'bookingAnswer';

/** At most this many times on buttons at once: enough to choose from, few enough to read. */
export const MAX_OFFERED_SLOTS = 8;

const ABOUT_CHOICES = [...BOOKING_ABOUT, 'skip'] as const;
const CALLBACK_CHOICES = ['callbackYes', 'callbackNo'] as const;
const ALL_CHOICES = [...BOOKING_MODES, ...ABOUT_CHOICES, ...CALLBACK_CHOICES];
const YES = new Set(['ja', 'yes', 'ja tak', 'yes please']);
const NO = new Set(['nej', 'no', 'nej tak', 'no thanks']);

const storedSlotSchema = z.object({ start: z.string(), end: z.string() });
type StoredSlot = z.infer<typeof storedSlotSchema>;

/** What a booking conversation carries from step to step: times, choices and the code; never a phone number. */
const bookingValuesSchema = z.object({
  offered: z.array(storedSlotSchema).default([]),
  slot: storedSlotSchema.optional(),
  mode: z.enum(BOOKING_MODES).optional(),
  about: z.enum(ABOUT_CHOICES).optional(),
  code: z.string().optional(),
});
type BookingValues = z.infer<typeof bookingValuesSchema>;

/** When a chosen slot was taken meanwhile, the dialog starts again keeping the answers already given. */
const bookingOptionsSchema = z.object({
  retry: z.boolean().optional(),
  mode: z.enum(BOOKING_MODES).optional(),
  about: z.enum(ABOUT_CHOICES).optional(),
});
type BookingOptions = z.infer<typeof bookingOptionsSchema>;

/** What a question accepts, kept with the prompt so the validator can check an answer. */
const expectationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('slot'), offered: z.array(storedSlotSchema) }),
  z.object({ kind: z.literal('choice'), ids: z.array(z.string()).readonly() }),
  z.object({ kind: z.literal('phone') }),
]);
type Expectation = z.infer<typeof expectationSchema>;
const answerPromptStateSchema = z.object({ options: z.object({ validations: expectationSchema }) });

/** What the booking question waiting for an answer expects, from the flow's stored state. */
function askedKind(state: object | undefined): Expectation['kind'] | undefined {
  const asked = answerPromptStateSchema.safeParse(waitingPromptState(state, ANSWER_PROMPT));
  return asked.success ? asked.data.options.validations.kind : undefined;
}

const slotOf = ({ start, end }: StoredSlot): Slot => ({ start: new Date(start), end: new Date(end) });
const storedOf = ({ start, end }: Slot): StoredSlot => ({ start: start.toISOString(), end: end.toISOString() });

/**
 * Books an anonymous counselling conversation: a free time, at Pitstop or by phone, optionally whom it
 * is about, and for a phone conversation optionally a call-back number. The person gets a code of
 * easy words; no name is asked for and nothing else about them is kept.
 */
export class BookingDialog extends ComponentDialog {
  static readonly id = 'booking';
  private readonly choiceLabels = new Map<string, string>();

  constructor(private readonly services: DialogServices) {
    super(BookingDialog.id);
    for (const language of LANGUAGES) {
      for (const choice of ALL_CHOICES) {
        const label = textAt(services.content.locales[language], `booking.choices.${choice}`);
        if (label) this.choiceLabels.set(fold(label), choice);
      }
    }
    this.addDialog(new TextPrompt(ANSWER_PROMPT, (prompt) => this.isValid(prompt)));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        (step) => this.offerSlots(step),
        (step) => this.askMode(step),
        (step) => this.askAbout(step),
        (step) => this.book(step),
        (step) => this.askPhone(step),
        (step) => this.savePhone(step),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  /**
   * Whether a message answers one of the booking questions; anything else is a new question. A "nej" to the
   * times offered declines the booking (no time fits), where it answers the question of a call-back.
   */
  isAnswer(text: string, state?: object): boolean {
    const folded = fold(text);
    return (
      this.choiceLabels.has(folded) ||
      ((YES.has(folded) || NO.has(folded)) && askedKind(state) !== 'slot') ||
      looksLikeSlotChoice(text) ||
      /\[phone\]/.test(text) ||
      (/\d/.test(text) && text.length <= 24)
    );
  }

  private values(step: WaterfallStepContext): BookingValues {
    return stepValues(step, bookingValuesSchema);
  }

  private choiceOf<T extends string>(text: string, ids: readonly T[]): T | undefined {
    const folded = fold(text);
    const labelled = oneOf(ids, this.choiceLabels.get(folded));
    if (labelled) return labelled;
    const number = /^\s*(\d)\s*\.?\s*$/.exec(text);
    if (number) return ids[Number(number[1]) - 1];
    if (YES.has(folded)) return oneOf(ids, 'callbackYes');
    if (NO.has(folded)) return oneOf(ids, 'callbackNo');
    return undefined;
  }

  private slotLabels(slot: Slot): string[] {
    return LANGUAGES.map((language) => slotLabel(slot, translatorFor(this.services.i18n, language), language));
  }

  private async isValid(prompt: PromptValidatorContext<string>): Promise<boolean> {
    const text = prompt.recognized.value ?? '';
    const expected = expectationSchema.parse(prompt.options.validations);
    switch (expected.kind) {
      case 'slot':
        return pickSlot(text, expected.offered.map(slotOf), (slot) => this.slotLabels(slot)) !== undefined;
      case 'choice':
        return this.choiceOf(text, expected.ids) !== undefined;
      case 'phone':
        return (await turnTools(this.services, prompt.context)).guarded.phoneNumbers.length === 1 || this.choiceOf(text, ['callbackNo']) !== undefined;
    }
  }

  private async ask(
    step: WaterfallStepContext,
    key: string,
    text: string,
    buttons: string[],
    retryKey: string,
    validations: Expectation,
  ): Promise<DialogTurnResult> {
    const { compose } = await turnTools(this.services, step.context);
    const { prompt, retry } = compose.question(key, buttons, retryKey, text);
    return step.prompt(ANSWER_PROMPT, { prompt: replyActivity(prompt), retryPrompt: replyActivity(retry), validations });
  }

  private async askChoice(step: WaterfallStepContext, key: string, ids: readonly string[]): Promise<DialogTurnResult> {
    const { t } = await turnTools(this.services, step.context);
    return this.ask(
      step,
      key,
      t(key),
      ids.map((id) => t(`booking.choices.${id}`)),
      'booking.choiceRetry',
      { kind: 'choice', ids },
    );
  }

  private async say(step: WaterfallStepContext, key: string, variables?: Record<string, unknown>): Promise<DialogTurnResult> {
    const { compose } = await turnTools(this.services, step.context);
    await step.context.sendActivity(replyActivity(compose.message(key, [], true, variables)));
    return step.endDialog();
  }

  private async offerSlots(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = bookingOptionsSchema.parse(step.options ?? {});
    const desk = this.services.bookings;
    if (!desk.schedule) return this.say(step, 'booking.notConfigured');
    const { profile } = await turnTools(this.services, step.context);
    if (!(await desk.acceptingBookings()) || (profile.bookingsMade ?? 0) >= this.services.bookingsPerConversation)
      return this.say(step, 'booking.limitReached');
    const slots = (await desk.freeSlots()).slice(0, MAX_OFFERED_SLOTS);
    if (slots.length === 0) return this.say(step, 'booking.noFreeSlots', { count: desk.schedule.bookableDays });
    const { t, language } = await turnTools(this.services, step.context);
    Object.assign(this.values(step), { offered: slots.map(storedOf), mode: options.mode, about: options.about });
    const key = options.retry ? 'booking.slotTaken' : 'booking.intro';
    const text = [t(key, { slots: slotList(slots, t, language) }), desk.schedule.example ? t('booking.exampleSchedule') : undefined]
      .filter(Boolean)
      .join('\n\n');
    const labels = slots.map((slot) => slotLabel(slot, t, language));
    return this.ask(step, key, text, labels, 'booking.slotRetry', { kind: 'slot', offered: slots.map(storedOf) });
  }

  private async askMode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const slot = pickSlot(answerText(step), values.offered.map(slotOf), (candidate) => this.slotLabels(candidate));
    if (!slot) throw new Error('The validated slot is not among those offered');
    values.slot = storedOf(slot);
    if (values.mode) return step.next();
    return this.askChoice(step, 'booking.askMode', BOOKING_MODES);
  }

  private async askAbout(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.mode ??= this.choiceOf(answerText(step), BOOKING_MODES);
    if (values.about) return step.next();
    return this.askChoice(step, 'booking.askAbout', ABOUT_CHOICES);
  }

  private async book(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.about ??= this.choiceOf(answerText(step), ABOUT_CHOICES);
    const { language, profile } = await turnTools(this.services, step.context);
    if (!values.slot || !values.mode) throw new Error('A booking needs a slot and a mode');
    const about = values.about === 'skip' ? undefined : values.about;
    const attempt = await this.services.bookings.book({ slot: slotOf(values.slot), mode: values.mode, about, language });
    if (!attempt.booked && attempt.reason === 'limit_reached') return this.say(step, 'booking.limitReached');
    if (!attempt.booked) return step.replaceDialog(STEPS, { retry: true, mode: values.mode, about: values.about } satisfies BookingOptions);
    values.code = attempt.booking.code;
    profile.bookingsMade = (profile.bookingsMade ?? 0) + 1;
    // The code is given at once: whatever happens next, the person knows their booking.
    await this.confirm(step, attempt.booking);
    if (values.mode === 'in_person') return step.endDialog();
    return this.askChoice(step, 'booking.askCallback', CALLBACK_CHOICES);
  }

  private async askPhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (this.choiceOf(answerText(step), CALLBACK_CHOICES) !== 'callbackYes') return this.followUp(step, 'booking.noCallback');
    const { t, profile } = await turnTools(this.services, step.context);
    profile.expectsPhoneNumber = true;
    return this.ask(step, 'booking.askPhone', t('booking.askPhone'), [t('booking.choices.callbackNo')], 'booking.phoneRetry', { kind: 'phone' });
  }

  private async savePhone(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile, guarded } = await turnTools(this.services, step.context);
    delete profile.expectsPhoneNumber;
    const { code } = this.values(step);
    const [phone] = guarded.phoneNumbers;
    const saved = code !== undefined && phone !== undefined && (await this.services.bookings.setCallbackPhone(code, phone));
    return this.followUp(step, saved ? 'booking.callbackSaved' : 'booking.noCallback');
  }

  private async confirm(step: WaterfallStepContext, booking: Booking): Promise<void> {
    const { compose, t, language } = await turnTools(this.services, step.context);
    const text = bookingText(t, language, booking, 'booking.booked', booking.mode, this.services.bookings.schedule?.example);
    await step.context.sendActivity(replyActivity({ ...compose.message('booking.booked', [], booking.mode === 'phone'), text }));
  }

  /** After the call-back question: how the phone conversation happens, with the code once more. */
  private async followUp(step: WaterfallStepContext, key: 'booking.callbackSaved' | 'booking.noCallback'): Promise<DialogTurnResult> {
    const { code } = this.values(step);
    const booking = code ? await this.services.bookings.find(code) : undefined;
    if (!booking) return this.say(step, 'booking.notFound', { code });
    const { t, language } = await turnTools(this.services, step.context);
    return this.say(step, key, { code: booking.code, when: slotInWords(booking.slot, t, language) });
  }
}

/** A booking in words: when, how to meet, the code and how to see or cancel it. */
export function bookingText(
  t: Translate,
  language: Parameters<typeof slotInWords>[2],
  booking: Booking,
  headingKey: 'booking.booked' | 'booking.shown',
  howToMeet: 'in_person' | 'phone' | 'callback',
  example?: boolean,
): string {
  return [
    t(headingKey, { when: slotInWords(booking.slot, t, language), code: booking.code }),
    t(`booking.howToMeet_${howToMeet}`),
    headingKey === 'booking.booked' ? t('booking.code', { code: booking.code }) : undefined,
    t('booking.manage', { code: booking.code }),
    example ? t('booking.exampleSchedule') : undefined,
  ]
    .filter(Boolean)
    .join('\n\n');
}
