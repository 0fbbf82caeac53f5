import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './redis-server';

/** Debian keeps the server programs out of PATH, under /usr/lib/postgresql/<version>/bin. */
function serverBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((version) => path.join(root, version, 'bin')).find((candidate) => existsSync(path.join(candidate, 'initdb')));
  if (!dir) throw new Error('PostgreSQL server programs not found (apt-get install postgresql)');
  return dir;
}

/** initdb and postgres refuse to run as root; as root they run as the postgres user Debian's package creates. */
function asServerUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) };
}

/** A real PostgreSQL server on loopback for one test file, in a fresh data folder, removed at stop. */
export class TestPostgres {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  static async start(): Promise<TestPostgres> {
    const bin = serverBinDir();
    const user = asServerUser();
    const dir = mkdtempSync(path.join(tmpdir(), 'postgres-'));
    if (user) chownSync(dir, user.uid, user.gid);
    const data = path.join(dir, 'data');
    execFileSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'test', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'], { stdio: 'ignore', ...user });
    const port = await freePort();
    const child = spawn(
      path.join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=50'],
      {
        stdio: 'ignore',
        ...user,
      },
    );
    const url = `postgres://test@127.0.0.1:${port}/postgres`;
    const server = new TestPostgres(child, dir, url);
    const deadline = Date.now() + 20_000;
    for (;;) {
      const client = new Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        return server;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline || child.exitCode !== null) {
          await server.stop();
          throw new Error(`postgres did not start: ${(error as Error).message}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** The server's own files (heap, WAL), for tests that look at what reached the disk. */
  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** A fresh, empty database on this server, so each test starts from nothing. */
  async createDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url.replace(/\/postgres$/, `/${name}`);
  }

  async query<Row>(url: string, sql: string, parameters: unknown[] = []): Promise<Row[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows as Row[];
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.on('exit', resolve));
      // SIGINT is the fast shutdown: open connections are ended, nothing waits.
      this.child.kill('SIGINT');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
