import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, type DialogContext, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Aspect, Command } from '../src/content/content-schema';
import { storedReading } from '../src/conversation/conversation-profile';
import type { Reply } from '../src/conversation/reply';
import { LANGUAGE_OF_REQUEST } from '../src/nlu/language-request';
import type { Intent, Recognition } from '../src/nlu/recognizer';
import { AnswerDialog } from './answer-dialog';
import { bookingCodeReply } from './booking-code-reply';
import { BookingDialog } from './booking-dialog';
import { type DialogServices, type TurnTools, turnTools } from './dialog-services';
import { GuideDialog } from './guide-dialog';
import { replyActivity } from './reply-activity';

const ROUTE = 'route';
/** A dialog that asks questions and can tell its answers from a new question. */
interface FlowDialog {
  /** `state`: the flow's own dialog state, to know which question it is waiting on. */
  isAnswer(text: string, state?: object): boolean;
}

/** Small talk between a question and its follow-up, which keeps the aspect asked ("tak" → "og dagbehandling?"). */
const KEEPS_LAST_ASPECT: ReadonlySet<Command> = new Set(['thanks', 'acknowledge', 'helpful']);
const LANGUAGE_COMMANDS: ReadonlySet<Command> = new Set(Object.keys(LANGUAGE_OF_REQUEST) as Command[]);

/**
 * Every message starts here: crisis first, then commands, then topics. While a flow (the guide, a
 * booking) waits for an answer, anything that is not one interrupts it and is routed as a new question.
 */
export class RootDialog extends ComponentDialog {
  static readonly id = 'root';
  private readonly flows = new Map<string, FlowDialog>();

  constructor(private readonly services: DialogServices) {
    super(RootDialog.id);
    const guide = new GuideDialog(services);
    const booking = new BookingDialog(services);
    this.flows.set(GuideDialog.id, guide).set(BookingDialog.id, booking);
    this.addDialog(new WaterfallDialog(ROUTE, [(step) => this.route(step)]));
    this.addDialog(new AnswerDialog(services));
    this.addDialog(guide);
    this.addDialog(booking);
    this.initialDialogId = ROUTE;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    const flowId = innerDc.activeDialog?.id ?? '';
    const flow = this.flows.get(flowId);
    const text = activity.text ?? '';
    const answered = flow?.isAnswer(text, innerDc.activeDialog?.state) && !this.services.recognizer.interrupts(text);
    if (activity.type === ActivityTypes.Message && !answered && (!flow || (await this.asksSomethingElse(innerDc, text, flowId)))) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(ROUTE);
    }
    // An answer, or words that are neither an answer nor another question ("banan", "ved ikke"): the flow's
    // question is asked again (its retry, with the same buttons) and the answers so far are kept.
    return super.onContinueDialog(innerDc);
  }

  /**
   * Whether a message that answers none of a flow's buttons asks something else: an emergency, a command (also a
   * "nej" to the times offered, which declines the booking), a booking code, or a topic. Read as a new question
   * would be read, so a question asked in the middle of the guide is answered, and "which one is right for me?"
   * starts the guide afresh; words read as nothing in particular, or as the flow only because the conversation leans
   * on it ("banan" in the guide), keep it waiting.
   */
  private async asksSomethingElse(innerDc: DialogContext, text: string, flowId: string): Promise<boolean> {
    const { reading } = await turnTools(this.services, innerDc.context);
    const { intent, crisis } = reading();
    if (this.services.recognizer.interrupts(text, crisis)) return true;
    const isFlow = (intent: Intent): boolean => intent.kind === 'topic' && this.services.content.topicById.get(intent.topicId)?.kind === flowId;
    if (intent.kind === 'out_of_scope' || intent.kind === 'empty') return false;
    return !isFlow(intent) || isFlow(this.services.recognizer.recognize(text).intent);
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { profile, reading } = await turnTools(this.services, step.context);
    // A new question ends any wait for a call-back number.
    delete profile.expectsPhoneNumber;
    const recognition = reading();
    // "Sorry can you say that in english, is it free?": the question is answered in the language asked for.
    if (recognition.language) profile.language = recognition.language;
    // The turn's tools again: in the new language where it switched, the same ones otherwise.
    const tools = await turnTools(this.services, step.context);
    // The aspect answered last carries to the next question ("hvad koster det?" → "og døgn?"), across a thanks or
    // an "ok"; a greeting, the guide, a booking or any other answer in between ends it.
    const lastAspect = profile.lastAspect;
    const { intent } = recognition;
    if (!(intent.kind === 'command' && KEEPS_LAST_ASPECT.has(intent.command))) delete profile.lastAspect;
    // The same answer in another language is the answer as it was, whoever a remark beside the request names ("can
    // you write it in english too, my friend wants to read it").
    const repeats = intent.kind === 'command' && LANGUAGE_COMMANDS.has(intent.command);
    if (recognition.audience && !repeats) profile.audience = recognition.audience;
    // What the writer said of their own age holds for the conversation, until they say another.
    if (recognition.writerAgeGroup) profile.writerAgeGroup = recognition.writerAgeGroup;
    // Once drugs are named the conversation is about drugs: a later word about drinking adds to it.
    if (recognition.substance && profile.substance !== 'drugs') profile.substance = recognition.substance;
    // The age group carries to the next message only ("min søn på 17" → "hvad kan han få?"): later
    // questions may be about someone else.
    if (recognition.ageGroup) profile.ageGroup = recognition.ageGroup;
    else delete profile.ageGroup;
    if (recognition.reading) profile.lastReading = storedReading(recognition.reading);
    if (recognition.evidence) profile.lastSaid = recognition.evidence;
    // A question that names Pitstop, no kind of help and points back to nothing ("hvor ligger pitstop?", "hvad koster
    // pitstop?" after day treatment) is about Pitstop: the kind of help answered before no longer lends it a subject.
    if (recognition.namesPitstop && !recognition.subjectId) delete profile.subjectId;
    // A worrying message gets the emergency numbers first, then the answer to what it asked.
    if (recognition.crisis.tier === 'concern') await step.context.sendActivity(replyActivity(tools.compose.concern(recognition.crisis.kinds)));
    return this.act(step, recognition, tools, lastAspect);
  }

  private async act(
    step: WaterfallStepContext,
    { intent, subjectId, aspect, elliptical, brief, short }: Recognition,
    tools: TurnTools,
    lastAspect: Aspect | undefined,
  ): Promise<DialogTurnResult> {
    const { compose } = tools;
    const { welcomeTopics, helpTopics } = this.services.content;
    const carried = this.aspectOfConversation(intent, aspect, short && !subjectId, tools.profile.subjectId);
    if (carried) {
      tools.profile.clarifications = 0;
      return step.beginDialog(AnswerDialog.id, { topicId: carried, aspect, brief });
    }
    switch (intent.kind) {
      case 'crisis':
        return this.say(step, compose.crisis(intent.kinds));
      case 'command':
        return this.command(step, intent.command, tools);
      case 'bookingCode':
        return this.say(step, await bookingCodeReply(this.services, tools, intent.code, intent.cancel));
      case 'topic':
        switch (this.services.content.topicById.get(intent.topicId)?.kind) {
          case 'guide':
            return step.beginDialog(GuideDialog.id);
          case 'booking':
            return step.beginDialog(BookingDialog.id);
          default:
            tools.profile.clarifications = 0;
            return step.beginDialog(AnswerDialog.id, {
              topicId: intent.topicId,
              subjectId,
              aspect: aspect ?? (elliptical ? lastAspect : undefined),
              brief,
              alternatives: intent.alternatives,
            });
        }
      case 'clarify':
        tools.profile.clarifications = (tools.profile.clarifications ?? 0) + 1;
        return this.say(step, compose.clarify(intent.candidates, tools.profile.clarifications - 1));
      case 'out_of_scope':
        return this.say(step, compose.message('ui.outOfScope', helpTopics, true));
      case 'empty':
        return this.say(step, compose.message('ui.empty', welcomeTopics));
    }
  }

  /**
   * "Hvem bestemmer det?", "hvor foregår det?" right after an answer about day treatment: a short
   * question about an aspect that names no subject is about the conversation's subject, when that has
   * an answer for the aspect and the message was not read as another subject that has one.
   */
  private aspectOfConversation(
    intent: Intent,
    aspect: Aspect | undefined,
    namesNoSubject: boolean | undefined,
    conversationSubject: string | undefined,
  ): string | undefined {
    if (!aspect || !namesNoSubject || !conversationSubject) return undefined;
    if (intent.kind !== 'topic' && intent.kind !== 'clarify' && intent.kind !== 'out_of_scope') return undefined;
    const { topicById } = this.services.content;
    if (intent.kind === 'topic') {
      const read = topicById.get(intent.topicId);
      if (read?.kind !== 'answer' || read.aspects[aspect]) return undefined;
    }
    return topicById.get(conversationSubject)?.aspects[aspect] ? conversationSubject : undefined;
  }

  private async command(step: WaterfallStepContext, command: Command, tools: TurnTools): Promise<DialogTurnResult> {
    const { welcomeTopics, helpTopics, staffTopics } = this.services.content;
    const { profile } = tools;
    switch (command) {
      case 'help':
        return this.say(step, tools.compose.message('ui.help', helpTopics, true));
      case 'restart':
        delete profile.audience;
        delete profile.subjectId;
        delete profile.lastReading;
        delete profile.lastSaid;
        delete profile.lastAnswer;
        delete profile.ageGroup;
        delete profile.writerAgeGroup;
        delete profile.substance;
        delete profile.clarifications;
        return this.say(step, tools.compose.message('ui.restart', welcomeTopics));
      case 'english':
      case 'danish': {
        profile.language = LANGUAGE_OF_REQUEST[command];
        // "Kan du sige det på engelsk?" right after an answer asks for that answer again, in English.
        const { lastAnswer } = profile;
        if (lastAnswer) return step.beginDialog(AnswerDialog.id, { topicId: lastAnswer.topicId, subjectId: lastAnswer.subjectId, aspect: lastAnswer.aspect });
        const switched = await turnTools(this.services, step.context);
        return this.say(step, switched.compose.message('ui.languageSwitched', welcomeTopics));
      }
      case 'greeting':
        return this.say(step, tools.compose.message('ui.greeting', welcomeTopics));
      case 'thanks':
        return this.say(step, tools.compose.message('ui.thanks'));
      case 'goodbye':
        return this.say(step, tools.compose.message('ui.goodbye'));
      case 'acknowledge':
        return this.say(step, tools.compose.message('ui.acknowledge'));
      case 'decline':
        // "Nej" / "none of them": other ways forward, never the same buttons again.
        return this.say(step, tools.compose.message('ui.decline', ['guide'], true));
      case 'helpful':
        return this.say(step, tools.compose.message('ui.helpful'));
      case 'notHelpful':
        // Counted like the page's thumbs down (metrics read the reply's key); the way forward is the decline's.
        return this.say(step, tools.compose.message('ui.notHelpful', ['guide'], true));
      case 'cancelBooking':
        return this.say(step, tools.compose.message('booking.cancelHowTo', [], true));
      case 'staffIntroduction':
        return this.say(step, tools.compose.message('ui.staffIntroduction', staffTopics));
      case 'forget': {
        const confirmation = tools.compose.message('ui.forgotten', welcomeTopics);
        await this.services.forget(step.context);
        return this.say(step, confirmation);
      }
    }
  }

  private async say(step: WaterfallStepContext, reply: Reply): Promise<DialogTurnResult> {
    await step.context.sendActivity(replyActivity(reply));
    return step.endDialog();
  }
}
