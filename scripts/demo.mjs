#!/usr/bin/env node
/**
 * `npm run demo`: from a fresh clone to a running playground whose mail lands in two local inboxes.
 * Installs if needed, builds the plugin and the playground, writes playground/.env once, starts a
 * primary and a fallback mail catcher, then `strapi start` with the demo data seeded.
 *
 * Knobs (environment): DEMO_PORT (Strapi, 1337), DEMO_SMTP_PORT (2525), DEMO_WEB_PORT (1080),
 * DEMO_FALLBACK_SMTP_PORT (2526), DEMO_FALLBACK_WEB_PORT (1081), DEMO_SKIP_BUILD=true to reuse the
 * last build, DEMO_VERBOSE=true to show the install and build output as it runs.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const ENV_FILE = path.join(PLAYGROUND, '.env');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const STARTUP_TIMEOUT_MS = 180_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;

const log = (line) => console.log(`[demo] ${line}`);

class DemoError extends Error {}

/** A port from the environment, or the default; anything else stops the demo with a clear line. */
const portFromEnv = (name, fallback) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new DemoError(`${name} must be a port number between 1 and 65535, got '${value}'`);
  }
  return port;
};

const isTrue = (name) => ['1', 'true', 'yes'].includes(String(process.env[name]).toLowerCase());

/** Every port the demo uses; read in `main` so a bad value ends with a message, not a stack. */
const readPorts = () => {
  const ports = {
    strapi: portFromEnv('DEMO_PORT', 1337),
    primarySmtp: portFromEnv('DEMO_SMTP_PORT', 2525),
    primaryWeb: portFromEnv('DEMO_WEB_PORT', 1080),
    fallbackSmtp: portFromEnv('DEMO_FALLBACK_SMTP_PORT', 2526),
    fallbackWeb: portFromEnv('DEMO_FALLBACK_WEB_PORT', 1081),
  };
  const values = Object.values(ports);
  if (new Set(values).size !== values.length) {
    throw new DemoError(`the demo needs five different ports, got ${values.join(', ')}`);
  }
  return ports;
};

let PORTS;

// Which variable moves which port, for the message shown when a port is taken.
const PORT_KNOBS = {
  strapi: 'DEMO_PORT',
  primarySmtp: 'DEMO_SMTP_PORT',
  primaryWeb: 'DEMO_WEB_PORT',
  fallbackSmtp: 'DEMO_FALLBACK_SMTP_PORT',
  fallbackWeb: 'DEMO_FALLBACK_WEB_PORT',
};

const portTakenMessage = (port, what) => {
  const key = Object.keys(PORTS).find((name) => PORTS[name] === port);
  const knob = key ? PORT_KNOBS[key] : 'the matching DEMO_*_PORT';
  return `${what}: port ${port} is already in use. Stop whatever listens on it, or pick another port: ${knob}=<port> npm run demo`;
};

/**
 * Runs a command to completion. Its output is kept and shown only if it fails (or always with
 * DEMO_VERBOSE), so a successful build stays a few lines long.
 */
const run = (args, { cwd = ROOT, label }) =>
  new Promise((resolve, reject) => {
    const verbose = isTrue('DEMO_VERBOSE');
    const child = spawn(NPM, args, {
      cwd,
      stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', FORCE_COLOR: '0' },
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => reject(new DemoError(`${label}: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      const tail = Buffer.concat(output).toString('utf8').trimEnd().split('\n').slice(-40);
      if (tail.length) console.error(tail.join('\n'));
      reject(
        new DemoError(
          `${label} failed (${signal ?? `exit code ${code}`}): \`npm ${args.join(' ')}\`${verbose ? '' : '; the last lines of its output are above'}`
        )
      );
    });
  });

const step = async (description, args, options = {}) => {
  log(`${description}…`);
  const startedAt = Date.now();
  await run(args, { label: description, ...options });
  log(`${description}: done in ${Math.round((Date.now() - startedAt) / 1000)} s`);
};

/** npm install when dependencies are missing, or when the lockfile changed since the last one. */
const needsInstall = () => {
  if (!existsSync(path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'package.json'))) {
    return 'dependencies are not installed';
  }
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return 'node_modules has no record of the last install';
  const lockfile = path.join(ROOT, 'package-lock.json');
  if (existsSync(lockfile) && statSync(lockfile).mtimeMs > statSync(installed).mtimeMs) {
    return 'package-lock.json changed since the last install';
  }
  return null;
};

const secret = (bytes = 16) => randomBytes(bytes).toString('base64');

/** Writes playground/.env once; an existing file is kept, except that an empty DATABASE_FILENAME
 * is filled in. */
const ensureEnvFile = () => {
  if (!existsSync(ENV_FILE)) {
    const lines = [
      '# Written by `npm run demo`; edit freely, the demo never overwrites this file.',
      'HOST=127.0.0.1',
      `PORT=${PORTS.strapi}`,
      `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
      `API_TOKEN_SALT=${secret()}`,
      `ADMIN_JWT_SECRET=${secret()}`,
      `TRANSFER_TOKEN_SALT=${secret()}`,
      `JWT_SECRET=${secret()}`,
      `ENCRYPTION_KEY=${secret(32)}`,
      'DATABASE_CLIENT=sqlite',
      'DATABASE_FILENAME=.tmp/data.db',
      'SMTP_HOST=127.0.0.1',
      `SMTP_PORT=${PORTS.primarySmtp}`,
      'SMTP_FALLBACK_HOST=127.0.0.1',
      `SMTP_FALLBACK_PORT=${PORTS.fallbackSmtp}`,
      '',
    ];
    writeFileSync(ENV_FILE, lines.join('\n'), { mode: 0o600 });
    log('wrote playground/.env with fresh secrets');
    return;
  }
  const content = readFileSync(ENV_FILE, 'utf8');
  const filename = /^[ \t]*DATABASE_FILENAME[ \t]*=[ \t]*(.*)$/m.exec(content);
  if (filename && filename[1].replace(/^['"]|['"]$/g, '').trim()) return;
  // An empty DATABASE_FILENAME makes Strapi fail with "unable to open database file".
  const fixed = filename
    ? content.replace(/^[ \t]*DATABASE_FILENAME[ \t]*=.*$/m, 'DATABASE_FILENAME=.tmp/data.db')
    : `${content}${content.endsWith('\n') || !content ? '' : '\n'}DATABASE_FILENAME=.tmp/data.db\n`;
  writeFileSync(ENV_FILE, fixed);
  log('set DATABASE_FILENAME=.tmp/data.db in playground/.env (it was empty)');
};

/** Fails early, with the knob to turn, if something already listens on Strapi's port. */
const checkPortFree = (port, what) =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) =>
      reject(
        new DemoError(
          error.code === 'EADDRINUSE' ? portTakenMessage(port, what) : `${what}: ${error.message}`
        )
      )
    );
    // 0.0.0.0 collides with a listener on any IPv4 interface, loopback included.
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });

const startCatchers = async () => {
  // Imported here, not at the top: on a fresh clone smtp-server is only there after `npm install`.
  const { startMailCatcher } = await import('./mail-catcher.mjs');
  const catchers = [];
  const announce = (name) => (message) =>
    log(`${name} relay caught "${message.subject}" for ${message.to.join(', ')}`);
  const specs = [
    { name: 'primary', smtpPort: PORTS.primarySmtp, webPort: PORTS.primaryWeb },
    { name: 'fallback', smtpPort: PORTS.fallbackSmtp, webPort: PORTS.fallbackWeb },
  ];
  try {
    for (const spec of specs) {
      catchers.push(await startMailCatcher({ ...spec, onMessage: announce(spec.name) }));
    }
  } catch (error) {
    await Promise.all(catchers.map((catcher) => catcher.stop()));
    if (error.code === 'EADDRINUSE')
      throw new DemoError(portTakenMessage(error.port, error.message.split(':')[0]));
    throw error;
  }
  return catchers;
};

const strapiBin = () => {
  const manifest = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin.strapi);
};

/** Polls Strapi's health route until it answers, the process exits, or time runs out. */
const waitForStrapi = async (child, port) => {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/_health`, {
        signal: AbortSignal.timeout(2_000),
      });
      if (response.status < 500) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new DemoError(
    `Strapi did not answer on http://127.0.0.1:${port}/_health within ${STARTUP_TIMEOUT_MS / 1000} s`
  );
};

const demoAdmin = () => ({
  email: process.env.DEMO_ADMIN_EMAIL ?? 'admin@mailroom.test',
  password: process.env.DEMO_ADMIN_PASSWORD ?? 'Mailroom-demo-1',
});

/**
 * The console command for sending a test email. `strapi console` starts its own HTTP server, so
 * PORT=0 keeps it off the demo's port; non-default relay ports are passed since .env may differ.
 */
const consoleCommand = () => {
  const overrides = ['PORT=0'];
  if (PORTS.primarySmtp !== 2525) overrides.push(`SMTP_PORT=${PORTS.primarySmtp}`);
  if (PORTS.fallbackSmtp !== 2526) overrides.push(`SMTP_FALLBACK_PORT=${PORTS.fallbackSmtp}`);
  return `${overrides.join(' ')} npm run strapi console --workspace playground`;
};

const printBanner = (catchers) => {
  const admin = demoAdmin();
  const [primary, fallback] = catchers;
  const send =
    "await strapi.plugin('mailroom').service('mailer').send({ template: 'welcome', to: 'you@example.com', data: { name: 'Ada', company: 'Acme', url: 'https://example.com' } })";
  console.log(`
[demo] Mailroom demo is running.

  Admin panel      http://localhost:${PORTS.strapi}/admin
  Demo login       ${admin.email} / ${admin.password}
  Primary inbox    ${primary.webUrl}   (SMTP 127.0.0.1:${primary.smtpPort})
  Fallback inbox   ${fallback.webUrl}   (SMTP 127.0.0.1:${fallback.smtpPort})

  Send a test email: in another terminal run \`${consoleCommand()}\`, then type
    ${send}

  Ctrl+C stops Strapi and both inboxes.
`);
};

const main = async () => {
  PORTS = readPorts();
  const reason = needsInstall();
  if (reason) {
    await step(`installing dependencies (${reason})`, ['install', '--no-audit', '--no-fund']);
  }

  if (isTrue('DEMO_SKIP_BUILD') && existsSync(path.join(PLAYGROUND, 'dist', 'build'))) {
    log('skipping the builds (DEMO_SKIP_BUILD)');
  } else {
    await step('building the plugin', ['run', 'build']);
    await step('building the playground (server and admin panel)', [
      'run',
      'build',
      '--workspace',
      'playground',
    ]);
  }

  ensureEnvFile();

  await checkPortFree(PORTS.strapi, 'Strapi');
  log('starting the mail catchers…');
  const catchers = await startCatchers();

  log(`starting Strapi on port ${PORTS.strapi}…`);
  // The catchers' ports win over whatever playground/.env says: dotenv never overrides these.
  const child = spawn(process.execPath, [strapiBin(), 'start'], {
    cwd: PLAYGROUND,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      SEED_DEMO: 'true',
      PORT: String(PORTS.strapi),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(PORTS.primarySmtp),
      SMTP_FALLBACK_HOST: '127.0.0.1',
      SMTP_FALLBACK_PORT: String(PORTS.fallbackSmtp),
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
  });

  let shuttingDown = false;
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  );

  const stopCatchers = () => Promise.all(catchers.map((catcher) => catcher.stop()));

  const shutdown = async (reason, exitCode = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${reason}: stopping Strapi and the mail catchers…`);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => {
      log(`Strapi did not stop within ${SHUTDOWN_TIMEOUT_MS / 1000} s; killing it`);
      child.kill('SIGKILL');
    }, SHUTDOWN_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    await stopCatchers();
    log('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  exited.then(async ({ code, signal }) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`Strapi exited on its own (${signal ?? `exit code ${code}`}); stopping the mail catchers`);
    await stopCatchers();
    process.exit(code || 1);
  });

  try {
    if (await waitForStrapi(child, PORTS.strapi)) printBanner(catchers);
  } catch (error) {
    console.error(`[demo] ${error.message}`);
    await shutdown('giving up', 1);
  }
};

main().catch((error) => {
  console.error(`[demo] ${error instanceof DemoError ? error.message : error.stack}`);
  process.exit(1);
});
