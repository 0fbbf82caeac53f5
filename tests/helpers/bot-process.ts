import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../src/base/project-paths';

/** The bot's real entry point in a child process, with everything it prints captured. */
export class BotProcess {
  private output = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('src', 'index.ts')], {
      cwd: projectRoot(),
      // Bookings in memory: bot processes started side by side must not share one embedded database.
      env: { PATH: process.env.PATH ?? '', DATA_DIR: 'memory://', ...env },
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Everything written to stdout and stderr so far. */
  get printed(): string {
    return this.output;
  }

  async listening(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes('"event":"listening"')) {
      if (Date.now() > deadline) throw new Error(`The bot did not start:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** SIGTERM, and the exit code; stopping a process that has already exited just returns its code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}
