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

const dialogStackSchema = z.object({ dialogs: z.object({ dialogStack: z.array(z.object({ id: z.string(), state: z.unknown() })) }) });

/** The stored state of the prompt with this id on a flow's own dialog stack, while it waits for an answer. */
export function waitingPromptState(flowState: object | undefined, promptId: string): unknown {
  const stack = dialogStackSchema.safeParse(flowState);
  return stack.success ? stack.data.dialogs.dialogStack.find((instance) => instance.id === promptId)?.state : undefined;
}
