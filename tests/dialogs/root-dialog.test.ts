import { DialogTestClient } from 'botbuilder-testing';
import { RootDialog } from '../../dialogs/root-dialog';
import { dialogServices } from '../helpers/dialog-services';
import { metaOf } from '../helpers/test-app';

/** The root dialog alone: routing, and how often a turn reads its message. */
async function root(): Promise<{ client: DialogTestClient; recognize: jest.SpyInstance }> {
  const { services, conversationState } = await dialogServices();
  const recognize = jest.spyOn(services.recognizer, 'recognize');
  return { client: new DialogTestClient('test', new RootDialog(services), undefined, [], conversationState), recognize };
}

afterEach(() => jest.restoreAllMocks());

describe('RootDialog', () => {
  it('reads a question once in its turn, in the conversation context', async () => {
    const { client, recognize } = await root();
    const reply = await client.sendActivity('hvad er døgnbehandling?');
    expect(metaOf(reply).topicId).toBe('residential');
    expect(recognize).toHaveBeenCalledTimes(1);
  });

  it('reads a question asked in the middle of the guide once for the guide and the routing together', async () => {
    const { client, recognize } = await root();
    expect(metaOf(await client.sendActivity('Hvilken hjælp passer til mig?')).key).toBe('guide.askWho');
    recognize.mockClear();
    const reply = await client.sendActivity('hvad er døgnbehandling?');
    expect(metaOf(reply).topicId).toBe('residential');
    // In the conversation's context, shared by the interruption check and the routing (not read again without the
    // context, which only a reading as the guide itself would need).
    expect(recognize.mock.calls.map(([, context]) => context !== undefined)).toEqual([true]);
  });
});
