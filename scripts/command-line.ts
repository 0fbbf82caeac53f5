/** What the npm scripts share about their command line. */

/** The value after a flag (`--file new.json` → "new.json"), or undefined where the flag is not given. */
export function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Runs a script's work and exits with the code it returns (0 when it returns none); an error is printed and exits 1. */
export function runToExit(work: () => Promise<unknown>): void {
  work().then(
    (code) => process.exit(typeof code === 'number' ? code : 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
