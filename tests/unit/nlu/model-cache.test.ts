import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../../src/base/project-paths';
import { cachedClassifier, TRAINING_SOURCES } from '../../../src/nlu/model-cache';
import { SoftmaxClassifier } from '../../../src/nlu/softmax-classifier';

const examples = [
  { text: 'hvad koster behandling', label: 'fees' },
  { text: 'er det gratis', label: 'fees' },
  { text: 'hvordan klager jeg', label: 'complaints' },
  { text: 'klage over afgørelse', label: 'complaints' },
  { text: 'hvad er vejret', label: 'none' },
];
const probes = ['koster det noget', 'jeg vil klage', 'hvad bliver vejret i morgen', 'ukendte ord helt uden mening'];
const predictionsOf = (classifier: SoftmaxClassifier) => probes.map((text) => classifier.predict(text));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'models-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the model cache', () => {
  it('names a model by the sources of the code that folds, counts and learns, each of which is there to be read', () => {
    // A name that points nowhere would leave an edit of that code (the fold, say) reading an old model.
    expect(TRAINING_SOURCES.filter((name) => !existsSync(path.join(projectRoot(), 'src', `${name}.ts`)))).toEqual([]);
    expect(TRAINING_SOURCES).toContain('text/fold');
  });

  it('gives a stored model that predicts exactly what the trained one does, and reads it instead of training again', () => {
    const trained = SoftmaxClassifier.train(examples);
    const first = cachedClassifier('topics', examples, dir);
    expect(predictionsOf(first)).toEqual(predictionsOf(trained));
    // Another model in its place: what the next call gives can only have come from the file.
    const [file] = readdirSync(dir);
    const other = SoftmaxClassifier.train(examples.map(({ text }) => ({ text, label: 'fees' })).concat({ text: 'noget andet', label: 'none' }));
    writeFileSync(path.join(dir, file), other.toBuffer());
    expect(predictionsOf(cachedClassifier('topics', examples, dir))).toEqual(predictionsOf(other));
    expect(readdirSync(dir)).toEqual([file]);
  });

  it('trains afresh when the examples change, and removes models of the name nobody has read for a day', () => {
    cachedClassifier('topics', examples, dir);
    cachedClassifier('crisis', examples, dir);
    const [old] = readdirSync(dir).filter((name) => name.startsWith('topics-'));
    const changed = [...examples, { text: 'klagefrist', label: 'complaints' }];
    expect(predictionsOf(cachedClassifier('topics', changed, dir))).toEqual(predictionsOf(SoftmaxClassifier.train(changed)));
    expect(readdirSync(dir).filter((name) => name.startsWith('topics-'))).toHaveLength(2);
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    utimesSync(path.join(dir, old), twoDaysAgo, twoDaysAgo);
    cachedClassifier('topics', [...changed, { text: 'koster det penge', label: 'fees' }], dir);
    expect(readdirSync(dir).filter((name) => name.startsWith('topics-'))).toHaveLength(2);
    expect(readdirSync(dir)).not.toContain(old);
    expect(readdirSync(dir).filter((name) => name.startsWith('crisis-'))).toHaveLength(1);
  });

  it('keys a model by each example whole: a label and text that would read alike run together are another model', () => {
    // The last example's border between label and text moved: the same characters in the same order.
    const moved = [...examples.slice(0, 4), { text: 'vad er vejret', label: 'noneh' }];
    cachedClassifier('topics', examples, dir);
    expect(predictionsOf(cachedClassifier('topics', moved, dir))).toEqual(predictionsOf(SoftmaxClassifier.train(moved)));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('trains again over a damaged file, and trains without storing where the folder cannot be written', () => {
    cachedClassifier('topics', examples, dir);
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file), 'not a model');
    expect(predictionsOf(cachedClassifier('topics', examples, dir))).toEqual(predictionsOf(SoftmaxClassifier.train(examples)));
    const notAFolder = path.join(dir, 'a-file');
    writeFileSync(notAFolder, '');
    expect(predictionsOf(cachedClassifier('topics', examples, notAFolder))).toEqual(predictionsOf(SoftmaxClassifier.train(examples)));
  });
});
