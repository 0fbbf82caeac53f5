import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/base/project-paths';
import { defaultModelCacheDir } from '../../src/nlu/model-cache';

const run = promisify(execFile);

/** When each model of this name in the cache was last written or read (a read touches its file). */
function lastUsed(name: string): number {
  const dir = defaultModelCacheDir();
  const times = readdirSync(dir)
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.model'))
    .map((file) => statSync(path.join(dir, file)).mtimeMs);
  return Math.max(0, ...times);
}

describe("npm run build's training step (src/train.ts)", () => {
  it('leaves the two topic models and the emergency model in the cache a start reads, and says so', async () => {
    const started = Date.now() - 1_000; // file times may be coarser than the clock
    const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('src', 'train.ts')], {
      cwd: projectRoot(),
    });
    expect(stdout).toMatch(/^models ready in \.cache\/models \(\d+\.\d s\)$/m);
    for (const name of ['topics', 'learnt-topics', 'crisis']) expect({ name, fresh: lastUsed(name) >= started }).toEqual({ name, fresh: true });
  }, 180_000);
});
