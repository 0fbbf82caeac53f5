import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A real redis-server on loopback for one test file, with uncompressed dumps so tests can search them. */
export class TestRedis {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  static async start(): Promise<TestRedis> {
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'redis-'));
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--rdbcompression', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const failed = new Promise<never>((_, reject) =>
      child.on('error', (error) => reject(new Error(`redis-server did not start (is it installed?): ${error.message}`))),
    );
    const ready = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (output.includes('Ready to accept connections')) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    await Promise.race([ready, failed]);
    return new TestRedis(child, dir, `redis://127.0.0.1:${port}`);
  }

  /** Every key and value in the database, as text. */
  async dump(): Promise<string[]> {
    const client = createClient({ url: this.url });
    await client.connect();
    try {
      const keys = await client.keys('*');
      const values = await Promise.all(keys.map((key) => client.get(key)));
      return keys.map((key, index) => `${key} ${values[index] ?? ''}`);
    } finally {
      await client.quit();
    }
  }

  /** The database as Redis writes it to disk (uncompressed), for a search of the raw bytes. */
  async rdb(): Promise<string> {
    const client = createClient({ url: this.url });
    await client.connect();
    try {
      await client.sendCommand(['SAVE']);
    } finally {
      await client.quit();
    }
    const bytes = readFileSync(path.join(this.dir, 'dump.rdb'));
    return `${bytes.toString('latin1')}\n${bytes.toString('utf8')}`;
  }

  /** Stops the server's process without closing its sockets: a Redis that accepts writes and never answers. */
  freeze(): void {
    this.child.kill('SIGSTOP');
  }

  thaw(): void {
    this.child.kill('SIGCONT');
  }

  async stop(): Promise<void> {
    this.thaw();
    const exited = new Promise((resolve) => this.child.on('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
