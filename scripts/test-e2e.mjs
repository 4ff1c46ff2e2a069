#!/usr/bin/env node
/**
 * The browser tests: builds the plugin and the playground's admin panel (skip with
 * E2E_SKIP_BUILD=1 when both are already built), then runs tests/e2e with a hard time limit.
 * The tests start their own SMTP sink, Unlayer stand-in and `strapi start` child, and stop them;
 * the child also runs under `timeout`, so nothing outlives a crashed run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const limitSeconds = Number(process.env.E2E_TIME_LIMIT ?? 900);

const run = (command, args) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (process.env.E2E_SKIP_BUILD !== '1') {
  run('npm', ['run', 'build']);
  run('npm', ['run', 'build', '--workspace', 'playground']);
}

const files = readdirSync(path.join(root, 'tests', 'e2e'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => path.join('tests', 'e2e', name));

run('timeout', [
  '-s',
  'TERM',
  String(limitSeconds),
  process.execPath,
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  ...files,
]);
