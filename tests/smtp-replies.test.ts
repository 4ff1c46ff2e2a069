import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
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
  waitForSettled,
} from './helpers/strapi';

const SUPPRESSION_UID = 'plugin::mailroom.suppression';

/** A relay that accepts connections and then says nothing, as a hung server does. */
const startSilentServer = async () => {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

/**
 * One primary relay that answers each recipient as the test's address says, a healthy fallback,
 * and a breaker threshold high enough that the breaker stays out of the way.
 */
describe('how each SMTP reply is handled', () => {
  let strapi: Core.Strapi;
  let primary: SmtpSink;
  let fallback: SmtpSink;
  let db: TestDatabase;
  const answered = new Map<string, number>();

  const send = (to: string, extra: Record<string, unknown> = {}) =>
    strapi
      .plugin('mailroom')
      .service('mailer')
      .send({ to, subject: `For ${to}`, text: 'hello', ...extra });
  const settled = (id: string) => waitForSettled(strapi, id);
  const receivedBy = (sink: SmtpSink, to: string) =>
    sink.messages.filter((m) => m.envelope.to.includes(to)).length;

  before(async () => {
    primary = await new SmtpSink().start();
    fallback = await new SmtpSink().start();
    primary.recipients = (address) =>
      address.startsWith('unknown') ? { code: 550, message: '5.1.1 No such user here' } : undefined;
    primary.behaviour = ({ to }) => {
      const [address] = to;
      const times = (answered.get(address) ?? 0) + 1;
      answered.set(address, times);
      if (address.startsWith('throttled')) return { code: 421, message: '4.7.0 Try again later' };
      if (address.startsWith('blocked')) return { code: 554, message: '5.7.1 Relay access denied' };
      if (address.startsWith('greylisted') && times === 1) {
        return { code: 451, message: '4.3.0 Temporary local problem' };
      }
      if (address.startsWith('huge')) return { code: 552, message: '5.3.4 Message too big' };
      if (address.startsWith('full')) return { code: 452, message: '4.2.2 Mailbox full' };
      if (address.startsWith('dropped')) return { drop: true };
      return undefined;
    };
    db = await createTestDatabase();
    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(primary.port),
      SMTP_FALLBACK_HOST: '127.0.0.1',
      SMTP_FALLBACK_PORT: String(fallback.port),
      MAILROOM_BREAKER: JSON.stringify({ threshold: 1000 }),
      MAILROOM_RETRY: JSON.stringify({ delays: [200], maxAttempts: 3 }),
      MAILROOM_HEARTBEAT_INTERVAL: '0',
    });
  });

  after(async () => {
    await stopStrapi(strapi);
    await primary.stop();
    await fallback.stop();
    await db.drop();
  });

  const movesToFallback: [string, string, string][] = [
    ['421', 'throttled@example.com', 'ERELAY'],
    ['554 5.7.1', 'blocked@example.com', 'ERELAY'],
    ['a connection dropped in the middle of DATA', 'dropped@example.com', 'ECONNECTION'],
  ];

  for (const [reply, to, code] of movesToFallback) {
    it(`moves a message to the fallback when the primary answers ${reply}`, async () => {
      const row = await settled((await send(to)).id);

      assert.equal(row.status, 'sent');
      assert.equal(row.relay, 'fallback');
      assert.equal(row.attemptLog[0].relay, 'primary');
      assert.equal(row.attemptLog[0].classification, 'relay');
      assert.equal(row.attemptLog[0].code, code);
      assert.equal(receivedBy(fallback, to), 1);
      assert.equal(receivedBy(primary, to), 0);
    });
  }

  it('retries a 451 later on the primary, and does not fail over', async () => {
    const row = await settled((await send('greylisted@example.com')).id);

    assert.equal(row.status, 'sent');
    assert.equal(row.relay, 'primary');
    assert.equal(row.attempts, 2);
    assert.deepEqual(
      row.attemptLog.map((a: Record<string, unknown>) => [a.relay, a.outcome, a.classification]),
      [
        ['primary', 'failed', 'transient'],
        ['primary', 'sent', undefined],
      ]
    );
    assert.equal(row.attemptLog[0].responseCode, 451);
    assert.equal(receivedBy(fallback, 'greylisted@example.com'), 0);
  });

  it('bounces a 550 5.1.1, suppresses the address, and keeps it from later sends', async () => {
    const row = await settled((await send('unknown@example.com')).id);

    assert.equal(row.status, 'bounced');
    assert.equal(row.errorCode, 'ERECIPIENT');
    assert.match(row.smtpResponse, /^550 5\.1\.1/);
    assert.equal(row.attemptLog.length, 1, 'a recipient fault is not tried on the fallback');
    const suppression = await strapi.db
      .query(SUPPRESSION_UID)
      .findOne({ where: { address: 'unknown@example.com' } });
    assert.equal(suppression.source, 'bounce');
    assert.equal(suppression.responseCode, 550);
    assert.equal(suppression.messageId, row.documentId);

    const again = await send('unknown@example.com');
    assert.equal(again.status, 'queued');
    const stored = await settled(again.id);
    assert.equal(stored.status, 'suppressed');
    assert.equal(stored.attempts, 0);
    assert.equal(receivedBy(primary, 'unknown@example.com'), 0);

    const mixed = await strapi
      .plugin('mailroom')
      .service('mailer')
      .send({ to: ['unknown@example.com', 'known@example.com'], subject: 'Mixed', text: 'x' });
    assert.equal((await settled(mixed.id)).status, 'sent');
    const delivered = primary.messages.find((m) => m.parsed.subject === 'Mixed')!;
    assert.deepEqual(delivered.envelope.to, ['known@example.com']);
  });

  it('fails a message that is too large without trying the fallback', async () => {
    const row = await settled((await send('huge@example.com')).id);

    assert.equal(row.status, 'failed');
    assert.equal(row.errorCode, 'EMESSAGE');
    assert.equal(row.attemptLog.length, 1);
    assert.equal(receivedBy(fallback, 'huge@example.com'), 0);
  });

  it('bounces a mailbox that stays full through every retry', async () => {
    const row = await settled((await send('full@example.com')).id);

    assert.equal(row.status, 'bounced');
    assert.equal(row.attempts, 4, 'the first attempt and three retries');
    assert.ok(
      row.attemptLog.every((a: { classification: string }) => a.classification === 'transient')
    );
    assert.ok(
      await strapi.db.query(SUPPRESSION_UID).findOne({ where: { address: 'full@example.com' } })
    );
  });

  it('moves to the fallback when the primary stalls past its greeting timeout', async () => {
    const silent = await startSilentServer();
    const stalledDb = await createTestDatabase();
    const healthy = await new SmtpSink().start();
    await stopStrapi(strapi);
    try {
      strapi = await startStrapi({
        ...stalledDb.env,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(silent.port),
        SMTP_GREETING_TIMEOUT: '400',
        SMTP_FALLBACK_HOST: '127.0.0.1',
        SMTP_FALLBACK_PORT: String(healthy.port),
        MAILROOM_HEARTBEAT_INTERVAL: '0',
      });
      const started = Date.now();
      const row = await settled((await send('patient@example.com')).id);

      assert.equal(row.status, 'sent');
      assert.equal(row.relay, 'fallback');
      assert.equal(row.attemptLog[0].code, 'ETIMEDOUT');
      assert.equal(row.attemptLog[0].classification, 'relay');
      assert.ok(row.attemptLog[0].durationMs >= 350);
      assert.ok(Date.now() - started < 10_000);
      assert.equal(healthy.messages.length, 1);
    } finally {
      await silent.stop();
      await healthy.stop();
      await stopStrapi(strapi);
      await stalledDb.drop();
      strapi = await startStrapi({ ...db.env, MAILROOM_HEARTBEAT_INTERVAL: '0' });
    }
  });
});
