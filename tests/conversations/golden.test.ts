import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../../src/app';
import { TestConversation, testApp } from '../helpers/test-app';

interface Golden {
  locale: string;
  user: string;
  text: string;
  buttons: Array<{ type: string; title: string; value: string }>;
}

let app: App;
beforeAll(async () => {
  app = await testApp();
});

afterAll(() => app.close());

describe('Golden replies', () => {
  for (const language of ['da', 'en']) {
    const goldens = JSON.parse(readFileSync(path.join(__dirname, 'golden', `${language}.json`), 'utf8')) as Golden[];
    for (const golden of goldens) {
      it(`renders "${golden.user}" (${golden.locale}) word for word`, async () => {
        const [reply] = await new TestConversation(app, golden.locale).say(golden.user);
        expect(reply.text).toBe(golden.text);
        const buttons = reply.suggestedActions?.actions.map(({ type, title, value }) => ({ type, title, value }));
        expect(buttons).toEqual(golden.buttons);
      });
    }
  }
});
