import './compile-cache';
import { defaultContentDir } from './base/project-paths';
import { loadContent } from './content/load-content';
import { trainModels } from './nlu/train-models';

// `npm run build`'s last step: the models a start reads, trained at build time (src/nlu/train-models.ts). Content
// errors are written for people and stop the build, as they would stop the bot.
const started = Date.now();
try {
  trainModels(loadContent(defaultContentDir()));
  console.log(`models ready in .cache/models (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
