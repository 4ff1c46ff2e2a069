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
  waitForSettled,
} from './helpers/strapi';
import { createTemplate } from './helpers/templates';

const WELCOME_HTML = `<html><body>
  <h1>Welcome, {{name}}!</h1>
  <p>Your plan: {{plan.name}}</p>
  <a href="{{url}}">Open your account</a>
</body></html>`;

describe('sending by template id', () => {
  let strapi: Core.Strapi;
  let sink: SmtpSink;
  let db: TestDatabase;
  const mailer = () => strapi.plugin('mailroom').service('mailer');
  const messageRow = (documentId: string) =>
    strapi.db.query(MESSAGE_UID).findOne({ where: { documentId } });
  const delivered = (documentId: string) => waitForSettled(strapi, documentId);
  const received = (to: string) => sink.messages.filter((m) => m.envelope.to.includes(to));

  before(async () => {
    sink = await new SmtpSink().start();
    db = await createTestDatabase();
    strapi = await startStrapi({ ...db.env, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(sink.port) });
    await createTemplate(strapi, 'welcome', {
      en: {
        subject: 'Welcome, {{name}}',
        preheader: 'Glad to have you',
        html: WELCOME_HTML,
      },
      fr: {
        subject: 'Bienvenue, {{name}}',
        html: '<p>Bonjour {{name}}</p>',
        text: 'Bonjour {{name}}, texte écrit à la main.',
      },
    });
    await createTemplate(strapi, 'only-english', {
      en: { subject: 'English only', html: '<p>Hi {{name}}</p>' },
    });
  });

  after(async () => {
    await stopStrapi(strapi);
    await sink.stop();
    await db.drop();
  });

  it('queues the message, stores it as queued, and delivers it as multipart/alternative', async () => {
    const result = await mailer().send({
      template: 'welcome',
      to: 'Ada Lovelace <ada@example.com>',
      data: { name: 'Ada', plan: { name: 'Pro' }, url: 'https://example.com/a?b=1&c=2' },
      headers: { 'X-Campaign': 'onboarding' },
    });

    assert.equal(result.status, 'queued');
    assert.match(result.id, /^[a-z0-9]{24}$/);

    const row = await delivered(result.id);
    assert.equal(row.status, 'sent');
    assert.equal(row.relay, 'primary');
    assert.equal(row.template, 'welcome');
    assert.equal(row.locale, 'en');
    assert.equal(row.attempts, 1);
    assert.match(row.smtpResponse, /^250 /);
    assert.match(row.providerMessageId, /^SINK\d+$/);
    assert.ok(row.sentAt);
    assert.deepEqual(row.to, [{ name: 'Ada Lovelace', address: 'ada@example.com' }]);

    const [mail] = received('ada@example.com');
    assert.ok(mail, 'the relay received the message');
    assert.equal(mail.parsed.subject, 'Welcome, Ada');
    assert.equal(
      (mail.parsed.headers.get('content-type') as { value: string }).value,
      'multipart/alternative'
    );
    assert.equal(mail.parsed.messageId, `<${result.id}@mailroom.test>`);
    assert.equal(mail.parsed.headers.get('x-campaign'), 'onboarding');
    assert.equal(mail.parsed.from!.text, '"Mailroom Demo" <hello@mailroom.test>');
    assert.match(mail.parsed.html as string, /<h1>Welcome, Ada!<\/h1>/);
    assert.match(mail.parsed.html as string, /Glad to have you/, 'the preheader is in the body');
    assert.doesNotMatch(mail.parsed.html as string, /\n\s*\n/, 'the HTML is minified');
    assert.match(mail.parsed.text!, /Welcome, Ada!/i, 'the text part is generated from the HTML');
    assert.match(mail.parsed.text!, /Your plan: Pro/);
    assert.doesNotMatch(mail.parsed.text!, /<h1>/);
  });

  it('escapes variables in the HTML part but not in the subject or the text part', async () => {
    const name = `Tom & "Jerry" <script>alert(1)</script>`;
    const { id } = await mailer().send({
      template: 'welcome',
      to: 'escape@example.com',
      data: { name, plan: { name: 'Free' }, url: 'https://example.com' },
    });
    await delivered(id);
    const [mail] = received('escape@example.com');

    assert.equal(mail.parsed.subject, `Welcome, ${name}`);
    assert.ok(!(mail.parsed.html as string).includes('<script>'), 'no live script tag in the HTML');
    assert.ok((mail.parsed.html as string).includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok((mail.parsed.html as string).includes('Tom &amp; &quot;Jerry&quot;'));
    assert.ok(mail.parsed.text!.includes(`Tom & "Jerry"`));

    const { id: frId } = await mailer().send({
      template: 'welcome',
      locale: 'fr',
      to: 'escape-fr@example.com',
      data: { name },
    });
    await delivered(frId);
    const [frMail] = received('escape-fr@example.com');
    assert.equal(frMail.parsed.text!.trim(), `Bonjour ${name}, texte écrit à la main.`);
  });

  it('never lets CR or LF from data reach a header', async () => {
    const { id } = await mailer().send({
      template: 'welcome',
      to: 'crlf@example.com',
      data: { name: 'Eve\r\nBcc: victim@example.com\r\nX-Injected: yes', plan: { name: 'x' } },
    });
    await delivered(id);
    const [mail] = received('crlf@example.com');

    assert.deepEqual(mail.envelope.to, ['crlf@example.com']);
    assert.equal(mail.parsed.headers.get('x-injected'), undefined);
    assert.equal(mail.parsed.headers.get('bcc'), undefined);
    assert.equal(mail.parsed.subject, 'Welcome, Eve Bcc: victim@example.com X-Injected: yes');
    assert.equal(received('victim@example.com').length, 0);
  });

  it('uses the requested locale, and falls back to the default locale when it has none', async () => {
    const fr = await mailer().send({
      template: 'welcome',
      locale: 'fr',
      to: 'fr@example.com',
      data: { name: 'Zoé' },
    });
    const fallback = await mailer().send({
      template: 'only-english',
      locale: 'fr',
      to: 'fallback@example.com',
      data: { name: 'Zoé' },
    });

    assert.equal((await delivered(fr.id)).locale, 'fr');
    assert.equal((await delivered(fallback.id)).locale, 'en');
    assert.equal(received('fr@example.com')[0].parsed.subject, 'Bienvenue, Zoé');
    assert.equal(received('fallback@example.com')[0].parsed.subject, 'English only');
  });

  it('renders a missing variable empty when render.strict is off', async () => {
    const { id } = await mailer().send({
      template: 'welcome',
      to: 'missing@example.com',
      data: {},
    });
    await delivered(id);
    const [mail] = received('missing@example.com');

    assert.equal(mail.parsed.subject, 'Welcome,');
    assert.match(mail.parsed.html as string, /<h1>Welcome, !<\/h1>/);
  });

  it('refuses a missing variable by name in strict mode', async () => {
    const templates = strapi.plugin('mailroom').service('templates');
    const template = await templates.resolve('welcome', 'en');
    const renderer = strapi.plugin('mailroom').service('renderer');
    const { toRenderSource } = await import('../server/src/services/templates');

    assert.throws(
      () => renderer.render(toRenderSource(template), { name: 'Ada', url: 'x' }, { strict: true }),
      (error: Error & { details?: { code: string; variable: string } }) => {
        assert.equal(error.name, 'ValidationError');
        assert.equal(error.details?.code, 'MISSING_VARIABLE');
        assert.equal(error.details?.variable, 'plan.name');
        return true;
      }
    );
  });

  it('renders a template for previews through the templates service', async () => {
    const rendered = await strapi
      .plugin('mailroom')
      .service('templates')
      .render('welcome', {
        data: { name: 'Ada', plan: { name: 'Pro' }, url: 'https://x.test' },
        locale: 'en',
      });

    assert.equal(rendered.subject, 'Welcome, Ada');
    assert.match(rendered.html, /<h1>Welcome, Ada!<\/h1>/);
    assert.match(rendered.text, /Welcome, Ada!/);
    assert.doesNotMatch(
      rendered.text,
      /Glad to have you/,
      'the hidden preheader stays out of the text'
    );
  });

  it('sends a message without a template', async () => {
    const { id } = await mailer().send({
      to: ['one@example.com', { name: 'Two', address: 'two@example.com' }],
      cc: 'cc@example.com',
      bcc: 'bcc@example.com',
      replyTo: 'support@example.com',
      from: 'Shop <shop@example.com>',
      subject: 'Your receipt',
      html: '<p>Total: <b>42 €</b></p>',
      attachments: [{ filename: 'receipt.txt', content: 'Total: 42 EUR' }],
    });
    const row = await delivered(id);
    assert.equal(row.status, 'sent');

    const [mail] = received('one@example.com');
    assert.deepEqual([...mail.envelope.to].sort(), [
      'bcc@example.com',
      'cc@example.com',
      'one@example.com',
      'two@example.com',
    ]);
    assert.equal(mail.parsed.headers.get('bcc'), undefined, 'Bcc stays out of the headers');
    assert.equal(mail.parsed.replyTo!.text, 'support@example.com');
    assert.equal(mail.parsed.from!.text, '"Shop" <shop@example.com>');
    assert.match(mail.parsed.text!, /Total: 42 €/);
    assert.equal(mail.parsed.attachments[0].filename, 'receipt.txt');
    assert.equal(mail.parsed.attachments[0].content.toString(), 'Total: 42 EUR');
  });

  it('never sends twice for the same idempotency key', async () => {
    const input = {
      template: 'welcome',
      to: 'once@example.com',
      data: { name: 'Once', plan: { name: 'x' } },
      idempotencyKey: 'order-1001-confirmation',
    };
    const results = await Promise.all([
      mailer().send(input),
      mailer().send(input),
      mailer().send(input),
    ]);
    const again = await mailer().send(input);

    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    assert.equal(again.id, results[0].id);
    await delivered(results[0].id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(received('once@example.com').length, 1);
    assert.equal(
      await strapi.db.query(MESSAGE_UID).count({ where: { idempotencyKey: input.idempotencyKey } }),
      1
    );
  });

  const badInputs: [string, Record<string, unknown>, string, string?][] = [
    ['no recipient', { template: 'welcome' }, 'INVALID_ADDRESS'],
    ['a malformed address', { template: 'welcome', to: 'not-an-address' }, 'INVALID_ADDRESS'],
    [
      'an address with a line break',
      { template: 'welcome', to: 'a@b.com\r\nBcc: c@d.com' },
      'INVALID_ADDRESS',
    ],
    [
      'a malformed cc',
      { template: 'welcome', to: 'a@example.com', cc: ['ok@example.com', 'nope'] },
      'INVALID_ADDRESS',
    ],
    ['neither template nor subject', { to: 'a@example.com', html: '<p>x</p>' }, 'MISSING_CONTENT'],
    ['a subject without a body', { to: 'a@example.com', subject: 'Hi' }, 'MISSING_CONTENT'],
    [
      'an unknown priority',
      { to: 'a@example.com', subject: 'Hi', text: 'x', priority: 'urgent' },
      'INVALID_INPUT',
    ],
    [
      'a header with a line break',
      { to: 'a@example.com', subject: 'Hi', text: 'x', headers: { 'X-A': 'b\r\nBcc: c@d.com' } },
      'INVALID_HEADER',
    ],
    [
      'a reserved header',
      { to: 'a@example.com', subject: 'Hi', text: 'x', headers: { Subject: 'x' } },
      'INVALID_HEADER',
    ],
    [
      'too many recipients',
      { to: Array.from({ length: 51 }, (_, i) => `r${i}@example.com`), subject: 'Hi', text: 'x' },
      'TOO_MANY_RECIPIENTS',
    ],
    [
      'an oversized body',
      { to: 'a@example.com', subject: 'Hi', html: 'x'.repeat(2 * 1024 * 1024 + 1) },
      'TOO_LARGE',
    ],
    [
      'an attachment read from a path',
      {
        to: 'a@example.com',
        subject: 'Hi',
        text: 'x',
        attachments: [{ filename: 'p', path: '/etc/passwd' }],
      },
      'INVALID_ATTACHMENT',
    ],
    [
      'an unknown relay',
      { to: 'a@example.com', subject: 'Hi', text: 'x', relays: ['nope'] },
      'UNKNOWN_RELAY',
    ],
    [
      'data that is not an object',
      { template: 'welcome', to: 'a@example.com', data: 'x' },
      'INVALID_INPUT',
    ],
    [
      'an unknown template',
      { template: 'no-such-template', to: 'a@example.com' },
      'TEMPLATE_NOT_FOUND',
      'NotFoundError',
    ],
  ];

  for (const [what, input, code, name = 'ValidationError'] of badInputs) {
    it(`refuses ${what} with ${code} and stores nothing`, async () => {
      const before = await strapi.db.query(MESSAGE_UID).count();
      await assert.rejects(
        mailer().send(input as never),
        (error: Error & { details?: { code?: string } }) => {
          assert.equal(error.name, name);
          assert.equal(error.details?.code, code);
          assert.ok(error.message.length > 10, 'the message says what is wrong');
          return true;
        }
      );
      assert.equal(await strapi.db.query(MESSAGE_UID).count(), before);
    });
  }
});
