import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../src/project-paths';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('src', 'index.ts')], {
    cwd: projectRoot(),
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('entry point', () => {
  it('serves with embedded defaults, says authentication is off, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const bot = start({ PORT: String(port) });
    await waitFor(() => bot.output().includes('"event":"listening"'), 'the listening log line');
    expect(bot.output()).toContain('"authentication":"off');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it('refuses to start on bad configuration with a readable message', async () => {
    const bot = start({ PORT: 'not-a-port' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain('Invalid configuration');
    expect(bot.output()).toContain('PORT');
    expect(bot.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
