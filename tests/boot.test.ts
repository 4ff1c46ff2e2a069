import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Core } from '@strapi/strapi';

import { SmtpSink } from './helpers/smtp-sink';
import { createTestDatabase, startStrapi, stopStrapi, type TestDatabase } from './helpers/strapi';

describe('boot', () => {
  let strapi: Core.Strapi;
  let sink: SmtpSink;
  let db: TestDatabase;

  before(async () => {
    sink = await new SmtpSink().start();
    db = await createTestDatabase();
    strapi = await startStrapi({ ...db.env, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
  });

  after(async () => {
    await stopStrapi(strapi);
    await sink.stop();
    await db.drop();
  });

  it('sends', async () => {
    const r = await strapi.plugin('mailroom').service('mailer').send({ to: 'a@example.com', subject: 'Hi', html: '<p>Hello</p>' });
    assert.equal(r.status, 'queued');
    await sink.waitFor(1);
    console.log(sink.messages[0].raw);
  });
});
