import { defaultContentDir } from '../../src/base/project-paths';
import { loadContent } from '../../src/content/load-content';
import { trainModels } from '../../src/nlu/train-models';

/**
 * Jest's global setup: the classifiers train once into .cache/models before any worker starts, so the workers and the
 * bot processes the end-to-end tests start read them back. On a fresh clone training takes about a minute (the model
 * that learnt the realistic rounds most of it); two workers would otherwise train the same models side by side, and a
 * bot process started meanwhile would train them again before listening.
 */
export default function trainTestModels(): void {
  trainModels(loadContent(defaultContentDir()));
}
