import type { Content } from '../content/load-content';
import { trainCrisisClassifier } from './crisis-classifier';
import { topicClassifier } from './recognizer';

/**
 * Trains the guide's four classifiers (the two topic models and the two emergency models) into the model cache, or
 * reads them back when this content and training code were learnt before. `npm run build` calls it, so that a start
 * reads the models instead of training them before it listens (about a minute on a fresh clone, issue 15), and the
 * tests' global setup calls it, so that no two test workers train the same models side by side.
 */
export function trainModels(content: Content, modelCacheDir?: string): void {
  topicClassifier(content, modelCacheDir);
  trainCrisisClassifier(content, modelCacheDir);
}
