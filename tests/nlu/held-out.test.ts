import { readFileSync } from 'node:fs';
import path from 'node:path';
import { trainingExamples } from '../../src/nlu/recognizer';
import { type EvaluationQuestion, evaluateRecognizer } from '../../src/review/evaluate-recognizer';
import { fold } from '../../src/text/fold';
import { sharedNlu } from '../helpers/test-app';

function questions(file: string): EvaluationQuestion[] {
  return (JSON.parse(readFileSync(path.join(__dirname, file), 'utf8')) as { questions: EvaluationQuestion[] }).questions;
}

describe('held-out evaluation', () => {
  const { content, recognizer } = sharedNlu();
  const heldOut = questions('heldout.json');
  const dev = questions('dev-questions.json');

  it('has at least 150 held-out questions in Danish and English', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(150);
    expect(heldOut.filter((q) => q.language === 'en').length).toBeGreaterThanOrEqual(40);
  });

  it('never trains on an evaluation question', () => {
    const trained = new Set(trainingExamples(content).map((example) => fold(example.text)));
    const leaked = [...heldOut, ...dev].filter((question) => trained.has(fold(question.text))).map((q) => q.text);
    expect(leaked).toEqual([]);
  });

  it('expects only labels the bot knows', () => {
    const labels = new Set([...content.topicById.keys(), 'crisis', 'none']);
    for (const question of [...heldOut, ...dev]) for (const label of [question.expected].flat()) expect(labels).toContain(label);
  });

  // Floors at the measured level (npm run eval:nlu), so a content or model change that loses accuracy fails.
  it('answers the held-out questions at least as well as measured', () => {
    const report = evaluateRecognizer(recognizer, content, heldOut);
    expect(report.answeredRightRate).toBeGreaterThanOrEqual(0.95);
    expect(report.counts.confidently_wrong).toBeLessThanOrEqual(4);
  });

  it('answers the development questions at least as well as measured', () => {
    const report = evaluateRecognizer(recognizer, content, dev);
    expect(report.answeredRightRate).toBeGreaterThanOrEqual(0.96);
    expect(report.counts.confidently_wrong).toBeLessThanOrEqual(2);
  });
});
