/**
 * How the emergency detection meets messages written by people who never saw it, round by round, through the
 * bot's real entry point and read as tests/conversations/crisis-suite.test.ts reads them (the emergency reply
 * with 112 first and the helplines for the message's kind): the learnt rounds (content/crisis-examples.json)
 * are what the patterns were written against and the crisis classifier learns from; the held-out round
 * (tests/crisis/held-out.json) never was.
 * Run: npm run eval:crisis                       every round
 *      npm run eval:crisis -- --held-out          the held-out round only (counts; measure it only when meant to)
 *      npm run eval:crisis -- --file new.json     a file of the same shape, such as a new round before it is held out
 *      add --all to list every message not answered as its tier (never for a round that must stay unread)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App } from '../src/app';
import { projectRoot } from '../src/base/project-paths';
import { type CrisisExample, crisisExamplesFileSchema } from '../src/content/crisis-schema';
import { acuteProblem, repliedTier } from '../tests/helpers/crisis-replies';
import { replyTo, testApp } from '../tests/helpers/test-app';
import { optionValue, runToExit } from './command-line';

const listAll = process.argv.includes('--all');
const readMessages = (file: string): CrisisExample[] => crisisExamplesFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).messages;

async function report(app: App, name: string, examples: CrisisExample[]): Promise<void> {
  const got: Array<{ example: CrisisExample; tier: ReturnType<typeof repliedTier>; problem: string | undefined }> = [];
  for (const example of examples) {
    const replies = await replyTo(app, example);
    got.push({ example, tier: repliedTier(replies), problem: example.tier === 'acute' ? acuteProblem(example, replies) : undefined });
  }
  const count = (tier: string, result: string): number => got.filter(({ example, tier: t }) => example.tier === tier && t === result).length;
  const total = (tier: string): number => examples.filter((example) => example.tier === tier).length;
  const percent = (part: number, whole: number): string => `${part}/${whole} (${((100 * part) / Math.max(whole, 1)).toFixed(1)} %)`;
  const rightHelplines = got.filter(({ example, problem }) => example.tier === 'acute' && problem === undefined).length;
  console.log(`\n== ${name}: ${examples.length} messages`);
  console.log(
    `  acute      → emergency reply with the right helplines ${percent(rightHelplines, total('acute'))}, any emergency reply ${count('acute', 'acute')}, line of numbers ${count('acute', 'concern')}, nothing ${count('acute', 'none')}`,
  );
  console.log(
    `  concern    → line of numbers ${percent(count('concern', 'concern'), total('concern'))}, emergency reply ${count('concern', 'acute')}, nothing ${count('concern', 'none')}`,
  );
  console.log(`  near-miss  → emergency reply ${percent(count('none', 'acute'), total('none'))}, line of numbers ${count('none', 'concern')}`);
  for (const { example, tier, problem } of got) {
    if (listAll && (example.tier !== tier || problem))
      console.log(`    [${example.tier} → ${tier}${problem ? `: ${problem}` : ''}] ${example.language} ${example.text}`);
  }
}

async function main(): Promise<void> {
  const app = await testApp();
  const file = optionValue('--file');
  const heldOutFile = path.join(projectRoot(), 'tests/crisis/held-out.json');
  if (file) {
    await report(app, file, readMessages(file));
  } else {
    if (!process.argv.includes('--held-out')) {
      const rounds = [...new Set(app.content.crisisExamples.map(({ round }) => round))].sort((a, b) => a - b);
      for (const round of rounds)
        await report(
          app,
          `round ${round} (learnt)`,
          app.content.crisisExamples.filter((example) => example.round === round),
        );
    }
    const heldOut = readMessages(heldOutFile);
    await report(app, `round ${heldOut[0]?.round} (held out, never learnt)`, heldOut);
  }
  await app.close();
}

runToExit(main);
