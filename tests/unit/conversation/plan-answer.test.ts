import { answeredKey, planAnswer } from '../../../src/conversation/plan-answer';
import { sharedNlu } from '../../helpers/test-app';

describe('planAnswer', () => {
  const { content } = sharedNlu();

  it('answers a subject topic and makes it the subject', () => {
    expect(planAnswer(content, 'detox', {})).toMatchObject({ key: 'topics.detox.answer', subjectId: 'detox' });
  });

  it('answers an aspect topic for the subject in context', () => {
    const plan = planAnswer(content, 'fees', { subjectId: 'day_treatment' });
    expect(plan).toMatchObject({ key: 'topics.day_treatment.cost', subjectId: 'day_treatment' });
    expect(plan.sources).toEqual([{ doc: 'qs', section: 'fees' }]);
    expect(plan.related[0]).toBe('day_treatment');
  });

  it('answers an aspect asked of a subject topic in the same message', () => {
    expect(planAnswer(content, 'residential', { aspect: 'cost' }).key).toBe('topics.residential.cost');
  });

  it('gives the general answer when the subject has no answer for the aspect', () => {
    expect(planAnswer(content, 'duration', { subjectId: 'residential' })).toMatchObject({ key: 'topics.duration.answer', subjectId: 'residential' });
  });

  it('gives the general answer without a subject', () => {
    expect(planAnswer(content, 'fees', {}).key).toBe('topics.fees.answer');
  });

  it('forgets the subject when the conversation moves to another topic', () => {
    expect(planAnswer(content, 'free_choice', { subjectId: 'detox' }).subjectId).toBeUndefined();
  });

  it('picks the audience variant where one exists and leads with the audience topic', () => {
    const plan = planAnswer(content, 'counselling', { audience: 'relative' });
    expect(answeredKey(plan)).toBe('topics.counselling.answer_relative');
    expect(plan.related[0]).toBe('relatives');
    expect(answeredKey(planAnswer(content, 'complaints', { audience: 'relative' }))).toBe('topics.complaints.answer');
  });

  it('never relates a topic to itself and offers at most three', () => {
    for (const topic of content.topics.filter((t) => t.kind === 'answer')) {
      const plan = planAnswer(content, topic.id, { audience: 'staff' });
      expect(plan.related).not.toContain(topic.id);
      expect(plan.related.length).toBeLessThanOrEqual(3);
    }
  });
});
