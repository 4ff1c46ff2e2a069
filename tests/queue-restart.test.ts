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

/**
 * The queue is durable: what `send()` accepted is delivered even when Strapi stops before the
 * relay took it, and a stop in the middle of a batch neither loses nor repeats a message.
 */
describe('when Strapi stops with messages in the queue', () => {
  let sink: SmtpSink;
  let db: TestDatabase;
  let strapi: Core.Strapi | undefined;
  let relayPort: number;

  const env = () => ({
    ...db.env,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(relayPort),
    MAILROOM_RETRY: JSON.stringify({ delays: [300] }),
  });
  const statuses = async (app: Core.Strapi) => {
    const rows = await app.db.query(MESSAGE_UID).findMany({ select: ['status'] });
    return rows.reduce<Record<string, number>>((counts, row) => {
      counts[row.status] = (counts[row.status] ?? 0) + 1;
      return counts;
    }, {});
  };

  before(async () => {
    db = await createTestDatabase();
    // A port with nothing listening yet: the relay is down.
    const probe = await new SmtpSink().start();
    relayPort = probe.port;
    await probe.stop();
  });

  after(async () => {
    await stopStrapi(strapi);
    await sink?.stop();
    await db.drop();
  });

  it('delivers after a restart what was queued while the relay was down', async () => {
    strapi = await startStrapi(env());
    const mailer = strapi.plugin('mailroom').service('mailer');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(
        (await mailer.send({ to: `down${i}@example.com`, subject: `Down ${i}`, text: 'x' })).id
      );
    }
    const app = strapi;
    const row = await eventually(
      async () => {
        const found = await app.db.query(MESSAGE_UID).findOne({ where: { documentId: ids[0] } });
        return found?.attempts > 0 ? found : undefined;
      },
      { what: 'a first failed attempt' }
    );
    assert.equal(row.status, 'queued');
    assert.equal(row.errorCode, 'ECONNECTION');
    assert.equal(row.attemptLog[0].classification, 'relay');

    await stopStrapi(strapi);
    strapi = undefined;

    sink = await new SmtpSink().start(relayPort);
    strapi = await startStrapi(env());
    await sink.waitFor(5);
    const restarted = strapi;
    await eventually(async () => (await statuses(restarted)).sent === 5, {
      what: 'five sent rows',
    });
    assert.deepEqual(sink.messages.map((m) => m.parsed.subject).sort(), [
      'Down 0',
      'Down 1',
      'Down 2',
      'Down 3',
      'Down 4',
    ]);
  });

  it('drains a batch on stop and delivers the rest after the restart, each exactly once', async () => {
    const mailer = strapi!.plugin('mailroom').service('mailer');
    const subjects: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      subjects.push(`Batch ${String(i).padStart(2, '0')}`);
      await mailer.send({ to: `batch${i}@example.com`, subject: subjects[i], text: 'x' });
    }
    await stopStrapi(strapi);
    strapi = undefined;

    const before = sink.messages.filter((m) => m.parsed.subject?.startsWith('Batch')).length;
    strapi = await startStrapi(env());
    await sink.waitFor(5 + 40);
    const app = strapi;
    await eventually(async () => (await statuses(app)).sent === 45, { what: '45 sent rows' });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const batch = sink.messages
      .map((m) => m.parsed.subject!)
      .filter((subject) => subject.startsWith('Batch'))
      .sort();
    assert.deepEqual(batch, subjects, 'every message arrived exactly once');
    assert.ok(before <= 40);
    assert.deepEqual(await statuses(app), { sent: 45 });
  });
});
