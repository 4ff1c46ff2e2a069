import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const PLAYGROUND = path.join(ROOT, 'playground');
const STRAPI_BIN = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

const SECRETS = {
  APP_KEYS: 'e2eKeyOne,e2eKeyTwo',
  API_TOKEN_SALT: 'e2e-api-token-salt',
  ADMIN_JWT_SECRET: 'e2e-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'e2e-transfer-token-salt',
  JWT_SECRET: 'e2e-jwt-secret',
  ENCRYPTION_KEY: 'e2e-encryption-key-0123456789abc',
};

/** A port nothing listens on right now, for a child process to take. */
export const freePort = async () => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

export interface Playground {
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Runs the built playground with `strapi start` in a child process and waits until it answers.
 * The child runs under coreutils `timeout`, so it ends by itself even if this process dies
 * without stopping it.
 */
export const startPlayground = async (
  env: Record<string, string>,
  { lifetimeSeconds = 900, bootTimeout = 120_000 } = {}
): Promise<Playground> => {
  const port = await freePort();
  const logs: string[] = [];
  const child: ChildProcess = spawn(
    'timeout',
    ['-s', 'TERM', String(lifetimeSeconds), process.execPath, STRAPI_BIN, 'start'],
    {
      cwd: PLAYGROUND,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        ...SECRETS,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        STRAPI_TELEMETRY_DISABLED: 'true',
        STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
        STRAPI_LOG_LEVEL: 'warn',
        MAILROOM_POLL_INTERVAL: '200',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  const keep = (chunk: Buffer) => {
    logs.push(chunk.toString());
    if (logs.length > 400) logs.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit');
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + bootTimeout;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`strapi start exited with ${child.exitCode}:\n${logs.join('')}`);
    }
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`strapi start did not answer within ${bootTimeout} ms:\n${logs.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  return {
    url,
    logs,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
};
