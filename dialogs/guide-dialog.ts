import {
  type Choice,
  ChoicePrompt,
  ComponentDialog,
  type DialogTurnResult,
  type FoundChoice,
  ListStyle,
  type PromptOptions,
  type PromptValidatorContext,
  WaterfallDialog,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
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
import { stepValues, waitingPromptState } from './step-state';

const WHO = ['self', 'relative', 'professional'] as const satisfies readonly Who[];
const AGE = ['under13', 'teen', 'adult'] as const satisfies readonly AgeGroup[];
const SUBSTANCE = ['drugs', 'alcohol', 'both'] as const satisfies readonly Substance[];
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

/** What the guide carries from question to question: the answers so far, from the first on. */
const guideStateSchema = z.object({
  answers: z
    .object({
      who: z.enum(WHO),
      age: z.enum(AGE).optional(),
      substance: z.enum(SUBSTANCE).optional(),
      inTreatment: z.boolean().optional(),
      anonymous: z.boolean().optional(),
    })
    .optional(),
});

/** A choice prompt's result, handed to the next step (the SDK types a step's result as anything). */
const foundChoiceSchema = z.object({ index: z.number().int().nonnegative() });

/** The guide's own dialog state as the SDK stores it, read only for the choices of the question it is asking. */
const choicePromptStateSchema = z.object({
  options: z.object({ choices: z.array(z.union([z.string(), z.object({ value: z.string() })])).optional() }),
});

/** "Which help is right for me?": a few button questions lead to the offer that fits and why. */
export class GuideDialog extends ComponentDialog {
  static readonly id = 'guide';
  private readonly choiceLabels = new PhraseMatcher<string>();
  private readonly typed: TypedAnswers;

  constructor(private readonly services: DialogServices) {
    super(GuideDialog.id);
    this.typed = new TypedAnswers(services.content.guideAnswerCues);
    for (const language of LANGUAGES) {
      for (const choice of ALL_CHOICES) {
        const label = textAt(services.content.locales[language], `guide.choices.${choice}`);
        if (label) this.choiceLabels.add(label, choice);
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
    const asked = askedChoices(state);
    // A button's title answers the question it belongs to ("Nej" to "are you in treatment?"), not another ("who is
    // it for?": a "nej" there declines the guide).
    const labelled = this.choiceLabels.exact(text);
    return (
      /^\s*[1-3]\s*$/.test(text) ||
      (labelled !== undefined && (asked.length === 0 || asked.includes(labelled))) ||
      this.typed.answer(asked, text) !== undefined ||
      // "ved ikke" where it leads nowhere is still a reply to the question (asked again), not a wish for a new guide.
      this.typed.unsure(text)
    );
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

  /** The answers so far; every step after the first has them. */
  private answers(step: WaterfallStepContext): GuideAnswers {
    const { answers } = stepValues(step, guideStateSchema);
    if (!answers) throw new Error('A guide step after the first found no answers');
    return answers;
  }

  private async ask(step: WaterfallStepContext, questionKey: string, ids: readonly string[], context?: string): Promise<DialogTurnResult> {
    const { t, compose } = await turnTools(this.services, step.context);
    const titles = ids.map((id) => t(`guide.choices.${id}`));
    // The prompt recognises an answer by its value, or by its button's title in either language.
    const choices: Choice[] = ids.map((id, index) => ({
      value: id,
      synonyms: LANGUAGES.map((l) => textAt(this.services.content.locales[l], `guide.choices.${id}`) ?? titles[index]),
    }));
    const variant = textVariant(this.services.content, questionKey, context);
    const { prompt, retry } = compose.question(variant ? `${questionKey}_${variant}` : questionKey, titles, 'guide.retry');
    // The buttons are the question's own (ListStyle.none: the prompt adds none of its own).
    return step.prompt(CHOICE_PROMPT, { prompt: replyActivity(prompt), retryPrompt: replyActivity(retry), choices, style: ListStyle.none });
  }

  private chosen<T extends string>(step: WaterfallStepContext, ids: readonly T[]): T {
    const chosen = ids[foundChoiceSchema.parse(step.result).index];
    if (chosen === undefined) throw new Error('The chosen answer is not among the choices asked');
    return chosen;
  }

  private contextFor(answers: GuideAnswers): string | undefined {
    return answers.who === 'relative' ? 'relative' : undefined;
  }

  private async askWho(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.ask(step, 'guide.askWho', WHO);
  }

  private async askAge(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answers: GuideAnswers = { who: this.chosen(step, WHO) };
    stepValues(step, guideStateSchema).answers = answers;
    if (answers.who === 'professional') return step.next();
    return this.ask(step, 'guide.askAge', AGE, this.contextFor(answers));
  }

  private async askSubstance(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answers = this.answers(step);
    if (answers.who === 'professional') return step.next();
    answers.age = this.chosen(step, AGE);
    return this.ask(step, 'guide.askSubstance', SUBSTANCE);
  }

  private async askInTreatment(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answers = this.answers(step);
    if (answers.who === 'professional') return step.next();
    answers.substance = this.chosen(step, SUBSTANCE);
    if (answers.who !== 'self' || answers.age === 'under13') return step.next();
    return this.ask(step, 'guide.askInTreatment', YES_NO);
  }

  private async askAnonymous(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answers = this.answers(step);
    if (step.result !== undefined) answers.inTreatment = this.chosen(step, YES_NO) === 'yes';
    if (!needsAnonymityQuestion(answers)) return step.next();
    return this.ask(step, 'guide.askAnonymous', ANONYMOUS);
  }

  private async recommend(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answers = this.answers(step);
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
  const asked = choicePromptStateSchema.safeParse(waitingPromptState(state, CHOICE_PROMPT));
  return asked.success ? choiceIds(asked.data.options) : [];
}
