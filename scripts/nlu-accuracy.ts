/**
 * Accuracy on questions the classifier is never trained on:
 * - tests/nlu/heldout.json: the unbiased measure, written after training and never used for tuning;
 * - tests/nlu/dev-questions.json: never trained on, but its errors guided the training phrases.
 * Run: npm run eval:nlu            (add -- --all to list every question, not only the misses)
 */
import { defaultContentDir } from '../src/base/project-paths';
import { loadContent } from '../src/content/load-content';
import { Recognizer } from '../src/nlu/recognizer';
import { type EvaluationReport, evaluateRecognizer } from '../src/review/evaluate-recognizer';
import { evaluationQuestions } from '../tests/helpers/realistic-questions';

const content = loadContent(defaultContentDir());
const recognizer = new Recognizer(content);
const listAll = process.argv.includes('--all');

function print(name: string, report: EvaluationReport): void {
  const percent = (count: number): string => `${((100 * count) / report.total).toFixed(1)} %`;
  console.log(`\n== ${name}: ${report.total} questions`);
  for (const language of ['da', 'en']) {
    const subset = report.results.filter((result) => result.language === language);
    const right = subset.filter((result) => result.outcome === 'answered_right').length;
    console.log(`  ${language}: ${right}/${subset.length} answered right`);
  }
  console.log(`  answered right:    ${report.counts.answered_right} (${percent(report.counts.answered_right)})`);
  console.log(
    `  clarified:         ${report.counts.clarified} (${percent(report.counts.clarified)})  asked "did you mean…?" with the right topic among the choices`,
  );
  console.log(`  missed:            ${report.counts.missed} (${percent(report.counts.missed)})  out-of-scope reply, or choices without the right topic`);
  console.log(`  confidently wrong: ${report.counts.confidently_wrong} (${percent(report.counts.confidently_wrong)})`);
  for (const result of report.results) {
    if (listAll || result.outcome !== 'answered_right') {
      console.log(`    [${result.outcome}] ${result.language} "${result.text}" expected ${[result.expected].flat().join('|')}, got ${result.got}`);
    }
  }
}

for (const [name, file] of [
  ['held-out set', 'heldout.json'],
  ['development set', 'dev-questions.json'],
]) {
  print(name, evaluateRecognizer(recognizer, content, evaluationQuestions(file)));
}
