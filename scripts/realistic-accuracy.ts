/**
 * Accuracy on the blind realistic rounds (tests/nlu/realistic-round*.json), played through the bot as a
 * user meets it: each question in a new conversation, after its earlier messages. Read strictly: a
 * "did you mean…?" is not an answer. Lists every miss with what was given instead.
 * Run: npm run eval:realistic            (add -- --round 3 for one round, -- --all to list every question)
 *      npm run eval:realistic -- --file new.json --counts   a new round before it is registered, counts only
 *      (--counts prints no question: for a held-out round, measured without being read)
 * The newest registered round is the held-out one: it is always reported as counts only, so that no run of
 * this script shows one of its questions or what they were confused with.
 */
import path from 'node:path';
import { outcomeOf, REALISTIC_ROUNDS, type RealisticOutcome, realisticQuestionsIn, realisticRound } from '../tests/helpers/realistic-questions';
import { keysOf, metaOf, replyTo, testApp } from '../tests/helpers/test-app';
import { optionValue, runToExit } from './command-line';

const listAll = process.argv.includes('--all');
const onlyRound = optionValue('--round');
const otherFile = optionValue('--file');
const countsOnly = process.argv.includes('--counts');

/** The last round registered is the held-out one (tests/conversations/realistic-questions.test.ts: NEWEST_ROUND). */
const HELD_OUT_ROUND = REALISTIC_ROUNDS[REALISTIC_ROUNDS.length - 1].file;

async function main(): Promise<void> {
  const app = await testApp();
  const sets = otherFile
    ? [{ name: otherFile, questions: realisticQuestionsIn(path.resolve(otherFile)), heldOut: false }]
    : REALISTIC_ROUNDS.filter((round) => !onlyRound || round.file === `realistic-round${onlyRound}.json`).map(({ file, name }) => ({
        name,
        questions: realisticRound(file),
        heldOut: file === HELD_OUT_ROUND,
      }));
  for (const { name, questions, heldOut } of sets) {
    const counts: Record<RealisticOutcome, number> = { right: 0, clarified: 0, clarified_wrong: 0, out_of_scope: 0, wrong: 0 };
    let notInDocuments = 0;
    // No question in these rounds is an emergency: the emergency reply on one is a false alarm (it answers nothing).
    let falseEmergencies = 0;
    const lines: string[] = [];
    const confusion = new Map<string, number>();
    for (const q of questions) {
      const replies = await replyTo(app, q);
      const outcome = outcomeOf(app.content, q.expected, replies);
      counts[outcome] += 1;
      const last = replies[replies.length - 1];
      const meta = last?.channelData ? metaOf(last) : undefined;
      const got = meta ? (meta.key === 'ui.clarify' ? `clarify(${meta.candidates?.join('|')})` : (meta.topicId ?? meta.key)) : 'retry prompt';
      if (meta?.topicId === 'not_in_documents') notInDocuments += 1;
      if (keysOf(replies).includes('crisis.acute')) falseEmergencies += 1;
      if (outcome === 'wrong') confusion.set(`${q.expected} → ${got}`, (confusion.get(`${q.expected} → ${got}`) ?? 0) + 1);
      if (listAll || outcome !== 'right')
        lines.push(`    [${outcome}] ${q.language} ${q.context ? `[${q.context.join(' / ')}] ` : ''}"${q.text}" expected ${q.expected}, got ${got}`);
    }
    const percent = (count: number): string => `${((100 * count) / questions.length).toFixed(1)} %`;
    console.log(`\n== ${name}: ${questions.length} questions`);
    console.log(`  answered right:        ${counts.right} (${percent(counts.right)})`);
    console.log(`  clarified, right among: ${counts.clarified} (${percent(counts.clarified)})`);
    console.log(`  clarified, right not among: ${counts.clarified_wrong} (${percent(counts.clarified_wrong)})`);
    console.log(`  out of scope:          ${counts.out_of_scope} (${percent(counts.out_of_scope)})`);
    console.log(`  confidently wrong:     ${counts.wrong} (${percent(counts.wrong)})`);
    console.log(`  answered "not in the documents" (right or wrong): ${notInDocuments}`);
    console.log(`  emergency reply (false alarm): ${falseEmergencies}`);
    if (countsOnly || heldOut) continue;
    console.log(
      `  confusions: ${
        [...confusion]
          .sort((a, b) => b[1] - a[1])
          .map(([pair, count]) => `${pair} ×${count}`)
          .join('; ') || 'none'
      }`,
    );
    lines.forEach((line) => console.log(line));
  }
  await app.close();
}

runToExit(main);
