import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { GuideAnswers } from '../../../src/conversation/guide-answers';

const typed = new GuideAnswers(loadContent(defaultContentDir()).guideAnswerCues);
const WHO = ['self', 'relative', 'professional'];
const AGE = ['under13', 'teen', 'adult'];
const SUBSTANCE = ['drugs', 'alcohol', 'both'];
const YES_NO = ['yes', 'no'];
const ANONYMOUS = ['anonymousYes', 'anonymousNo'];

describe('answers typed to the guide', () => {
  it.each([
    [WHO, 'mig selv', 'self'],
    [WHO, 'min datter', 'relative'],
    [WHO, 'jeg er sagsbehandler', 'professional'],
    [WHO, 'nej det er til min søn', 'relative'],
    [YES_NO, 'nej det er jeg ikke', 'no'],
    [AGE, '32', 'adult'],
    [AGE, 'jeg er 16', 'teen'],
    [AGE, 'hun er 12 år', 'under13'],
    [AGE, 'voksen', 'adult'],
    [SUBSTANCE, 'kokain', 'drugs'],
    [SUBSTANCE, 'sprut', 'alcohol'],
    [SUBSTANCE, 'begge dele', 'both'],
    [SUBSTANCE, 'hash og øl', 'both'],
    [SUBSTANCE, 'ved ikke', 'both'],
    [YES_NO, 'jep', 'yes'],
    [YES_NO, 'ikke endnu', 'no'],
    [YES_NO, 'ved ikke', 'no'],
    [ANONYMOUS, 'ja', 'anonymousYes'],
    [ANONYMOUS, 'nej', 'anonymousNo'],
    [ANONYMOUS, 'ved ikke', 'anonymousYes'],
  ])('reads %j "%s" as %s', (choices, text, expected) => {
    expect(typed.answer(choices, text)).toBe(expected);
  });

  it.each([
    [WHO, 'nej'],
    [WHO, 'ved ikke'],
    [AGE, 'ved ikke'],
    [AGE, 'hvad koster det at komme i døgnbehandling når man er 32'],
    [YES_NO, 'ja og nej'],
  ])('finds no answer to %j in "%s"', (choices, text) => {
    expect(typed.answer(choices, text)).toBeUndefined();
  });
});
