import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';

import { SmtpSink } from './helpers/smtp-sink';
import {
  MESSAGE_UID,
  createTestDatabase,
  eventually,
  startStrapi,
  stopStrapi,
  type TestDatabase,
} from './helpers/strapi';

const BATCH = 40;
const CONCURRENCY = 2;

describe('when the Strapi process is killed in the middle of a batch', () => {
  let sink: SmtpSink;
  let db: TestDatabase;
  let strapi: Core.Strapi | undefined;

  before(async () => {
    sink = await new SmtpSink().start();
    // Slow enough that the kill lands while most of the batch is still queued or in flight.
    sink.behaviour = () => ({ delay: 120 });
    db = await createTestDatabase();
  });

  after(async () => {
    await stopStrapi(strapi);
    await sink.stop();
    await db.drop();
  });

  it('delivers every message after a restart', async () => {
    const env = {
      ...process.env,
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      MAILROOM_CONCURRENCY: String(CONCURRENCY),
      MAILROOM_LOCK_TIMEOUT: '1500',
      MAILROOM_HEARTBEAT_INTERVAL: '0',
      BATCH_SIZE: String(BATCH),
    };
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'fixtures', 'send-batch.ts')],
      { env, stdio: ['ignore', 'pipe', 'inherit'] }
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await eventually(async () => sink.messages.length >= 8, {
        what: 'the first deliveries',
        timeout: 60_000,
      });
    } finally {
      child.kill('SIGKILL');
    }
    await exited;
    const beforeRestart = sink.messages.length;
    assert.ok(beforeRestart < BATCH, `the kill came mid-batch (${beforeRestart} delivered)`);

    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      MAILROOM_LOCK_TIMEOUT: '1500',
      MAILROOM_HEARTBEAT_INTERVAL: '0',
    });
    const app = strapi;
    await eventually(
      async () => (await app.db.query(MESSAGE_UID).count({ where: { status: 'sent' } })) === BATCH,
      { what: `all ${BATCH} messages sent`, timeout: 60_000 }
    );

    const subjects = sink.messages.map((m) => m.parsed.subject!);
    const distinct = new Set(subjects);
    assert.equal(distinct.size, BATCH, 'every message arrived');
    // Only a message in flight at the moment of the kill may arrive twice (at-least-once).
    assert.ok(
      subjects.length - distinct.size <= CONCURRENCY,
      `at most ${CONCURRENCY} duplicates, got ${subjects.length - distinct.size}`
    );
  });
});
