import type { TopicReader } from './backed-off-classifier';
import { PhraseMatcher } from './phrase-matcher';
import type { Prediction, Read } from './softmax-classifier';

/**
 * Some topics are about someone a message has to name: the help for pregnant women and parents of small children is
 * never the answer to "jeg er 24 og ryger hash dagligt og tager coke i weekenderne", however much its words resemble
 * questions from parents who use on weekends. A topic given evidence cues is no reading of a conversation's first
 * message that has none of them. A later message keeps its readings, whatever it says: the evidence may have been
 * given before ("jeg har en datter på 4 og tager speed", then "kan jeg få hjælp uden at miste hende?"), and the
 * conversation keeps no words to look in. So does a sentence read alone (`predict`), which answers only where the
 * model is sure of it.
 */
export class TopicsNeedingEvidence implements TopicReader {
  private readonly evidence: Array<[label: string, cues: PhraseMatcher<true>]>;

  constructor(
    private readonly reader: TopicReader,
    evidenceCues: Readonly<Record<string, readonly string[]>>,
  ) {
    this.evidence = Object.entries(evidenceCues).map(([label, cues]) => [label, PhraseMatcher.of(cues)]);
  }

  predict(text: string): Prediction[] {
    return this.reader.predict(text);
  }

  /** Read with `earlier` (what the message before said), the message is a later one. */
  read(text: string, options?: Parameters<TopicReader['read']>[1]): Read {
    const read = this.reader.read(text, options);
    return options?.earlier ? read : { ...read, predictions: this.founded(read.predictions, text) };
  }

  /** The predictions without the topics this text gives no evidence of; the others keep their probabilities. */
  private founded(predictions: Prediction[], text: string): Prediction[] {
    const unfounded = new Set(this.evidence.filter(([, cues]) => !cues.foundIn(text)).map(([label]) => label));
    return unfounded.size === 0 ? predictions : predictions.filter(({ label }) => !unfounded.has(label));
  }
}
