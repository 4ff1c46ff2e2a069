import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';

import { HttpReceiver, closedPort } from './helpers/http-receiver';
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

const RELAY_EVENT_UID = 'plugin::mailroom.relay-event';

describe('when the primary relay refuses connections', () => {
  let strapi: Core.Strapi;
  let fallback: SmtpSink;
  let primary: SmtpSink | undefined;
  let slack: HttpReceiver;
  let discord: HttpReceiver;
  let db: TestDatabase;
  let primaryPort: number;

  const send = (i: number) =>
    strapi
      .plugin('mailroom')
      .service('mailer')
      .send({ to: `user${i}@example.com`, subject: `Message ${i}`, text: 'hello' });
  const settled = (id: string) => waitForSettled(strapi, id);
  const alertTexts = (receiver: HttpReceiver, key: 'text' | 'content') =>
    receiver.posts.map((post) => String(post.body[key]));

  before(async () => {
    fallback = await new SmtpSink().start();
    slack = await new HttpReceiver().start();
    discord = await new HttpReceiver().start();
    db = await createTestDatabase();
    primaryPort = await closedPort();
    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(primaryPort),
      SMTP_FALLBACK_HOST: '127.0.0.1',
      SMTP_FALLBACK_PORT: String(fallback.port),
      MAILROOM_BREAKER: JSON.stringify({ threshold: 3, window: 60000, resetTimeout: 60000 }),
      MAILROOM_HEARTBEAT_INTERVAL: '300',
      MAILROOM_CONCURRENCY: '1',
      MAILROOM_SLACK_WEBHOOK_URL: `${slack.url}/services/T000/B000/slack-secret`,
      MAILROOM_DISCORD_WEBHOOK_URL: `${discord.url}/api/webhooks/1/discord-secret`,
    });
  });

  after(async () => {
    await stopStrapi(strapi);
    await fallback.stop();
    await primary?.stop();
    await slack.stop();
    await discord.stop();
    await db.drop();
  });

  it('delivers every message through the fallback at once, none lost and none twice', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) ids.push((await send(i)).id);
    const rows = await Promise.all(ids.map(settled));

    for (const row of rows) {
      assert.equal(row.status, 'sent');
      assert.equal(row.relay, 'fallback');
    }
    assert.equal(fallback.messages.length, 6);
    assert.deepEqual(
      fallback.messages.map((m) => m.parsed.subject).sort(),
      ids.map((_, i) => `Message ${i}`).sort()
    );

    const [first] = rows;
    assert.equal(first.attemptLog.length, 2);
    assert.deepEqual(
      first.attemptLog.map((a: Record<string, unknown>) => [a.relay, a.outcome, a.classification]),
      [
        ['primary', 'failed', 'relay'],
        ['fallback', 'sent', undefined],
      ]
    );
    assert.equal(first.attemptLog[0].code, 'ECONNECTION');
    assert.ok(first.attemptLog[0].durationMs >= 0);
  });

  it('opens the primary breaker after three relay faults and stops trying the primary', async () => {
    const rows = await strapi.db.query(MESSAGE_UID).findMany({ orderBy: { id: 'asc' } });
    const triedPrimary = rows.map((row) =>
      row.attemptLog.some((a: { relay: string }) => a.relay === 'primary')
    );
    assert.deepEqual(triedPrimary, [true, true, true, false, false, false]);

    const primaryStatus = strapi
      .plugin('mailroom')
      .service('relay-health')
      .status()
      .find((relay: { name: string }) => relay.name === 'primary');
    assert.equal(primaryStatus.state, 'open');
    const stored = await strapi.db
      .query(RELAY_EVENT_UID)
      .findMany({ where: { relay: 'primary', kind: 'breaker' } });
    assert.deepEqual(
      stored.map((event) => event.state),
      ['open']
    );
  });

  it('alerts once per change of state, on Slack and Discord, never once per message', async () => {
    await eventually(async () => slack.posts.length >= 2 && discord.posts.length >= 2, {
      what: 'two alerts',
    });
    const texts = alertTexts(slack, 'text');
    assert.equal(texts.length, 2);
    assert.equal(texts.filter((text) => /breaker for relay 'primary' opened/.test(text)).length, 1);
    assert.equal(
      texts.filter((text) => /fallback relay 'fallback' started carrying traffic/.test(text))
        .length,
      1
    );
    assert.equal(discord.posts.length, 2);
    assert.ok(discord.posts.every((post) => typeof post.body.content === 'string'));
  });

  it('records heartbeats, and closes the breaker when the relay answers again', async () => {
    const failedBeat = await eventually(
      () =>
        strapi.db
          .query(RELAY_EVENT_UID)
          .findOne({ where: { relay: 'primary', kind: 'heartbeat', ok: false } }),
      { what: 'a failed heartbeat' }
    );
    assert.match(failedBeat.detail, /^ECONNECTION/);

    primary = await new SmtpSink().start(primaryPort);
    await eventually(
      async () =>
        strapi
          .plugin('mailroom')
          .service('relay-health')
          .status()
          .find((relay: { name: string }) => relay.name === 'primary').state === 'closed',
      { what: 'the primary breaker to close' }
    );

    const { id } = await send(100);
    const row = await settled(id);
    assert.equal(row.relay, 'primary');
    assert.equal(primary.messages.length, 1);

    await eventually(async () => slack.posts.length >= 4, { what: 'four alerts' });
    const texts = alertTexts(slack, 'text');
    assert.equal(texts.length, 4);
    assert.match(texts[2] + texts[3], /breaker for relay 'primary' closed/);
    assert.match(texts[2] + texts[3], /fallback relay 'fallback' stopped carrying traffic/);

    const uptime = await strapi
      .plugin('mailroom')
      .service('relay-health')
      .uptime(new Date(Date.now() - 60_000));
    assert.ok(uptime.primary.total >= 2);
    assert.ok(uptime.primary.ratio > 0 && uptime.primary.ratio < 1);
    assert.equal(uptime.fallback.ratio, 1);
  });

  it('never stores or logs a webhook URL or a relay password', async () => {
    const events = await strapi.db.query(RELAY_EVENT_UID).findMany();
    const messages = await strapi.db.query(MESSAGE_UID).findMany();
    const stored = JSON.stringify([events, messages]);
    assert.ok(!stored.includes('slack-secret'));
    assert.ok(!stored.includes('discord-secret'));
  });
});

describe('when a relay stays down through its half-open probes', () => {
  let strapi: Core.Strapi;
  let fallback: SmtpSink;
  let slack: HttpReceiver;
  let db: TestDatabase;

  before(async () => {
    fallback = await new SmtpSink().start();
    slack = await new HttpReceiver().start();
    db = await createTestDatabase();
    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(await closedPort()),
      SMTP_FALLBACK_HOST: '127.0.0.1',
      SMTP_FALLBACK_PORT: String(fallback.port),
      MAILROOM_BREAKER: JSON.stringify({ threshold: 1, window: 60000, resetTimeout: 300 }),
      MAILROOM_HEARTBEAT_INTERVAL: '0',
      MAILROOM_CONCURRENCY: '1',
      MAILROOM_SLACK_WEBHOOK_URL: `${slack.url}/hook`,
    });
  });

  after(async () => {
    await stopStrapi(strapi);
    await fallback.stop();
    await slack.stop();
    await db.drop();
  });

  it('lets one probe through each time, and alerts the opening only once', async () => {
    const mailer = strapi.plugin('mailroom').service('mailer');
    for (let round = 0; round < 4; round += 1) {
      const { id } = await mailer.send({
        to: `p${round}@example.com`,
        subject: `P${round}`,
        text: 'x',
      });
      const row = await waitForSettled(strapi, id);
      assert.equal(row.relay, 'fallback');
      // Past the reset timeout: the breaker is half-open again for the next message.
      await new Promise((resolve) => setTimeout(resolve, 400));
    }

    const probes = await strapi.db.query('plugin::mailroom.relay-event').findMany({
      where: { relay: 'primary', kind: 'breaker' },
      orderBy: { id: 'asc' },
    });
    assert.ok(
      probes.filter((event) => event.state === 'half-open').length >= 3,
      'a probe was let through after every reset timeout'
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const opened = slack.posts.filter((post) =>
      /breaker for relay 'primary' opened/.test(String(post.body.text))
    );
    assert.equal(opened.length, 1);
  });
});
