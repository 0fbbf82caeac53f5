import { z } from 'zod';
import { answerText, oneOf, stepValues } from '../../../dialogs/step-state';

describe('step state', () => {
  const schema = z.object({ offered: z.array(z.string()).default([]), code: z.string().optional() });

  it("reads a waterfall step's stored values through the flow's schema, and keeps what a step writes into them", () => {
    const step = { values: {} };
    const values = stepValues(step, schema);
    expect(values).toEqual({ offered: [] });
    values.code = 'abc';
    values.offered.push('tuesday');
    expect(stepValues(step, schema)).toEqual({ offered: ['tuesday'], code: 'abc' });
  });

  it("refuses stored values that are not the flow's, instead of going on with them", () => {
    expect(() => stepValues({ values: { offered: 'not a list' } }, schema)).toThrow();
    expect(() => answerText({ result: { index: 2 } })).toThrow();
    expect(answerText({ result: 'tirsdag kl. 10' })).toBe('tirsdag kl. 10');
  });

  it('types a string as one of the given ids only when it is one', () => {
    const ids = ['callbackYes', 'callbackNo'] as const;
    expect(oneOf(ids, 'callbackNo')).toBe('callbackNo');
    expect(oneOf(ids, 'callbackMaybe')).toBeUndefined();
    expect(oneOf(ids, undefined)).toBeUndefined();
  });
});
