/**
 * The crisis classifier judged on messages it never learnt: each learnt round is left out of its training in turn,
 * and the round's messages are read by the classifier alone (the probabilities of both its models against the
 * thresholds) and by the whole detector (patterns and classifier). The classifier's counts are honest for rounds it did
 * not learn; the detector's are optimistic, because the patterns were written from these very rounds. For a change to
 * the classifier (features, labels, training, thresholds), measure it here before the held-out round.
 * Run: npm run eval:crisis-cv                        rounds 17-21
 *      npm run eval:crisis-cv -- --rounds 10,11,12    other rounds (training sets are numbered from 101)
 */
import { defaultContentDir } from '../src/base/project-paths';
import type { CrisisExample } from '../src/content/crisis-schema';
import { loadContent } from '../src/content/load-content';
import { CRISIS_THRESHOLDS, CrisisClassifier, crisisTrainingExamples, worryTrainingExamples } from '../src/nlu/crisis-classifier';
import { CrisisDetector } from '../src/nlu/crisis-detector';
import { SoftmaxClassifier } from '../src/nlu/softmax-classifier';
import { optionValue, runToExit } from './command-line';

type Tier = CrisisExample['tier'];
const TIERS: Tier[] = ['acute', 'concern', 'none'];

async function main(): Promise<number> {
  const content = loadContent(defaultContentDir());
  const rounds = (optionValue('--rounds') ?? '17,18,19,20,21').split(',').map(Number);
  const missing = rounds.filter((round) => !content.crisisExamples.some((example) => example.round === round));
  if (missing.length > 0) {
    console.error(`No learnt messages of round ${missing.join(', ')} in content/crisis-examples.json`);
    return 1;
  }
  // Counts by "<tier written> <tier read>", for the classifier alone and for the detector.
  const classifierAlone = new Map<string, number>();
  const detector = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const round of rounds) {
    const started = Date.now();
    const without = { ...content, crisisExamples: content.crisisExamples.filter((example) => example.round !== round) };
    const classifier = new CrisisClassifier(SoftmaxClassifier.train(crisisTrainingExamples(without)), SoftmaxClassifier.train(worryTrainingExamples(without)));
    const detect = new CrisisDetector(content.crisis, classifier);
    for (const example of content.crisisExamples.filter((candidate) => candidate.round === round)) {
      const probability = classifier.acuteProbability(example.text);
      const read: Tier = probability >= CRISIS_THRESHOLDS.acute ? 'acute' : classifier.worries(example.text, probability) ? 'concern' : 'none';
      add(classifierAlone, `${example.tier} ${read}`);
      add(detector, `${example.tier} ${detect.assess(example.text).tier}`);
    }
    console.error(`round ${round}: trained without it in ${Date.now() - started} ms`);
  }
  const line = (counts: Map<string, number>, tier: Tier): string => {
    const of = (read: Tier): number => counts.get(`${tier} ${read}`) ?? 0;
    const total = TIERS.reduce((sum, read) => sum + of(read), 0);
    return `${tier.padEnd(8)} (${total}) → emergency reply ${of('acute')}, line ${of('concern')}, nothing ${of('none')}`;
  };
  console.log(
    `\nRounds ${rounds.join(', ')}, each left out of the classifier's training in turn (thresholds ${CRISIS_THRESHOLDS.acute} / ${CRISIS_THRESHOLDS.concern}, worrying ${CRISIS_THRESHOLDS.worrying})`,
  );
  console.log('Classifier alone (never learnt these messages):');
  for (const tier of TIERS) console.log(`  ${line(classifierAlone, tier)}`);
  console.log('Detector, patterns and classifier (the patterns were written from these rounds: optimistic):');
  for (const tier of TIERS) console.log(`  ${line(detector, tier)}`);
  return 0;
}

runToExit(main);
