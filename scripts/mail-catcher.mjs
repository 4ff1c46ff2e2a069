#!/usr/bin/env node
/**
 * A local SMTP relay that accepts every message and shows it in a web inbox. The demo runs two of
 * them (primary and fallback) so that failover can be watched; tests import `startMailCatcher`.
 *
 *   node scripts/mail-catcher.mjs --name primary --smtp 2525 --web 1080 [--host 127.0.0.1]
 *
 * Web routes: `/` (inbox), `/messages/:id` (one message), `/messages/:id/html` (its HTML part,
 * sandboxed), `/messages/:id.eml` (raw source); JSON: `GET /api/messages`, `GET /api/messages/:id`,
 * `DELETE /api/messages`, `DELETE /api/messages/:id`.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mailparser from 'mailparser';
import smtpServer from 'smtp-server';

const { simpleParser } = mailparser;
const { SMTPServer } = smtpServer;

const DEFAULT_MAX_MESSAGES = 500;
const MAX_MESSAGE_SIZE = 25 * 1024 * 1024;

// The inbox pages run no script and load nothing from elsewhere; frames only from this origin.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'";
// A caught email is untrusted: the `sandbox` directive gives it an opaque origin and no scripts,
// forms or navigation, even when the frame URL is opened directly in a tab.
const EMAIL_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; font-src data: http: https:";

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]
  );

const addressesOf = (field) =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((entry) => entry.value ?? [])
    .flatMap((mailbox) => (mailbox.group ? mailbox.group : [mailbox]))
    .map((mailbox) => mailbox.address)
    .filter(Boolean);

const textOf = (field) =>
  (Array.isArray(field) ? field : field ? [field] : []).map((entry) => entry.text).join(', ');

/** Turns what the SMTP session and the parser saw into the record the inbox keeps. */
const toRecord = (id, session, raw, parsed) => {
  const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
  const headerTo = addressesOf(parsed.to);
  return {
    id,
    receivedAt: new Date().toISOString(),
    envelope: {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: envelopeTo,
    },
    from: textOf(parsed.from) || (session.envelope.mailFrom?.address ?? ''),
    to: headerTo.length ? headerTo : envelopeTo,
    cc: addressesOf(parsed.cc),
    replyTo: textOf(parsed.replyTo),
    subject: parsed.subject ?? '',
    date: parsed.date ? parsed.date.toISOString() : null,
    messageId: parsed.messageId ?? null,
    headers: parsed.headerLines.map(({ key, line }) => ({
      key,
      value: line.slice(line.indexOf(':') + 1).trim(),
    })),
    text: parsed.text ?? null,
    html: typeof parsed.html === 'string' ? parsed.html : null,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType,
      size: attachment.size,
    })),
    size: raw.length,
    raw,
  };
};

const summaryOf = ({ id, receivedAt, envelope, from, to, cc, subject, size, attachments }) => ({
  id,
  receivedAt,
  envelope,
  from,
  to,
  cc,
  subject,
  size,
  attachments: attachments.length,
});

const detailOf = ({ raw, ...message }) => message;

const layout = (title, body) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #32324d; background: #f6f6f9; }
  header { display: flex; align-items: center; gap: 16px; padding: 12px 24px; background: #212134; color: #fff; }
  header a { color: #fff; text-decoration: none; font-weight: 600; }
  header form { margin-left: auto; }
  main { max-width: 1100px; margin: 24px auto; padding: 0 24px; }
  table { width: 100%; border-collapse: collapse; background: #fff; border-radius: 4px; box-shadow: 0 1px 4px rgba(33, 33, 52, 0.1); }
  th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid #eaeaef; vertical-align: top; }
  th { font-size: 12px; text-transform: uppercase; color: #666687; }
  td a { color: #4945ff; text-decoration: none; }
  .empty { padding: 48px; text-align: center; color: #666687; background: #fff; border-radius: 4px; }
  .muted { color: #666687; }
  .headers td:first-child { white-space: nowrap; color: #666687; width: 1%; }
  .headers td { word-break: break-all; font-family: ui-monospace, monospace; font-size: 12px; }
  h1 { font-size: 20px; margin: 0 0 16px; word-break: break-word; }
  h2 { font-size: 16px; margin: 24px 0 8px; }
  iframe { width: 100%; height: 600px; border: 1px solid #dcdce4; border-radius: 4px; background: #fff; }
  pre { white-space: pre-wrap; word-break: break-word; background: #fff; padding: 12px; border: 1px solid #dcdce4; border-radius: 4px; }
  button { font: inherit; padding: 4px 12px; border-radius: 4px; border: 1px solid #dcdce4; background: #fff; cursor: pointer; }
</style>
</head>
<body>
${body}
</body>
</html>
`;

const formatTime = (iso) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

const inboxPage = (name, messages) => {
  const rows = messages
    .map(
      (message) => `<tr>
  <td>${escapeHtml(message.from)}</td>
  <td>${escapeHtml(message.to.join(', '))}</td>
  <td><a href="/messages/${encodeURIComponent(message.id)}">${escapeHtml(message.subject || '(no subject)')}</a></td>
  <td class="muted"><time datetime="${escapeHtml(message.receivedAt)}">${escapeHtml(formatTime(message.receivedAt))}</time></td>
</tr>`
    )
    .join('\n');
  const content = messages.length
    ? `<table>
<thead><tr><th>From</th><th>To</th><th>Subject</th><th>Received</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p class="empty">No messages yet. Anything sent to this relay shows up here; reload the page to see it.</p>';
  return layout(
    `${name} inbox (${messages.length})`,
    `<header>
  <a href="/">${escapeHtml(name)} inbox</a>
  <span class="muted">${messages.length} message${messages.length === 1 ? '' : 's'}</span>
  <form method="post" action="/clear"><button type="submit">Delete all</button></form>
</header>
<main>
${content}
</main>`
  );
};

const messagePage = (name, message) => {
  const id = encodeURIComponent(message.id);
  const headerRows = message.headers
    .map(({ key, value }) => `<tr><td>${escapeHtml(key)}</td><td>${escapeHtml(value)}</td></tr>`)
    .join('\n');
  const attachments = message.attachments.length
    ? `<h2>Attachments</h2><ul>${message.attachments
        .map(
          (attachment) =>
            `<li>${escapeHtml(attachment.filename ?? '(unnamed)')} <span class="muted">${escapeHtml(attachment.contentType)}, ${attachment.size} bytes</span></li>`
        )
        .join('')}</ul>`
    : '';
  const html = message.html
    ? `<h2>HTML</h2>
<iframe sandbox src="/messages/${id}/html" title="HTML part" referrerpolicy="no-referrer"></iframe>`
    : '';
  const text = message.text ? `<h2>Text</h2><pre>${escapeHtml(message.text)}</pre>` : '';
  return layout(
    message.subject || '(no subject)',
    `<header>
  <a href="/">&larr; ${escapeHtml(name)} inbox</a>
  <a href="/messages/${id}.eml" download>Download .eml</a>
</header>
<main>
<h1>${escapeHtml(message.subject || '(no subject)')}</h1>
<table class="headers">
<tr><td>Envelope from</td><td>${escapeHtml(message.envelope.from)}</td></tr>
<tr><td>Envelope to</td><td>${escapeHtml(message.envelope.to.join(', '))}</td></tr>
<tr><td>Received</td><td>${escapeHtml(formatTime(message.receivedAt))}</td></tr>
${headerRows}
</table>
${html}
${text}
${attachments}
${!html && !text ? '<p class="muted">This message has no body.</p>' : ''}
</main>`
  );
};

const send = (res, status, type, body, headers = {}) => {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
};

const sendJson = (res, status, value) =>
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value, null, 2)}\n`);

const sendPage = (res, status, html) =>
  send(res, status, 'text/html; charset=utf-8', html, {
    'Content-Security-Policy': PAGE_CSP,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  });

const notFound = (res, pathname) =>
  pathname.startsWith('/api/')
    ? sendJson(res, 404, { error: 'not found' })
    : sendPage(
        res,
        404,
        layout('Not found', '<main><p>Not found. <a href="/">Back to the inbox</a></p></main>')
      );

/** Listens on `port` and resolves with the real port, or rejects with a message naming it. */
const listen = async (server, errorSource, port, host, label) => {
  const failed = once(errorSource, 'error').then(([error]) => {
    throw error;
  });
  server.listen(port, host);
  try {
    await Promise.race([once(server, 'listening'), failed]);
  } catch (error) {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${port} is already in use`
        : error.code === 'EACCES'
          ? `no permission to listen on port ${port}`
          : error.message;
    const wrapped = new Error(`${label}: cannot listen on ${host}:${port}: ${reason}`, {
      cause: error,
    });
    wrapped.code = error.code;
    wrapped.port = port;
    throw wrapped;
  }
  failed.catch(() => undefined);
  return server.address().port;
};

/**
 * Starts one catcher: an SMTP server that accepts any message (any login, no TLS) and a web inbox
 * showing the newest `maxMessages`. Port 0 picks a free port; the result reports the real ones.
 *
 * @param {object} options
 * @param {string} [options.name] shown in the inbox and in errors, e.g. 'primary'
 * @param {number} [options.smtpPort] 0 for any free port
 * @param {number} [options.webPort] 0 for any free port
 * @param {string} [options.host] interface for both servers, 127.0.0.1 unless told
 * @param {number} [options.maxMessages] older messages are dropped past this many
 * @param {(message: object) => void} [options.onMessage] called with each caught message
 */
export const startMailCatcher = async ({
  name = 'mail',
  smtpPort = 2525,
  webPort = 1080,
  host = '127.0.0.1',
  maxMessages = DEFAULT_MAX_MESSAGES,
  onMessage,
} = {}) => {
  const messages = [];
  let nextId = 1;
  const waiters = new Set();

  const smtp = new SMTPServer({
    name: `${name}.mail-catcher.local`,
    banner: `Mailroom demo catcher '${name}'`,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_SIZE,
    logger: false,
    // Pooled clients (Strapi's relays) keep idle connections open; do not wait 30 s for them.
    closeTimeout: 500,
    onAuth: (auth, session, callback) => callback(null, { user: auth.username }),
    onData: (stream, session, callback) => {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        if (stream.sizeExceeded) {
          const error = new Error(`Message exceeds ${MAX_MESSAGE_SIZE} bytes`);
          error.responseCode = 552;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks);
        let parsed;
        try {
          parsed = await simpleParser(raw);
        } catch (error) {
          const refusal = new Error(`Cannot parse the message: ${error.message}`);
          refusal.responseCode = 554;
          callback(refusal);
          return;
        }
        const message = toRecord(String(nextId++), session, raw, parsed);
        messages.unshift(message);
        if (messages.length > maxMessages) messages.length = maxMessages;
        callback(null, `Ok: caught as ${message.id}`);
        for (const waiter of waiters) waiter();
        onMessage?.(message);
      });
    },
  });
  // Client hang-ups and protocol errors are the client's business; they must not crash the catcher.
  smtp.on('error', () => undefined);

  const findMessage = (id) => messages.find((message) => message.id === id);

  const web = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://catcher.local');
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    let match;

    if (method === 'GET' && pathname === '/') return sendPage(res, 200, inboxPage(name, messages));

    if (method === 'POST' && pathname === '/clear') {
      messages.length = 0;
      return send(res, 303, 'text/plain; charset=utf-8', 'Deleted\n', { Location: '/' });
    }

    if ((match = /^\/messages\/([^/]+)\.eml$/.exec(pathname)) && method === 'GET') {
      const message = findMessage(decodeURIComponent(match[1]));
      if (!message) return notFound(res, pathname);
      return send(res, 200, 'message/rfc822', message.raw, {
        'Content-Disposition': `attachment; filename="message-${message.id}.eml"`,
      });
    }

    if ((match = /^\/messages\/([^/]+)\/html$/.exec(pathname)) && method === 'GET') {
      const message = findMessage(decodeURIComponent(match[1]));
      if (!message?.html) return notFound(res, pathname);
      return send(res, 200, 'text/html; charset=utf-8', message.html, {
        'Content-Security-Policy': EMAIL_CSP,
        'Referrer-Policy': 'no-referrer',
      });
    }

    if ((match = /^\/messages\/([^/]+)$/.exec(pathname)) && method === 'GET') {
      const message = findMessage(decodeURIComponent(match[1]));
      if (!message) return notFound(res, pathname);
      return sendPage(res, 200, messagePage(name, message));
    }

    if (pathname === '/api/messages') {
      if (method === 'GET') return sendJson(res, 200, messages.map(summaryOf));
      if (method === 'DELETE') {
        const deleted = messages.length;
        messages.length = 0;
        return sendJson(res, 200, { deleted });
      }
      return sendJson(res, 405, { error: 'use GET or DELETE' });
    }

    if ((match = /^\/api\/messages\/([^/]+)$/.exec(pathname))) {
      const index = messages.findIndex((message) => message.id === decodeURIComponent(match[1]));
      if (index === -1) return notFound(res, pathname);
      if (method === 'GET') return sendJson(res, 200, detailOf(messages[index]));
      if (method === 'DELETE') {
        messages.splice(index, 1);
        return sendJson(res, 200, { deleted: 1 });
      }
      return sendJson(res, 405, { error: 'use GET or DELETE' });
    }

    return notFound(res, pathname);
  });

  const closeWeb = () =>
    new Promise((resolve) => {
      web.close(() => resolve());
      web.closeAllConnections();
    });
  const closeSmtp = () => new Promise((resolve) => smtp.close(() => resolve()));

  const realSmtpPort = await listen(smtp.server, smtp, smtpPort, host, `${name} SMTP`);
  let realWebPort;
  try {
    realWebPort = await listen(web, web, webPort, host, `${name} web inbox`);
  } catch (error) {
    await closeSmtp();
    throw error;
  }

  const browsable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  let stopped;
  return {
    name,
    host,
    smtpPort: realSmtpPort,
    webPort: realWebPort,
    webUrl: `http://${browsable}:${realWebPort}`,
    /** The caught messages, newest first (the live array; do not modify it). */
    get messages() {
      return messages;
    },
    /** Resolves once at least `count` messages are held, or rejects after `timeout` ms. */
    waitForMessages(count, timeout = 15_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const waiter = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${name}: expected ${count} message(s), got ${messages.length}`));
        }, timeout);
        waiters.add(waiter);
      });
    },
    /** Closes both servers, dropping open connections; safe to call more than once. */
    stop() {
      stopped ??= Promise.all([closeSmtp(), closeWeb()]).then(() => undefined);
      return stopped;
    },
  };
};

const runCli = async () => {
  const { values } = parseArgs({
    options: {
      name: { type: 'string', default: 'mail' },
      smtp: { type: 'string', default: '2525' },
      web: { type: 'string', default: '1080' },
      host: { type: 'string', default: '127.0.0.1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: node scripts/mail-catcher.mjs [--name primary] [--smtp 2525] [--web 1080] [--host 127.0.0.1]'
    );
    return;
  }
  const toPort = (value, flag) => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`--${flag} must be a port number between 0 and 65535, got '${value}'`);
    }
    return port;
  };
  const catcher = await startMailCatcher({
    name: values.name,
    smtpPort: toPort(values.smtp, 'smtp'),
    webPort: toPort(values.web, 'web'),
    host: values.host,
    onMessage: (message) =>
      console.log(
        `[${values.name}] caught "${message.subject}" for ${message.to.join(', ')}: ${catcher.webUrl}/messages/${message.id}`
      ),
  });
  console.log(
    `[${values.name}] SMTP on ${catcher.host}:${catcher.smtpPort}, inbox at ${catcher.webUrl} (Ctrl+C to stop)`
  );
  const shutdown = async () => {
    await catcher.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli().catch((error) => {
    console.error(`mail-catcher: ${error.message}`);
    if (error.code === 'EADDRINUSE') console.error('Pick other ports with --smtp and --web.');
    process.exit(1);
  });
}
