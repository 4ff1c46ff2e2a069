// Makes a checkout ready to run: installs dependencies when they are missing or stale, builds the
// plugin, and compiles the playground's server code. Shared by `npm test` and the other suites.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** True when node_modules is missing or older than the lockfile. */
export const needsInstall = () => {
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(path.join(ROOT, 'node_modules', '@strapi', 'strapi'))) return true;
  return mtime(path.join(ROOT, 'package-lock.json')) > mtime(installed);
};

export const prepare = ({ adminPanel = false } = {}) => {
  if (needsInstall()) {
    console.log('[mailroom] installing dependencies (npm install)…');
    run('npm', ['install', '--no-audit', '--no-fund']);
  }
  console.log('[mailroom] building the plugin…');
  run('npm', ['run', 'build', '--silent']);
  if (adminPanel) {
    console.log('[mailroom] building the playground and its admin panel…');
    run('npm', ['run', 'build', '--workspace', 'playground', '--silent']);
  } else {
    console.log('[mailroom] compiling the playground…');
    run('npx', ['tsc', '-p', 'playground/tsconfig.json']);
  }
};
