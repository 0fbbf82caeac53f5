/**
 * Preloaded (`node -r`) into the bots the benchmark starts, so neither bot carries code for it: answers
 * the parent's requests over the IPC channel with the process's CPU time and, after a full garbage
 * collection (the children run with --expose-gc), its heap.
 */
export interface ChildStats {
  /** User + system CPU time since start, in microseconds. */
  cpuMicros: number;
  heapUsed: number;
}

export type StatsRequest = 'stats' | 'gc-stats';

function stats(): ChildStats {
  const cpu = process.cpuUsage();
  return { cpuMicros: cpu.user + cpu.system, heapUsed: process.memoryUsage().heapUsed };
}

if (process.send) {
  process.on('message', (request: StatsRequest) => {
    if (request === 'gc-stats') {
      // Twice: the first collection can leave garbage that finalisers freed for the second.
      globalThis.gc?.();
      globalThis.gc?.();
    }
    process.send?.(stats());
  });
  // The channel must not keep a bot alive that was told to stop.
  process.channel?.unref();
}
