import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { CRISIS_THRESHOLDS, type CrisisClassifier } from '../../../src/nlu/crisis-classifier';
import { CrisisDetector } from '../../../src/nlu/crisis-detector';

const { crisis } = loadContent(defaultContentDir());

/** The content's patterns and frames with a classifier that says `probability` for every message. */
function detectorSaying(probability: number): CrisisDetector {
  const classifier: Pick<CrisisClassifier, 'acuteProbability'> = { acuteProbability: () => probability };
  return new CrisisDetector(crisis, classifier as CrisisClassifier);
}

describe('CrisisDetector: the classifier against the frames', () => {
  // No pattern of danger in either; each holds a frame: a question whether something is normal caps the classifier
  // at a line, a question whether one writes with a robot keeps it out.
  const capped = 'er det normalt at han sover så meget efter en fest';
  const quiet = 'er du en robot eller et menneske';

  it('a frame keeps a sure classifier from the emergency reply', () => {
    const sure = detectorSaying(0.9);
    expect(sure.assess(capped).tier).toBe('concern');
    expect(sure.assess(quiet).tier).toBe('none');
    // Without a frame the same probability is an emergency.
    expect(sure.assess('han sover så meget efter en fest').tier).toBe('acute');
  });

  it('no frame keeps an all but certain classifier from the emergency reply, and both helplines are named', () => {
    const certain = detectorSaying(CRISIS_THRESHOLDS.certain);
    expect(certain.assess(capped)).toEqual({ tier: 'acute', kinds: [] });
    expect(certain.assess(quiet)).toEqual({ tier: 'acute', kinds: [] });
  });
});
