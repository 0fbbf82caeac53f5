import type { Activity } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { GuideDialog } from '../../dialogs/guide-dialog';
import type { Language } from '../../src/content/content-schema';
import { dialogServices } from '../helpers/dialog-services';
import { buttonTitles, metaOf } from '../helpers/test-app';

/** The guide alone, as the SDK's samples test a dialog: a fresh client and conversation per flow. */
async function guide(language: Language = 'da'): Promise<DialogTestClient> {
  const { services, conversationState } = await dialogServices({ language });
  return new DialogTestClient('test', new GuideDialog(services), undefined, [], conversationState);
}

/** Each row: what the person writes, and the key of the guide's reply (its question, or the result). */
type TurnTable = Array<[message: string, replyKey: string]>;

const FLOWS: Array<{ name: string; language?: Language; turns: TurnTable; result: string }> = [
  {
    name: 'someone using drugs, adult, not in treatment, who wants to be anonymous: anonymous counselling',
    turns: [
      ['Hvilken hjælp passer til mig?', 'guide.askWho'],
      ['Mig selv', 'guide.askAge'],
      ['18 år eller ældre', 'guide.askSubstance'],
      ['Stoffer', 'guide.askInTreatment'],
      ['Nej', 'guide.askAnonymous'],
      ['Ja, anonym', 'guide.results.anonymous'],
    ],
    result: 'anonymous',
  },
  {
    name: 'a professional: one question, then how a citizen is referred',
    turns: [
      ['start', 'guide.askWho'],
      ['Jeg er fagperson', 'guide.results.staff'],
    ],
    result: 'staff',
  },
  {
    name: 'a parent typing instead of pressing buttons ("min søn", "han er 16", "hash"): help for the young',
    turns: [
      ['start', 'guide.askWho'],
      ['min søn', 'guide.askAge_relative'],
      ['han er 16', 'guide.askSubstance'],
      ['hash', 'guide.results.relative_young'],
    ],
    result: 'relative_young',
  },
  {
    name: 'someone already in treatment, answering by number and typed words ("32", "begge dele", "ja")',
    turns: [
      ['start', 'guide.askWho'],
      ['1', 'guide.askAge'],
      ['32', 'guide.askSubstance'],
      ['begge dele', 'guide.askInTreatment'],
      ['ja', 'guide.results.in_treatment'],
    ],
    result: 'in_treatment',
  },
  {
    name: 'in English: someone drinking, not in treatment, for whom anonymity does not matter',
    language: 'en',
    turns: [
      ['start', 'guide.askWho'],
      ['Myself', 'guide.askAge'],
      ['18 or older', 'guide.askSubstance'],
      ['Alcohol', 'guide.askInTreatment'],
      ['No', 'guide.askAnonymous'],
      ['Not important', 'guide.results.alcohol'],
    ],
    result: 'alcohol',
  },
];

const keyOf = (reply: Partial<Activity>): string | undefined => metaOf(reply)?.key;

describe('The guide, as a flow on its own (DialogTestClient)', () => {
  for (const { name, language, turns, result } of FLOWS) {
    it(name, async () => {
      const client = await guide(language);
      for (const [message, replyKey] of turns) {
        const reply: Partial<Activity> = await client.sendActivity(message);
        expect({ message, key: keyOf(reply) }).toEqual({ message, key: replyKey });
        // Every question offers its choices as buttons; the result is the last reply of the flow.
        if (replyKey.startsWith('guide.ask')) expect(buttonTitles(reply).length).toBeGreaterThanOrEqual(2);
      }
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
      expect(client.dialogTurnResult.result).toBe(result);
    });
  }

  it('asks again, with the same buttons, when an answer fits none of them', async () => {
    const client = await guide();
    const question: Partial<Activity> = await client.sendActivity('start');
    const retry: Partial<Activity> = await client.sendActivity('banan');
    expect(retry.text).toBe('Vælg venligst en af knapperne, eller skriv dit spørgsmål.');
    expect(buttonTitles(retry)).toEqual(buttonTitles(question));
    // Question and retry come from the reply composer, like every reply: their keys and language go along.
    expect(metaOf(question)).toEqual({ key: 'guide.askWho', language: 'da' });
    expect(metaOf(retry)).toEqual({ key: 'guide.retry', language: 'da' });
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    expect(keyOf(await client.sendActivity('Mig selv'))).toBe('guide.askAge');
  });
});
