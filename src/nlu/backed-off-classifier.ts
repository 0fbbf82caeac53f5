import { CRISIS_LABEL } from '../content/content-schema';
import type { Prediction, Read, SoftmaxClassifier } from './softmax-classifier';

/** What the recognizer asks of a topic model. */
export type TopicReader = Pick<SoftmaxClassifier, 'predict' | 'read'>;

/**
 * Two topic models, the second backing the first off. The first learnt the guide's own phrases and whole messages,
 * written for each topic; the second learnt the blind realistic rounds' questions as well: thousands of ways people
 * ask that no phrase foresaw, labelled by writers who never saw the phrases. Alone, the second read round 38 before it
 * was learnt (rounds 1-37 learnt) with 382 right answers of 428 against the first's 374 and 30 wrong against 35, but it
 * moved clear questions: 4 fewer of the development and held-out questions right, 5 more confidently wrong, and some
 * twenty readings the conversation tests hold. So the first reads, and where it is not sure enough to answer alone
 * (its likeliest reading below `sure`) the two models' readings are averaged: round 38 381 right, 33 wrong, the
 * development and held-out questions as before (measured through the bot's entry point, conversations played as they
 * are). A message is backed off only until the classifier has read one in its conversation (in practice its first
 * question): the second learnt questions without their conversations, and a later message is read together with
 * the one before in the first's words (averaging those too gained nothing and moved more readings). A message's
 * sentences (`predict`) are each read alone, so they are backed off in any conversation. The second model learnt every
 * example of the first, so it knows every label the first does.
 */
export class BackedOffClassifier implements TopicReader {
  constructor(
    private readonly first: TopicReader,
    private readonly second: TopicReader,
    private readonly sure: number,
  ) {}

  predict(text: string): Prediction[] {
    const predictions = this.first.predict(text);
    return this.isSure(predictions) ? predictions : this.averaged(predictions, text);
  }

  read(text: string, options?: Parameters<TopicReader['read']>[1]): Read {
    const read = this.first.read(text, options);
    return options?.earlier || this.isSure(read.predictions) ? read : { ...read, predictions: this.averaged(read.predictions, text) };
  }

  /** Sure as the recognizer decides: by its likeliest topic reading, not an emergency's (the crisis detector's). */
  private isSure(predictions: Prediction[]): boolean {
    return (predictions.find(({ label }) => label !== CRISIS_LABEL)?.probability ?? 0) >= this.sure;
  }

  private averaged(first: Prediction[], text: string): Prediction[] {
    const second = new Map(this.second.predict(text).map(({ label, probability }) => [label, probability]));
    return first
      .map(({ label, probability }) => ({ label, probability: (probability + (second.get(label) ?? 0)) / 2 }))
      .sort((a, b) => b.probability - a.probability);
  }
}
