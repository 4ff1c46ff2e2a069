// `npm test`: checks formatting and types, builds, then runs every suite that needs nothing but
// Node: a real Strapi (the playground on SQLite) and real SMTP servers on loopback.
// Extra arguments are test files to run instead of all of them.
import { readdirSync } from 'node:fs';

import { prepare, run } from './prepare.mjs';

prepare();

console.log('[mailroom] checking formatting and types…');
run('npx', ['prettier', '--check', '--log-level', 'warn', '.']);
run('npx', ['tsc', '-p', 'server/tsconfig.json', '--noEmit']);

const files = process.argv.slice(2);
const suites = files.length
  ? files
  : readdirSync('tests')
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => `tests/${file}`);

console.log(`[mailroom] running ${suites.length} test file(s)…`);
try {
  run('node', ['--import', 'tsx', '--test', '--test-reporter', 'spec', ...suites], {
    env: { ...process.env, STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error' },
  });
} catch {
  process.exit(1);
}
