/**
 * npm run bench [-- --quick]: the guide against a minimal reference bot (reference-bot.ts), both built,
 * each in its own child process, loaded over loopback in the same run. For each load (connections ×
 * messages) the two take turns, A B A B, so that the machine's noise falls on both alike; it prints
 * requests per second, p50/p99 latency and CPU per turn of each, and the guide's ratio to the reference.
 * Then cold start (spawn → first answer over HTTP; the guide on a fresh and on a used data folder) and
 * heap per idle conversation (N conversations of one message each, heap after a full GC, divided by N).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../src/base/project-paths';
import type { ChildStats, StatsRequest } from './child-stats';
import { LONG_MESSAGES, REALISTIC_MESSAGES } from './messages';

const quick = process.argv.includes('--quick');
/** `--cpu-prof`: the load-tested guide writes a CPU profile to reports/profiles when it stops. */
const profileDir = process.argv.includes('--cpu-prof') ? path.join(projectRoot(), 'reports', 'profiles') : undefined;
const ROUND_MS = quick ? 2_000 : 4_000;
const ROUND_PAIRS = quick ? 1 : 2;
const WARM_UP_MS = quick ? 1_500 : 3_000;
const IDLE_CONVERSATIONS = quick ? 2_000 : 5_000;
const COLD_STARTS = quick ? 1 : 2;
/** Turns per conversation before a client moves on to a new one: many conversations, each a little one. */
const TURNS_PER_CONVERSATION = 3;

const LOADS: { connections: number; messages: string; texts: readonly string[] }[] = [
  { connections: 1, messages: 'realistic', texts: REALISTIC_MESSAGES },
  { connections: 32, messages: 'realistic', texts: REALISTIC_MESSAGES },
  { connections: 128, messages: 'realistic', texts: REALISTIC_MESSAGES },
  { connections: 32, messages: '600 chars', texts: LONG_MESSAGES },
];

const dist = path.join(projectRoot(), 'dist');
const BOTS = {
  guide: path.join(dist, 'src', 'index.js'),
  reference: path.join(dist, 'scripts', 'bench', 'reference-bot.js'),
} as const;
type BotName = keyof typeof BOTS;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One bot in a child process, with the stats preload answering over IPC. */
class Bot {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private output = '';

  constructor(
    readonly name: BotName,
    readonly port: number,
    dataDir: string,
    profile = false,
  ) {
    const flags = profile && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    this.child = spawn(process.execPath, [...flags, '--expose-gc', '-r', path.join(dist, 'scripts', 'bench', 'child-stats.js'), BOTS[name]], {
      cwd: projectRoot(),
      // The guide's embedded defaults: no App ID, state in memory, bookings in a data folder of its own.
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // Kept for an error message; the guide logs one line per request, so only the start is kept.
    const keep = (chunk: Buffer): void => {
      if (this.output.length < 20_000) this.output += chunk.toString();
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  stats(request: StatsRequest = 'stats'): Promise<ChildStats> {
    return new Promise((resolve) => {
      this.child.once('message', (message) => resolve(message as ChildStats));
      this.child.send(request);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }

  get printed(): string {
    return this.output;
  }
}

let activityCounter = 0;

/** One expectReplies turn; resolves with whether the bot answered with at least one message. */
function post(port: number, agent: http.Agent, conversationId: string, text: string): Promise<boolean> {
  const body = JSON.stringify({
    type: 'message',
    id: `bench-${++activityCounter}`,
    text,
    locale: 'da-DK',
    deliveryMode: 'expectReplies',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
  });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (data += chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) return resolve(false);
          try {
            const parsed = JSON.parse(data) as { activities?: { type?: string }[] };
            resolve((parsed.activities ?? []).some((activity) => activity.type === 'message'));
          } catch {
            resolve(false);
          }
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

interface Round {
  requests: number;
  failed: number;
  ms: number;
  cpuMicros: number;
  latencies: number[];
}

let conversationCounter = 0;

/** `connections` clients, each sending its next turn as soon as the last is answered, for `ms`. */
async function load(bot: Bot, connections: number, texts: readonly string[], ms: number): Promise<Round> {
  // Kept-alive connections for this round only: a server closes idle ones between rounds (keep-alive
  // timeout), and a request sent on one just then would fail for the client's sake, not the bot's.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  // Each client's connection is opened with an untimed turn first, as a channel keeps its connections to a bot
  // open. Opened inside the timed round, the last of 32 new connections waited up to a second while the first
  // ones kept the bot busy (Node takes new connections in slowly under load: a plain http server that spends 3 ms
  // a turn spread 32 over 1.8 s), and that set-up, not the turns, made the p99 of any bot with a dearer turn.
  await Promise.all(Array.from({ length: connections }, () => post(bot.port, agent, `bench-${process.pid}-${++conversationCounter}`, texts[0])));
  const latencies: number[] = [];
  let failed = 0;
  const before = await bot.stats();
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: connections }, async (_unused, client) => {
      let turn = 0;
      let conversationId = '';
      while (performance.now() < deadline) {
        if (turn % TURNS_PER_CONVERSATION === 0) conversationId = `bench-${process.pid}-${++conversationCounter}`;
        const text = texts[(client * 5 + turn) % texts.length];
        turn += 1;
        const sent = performance.now();
        const answered = await post(bot.port, agent, conversationId, text);
        latencies.push(performance.now() - sent);
        if (!answered) failed += 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  agent.destroy();
  const after = await bot.stats();
  return { requests: latencies.length, failed, ms: elapsed, cpuMicros: after.cpuMicros - before.cpuMicros, latencies };
}

interface Summary {
  rps: number;
  p50: number;
  p99: number;
  cpuPerTurn: number;
  failed: number;
}

function summarise(rounds: Round[]): Summary {
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  const requests = rounds.reduce((sum, round) => sum + round.requests, 0);
  const at = (share: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))] ?? NaN;
  return {
    rps: requests / (rounds.reduce((sum, round) => sum + round.ms, 0) / 1000),
    p50: at(0.5),
    p99: at(0.99),
    cpuPerTurn: rounds.reduce((sum, round) => sum + round.cpuMicros, 0) / requests,
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
  };
}

async function untilAnswered(port: number, deadlineMs: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: false });
  const deadline = performance.now() + deadlineMs;
  for (;;) {
    const answered = await post(port, agent, `cold-${++conversationCounter}`, 'hvad koster behandling').catch(() => false);
    if (answered) return;
    if (performance.now() > deadline) throw new Error(`no answer on port ${port} within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Waits until the bot says it is ready (the guide opens its booking database after it starts answering,
 * and that work must not fall into a measured round); the reference has no /readyz and answers 404.
 */
async function untilReady(port: number): Promise<void> {
  for (;;) {
    const status = await new Promise<number>((resolve) => {
      http
        .get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', () => resolve(0));
    });
    if (status === 200 || status === 404) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Milliseconds from spawning the bot to its first answer over HTTP. */
async function coldStart(name: BotName, dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const bot = new Bot(name, port, dataDir);
  try {
    await untilAnswered(port, 60_000);
    return performance.now() - started;
  } catch (error) {
    throw new Error(`${name} did not answer:\n${bot.printed}`, { cause: error });
  } finally {
    await bot.stop();
  }
}

/** Heap growth per conversation left idle after one message, measured after full collections. */
async function heapPerConversation(bot: Bot, conversations: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const fill = async (count: number): Promise<void> => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < count) {
          next += 1;
          await post(bot.port, agent, `idle-${process.pid}-${++conversationCounter}`, REALISTIC_MESSAGES[next % REALISTIC_MESSAGES.length]);
        }
      }),
    );
  };
  // Conversations before the first measurement too: code compiled and buffers grown on the first
  // turns after the load rounds are not conversations.
  await fill(500);
  const before = await bot.stats('gc-stats');
  await fill(conversations);
  const after = await bot.stats('gc-stats');
  agent.destroy();
  return (after.heapUsed - before.heapUsed) / conversations;
}

const fmt = (value: number, digits = 0): string => value.toFixed(digits);
const ratio = (guide: number, reference: number): string => `${(guide / reference).toFixed(2)}×`;

async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'pitstop-bench-'));
  const bots: Bot[] = [];
  try {
    console.log(
      `pitstop-guide bench${quick ? ' (quick)' : ''}: ${ROUND_PAIRS} × (guide, reference) rounds of ${ROUND_MS / 1000} s per load, node ${process.version}`,
    );

    // A first start, untimed, fills the model cache and the operating system's file cache.
    await coldStart('guide', path.join(scratch, 'first'));
    const cold: Record<string, number[]> = { 'guide, fresh data folder': [], 'guide, used data folder': [], reference: [] };
    for (let index = 0; index < COLD_STARTS; index++) {
      const dataDir = path.join(scratch, `cold-${index}`);
      cold['guide, fresh data folder'].push(await coldStart('guide', dataDir));
      cold.reference.push(await coldStart('reference', path.join(scratch, 'reference')));
      cold['guide, used data folder'].push(await coldStart('guide', dataDir));
    }

    const guide = new Bot('guide', await freePort(), path.join(scratch, 'load'), true);
    const reference = new Bot('reference', await freePort(), path.join(scratch, 'reference'));
    bots.push(guide, reference);
    await Promise.all(
      bots.map(async (bot) => {
        await untilAnswered(bot.port, 60_000);
        await untilReady(bot.port);
      }),
    );
    // Compiled code, filled pools and caches before anything is measured.
    for (const bot of bots) await load(bot, 32, REALISTIC_MESSAGES, WARM_UP_MS);

    console.log('');
    console.log('                       |           guide               |          reference            |  guide / reference');
    console.log('connections  messages  |  req/s  p50 ms  p99 ms  cpu µs |  req/s  p50 ms  p99 ms  cpu µs |  req/s   p99    cpu');
    for (const { connections, messages, texts } of LOADS) {
      const rounds: Record<BotName, Round[]> = { guide: [], reference: [] };
      for (let pair = 0; pair < ROUND_PAIRS; pair++) {
        for (const bot of bots) rounds[bot.name].push(await load(bot, connections, texts, ROUND_MS));
      }
      const g = summarise(rounds.guide);
      const r = summarise(rounds.reference);
      const cells = (s: Summary): string =>
        `${fmt(s.rps).padStart(6)}  ${fmt(s.p50, 1).padStart(6)}  ${fmt(s.p99, 1).padStart(6)}  ${fmt(s.cpuPerTurn).padStart(6)}`;
      console.log(
        `${String(connections).padStart(11)}  ${messages.padEnd(9)} | ${cells(g)} | ${cells(r)} | ${ratio(g.rps, r.rps).padStart(6)} ${ratio(g.p99, r.p99).padStart(6)} ${ratio(g.cpuPerTurn, r.cpuPerTurn).padStart(6)}` +
          (g.failed + r.failed > 0 ? `   unanswered: guide ${g.failed}, reference ${r.failed}` : ''),
      );
    }

    console.log('');
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    for (const [what, times] of Object.entries(cold)) {
      console.log(
        `cold start (spawn → first answer), ${what.padEnd(24)} ${fmt(median(times)).padStart(5)} ms   (${times.map((time) => fmt(time)).join(', ')})`,
      );
    }
    for (const bot of bots) {
      const bytes = await heapPerConversation(bot, IDLE_CONVERSATIONS);
      console.log(`heap per idle conversation (${IDLE_CONVERSATIONS} of one message each), ${bot.name.padEnd(9)} ${fmt(bytes).padStart(5)} bytes`);
    }
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
