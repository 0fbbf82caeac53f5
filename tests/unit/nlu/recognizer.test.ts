import { THRESHOLDS, decideIntent } from '../../../src/nlu/recognizer';
import { sharedNlu } from '../../helpers/test-app';

describe('Recognizer', () => {
  const { recognizer } = sharedNlu();

  it('lets the crisis guard win over everything else', () => {
    expect(recognizer.recognize('hvad koster det, min ven har taget en overdosis').intent).toEqual({ kind: 'crisis' });
    expect(recognizer.recognize('Hjælp! Han trækker ikke vejret').intent).toEqual({ kind: 'crisis' });
    expect(recognizer.recognize('I think she is unconscious').intent).toEqual({ kind: 'crisis' });
  });

  it('recognises commands only as the whole message', () => {
    expect(recognizer.recognize('Hjælp').intent).toEqual({ kind: 'command', command: 'help' });
    expect(recognizer.recognize('jeg har brug for hjælp til mit misbrug').intent.kind).toBe('topic');
  });

  it('maps a button title in either language to its topic', () => {
    expect(recognizer.recognize('Frit valg af behandlingssted').intent).toEqual({ kind: 'topic', topicId: 'free_choice', confidence: 1 });
    expect(recognizer.recognize('free choice of provider').intent).toEqual({ kind: 'topic', topicId: 'free_choice', confidence: 1 });
  });

  it('finds the subject, the aspect and the audience in a message', () => {
    expect(recognizer.recognize('hvad koster dagbehandling for min søn')).toMatchObject({ subjectId: 'day_treatment', aspect: 'cost', audience: 'relative' });
    expect(recognizer.recognize('how long does detox last')).toMatchObject({ subjectId: 'detox', aspect: 'duration' });
    expect(recognizer.recognize('jeg er sundhedsplejerske og har en elev').audience).toBe('staff');
  });

  it('calls an empty message empty', () => {
    expect(recognizer.recognize(' ?! ').intent).toEqual({ kind: 'empty' });
  });
});

describe('decideIntent', () => {
  const ranking = (pairs: Array<[string, number]>) =>
    pairs.map(([label, probability]) => ({ label, probability })).sort((a, b) => b.probability - a.probability);

  it('answers when the best topic is sure and clearly ahead', () => {
    expect(decideIntent(ranking([['fees', 0.8], ['duration', 0.1], ['none', 0.1]]))).toEqual({ kind: 'topic', topicId: 'fees', confidence: 0.8 });
  });

  it('offers the likeliest topics when two are close', () => {
    expect(decideIntent(ranking([['fees', 0.4], ['duration', 0.35], ['none', 0.05], ['crisis', 0.01], ['guarantee', 0.09]]))).toEqual({
      kind: 'clarify',
      candidates: ['fees', 'duration', 'guarantee'],
    });
  });

  it('replies with the crisis numbers above the crisis threshold even when another label leads', () => {
    expect(decideIntent(ranking([['get_help', 0.5], ['crisis', THRESHOLDS.crisis]]))).toEqual({ kind: 'crisis' });
  });

  it('says out of scope when nothing is likely', () => {
    expect(decideIntent(ranking([['none', 0.7], ['fees', 0.2]]))).toEqual({ kind: 'out_of_scope' });
    expect(decideIntent(ranking([['none', 0.3], ['fees', 0.05], ['duration', 0.05]]))).toEqual({ kind: 'out_of_scope' });
  });
});
