/**
 * Plays a list of questions through the bot and writes an HTML and a Markdown report for review.
 * Run: npm run review -- review/citizen.txt --out reports/review-citizen.html
 * The list's format is in src/review/review-list.ts and the README (For content editors).
 */
import { reviewCommand } from '../src/review-command';
import { runToExit } from './command-line';

runToExit(() => reviewCommand(process.argv.slice(2)));
