import './compile-cache';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir } from './base/project-paths';
import { type Content, loadContent } from './content/load-content';
import { cachedCrisisDetector, defaultPatternCacheDir } from './nlu/crisis-patterns-cache';
import { defaultModelCacheDir } from './nlu/model-cache';
import { trainModels } from './nlu/train-models';

// `npm run build`'s last step: the models a start reads, trained at build time (src/nlu/train-models.ts).
// `--cache-dir <folder>` trains and compiles into another folder than the ones a start reads (the test of this step uses it).
const flag = process.argv.indexOf('--cache-dir');
const modelCacheDir = flag >= 0 ? process.argv[flag + 1] : defaultModelCacheDir();
const patternCacheDir = flag >= 0 ? modelCacheDir : defaultPatternCacheDir();
if (!modelCacheDir) fail('--cache-dir needs a folder');
// The caches forgive a folder they cannot write (a start then trains and compiles every time): a build must not. A
// file is written to find out, as permissions say nothing to root or of a read-only mount.
for (const [dir, what] of [
  [modelCacheDir, 'the models'],
  [patternCacheDir, 'the compiled patterns'],
]) {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.writable-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch {
    fail(`cannot write ${what} to ${dir}`);
  }
}
let content: Content;
try {
  content = loadContent(defaultContentDir());
} catch (error) {
  // Content errors are written for people and stop the build, as they would stop the bot.
  fail(error instanceof Error ? error.message : String(error));
}
const started = Date.now();
trainModels(content, modelCacheDir);
// The emergency patterns too: compiled into the snapshot a start replays (src/nlu/crisis-patterns-cache.ts).
cachedCrisisDetector(content.crisis, undefined, patternCacheDir);
console.log(`models ready in ${modelCacheDir}, patterns in ${patternCacheDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
