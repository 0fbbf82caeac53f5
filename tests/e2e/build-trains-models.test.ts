import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/base/project-paths';
import { defaultModelCacheDir } from '../../src/nlu/model-cache';

const run = promisify(execFile);
const MODELS = ['topics', 'learnt-topics', 'crisis', 'worry'];
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

describe("npm run build's training step", () => {
  it('is the last step of the build', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8'));
    expect(scripts.build).toMatch(/&& node dist\/src\/train\.js$/);
  });

  it('reads or trains the two topic models and the two emergency models into the folder a start reads, compiles the emergency patterns, and says so', async () => {
    // A folder of its own, so no other test's reads make the models look used: the models the global setup trained,
    // copied with old times, are read back (a read touches its file) rather than trained again for a minute.
    const folder = mkdtempSync(path.join(tmpdir(), 'models-'));
    try {
      const cached = readdirSync(defaultModelCacheDir()).filter((file) => file.endsWith('.model'));
      for (const file of cached) {
        copyFileSync(path.join(defaultModelCacheDir(), file), path.join(folder, file));
        utimesSync(path.join(folder, file), LONG_AGO, LONG_AGO);
      }
      const { stdout } = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('src', 'train.ts'), '--cache-dir', folder], {
        cwd: projectRoot(),
      });
      expect(stdout).toContain(`models ready in ${folder}, patterns in ${folder} (`);
      const used = (name: string) =>
        readdirSync(folder).some(
          (file) => file.startsWith(`${name}-`) && file.endsWith('.model') && statSync(path.join(folder, file)).mtimeMs > LONG_AGO.getTime(),
        );
      expect(MODELS.filter((name) => !used(name))).toEqual([]);
      // And the emergency patterns, compiled into the snapshot a start replays.
      expect(readdirSync(folder).filter((file) => /^crisis-[0-9a-f]{24}\.json$/.test(file))).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
