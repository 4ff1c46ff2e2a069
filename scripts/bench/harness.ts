// Small pieces the scenarios share: the sink child process, bounded concurrency, percentiles.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface SinkCount {
  messages: number;
  bytes: number;
}

/** The SMTP sink in its own process; `reached(n)` resolves once it has accepted n messages. */
export interface Sink {
  port: number;
  reached(count: number): Promise<SinkCount>;
  stop(): Promise<void>;
}

export const startSink = async (): Promise<Sink> => {
  const child: ChildProcess = fork(path.join(__dirname, 'sink.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [listening] = (await once(child, 'message')) as [{ type: string; port: number }];
  return {
    port: listening.port,
    async reached(count) {
      const answer = new Promise<SinkCount>((resolve) => {
        const onMessage = (message: { type: string } & SinkCount) => {
          if (message.type !== 'reached') return;
          child.off('message', onMessage);
          resolve({ messages: message.messages, bytes: message.bytes });
        };
        child.on('message', onMessage);
      });
      child.send({ type: 'expect', count });
      return answer;
    },
    async stop() {
      const exited = once(child, 'exit');
      child.send({ type: 'stop' });
      await exited;
    },
  };
};

/**
 * Calls `task(index)` for every index below `count`, at most `concurrency` at a time, and returns
 * each call's duration in milliseconds.
 */
export const runBounded = async (
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
  offset = 0
): Promise<number[]> => {
  const durations = new Array<number>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      await task(offset + index);
      durations[index] = performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return durations;
};

/** The nearest-rank percentile `p` (0–100) of `values`. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
};

export interface ScenarioResult {
  name: string;
  messages: number;
  seconds: number;
  perSecond: number;
  bytesPerMessage: number;
  latency: { p50: number; p99: number; max: number };
  /** Extra figures a scenario reports (for Mailroom: the time until every row is `sent`). */
  notes: Record<string, number>;
}

export const summarize = (
  name: string,
  messages: number,
  elapsedMs: number,
  bytes: number,
  durations: number[],
  notes: Record<string, number> = {}
): ScenarioResult => ({
  name,
  messages,
  seconds: elapsedMs / 1000,
  perSecond: messages / (elapsedMs / 1000),
  bytesPerMessage: bytes / messages,
  latency: {
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    max: Math.max(...durations),
  },
  notes,
});

/**
 * Sets TCP_NODELAY on every socket this process opens. nodemailer leaves Nagle's algorithm on, and
 * its write-write-read pattern at the end of DATA then waits for the relay's delayed ACK (about
 * 40 ms on Linux) on every message; with `BENCH_TCP_NODELAY=true` the bench shows each sender's
 * own cost without that wait. It applies to all three scenarios alike.
 */
export const disableNagle = () => {
  const connect = net.connect;
  const patched = ((...args: Parameters<typeof net.connect>) =>
    connect(...args).setNoDelay(true)) as typeof net.connect;
  net.connect = patched;
  net.createConnection = patched;
};
