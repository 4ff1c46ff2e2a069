import assert from 'node:assert/strict';
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

describe('limits, priority lanes and routing', () => {
  let strapi: Core.Strapi;
  let primary: SmtpSink;
  let fallback: SmtpSink;
  let cheap: SmtpSink;
  let db: TestDatabase;

  const mailer = () => strapi.plugin('mailroom').service('mailer');
  const countSent = () => strapi.db.query(MESSAGE_UID).count({ where: { status: 'sent' } });

  before(async () => {
    primary = await new SmtpSink().start();
    fallback = await new SmtpSink().start();
    cheap = await new SmtpSink().start();
    db = await createTestDatabase();
    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(primary.port),
      SMTP_FALLBACK_HOST: '127.0.0.1',
      SMTP_FALLBACK_PORT: String(fallback.port),
      SMTP_BULK_HOST: '127.0.0.1',
      SMTP_BULK_PORT: String(cheap.port),
      SMTP_BULK_RATE_LIMITS: JSON.stringify({ perSecond: 5 }),
      SMTP_FALLBACK_RATE_LIMITS: JSON.stringify({ perSecond: 2, perMinute: 8 }),
      MAILROOM_ROUTING: JSON.stringify({ newsletter: ['bulk', 'fallback'] }),
      MAILROOM_SEND_LIMIT: JSON.stringify({ points: 3, duration: 3_600_000 }),
      MAILROOM_CONCURRENCY: '2',
      MAILROOM_BULK_SHARE: '0.5',
      MAILROOM_POLL_INTERVAL: '100',
      MAILROOM_HEARTBEAT_INTERVAL: '0',
    });
  });

  after(async () => {
    await stopStrapi(strapi);
    await Promise.all([primary.stop(), fallback.stop(), cheap.stop()]);
    await db.drop();
  });

  it('throws RateLimitError once a key has used up its sends, and stores nothing', async () => {
    for (let i = 0; i < 3; i += 1) {
      await mailer().send({
        to: 'a@example.com',
        subject: `Code ${i}`,
        text: 'x',
        rateLimitKey: 'user-7',
      });
    }
    const before = await strapi.db.query(MESSAGE_UID).count();

    await assert.rejects(
      mailer().send({ to: 'a@example.com', subject: 'Code 4', text: 'x', rateLimitKey: 'user-7' }),
      (error: Error & { details?: { code: string; retryAfterMs: number } }) => {
        assert.equal(error.name, 'RateLimitError');
        assert.equal(error.details?.code, 'RATE_LIMITED');
        assert.ok(error.details!.retryAfterMs > 3_500_000);
        return true;
      }
    );
    assert.equal(await strapi.db.query(MESSAGE_UID).count(), before);
    const other = await mailer().send({
      to: 'b@example.com',
      subject: 'Other',
      text: 'x',
      rateLimitKey: 'user-8',
    });
    assert.equal(other.status, 'queued');
    await eventually(async () => (await countSent()) === 4, { what: 'four sent' });
  });

  it('routes a category to its relays and an explicit relay list to those relays', async () => {
    const newsletter = await mailer().send({
      to: 'reader@example.com',
      subject: 'Issue 1',
      text: 'x',
      category: 'newsletter',
    });
    const pinned = await mailer().send({
      to: 'pinned@example.com',
      subject: 'Pinned',
      text: 'x',
      relays: ['fallback'],
    });
    await eventually(async () => (await countSent()) === 6, { what: 'six sent' });

    const rows = await strapi.db
      .query(MESSAGE_UID)
      .findMany({ where: { documentId: { $in: [newsletter.id, pinned.id] } } });
    const relayOf = (id: string) => rows.find((row) => row.documentId === id)!.relay;
    assert.equal(relayOf(newsletter.id), 'bulk');
    assert.equal(relayOf(pinned.id), 'fallback');
    assert.equal(cheap.messages.length, 1);
    assert.equal(fallback.messages[0].parsed.subject, 'Pinned');
  });

  it("holds a relay's per-second cap instead of spilling onto another relay", async () => {
    for (let i = 0; i < 14; i += 1) {
      await mailer().send({
        to: `r${i}@example.com`,
        subject: `Capped ${i}`,
        text: 'x',
        category: 'newsletter',
      });
    }
    await cheap.waitFor(15, 20_000);
    // When each message took its slot on the capped relay (the start of its successful attempt),
    // the newsletter from the test before included.
    const rows = await eventually(
      async () => {
        const sent = await strapi.db
          .query(MESSAGE_UID)
          .findMany({ where: { relay: 'bulk', status: 'sent' } });
        return sent.length === 15 ? sent : undefined;
      },
      { what: '15 rows sent through the capped relay' }
    );
    const slots = rows
      .map((row) => Date.parse(row.attemptLog[row.attemptLog.length - 1].at))
      .sort((a, b) => a - b);
    assert.equal(slots.length, 15);
    assert.ok(slots[14] - slots[0] >= 2000, '15 messages at 5 per second need three windows');
    // Count per window as the limiter does: a window opens with the first send after the last closed.
    let windowStart = slots[0];
    let inWindow = 0;
    for (const at of slots) {
      if (at - windowStart >= 1000) {
        windowStart = at;
        inWindow = 0;
      }
      inWindow += 1;
      assert.ok(inWindow <= 5, `at most 5 messages in one second, saw ${inWindow}`);
    }
    assert.equal(fallback.messages.length, 1, 'nothing spilled onto the fallback');
  });

  it('never lets bulk mail take the slots critical and transactional mail needs', async () => {
    primary.behaviour = () => ({ delay: 150 });
    primary.maxReceiving = 0;
    const before = primary.messages.length;
    for (let i = 0; i < 12; i += 1) {
      await mailer().send({
        to: `bulk${i}@example.com`,
        subject: `Bulk ${i}`,
        text: 'x',
        priority: 'bulk',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 3; i += 1) {
      await mailer().send({
        to: `vip${i}@example.com`,
        subject: `Critical ${i}`,
        text: 'x',
        priority: 'critical',
      });
    }
    await primary.waitFor(before + 15, 20_000);
    primary.behaviour = undefined;

    const order = primary.messages.slice(before).map((m) => m.parsed.subject!);
    const lastCritical = Math.max(...order.map((s, i) => (s.startsWith('Critical') ? i : -1)));
    assert.ok(
      lastCritical <= 6,
      `critical mail went out early, not behind bulk: ${order.join(', ')}`
    );
    assert.equal(primary.maxReceiving, 2, 'one slot for bulk, one kept for the rest');
  });

  it('does not charge the longer caps for sends a shorter cap turned away', async () => {
    const before = fallback.messages.length;
    for (let i = 0; i < 7; i += 1) {
      await mailer().send({
        to: `m${i}@example.com`,
        subject: `Minute ${i}`,
        text: 'x',
        relays: ['fallback'],
      });
    }
    // 2 a second for 7 messages: about 3 seconds. Had the refusals been charged to the minute
    // cap (8, one already used), the last ones would wait a whole minute.
    await fallback.waitFor(before + 7, 10_000);
  });
});
