import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import nodemailer from 'nodemailer';

// The catcher is a plain ES module shared with `npm run demo`; it ships no type declarations.
// @ts-expect-error no declaration file for an .mjs script
import { startMailCatcher } from '../scripts/mail-catcher.mjs';

interface MessageSummary {
  id: string;
  from: string;
  to: string[];
  subject: string;
  attachments: number;
}

interface MessageDetail extends MessageSummary {
  envelope: { from: string; to: string[] };
  headers: { key: string; value: string }[];
  text: string | null;
  html: string | null;
}

describe('mail catcher', () => {
  let catcher: {
    smtpPort: number;
    webPort: number;
    webUrl: string;
    waitForMessages(count: number): Promise<unknown>;
    stop(): Promise<void>;
  };
  const hostileSubject = '<script>alert(1)</script>';

  const getJson = async <T>(route: string): Promise<T> => {
    const response = await fetch(`${catcher.webUrl}${route}`);
    assert.equal(response.status, 200);
    return (await response.json()) as T;
  };

  const sendMail = (options: nodemailer.SendMailOptions) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: catcher.smtpPort, secure: false })
      .sendMail({ from: 'Mailroom <hello@mailroom.test>', to: 'ada@example.com', ...options });

  before(async () => {
    catcher = await startMailCatcher({ name: 'test', smtpPort: 0, webPort: 0 });
  });

  after(async () => {
    await catcher.stop();
  });

  it('reports the ports it really listens on when asked for port 0', () => {
    assert.ok(catcher.smtpPort > 0);
    assert.ok(catcher.webPort > 0);
    assert.notEqual(catcher.smtpPort, catcher.webPort);
    assert.equal(catcher.webUrl, `http://127.0.0.1:${catcher.webPort}`);
  });

  it('lists a caught multipart message and returns its parts', async () => {
    await sendMail({
      subject: 'Welcome to Acme, Ada!',
      text: 'Your account is ready.',
      html: '<h1>Welcome, Ada!</h1>',
      attachments: [{ filename: 'terms.txt', content: 'Be nice.' }],
    });
    await catcher.waitForMessages(1);

    const list = await getJson<MessageSummary[]>('/api/messages');
    assert.equal(list.length, 1);
    assert.equal(list[0].subject, 'Welcome to Acme, Ada!');
    assert.deepEqual(list[0].to, ['ada@example.com']);
    assert.equal(list[0].attachments, 1);

    const message = await getJson<MessageDetail>(`/api/messages/${list[0].id}`);
    assert.deepEqual(message.envelope, { from: 'hello@mailroom.test', to: ['ada@example.com'] });
    assert.equal(message.text?.trim(), 'Your account is ready.');
    assert.equal(message.html, '<h1>Welcome, Ada!</h1>');
    assert.ok(message.headers.some(({ key }) => key === 'message-id'));

    const raw = await fetch(`${catcher.webUrl}/messages/${list[0].id}.eml`);
    assert.equal(raw.headers.get('content-type'), 'message/rfc822');
    assert.match(await raw.text(), /^Subject: Welcome to Acme, Ada!$/m);
  });

  it('lists the newest message first', async () => {
    await sendMail({ subject: 'Second', text: 'Two' });
    await catcher.waitForMessages(2);

    const list = await getJson<MessageSummary[]>('/api/messages');
    assert.deepEqual(
      list.map(({ subject }) => subject),
      ['Second', 'Welcome to Acme, Ada!']
    );
  });

  it('escapes what it renders and sandboxes the HTML part', async () => {
    await sendMail({ subject: hostileSubject, html: '<p>hi</p><script>alert(2)</script>' });
    await catcher.waitForMessages(3);
    const [newest] = await getJson<MessageSummary[]>('/api/messages');

    for (const route of ['/', `/messages/${newest.id}`]) {
      const page = await (await fetch(`${catcher.webUrl}${route}`)).text();
      assert.ok(!page.includes(hostileSubject), `${route} contains the raw subject`);
      assert.ok(
        page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'),
        `${route} lacks the subject`
      );
    }

    const detail = await (await fetch(`${catcher.webUrl}/messages/${newest.id}`)).text();
    assert.match(detail, /<iframe sandbox /);
    const part = await fetch(`${catcher.webUrl}/messages/${newest.id}/html`);
    assert.match(part.headers.get('content-security-policy') ?? '', /^sandbox;/);
  });

  it('deletes every message', async () => {
    const response = await fetch(`${catcher.webUrl}/api/messages`, { method: 'DELETE' });
    assert.deepEqual(await response.json(), { deleted: 3 });
    assert.deepEqual(await getJson<MessageSummary[]>('/api/messages'), []);
  });
});
