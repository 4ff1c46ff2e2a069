import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';

export const PLAYGROUND = path.resolve(__dirname, '..', '..', 'playground');

const SECRETS = {
  APP_KEYS: 'testKeyOne,testKeyTwo',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
};

/** A database for one test file: a fresh SQLite file, or a fresh PostgreSQL database. */
export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const createTestDatabase = async (): Promise<TestDatabase> => {
  if (process.env.MAILROOM_TEST_DB === 'postgres') {
    const { Client } = (await import('pg')).default;
    const name = `mailroom_test_${process.pid}_${Date.now()}`;
    const admin = new Client({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: 'postgres',
    });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return {
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: '127.0.0.1',
        DATABASE_PORT: '5432',
        DATABASE_NAME: name,
        DATABASE_USERNAME: 'postgres',
        DATABASE_PASSWORD: '',
        DATABASE_POOL_MIN: '0',
      },
      async drop() {
        const client = new Client({
          host: '127.0.0.1',
          port: 5432,
          user: 'postgres',
          database: 'postgres',
        });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'mailroom-test-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * Starts the playground app in this process with `env` on top of test defaults, and waits until
 * it is listening. Every test file runs in its own process, so the global `strapi` is its own.
 */
export const startStrapi = async (
  env: Record<string, string | undefined>
): Promise<Core.Strapi> => {
  const values: Record<string, string | undefined> = {
    ...SECRETS,
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'test',
    SERVE_ADMIN_PANEL: 'false',
    STRAPI_STARTUP_MESSAGE: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_LOG_LEVEL: process.env.STRAPI_LOG_LEVEL ?? 'error',
    MAILROOM_POLL_INTERVAL: '200',
    ...env,
  };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  const app = createStrapi({
    appDir: PLAYGROUND,
    distDir: path.join(PLAYGROUND, 'dist'),
  });
  await app.load();
  await app.start();
  return app;
};

/** Stops Strapi the way a deploy would: the plugin's destroy runs, the database closes. */
export const stopStrapi = async (app: Core.Strapi | undefined) => {
  if (!app) return;
  await app.destroy();
};

export const MESSAGE_UID = 'plugin::mailroom.message' as const;
export const TEMPLATE_UID = 'plugin::mailroom.template' as const;

/** Polls `check` until it returns a value, for state that a background worker writes. */
export const eventually = async <T>(
  check: () => Promise<T | undefined | null | false>,
  { timeout = 15_000, interval = 100, what = 'condition' } = {}
): Promise<T> => {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout}ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
};

/** Waits until message `id` has left the queue (sent, bounced, failed…) and returns its row. */
export const waitForSettled = (strapi: Core.Strapi, id: string, timeout = 20_000) =>
  eventually(
    async () => {
      const row = await strapi.db.query(MESSAGE_UID).findOne({ where: { documentId: id } });
      return row && row.status !== 'queued' && row.status !== 'sending' ? row : undefined;
    },
    { what: `message ${id} to leave the queue`, timeout }
  );
