import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { CRISIS_THRESHOLDS, type CrisisClassifier } from '../../../src/nlu/crisis-classifier';
import { CrisisDetector } from '../../../src/nlu/crisis-detector';

const { crisis } = loadContent(defaultContentDir());

/** The probability the stand-in classifier gives every message; each test sets it. */
let probability = 0;
const classifier: Pick<CrisisClassifier, 'acuteProbability'> = { acuteProbability: () => probability };
// One detector: building the content's patterns is the slow part, and only the classifier's answer varies.
const detector = new CrisisDetector(crisis, classifier as CrisisClassifier);

/** The content's patterns and frames with a classifier that says `said` for every message. */
function detectorSaying(said: number): CrisisDetector {
  probability = said;
  return detector;
}

describe('CrisisDetector: the classifier against the frames', () => {
  // No pattern of danger in any of them; each holds a frame of content/crisis.json: a question whether something is
  // normal caps the classifier at a line (classifierCappedBy), a question whether one writes with a robot keeps it out
  // (classifierQuietBy), "not right now" says the danger is not now (classifierFirmlyCappedBy).
  const capped = 'er det normalt at han sover så meget efter en fest';
  const quiet = 'er du en robot eller et menneske';
  const firm = 'ikke lige nu, jeg har det ok i aften. skriver i morgen';

  it('names the frames these messages hold', () => {
    expect(crisis.classifierCappedBy).toContain('asksIfNormal');
    expect(crisis.classifierQuietBy).toContain('humanOrBot');
    expect(crisis.classifierFirmlyCappedBy).toContain('notNow');
  });

  it('a frame keeps a sure classifier from the emergency reply, up to just below all but certain', () => {
    for (const probability of [0.9, CRISIS_THRESHOLDS.certain - 0.001]) {
      const sure = detectorSaying(probability);
      expect([sure.assess(capped).tier, sure.assess(quiet).tier, sure.assess(firm).tier]).toEqual(['concern', 'none', 'concern']);
    }
    // Without a frame the same probability is an emergency.
    expect(detectorSaying(0.9).assess('han sover så meget efter en fest').tier).toBe('acute');
  });

  it('an all but certain classifier outweighs the frames that are only words beside harmless messages, and names both helplines', () => {
    const certain = detectorSaying(CRISIS_THRESHOLDS.certain);
    expect(certain.assess(capped)).toEqual({ tier: 'acute', kinds: [] });
    expect(certain.assess(quiet)).toEqual({ tier: 'acute', kinds: [] });
  });

  it('a frame that says the danger is not now holds however sure the classifier is', () => {
    expect(detectorSaying(1).assess(firm).tier).toBe('concern');
  });
});
