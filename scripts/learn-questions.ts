/**
 * Writes what the second topic classifier learns from the blind realistic rounds: content/examples/learnt.json, every
 * registered round's questions asked without context but the newest (held-out) one's. Run it when a round is taken in
 * (README, "NLU accuracy"); a test fails while the file differs from what it would write.
 *
 * Run: npm run learn:questions
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir } from '../src/base/project-paths';
import { CONTENT_FILES } from '../src/content/content-files';
import { learntQuestions, learntQuestionsFile } from '../tests/helpers/realistic-questions';

const file = path.join(defaultContentDir(), CONTENT_FILES.learnt);
const learnt = learntQuestions();
writeFileSync(file, learntQuestionsFile(learnt));
console.log(`${file}: ${Object.values(learnt).reduce((sum, texts) => sum + texts.length, 0)} questions`);
