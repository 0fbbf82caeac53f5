/** What the npm scripts share about their command line. */

/** The value after a flag (`--file new.json` → "new.json"), or undefined where the flag is not given. */
export function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Runs a script's work and exits with the code it returns (0 when it returns none); an error is printed and exits 1. */
export function runToExit(work: () => Promise<unknown>): void {
  work().then(
    (code) => exitAfterOutput(typeof code === 'number' ? code : 0),
    (error: unknown) => {
      console.error(error);
      exitAfterOutput(1);
    },
  );
}

/**
 * Exits once everything printed has been written: into a pipe (`… | grep`) stdout is written
 * asynchronously, and an immediate exit cut long reports short. An empty write's callback runs after
 * the writes before it.
 */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
