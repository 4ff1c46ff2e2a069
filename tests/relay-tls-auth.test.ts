import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';
import selfsigned from 'selfsigned';

import { SmtpSink } from './helpers/smtp-sink';
import {
  MESSAGE_UID,
  createTestDatabase,
  startStrapi,
  eventually,
  stopStrapi,
  type TestDatabase,
} from './helpers/strapi';

const PASSWORD = 'correct-horse-battery-staple';

/**
 * Each case starts the playground against one TLS or authenticating relay on loopback. The relay
 * certificates are self-signed, so the relays are configured with rejectUnauthorized: false.
 */
describe('TLS and authentication towards a relay', () => {
  let tls: { key: string; cert: string };
  const sinks: SmtpSink[] = [];
  let db: TestDatabase;
  let strapi: Core.Strapi | undefined;
  const logged: string[] = [];

  const boot = async (env: Record<string, string>) => {
    await stopStrapi(strapi);
    strapi = undefined;
    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_SECURE: 'false',
      SMTP_REQUIRE_TLS: 'false',
      SMTP_TLS_MIN_VERSION: 'TLSv1.2',
      SMTP_USERNAME: '',
      SMTP_PASSWORD: '',
      SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
      MAILROOM_HEARTBEAT_INTERVAL: '0',
      MAILROOM_RETRY: JSON.stringify({ delays: [60000] }),
      ...env,
    });
    // Keep every line the plugin logs, to check that no credential ever reaches a log.
    const log = strapi.log as unknown as Record<string, (message: unknown) => void>;
    for (const level of ['error', 'warn', 'info', 'debug']) {
      const original = log[level].bind(strapi.log);
      log[level] = (message: unknown) => {
        logged.push(String(message));
        original(message);
      };
    }
    return strapi;
  };
  const sink = async (options: ConstructorParameters<typeof SmtpSink>[0]) => {
    const started = await new SmtpSink(options).start();
    sinks.push(started);
    return started;
  };
  const send = async (to: string) => {
    const { id } = await strapi!
      .plugin('mailroom')
      .service('mailer')
      .send({ to, subject: `TLS ${to}`, text: 'x' });
    // Sent, or back in the queue after its first failed attempt (the next one is a minute away).
    const app = strapi!;
    return eventually(
      async () => {
        const row = await app.db.query(MESSAGE_UID).findOne({ where: { documentId: id } });
        return row && row.status !== 'sending' && row.attempts > 0 ? row : undefined;
      },
      { what: `a first attempt of message ${id}` }
    );
  };

  before(async () => {
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      days: 1,
      keySize: 2048,
    });
    tls = { key: pems.private, cert: pems.cert };
    db = await createTestDatabase();
  });

  after(async () => {
    await stopStrapi(strapi);
    for (const started of sinks) await started.stop();
    await db.drop();
  });

  it('upgrades with STARTTLS on a submission port when requireTLS is set', async () => {
    const relay = await sink({ ...tls, disabledCommands: [] });
    await boot({ SMTP_PORT: String(relay.port), SMTP_REQUIRE_TLS: 'true' });

    const row = await send('starttls@example.com');
    assert.equal(row.status, 'sent');
    assert.equal(relay.messages[0].secure, true, 'the message travelled over TLS');
    assert.match(relay.messages[0].tlsProtocol!, /^TLSv1\.[23]$/);
  });

  it('refuses to send in the clear when requireTLS is set and the relay offers no STARTTLS', async () => {
    const relay = await sink({ disabledCommands: ['STARTTLS'] });
    await boot({ SMTP_PORT: String(relay.port), SMTP_REQUIRE_TLS: 'true' });

    const row = await send('cleartext@example.com');
    assert.equal(row.status, 'queued');
    assert.equal(row.attemptLog[0].code, 'ETLS');
    assert.equal(row.attemptLog[0].classification, 'relay');
    assert.equal(relay.messages.length, 0);
  });

  it('speaks TLS from the first byte with secure: true (port 465 style)', async () => {
    const relay = await sink({ ...tls, secure: true });
    await boot({ SMTP_PORT: String(relay.port), SMTP_SECURE: 'true' });

    const row = await send('implicit@example.com');
    assert.equal(row.status, 'sent');
    assert.equal(relay.messages[0].secure, true);
  });

  it('refuses a relay that cannot do TLS 1.3 when tls.minVersion requires it', async () => {
    const relay = await sink({ ...tls, secure: true, maxVersion: 'TLSv1.2' } as never);
    await boot({
      SMTP_PORT: String(relay.port),
      SMTP_SECURE: 'true',
      SMTP_TLS_MIN_VERSION: 'TLSv1.3',
    });

    const row = await send('tls13@example.com');
    assert.equal(row.status, 'queued');
    assert.equal(row.attemptLog[0].classification, 'relay');
    assert.equal(relay.messages.length, 0);
  });

  it('authenticates, and never puts the password in the database or a log line', async () => {
    const relay = await sink({
      ...tls,
      disabledCommands: [],
      authOptional: false,
      onAuth: (auth, _session, callback) =>
        auth.username === 'mailer' && auth.password === PASSWORD
          ? callback(null, { user: auth.username })
          : callback(new Error('5.7.8 Authentication credentials invalid')),
    });
    await boot({
      SMTP_PORT: String(relay.port),
      SMTP_REQUIRE_TLS: 'true',
      SMTP_USERNAME: 'mailer',
      SMTP_PASSWORD: PASSWORD,
    });
    assert.equal((await send('auth@example.com')).status, 'sent');

    await boot({
      SMTP_PORT: String(relay.port),
      SMTP_REQUIRE_TLS: 'true',
      SMTP_USERNAME: 'mailer',
      SMTP_PASSWORD: `${PASSWORD}-wrong`,
    });
    const refused = await send('auth-refused@example.com');
    assert.equal(refused.attemptLog[0].code, 'EAUTH');
    assert.equal(refused.attemptLog[0].classification, 'relay');

    const stored = JSON.stringify(await strapi!.db.query(MESSAGE_UID).findMany());
    const events = JSON.stringify(
      await strapi!.db.query('plugin::mailroom.relay-event').findMany()
    );
    assert.ok(logged.length > 0);
    for (const text of [stored, events, ...logged]) assert.ok(!text.includes(PASSWORD));
  });
});
