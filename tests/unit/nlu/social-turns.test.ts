import { defaultContentDir } from '../../../src/base/project-paths';
import { loadContent } from '../../../src/content/load-content';
import { SocialTurns } from '../../../src/nlu/social-turns';

const content = loadContent(defaultContentDir());
const social = new SocialTurns(content.commands, content.socialFillers);

describe('small talk made of several phrases', () => {
  it.each([
    ['fint nok', 'acknowledge'],
    ['ok cool', 'acknowledge'],
    ['OK super fedt', 'acknowledge'],
    ['nej ingen af dem', 'decline'],
    ['no none of those', 'decline'],
    ['tak, det hjalp', 'helpful'],
    ['det hjalp ikke', 'notHelpful'],
    ["ok that didn't help", 'notHelpful'],
    ['nej tak, ingen af dem', 'decline'],
    ['super, mange tak!', 'thanks'],
    ['ok tak igen', 'thanks'],
    ['tak og godnat', 'goodbye'],
    ['hej igen', 'greeting'],
    ['hallo?? er der nogen', 'greeting'],
    ['hey, anyone there?', 'greeting'],
    // Nine words once folded ("I'll" is two): a thanks and a plan, still small talk.
    ["thank you so much, I'll call them tomorrow", 'thanks'],
    // Twelve words once folded: feedback and a plan.
    ["Thank you, that's really helpful. I'll call them tomorrow morning.", 'helpful'],
    ['jeg tænker lige over det, tusind tak', 'thanks'],
    // A letter doubled for emphasis.
    ['okii 👍', 'acknowledge'],
    ['takk', 'thanks'],
    ['neej tak', 'decline'],
    ['fiint nok', 'acknowledge'],
  ])('reads "%s" as %s', (text, command) => {
    expect(social.of(text)).toBe(command);
  });

  it.each([
    ['ok men min søn ryger stadig hash'],
    ['fint?'],
    ['og hvad så?'],
    ['nok'],
    ['tak for svaret om dagbehandling'],
    // Longer than small talk is, though every word is a phrase.
    ['okay okay okay okay okay okay okay okay okay okay okay okay okay okay okay'],
    ['okker'],
    [''],
  ])('finds no small talk in "%s"', (text) => {
    expect(social.of(text)).toBeUndefined();
  });
});
