import './compile-cache';
import { defaultContentDir } from './base/project-paths';
import { loadContent } from './content/load-content';
import { defaultModelCacheDir } from './nlu/model-cache';
import { trainModels } from './nlu/train-models';

// `npm run build`'s last step: the models a start reads, trained at build time (src/nlu/train-models.ts). Content
// errors are written for people and stop the build, as they would stop the bot. `--cache-dir <folder>` trains into
// another folder than the one a start reads (the test of this step uses it).
const flag = process.argv.indexOf('--cache-dir');
const modelCacheDir = flag >= 0 ? process.argv[flag + 1] : defaultModelCacheDir();
const started = Date.now();
try {
  if (!modelCacheDir) throw new Error('--cache-dir needs a folder');
  trainModels(loadContent(defaultContentDir()), modelCacheDir);
  console.log(`models ready in ${modelCacheDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
