import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { CRISIS_THRESHOLDS, CrisisClassifier, WORRY_MIN } from '../../../src/nlu/crisis-classifier';
import { CrisisDetector } from '../../../src/nlu/crisis-detector';

const { crisis } = loadContent(defaultContentDir());

/** The probabilities the stand-in classifier's two models give every message; each test sets them. */
let probability = 0;
let worrying = 0;
// The class's own rule for the line (`worries`) over stand-in models: only the two probabilities are faked.
const classifier: CrisisClassifier = Object.assign(Object.create(CrisisClassifier.prototype) as CrisisClassifier, {
  acuteProbability: () => probability,
  worryingProbability: () => worrying,
});
// One detector: building the content's patterns is the slow part, and only the classifier's answer varies.
const detector = new CrisisDetector(crisis, classifier);

/** The content's patterns and frames with a classifier that says `said` for every message. */
function detectorSaying(said: number, saidWorrying = 0): CrisisDetector {
  probability = said;
  worrying = saidWorrying;
  return detector;
}

describe('CrisisDetector: the classifier against the frames', () => {
  // No pattern of danger in any of them; each holds a frame of content/crisis.json: a question whether something is
  // normal caps the classifier at a line (classifierCappedBy), a question whether one writes with a robot keeps it out
  // (classifierQuietMessageBy), "not right now" says the danger is not now (classifierFirmlyCappedBy).
  const capped = 'er det normalt at han sover så meget efter en fest';
  const quiet = 'er du en robot eller et menneske';
  const firm = 'ikke lige nu, jeg har det ok i aften. skriver i morgen';

  it('names the frames these messages hold', () => {
    expect(crisis.classifierCappedBy).toContain('asksIfNormal');
    expect(crisis.classifierQuietMessageBy).toContain('humanOrBot');
    expect(crisis.classifierFirmlyCappedBy).toContain('notNow');
  });

  it('a frame keeps a sure classifier from the emergency reply, up to just below all but certain', () => {
    for (const probability of [0.9, CRISIS_THRESHOLDS.certain - 0.001]) {
      const sure = detectorSaying(probability, WORRY_MIN);
      expect([sure.assess(capped).tier, sure.assess(quiet).tier, sure.assess(firm).tier]).toEqual(['concern', 'none', 'concern']);
    }
    // Without a frame the same probability is an emergency.
    expect(detectorSaying(0.9, WORRY_MIN).assess('han sover så meget efter en fest').tier).toBe('acute');
  });

  it('an all but certain classifier outweighs the frames that are only words beside harmless messages, and names both helplines', () => {
    const certain = detectorSaying(CRISIS_THRESHOLDS.certain);
    expect(certain.assess(capped)).toEqual({ tier: 'acute', kinds: [] });
    expect(certain.assess(quiet)).toEqual({ tier: 'acute', kinds: [] });
  });

  it('a frame that says the danger is not now holds however sure the classifier is', () => {
    expect(detectorSaying(1).assess(firm).tier).toBe('concern');
  });

  it('a cap that speaks for its own sentence holds only where the rest of the message is no emergency to the classifier', () => {
    // "not planning anything dodgy, just curious" (classifierCappedBy) glued before an emergency lowered it to the line.
    const aside = 'not planning anything dodgy, just curious.';
    const after = 'she just sent me a picture and says it is the only way tonight';
    expect(crisis.classifierCappedBy).toContain('noPlan');
    const sure = detectorSaying(0.9, WORRY_MIN);
    expect([sure.assess(aside).tier, sure.assess(`${aside} ${after}`).tier]).toEqual(['concern', 'acute']);
    // A cap whose sentence is the context of the rest ("det var for en uge siden": classifierCappedMessageBy) holds.
    expect(crisis.classifierCappedMessageBy).toContain('actDatedInThePast');
    expect(sure.assess(`${after}. det var for en uge siden`).tier).toBe('concern');
  });

  it('a frame that says what its own sentence is about keeps only that sentence from the classifier', () => {
    // Medicine taken as told (classifierQuietBy): glued before an emergency only the classifier knows, it silenced it.
    const aside = 'how do i remember to take all my pills?';
    const after = 'she just sent me a picture and says it is the only way tonight';
    expect(crisis.classifierQuietBy).toContain('rememberingMeds');
    const sure = detectorSaying(0.9, WORRY_MIN);
    expect([sure.assess(aside).tier, sure.assess(`${aside} ${after}`).tier]).toEqual(['none', 'acute']);
    // A question about the guide's help is another matter: the sentences around it are its context.
    expect(sure.assess(`${quiet}? ${after}`).tier).toBe('none');
  });
});

describe('CrisisDetector: the second model, worrying or not', () => {
  // Harmless, with no pattern and no frame: only the classifier can raise it, so the stand-in says what the model would.
  const plain = 'jeg har tænkt meget på min bror på det seneste';

  it('gives a message no pattern raised the line of numbers from the threshold up, naming both helplines', () => {
    expect(detectorSaying(0, CRISIS_THRESHOLDS.worrying).assess(plain)).toEqual({ tier: 'concern', kinds: [] });
    expect(detectorSaying(0, CRISIS_THRESHOLDS.worrying - 0.001).assess(plain)).toEqual({ tier: 'none', kinds: [] });
  });

  it('never raises a message to the emergency reply, and never lowers what the patterns found', () => {
    expect(detectorSaying(0, 1).assess(plain).tier).toBe('concern');
    expect(detectorSaying(0.9, WORRY_MIN).assess(plain).tier).toBe('acute');
    expect(detectorSaying(0, 0).assess('jeg har taget alle mine piller nu').tier).toBe('acute');
  });

  it("lets the first model's emergency below all but certain stand only where the second finds the message a little worrying, else gives the line", () => {
    expect(detectorSaying(CRISIS_THRESHOLDS.acute, WORRY_MIN).assess(plain)).toEqual({ tier: 'acute', kinds: [] });
    expect(detectorSaying(CRISIS_THRESHOLDS.acute, WORRY_MIN - 0.001).assess(plain)).toEqual({ tier: 'concern', kinds: [] });
    expect(detectorSaying(CRISIS_THRESHOLDS.certain - 0.001, 0).assess(plain).tier).toBe('concern');
    expect(detectorSaying(CRISIS_THRESHOLDS.certain, 0).assess(plain)).toEqual({ tier: 'acute', kinds: [] });
  });

  it("lets the first model's line below its emergency threshold stand only where the second finds the message a little worrying", () => {
    const band = (CRISIS_THRESHOLDS.concern + CRISIS_THRESHOLDS.acute) / 2;
    expect(detectorSaying(band, 0.1).assess(plain)).toEqual({ tier: 'concern', kinds: [] });
    expect(detectorSaying(band, 0.099).assess(plain)).toEqual({ tier: 'none', kinds: [] });
    expect(detectorSaying(CRISIS_THRESHOLDS.concern, 0.1).assess(plain).tier).toBe('concern');
    expect(detectorSaying(CRISIS_THRESHOLDS.concern - 0.001, 0.5).assess(plain).tier).toBe('none');
  });

  it('is kept out by the frames that keep the first model out', () => {
    expect(detectorSaying(0, 1).assess('er du en robot eller et menneske').tier).toBe('none');
  });
});

describe('CrisisDetector: the patterns alone, where a lowering rule stands near a real emergency', () => {
  // With a classifier that finds nothing, only the patterns decide: these must not lean on the classifier.
  it.each([
    'his arm is completely dead and his face is drooping after the coke, he cant talk properly',
    'im not doing it right now because my kids are home but tonight when they sleep im taking all my pills, its decided',
    'this is my last message tonight, going to bed with the pills i saved. thank you for trying',
    'my dad drank himself to death. i made my peace with going the same way, bottle of vodka and all my pills tonight',
    'går i seng for altid nu. farvel allesammen',
  ])('reads "%s" as acute', (text) => {
    expect(detectorSaying(0, 0).assess(text).tier).toBe('acute');
  });
});

describe('CrisisDetector: whole messages that alone say a life is being ended', () => {
  it.each(['its done', "It's done.", 'det er gjort!', 'Nu er det gjort', 'nu er det gjort. farvel', 'so its done', 'det er gjort nu', 'its done. bye'])(
    'reads "%s" sent alone (or with only a goodbye or a "now" beside it) as acute suicide, with no help from the classifier',
    (text) => {
      expect(detectorSaying(0, 0).assess(text)).toEqual({ tier: 'acute', kinds: ['suicide'] });
    },
  );

  it.each([
    'bye',
    'nu',
    'its done?',
    'det er gjort ✅',
    'Så er det gjort 👍',
    'its done, i sent the form',
    'det er gjort nu med ansøgningen',
    'the booking is done',
  ])('does not read "%s" as one by the words alone', (text) => {
    expect(detectorSaying(0, 0).assess(text).tier).toBe('none');
  });

  it('reads a long run of the words that may stand beside them, alone or before one of them', () => {
    const beside = Array.from({ length: 1_000 }, () => 'nu').join(' ');
    expect(detectorSaying(0, 0).assess(beside).tier).toBe('none');
    expect(detectorSaying(0, 0).assess(`${beside} det er gjort`).tier).toBe('acute');
  });
});
