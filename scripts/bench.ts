// `npm run bench`: how fast Mailroom delivers the same 5 KB templated message compared with
// nodemailer's pooled transport alone (the ceiling) and with Strapi's email plugin using the
// nodemailer provider. Builds first, runs each scenario in a fresh process, prints a table.
// A measurement, not a test: it exits 0 whether the targets are met or not.
//
//   BENCH_MESSAGES     messages measured per scenario (default 2000)
//   BENCH_WARMUP       messages sent first and not measured (default 100)
//   BENCH_CONCURRENCY  calls in flight at once (default 10)
//   SMTP_POOL_SIZE     relay connections, the same for every scenario (default 5)
//   BENCH_TCP_NODELAY  `true` turns Nagle's algorithm off on every SMTP socket (see disableNagle)
import { fork } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';

import { disableNagle, type ScenarioResult } from './bench/harness';
import type { BenchSettings, ScenarioName } from './bench/scenarios';

const TARGETS = { ratioToRaw: 0.5, sendP99Ms: 10 };

const settings: BenchSettings = {
  messages: Number(process.env.BENCH_MESSAGES ?? 2000),
  warmup: Number(process.env.BENCH_WARMUP ?? 100),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 10),
  maxConnections: Number(process.env.SMTP_POOL_SIZE ?? 5),
};

/** Runs one scenario in a child process (this file with `--scenario`) and returns its result. */
const runScenario = async (name: ScenarioName): Promise<ScenarioResult> => {
  const child = fork(__filename, ['--scenario', name], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error' },
  });
  let result: ScenarioResult | undefined;
  child.on('message', (message: { type: string; result: ScenarioResult }) => {
    if (message.type === 'result') result = message.result;
  });
  const [code] = await once(child, 'exit');
  if (!result) throw new Error(`scenario ${name} failed (exit code ${code})`);
  return result;
};

const ms = (value: number) => `${value.toFixed(2)} ms`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

const printTable = (results: Record<ScenarioName, ScenarioResult>) => {
  const ceiling = results.raw.perSecond;
  const rows = [
    ['', 'scenario', 'msg/s', 'vs (a)', 'call p50', 'call p99', 'call max', 'bytes/msg'],
    ...(['raw', 'mailroom', 'strapi-email'] as const).map((name, index) => {
      const result = results[name];
      return [
        `(${'abc'[index]})`,
        result.name + (name === 'mailroom' ? ' (call = send(), queues only)' : ''),
        result.perSecond.toFixed(0),
        `${((result.perSecond / ceiling) * 100).toFixed(0)}%`,
        ms(result.latency.p50),
        ms(result.latency.p99),
        ms(result.latency.max),
        result.bytesPerMessage.toFixed(0),
      ];
    }),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd()
    );
  }
  for (const [label, value] of Object.entries(results.mailroom.notes)) {
    console.log(`Mailroom: ${label}: ${value.toFixed(2)}`);
  }

  const ratio = results.mailroom.perSecond / ceiling;
  const p99 = results.mailroom.latency.p99;
  console.log('');
  console.log(
    `${verdict(ratio >= TARGETS.ratioToRaw)}  Mailroom throughput ${(ratio * 100).toFixed(0)}% of (a) (target ≥ ${TARGETS.ratioToRaw * 100}%)`
  );
  console.log(
    `${verdict(p99 <= TARGETS.sendP99Ms)}  Mailroom send() p99 ${ms(p99)} (target ≤ ${TARGETS.sendP99Ms} ms)`
  );
};

const main = async () => {
  const scenarioFlag = process.argv.indexOf('--scenario');
  if (scenarioFlag !== -1) {
    if (process.env.BENCH_TCP_NODELAY === 'true') disableNagle();
    const { SCENARIOS } = await import('./bench/scenarios');
    const name = process.argv[scenarioFlag + 1] as ScenarioName;
    const result = await SCENARIOS[name](settings);
    // Run on its own (`node --import tsx scripts/bench.ts --scenario raw`), it prints its result.
    if (process.send) process.send({ type: 'result', result });
    else console.log(JSON.stringify(result, null, 2));
    process.disconnect?.();
    // Strapi leaves timers behind; the result is out, so the process may go.
    setTimeout(() => process.exit(0), 100).unref();
    return;
  }

  const { prepare } = await import('./prepare.mjs');
  prepare();

  console.log(
    `[mailroom] bench: ${settings.messages} messages (+${settings.warmup} warm-up), concurrency ${settings.concurrency}, ${settings.maxConnections} relay connections; Node ${process.version}, ${os.cpus().length} cores, SQLite${process.env.BENCH_TCP_NODELAY === 'true' ? ', TCP_NODELAY' : ''}`
  );
  const results = {} as Record<ScenarioName, ScenarioResult>;
  for (const name of ['raw', 'mailroom', 'strapi-email'] as const) {
    console.log(`[mailroom] bench: running ${name}…`);
    results[name] = await runScenario(name);
  }
  console.log('');
  printTable(results);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
