/**
 * Plays a list of questions through the bot and writes an HTML and a Markdown report for review.
 * Run: npm run review -- review/citizen.txt --out reports/review-citizen.html
 * The list's format is in src/review/review-list.ts and the README (For content editors).
 */
import { reviewCommand } from '../src/review-command';

reviewCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
