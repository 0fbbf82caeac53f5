import { ActionTypes, MessageFactory } from 'botbuilder';
import {
  type Choice,
  ChoicePrompt,
  ComponentDialog,
  type DialogState,
  type DialogTurnResult,
  type FoundChoice,
  ListStyle,
  type PromptOptions,
  type PromptValidatorContext,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { LANGUAGES } from '../src/content/content-schema';
import { textAt } from '../src/content/locale-tree';
import { GuideAnswers as TypedAnswers } from '../src/conversation/guide-answers';
import { planAnswer, textVariant } from '../src/conversation/plan-answer';
import {
  type AgeGroup,
  type GuideAnswers,
  needsAnonymityQuestion,
  RESULT_TOPIC,
  recommendOffer,
  type Substance,
  type Who,
} from '../src/conversation/recommend-offer';
import { PhraseMatcher } from '../src/nlu/phrase-matcher';
import { type DialogServices, turnTools } from './dialog-services';
import { replyActivity } from './reply-activity';

const WHO: readonly Who[] = ['self', 'relative', 'professional'];
const AGE: readonly AgeGroup[] = ['under13', 'teen', 'adult'];
const SUBSTANCE: readonly Substance[] = ['drugs', 'alcohol', 'both'];
const YES_NO = ['yes', 'no'] as const;
const ANONYMOUS = ['anonymousYes', 'anonymousNo'] as const;
const ALL_CHOICES = [...WHO, ...AGE, ...SUBSTANCE, ...YES_NO, ...ANONYMOUS];

const CHOICE_PROMPT = 'guideChoice';
const STEPS = 'guideSteps';

// The SDK's choice prompt knows no Danish; these only shape inline lists, which we never use.
const CHOICE_DEFAULTS = {
  'da-dk': { inlineSeparator: ', ', inlineOr: ' eller ', inlineOrMore: ' eller ', includeNumbers: true },
  'en-us': { inlineSeparator: ', ', inlineOr: ' or ', inlineOrMore: ', or ', includeNumbers: true },
};

interface GuideState {
  answers: GuideAnswers;
}

/** "Which help is right for me?": a few button questions lead to the offer that fits and why. */
export class GuideDialog extends ComponentDialog {
  static readonly id = 'guide';
  private readonly choiceLabels = new PhraseMatcher<true>();
  private readonly typed: TypedAnswers;

  constructor(private readonly services: DialogServices) {
    super(GuideDialog.id);
    this.typed = new TypedAnswers(services.content.guideAnswerCues);
    for (const language of LANGUAGES) {
      for (const choice of ALL_CHOICES) {
        const label = textAt(services.content.locales[language], `guide.choices.${choice}`);
        if (label) this.choiceLabels.add(label, true);
      }
    }
    this.addDialog(new ChoicePrompt(CHOICE_PROMPT, (prompt) => this.acceptTyped(prompt), 'da-dk', CHOICE_DEFAULTS));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        (step) => this.askWho(step),
        (step) => this.askAge(step),
        (step) => this.askSubstance(step),
        (step) => this.askInTreatment(step),
        (step) => this.askAnonymous(step),
        (step) => this.recommend(step),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  /**
   * Whether a message answers the question the guide is asking (`state`: the guide's own dialog state):
   * a button's label or number, or words that point to one of its choices ("32", "min søn", "kokain",
   * "ved ikke"). Anything else is a new question.
   */
  isAnswer(text: string, state?: object): boolean {
    return /^\s*[1-3]\s*$/.test(text) || this.choiceLabels.exact(text) !== undefined || this.typed.answer(askedChoices(state), text) !== undefined;
  }

  /** The choice prompt found no button in the message: words that point to one choice answer too. */
  private async acceptTyped(prompt: PromptValidatorContext<FoundChoice>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const choices = choiceIds(prompt.options);
    const text = prompt.context.activity.text ?? '';
    const typed = this.typed.answer(choices, text);
    if (typed === undefined) return false;
    prompt.recognized.succeeded = true;
    prompt.recognized.value = { value: typed, index: choices.indexOf(typed), score: 1, synonym: text };
    return true;
  }

  private state(step: WaterfallStepContext): GuideState {
    return step.values as GuideState;
  }

  private async ask(step: WaterfallStepContext, questionKey: string, ids: readonly string[], context?: string): Promise<DialogTurnResult> {
    const { t, language } = await turnTools(this.services, step.context);
    const choices: Choice[] = ids.map((id) => {
      const title = t(`guide.choices.${id}`);
      const synonyms = LANGUAGES.map((l) => textAt(this.services.content.locales[l], `guide.choices.${id}`) ?? title);
      return { value: id, synonyms, action: { type: ActionTypes.ImBack, title, value: title } };
    });
    const variant = textVariant(this.services.content, questionKey, context);
    const key = variant ? `${questionKey}_${variant}` : questionKey;
    const prompt = MessageFactory.text(t(key));
    prompt.locale = language;
    prompt.channelData = { pitstop: { key, language } };
    const retryPrompt = MessageFactory.text(t('guide.retry'));
    return step.prompt(CHOICE_PROMPT, { prompt, retryPrompt, choices, style: ListStyle.suggestedAction });
  }

  private chosen<T extends string>(step: WaterfallStepContext, ids: readonly T[]): T {
    return ids[(step.result as FoundChoice).index];
  }

  private contextFor(answers: GuideAnswers): string | undefined {
    return answers.who === 'relative' ? 'relative' : undefined;
  }

  private async askWho(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.ask(step, 'guide.askWho', WHO);
  }

  private async askAge(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answers: GuideAnswers = { who: this.chosen(step, WHO) };
    this.state(step).answers = answers;
    if (answers.who === 'professional') return step.next();
    return this.ask(step, 'guide.askAge', AGE, this.contextFor(answers));
  }

  private async askSubstance(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { answers } = this.state(step);
    if (answers.who === 'professional') return step.next();
    answers.age = this.chosen(step, AGE);
    return this.ask(step, 'guide.askSubstance', SUBSTANCE);
  }

  private async askInTreatment(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { answers } = this.state(step);
    if (answers.who === 'professional') return step.next();
    answers.substance = this.chosen(step, SUBSTANCE);
    if (answers.who !== 'self' || answers.age === 'under13') return step.next();
    return this.ask(step, 'guide.askInTreatment', YES_NO);
  }

  private async askAnonymous(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { answers } = this.state(step);
    if (step.result !== undefined) answers.inTreatment = this.chosen(step, YES_NO) === 'yes';
    if (!needsAnonymityQuestion(answers)) return step.next();
    return this.ask(step, 'guide.askAnonymous', ANONYMOUS);
  }

  private async recommend(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { answers } = this.state(step);
    if (step.result !== undefined) answers.anonymous = this.chosen(step, ANONYMOUS) === 'anonymousYes';
    const { profile, compose } = await turnTools(this.services, step.context);
    profile.audience = answers.who === 'relative' ? 'relative' : answers.who === 'professional' ? 'staff' : undefined;
    const result = recommendOffer(answers);
    const plan = planAnswer(this.services.content, RESULT_TOPIC[result], { audience: profile.audience });
    profile.subjectId = plan.subjectId;
    const reply = compose.guideResult(`guide.results.${result}`, plan);
    await step.context.sendActivity(replyActivity(reply));
    return step.endDialog(result);
  }
}

function choiceIds(options: PromptOptions | undefined): string[] {
  return (options?.choices ?? []).map((choice) => (typeof choice === 'string' ? choice : choice.value));
}

/** The choices of the question the guide is waiting on, read from its dialog state (the SDK keeps it untyped). */
function askedChoices(state: object | undefined): string[] {
  const stack = (state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack ?? [];
  const prompt = stack.find((instance) => instance.id === CHOICE_PROMPT);
  return choiceIds((prompt?.state as { options?: PromptOptions } | undefined)?.options);
}
