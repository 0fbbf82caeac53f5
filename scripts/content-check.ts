/**
 * Checks the content and names the file and line of every mistake; also lists each Danish answer's
 * readability (LIX). Exits 1 when there are errors; warnings (LIX, phrases the model reads otherwise) do not fail.
 * Run: npm run content:check                 (-- --dir <folder> checks another copy of the content)
 *      npm run content:check -- --quiet      (no readability table)
 *      npm run content:check -- --all        (also the warnings accepted earlier, in check-accepted.yaml)
 *      npm run content:check -- --accept     (accept every warning found now: rewrites check-accepted.yaml)
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContentDir } from '../src/base/project-paths';
import { acceptedFileText, CHECK_LIMITS, type CheckResult, checkContent } from '../src/content/check/content-check';
import { CONTENT_FILES } from '../src/content/content-files';
import { optionValue } from './command-line';

export function formatCheck(result: CheckResult, shownDir: string, quiet: boolean, all = false): string {
  const lines: string[] = [];
  const where = (file: string, line: number): string => `${path.join(shownDir, file)}:${line}`;
  const shown = result.findings.filter((finding) => all || !finding.accepted);
  for (const finding of shown) lines.push(`${where(finding.file, finding.line)}: ${finding.severity} [${finding.kind}] ${finding.message}`);
  if (!quiet && result.readability.length > 0) {
    lines.push('', `Readability of the Danish answers (LIX; limit ${CHECK_LIMITS.lix}, hardest first):`);
    for (const entry of result.readability) {
      const { lix, words, sentences } = entry.readability;
      lines.push(
        `  ${String(lix).padStart(3)} ${entry.overLimit ? '!' : ' '} ${entry.key.padEnd(38)} ${String(words).padStart(4)} words ${String(sentences).padStart(3)} sentences  ${where(entry.file, entry.line)}`,
      );
    }
  }
  const count = (severity: string): number => result.findings.filter((finding) => finding.severity === severity && !finding.accepted).length;
  const accepted = result.findings.filter((finding) => finding.accepted).length;
  const over = result.readability.filter((entry) => entry.overLimit).length;
  const acceptedNote = accepted > 0 ? `, ${accepted} accepted earlier${all ? '' : ' not shown (-- --all shows them)'}` : '';
  lines.push(
    '',
    `${count('error')} errors, ${count('warning')} new warnings${acceptedNote} (${over} of ${result.readability.length} Danish answers above LIX ${CHECK_LIMITS.lix}).`,
  );
  return lines.join('\n');
}

if (require.main === module) {
  const dir = path.resolve(optionValue('--dir') ?? defaultContentDir());
  const shownDir = path.relative(process.cwd(), dir) || '.';
  const result = checkContent(dir);
  console.log(formatCheck(result, shownDir, process.argv.includes('--quiet'), process.argv.includes('--all')));
  if (process.argv.includes('--accept')) {
    writeFileSync(path.join(dir, CONTENT_FILES.checkAccepted), acceptedFileText(result.findings));
    const warnings = result.findings.filter((finding) => finding.severity === 'warning' && finding.subject !== undefined).length;
    console.log(`Accepted the ${warnings} warnings found now: ${path.join(shownDir, CONTENT_FILES.checkAccepted)}`);
  }
  process.exitCode = result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
