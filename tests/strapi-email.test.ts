import assert from 'node:assert/strict';
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
} from './helpers/strapi';

describe("Strapi's own emails, with strapiEmail.capture on", () => {
  let strapi: Core.Strapi;
  let sink: SmtpSink;
  let db: TestDatabase;

  before(async () => {
    sink = await new SmtpSink().start();
    db = await createTestDatabase();
    strapi = await startStrapi({
      ...db.env,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      MAILROOM_CAPTURE_STRAPI_EMAIL: 'true',
    });
  });

  after(async () => {
    await stopStrapi(strapi);
    await sink.stop();
    await db.drop();
  });

  it("queues users-permissions' reset-password email and delivers it through the relay", async () => {
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    await strapi.plugin('users-permissions').service('user').add({
      username: 'grace',
      email: 'grace@example.com',
      password: 'Secret-pass-1',
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
    const { port } = strapi.server.httpServer.address() as AddressInfo;

    const response = await fetch(`http://127.0.0.1:${port}/api/auth/forgot-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'grace@example.com' }),
    });

    assert.equal(response.status, 200);
    await sink.waitFor(1);
    const [mail] = sink.messages;
    assert.deepEqual(mail.envelope.to, ['grace@example.com']);
    assert.match(String(mail.parsed.html), /code=[a-f0-9]+/, 'the mail carries the reset code');
    const row = await eventually(
      () => strapi.db.query(MESSAGE_UID).findOne({ where: { status: 'sent' } }),
      { what: 'a sent message row' }
    );
    assert.equal(row.priority, 'critical');
    assert.equal(row.relay, 'primary');
  });

  it("routes the email plugin's send() through Mailroom", async () => {
    await strapi.plugin('email').service('email').send({
      to: 'ops@example.com',
      subject: 'Disk almost full',
      text: 'Disk at 91%',
    });

    await sink.waitFor(2);
    const mail = sink.messages.find((m) => m.envelope.to.includes('ops@example.com'))!;
    assert.equal(mail.parsed.subject, 'Disk almost full');
    assert.equal(mail.parsed.text!.trim(), 'Disk at 91%');
    assert.equal(
      await strapi.db.query(MESSAGE_UID).count({ where: { subject: 'Disk almost full' } }),
      1
    );
  });
});
