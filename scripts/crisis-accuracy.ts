/**
 * How the emergency detection meets messages written by people who never saw it, round by round:
 * the learnt rounds (content/crisis-examples.json) are what the patterns were written against and the crisis
 * classifier learns from; the held-out round (tests/crisis/held-out.json) never was.
 * Run: npm run eval:crisis            (add -- --all to list every message that is not answered by its tier)
 * The tests in tests/conversations/crisis-suite.test.ts check the same through the bot's real entry point.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir, projectRoot } from '../src/base/project-paths';
import { type CrisisExample, crisisExamplesFileSchema } from '../src/content/crisis-schema';
import { loadContent } from '../src/content/load-content';
import { Recognizer } from '../src/nlu/recognizer';

const content = loadContent(defaultContentDir());
const recognizer = new Recognizer(content);
const listAll = process.argv.includes('--all');
const heldOut = crisisExamplesFileSchema.parse(JSON.parse(readFileSync(path.join(projectRoot(), 'tests/crisis/held-out.json'), 'utf8'))).messages;

function report(name: string, examples: CrisisExample[]): void {
  const got = examples.map((example) => ({ example, tier: recognizer.recognize(example.text).crisis.tier }));
  const count = (tier: string, result: string): number => got.filter(({ example, tier: t }) => example.tier === tier && t === result).length;
  const total = (tier: string): number => examples.filter((example) => example.tier === tier).length;
  const percent = (part: number, whole: number): string => `${part}/${whole} (${((100 * part) / Math.max(whole, 1)).toFixed(1)} %)`;
  console.log(`\n== ${name}: ${examples.length} messages`);
  console.log(
    `  acute      → emergency reply ${percent(count('acute', 'acute'), total('acute'))}, line of numbers ${count('acute', 'concern')}, nothing ${count('acute', 'none')}`,
  );
  console.log(
    `  concern    → line of numbers ${percent(count('concern', 'concern'), total('concern'))}, emergency reply ${count('concern', 'acute')}, nothing ${count('concern', 'none')}`,
  );
  console.log(`  near-miss  → emergency reply ${percent(count('none', 'acute'), total('none'))}, line of numbers ${count('none', 'concern')}`);
  for (const { example, tier } of got) {
    if (listAll && example.tier !== tier) console.log(`    [${example.tier} → ${tier}] ${example.language} ${example.text}`);
  }
}

const rounds = [...new Set(content.crisisExamples.map(({ round }) => round))].sort((a, b) => a - b);
for (const round of rounds)
  report(
    `round ${round} (learnt)`,
    content.crisisExamples.filter((example) => example.round === round),
  );
report(`round ${heldOut[0]?.round} (held out, never learnt)`, heldOut);
