import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';

/**
 * A waterfall's values as the flow's own typed record. The SDK types them as a plain object, and between turns
 * they come back from the state store, so they are read through the flow's schema (a parse boundary, like any
 * stored data). The record returned is the stored one with the parsed fields in it: what a step writes into it
 * is kept for the next step.
 */
export function stepValues<Schema extends z.ZodType<object>>(step: Pick<WaterfallStepContext, 'values'>, schema: Schema): z.infer<Schema> {
  return Object.assign(step.values, schema.parse(step.values));
}

const textAnswer = z.string();

/** The text a prompt accepted, handed to the next step (the SDK types a step's result as anything). */
export function answerText(step: Pick<WaterfallStepContext, 'result'>): string {
  return textAnswer.parse(step.result);
}

/** The one of `ids` equal to `value`, typed as one of them. */
export function oneOf<Id extends string>(ids: readonly Id[], value: string | undefined): Id | undefined {
  return ids.find((id) => id === value);
}
