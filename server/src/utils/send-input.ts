import addressparser from 'nodemailer/lib/addressparser';
import { errors } from '@strapi/utils';

import type { MailroomConfig, Priority } from '../config/types';
import { hasLineBreak } from './headers';

export const PRIORITIES: Priority[] = ['critical', 'transactional', 'bulk'];
export const PRIORITY_RANK: Record<Priority, number> = { critical: 0, transactional: 1, bulk: 2 };

export type AddressInput = string | { name?: string; address: string };

export interface AttachmentInput {
  filename: string;
  content: string | Buffer | Uint8Array;
  contentType?: string;
  encoding?: 'base64' | 'utf8' | 'utf-8';
  cid?: string;
}

/** What `mailer.send()` accepts. Either `template` or `subject` with `html`/`text`. */
export interface SendInput {
  template?: string;
  data?: Record<string, unknown>;
  locale?: string;
  to: AddressInput | AddressInput[];
  cc?: AddressInput | AddressInput[];
  bcc?: AddressInput | AddressInput[];
  from?: AddressInput;
  replyTo?: AddressInput;
  subject?: string;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
  attachments?: AttachmentInput[];
  priority?: Priority;
  category?: string;
  relays?: string[];
  idempotencyKey?: string;
  /** Counts this send against `sendLimit` for this key (a user id, a client IP…). */
  rateLimitKey?: string;
}

export interface StoredAttachment {
  filename: string;
  contentType?: string;
  cid?: string;
  /** The bytes, base64-encoded, so that a queued message survives a restart whole. */
  content: string;
  size: number;
}

/** A mailbox as nodemailer takes it. */
export interface Mailbox {
  name: string;
  address: string;
}

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$|^[^\s@<>()[\]\\,;:"]+@localhost$/i;
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const RESERVED_HEADERS = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'subject',
  'reply-to',
  'message-id',
  'date',
  'content-type',
  'content-transfer-encoding',
  'mime-version',
]);

const invalid = (message: string, details: Record<string, unknown>): never => {
  throw new errors.ValidationError(message, details);
};

const describe = (value: unknown) => {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
  return text && text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** Parses one or more addresses and rejects anything that is not a plain, valid mailbox. */
export const parseMailboxes = (value: unknown, field: string): Mailbox[] => {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : [value];
  const mailboxes: Mailbox[] = [];
  for (const item of items) {
    if (typeof item === 'object' && item !== null && 'address' in item) {
      const { name = '', address } = item as { name?: unknown; address?: unknown };
      if (typeof address !== 'string' || typeof name !== 'string') {
        invalid(`${field}: ${describe(item)} is not an address`, {
          code: 'INVALID_ADDRESS',
          field,
        });
      }
      mailboxes.push(
        ...parseMailboxes(
          name ? `"${String(name).replace(/"/g, '')}" <${address}>` : address,
          field
        )
      );
      continue;
    }
    if (typeof item !== 'string') {
      invalid(`${field}: ${describe(item)} is not an address`, { code: 'INVALID_ADDRESS', field });
    }
    const text = item as string;
    if (hasLineBreak(text)) {
      invalid(`${field}: addresses cannot contain line breaks`, { code: 'INVALID_ADDRESS', field });
    }
    const parsed = addressparser(text, { flatten: true }) as { name: string; address: string }[];
    if (parsed.length === 0) {
      invalid(`${field}: ${describe(text)} is not an email address`, {
        code: 'INVALID_ADDRESS',
        field,
      });
    }
    for (const { name, address } of parsed) {
      if (!address || !EMAIL.test(address)) {
        invalid(`${field}: ${describe(address || text)} is not an email address`, {
          code: 'INVALID_ADDRESS',
          field,
          value: address || text,
        });
      }
      mailboxes.push({ name: name ?? '', address: address.toLowerCase() });
    }
  }
  return mailboxes;
};

export const formatMailbox = ({ name, address }: Mailbox) =>
  name ? `"${name.replace(/["\\]/g, '')}" <${address}>` : address;

const byteLength = (value: string) => Buffer.byteLength(value, 'utf8');

/** Checks custom headers: plain names, no line breaks, nothing Mailroom sets itself. */
export const checkHeaders = (headers: unknown): Record<string, string> | undefined => {
  if (headers === undefined || headers === null) return undefined;
  if (typeof headers !== 'object' || Array.isArray(headers)) {
    return invalid('headers must be an object of header names to string values', {
      code: 'INVALID_HEADER',
    });
  }
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (!HEADER_NAME.test(name)) {
      invalid(`headers: ${describe(name)} is not a valid header name`, {
        code: 'INVALID_HEADER',
        header: name,
      });
    }
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      invalid(`headers: '${name}' is set by Mailroom; use the matching send() option instead`, {
        code: 'INVALID_HEADER',
        header: name,
      });
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      invalid(`headers: '${name}' must be a string`, { code: 'INVALID_HEADER', header: name });
    }
    if (hasLineBreak(String(value))) {
      invalid(`headers: '${name}' cannot contain line breaks`, {
        code: 'INVALID_HEADER',
        header: name,
      });
    }
    checked[name] = String(value);
  }
  return checked;
};

/** Turns attachments into stored form (base64 bytes) and enforces the size limit. */
export const checkAttachments = (
  attachments: unknown,
  limits: MailroomConfig['limits']
): StoredAttachment[] => {
  if (attachments === undefined || attachments === null) return [];
  if (!Array.isArray(attachments)) {
    return invalid('attachments must be an array', { code: 'INVALID_ATTACHMENT' });
  }
  let total = 0;
  const stored = attachments.map((item: unknown, index: number) => {
    const at = `attachments[${index}]`;
    if (typeof item !== 'object' || item === null) {
      return invalid(`${at} must be an object with filename and content`, {
        code: 'INVALID_ATTACHMENT',
        index,
      });
    }
    const attachment = item as Record<string, unknown>;
    if ('path' in attachment || 'href' in attachment) {
      invalid(`${at}: pass the bytes as 'content'; 'path' and 'href' are not read`, {
        code: 'INVALID_ATTACHMENT',
        index,
      });
    }
    const { filename, content, contentType, encoding, cid } = attachment;
    if (typeof filename !== 'string' || !filename || hasLineBreak(filename)) {
      invalid(`${at}: filename is required, on one line`, { code: 'INVALID_ATTACHMENT', index });
    }
    for (const [key, value] of Object.entries({ contentType, cid })) {
      if (value !== undefined && (typeof value !== 'string' || hasLineBreak(value))) {
        invalid(`${at}: ${key} must be a string on one line`, {
          code: 'INVALID_ATTACHMENT',
          index,
        });
      }
    }
    let bytes: Buffer;
    if (Buffer.isBuffer(content) || content instanceof Uint8Array) bytes = Buffer.from(content);
    else if (typeof content === 'string') {
      bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
    } else {
      return invalid(`${at}: content must be a string or a Buffer`, {
        code: 'INVALID_ATTACHMENT',
        index,
      });
    }
    total += bytes.length;
    return {
      filename: filename as string,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      cid: typeof cid === 'string' ? cid : undefined,
      content: bytes.toString('base64'),
      size: bytes.length,
    };
  });
  if (total > limits.maxAttachmentsBytes) {
    invalid(
      `attachments add up to ${total} bytes; the limit is ${limits.maxAttachmentsBytes} (limits.maxAttachmentsBytes)`,
      { code: 'TOO_LARGE', field: 'attachments', size: total, limit: limits.maxAttachmentsBytes }
    );
  }
  return stored;
};

/** Checks everything about `send()` input that does not need the database. */
export const checkSendInput = (input: unknown, config: MailroomConfig) => {
  if (typeof input !== 'object' || input === null) {
    return invalid('send() takes an object: { template, to, data } or { to, subject, html }', {
      code: 'INVALID_INPUT',
    });
  }
  const options = input as SendInput;
  const { limits } = config;

  const to = parseMailboxes(options.to, 'to');
  const cc = parseMailboxes(options.cc, 'cc');
  const bcc = parseMailboxes(options.bcc, 'bcc');
  if (to.length === 0)
    invalid('to: at least one recipient is required', { code: 'INVALID_ADDRESS', field: 'to' });
  const recipients = to.length + cc.length + bcc.length;
  if (recipients > limits.maxRecipients) {
    invalid(
      `a message may have at most ${limits.maxRecipients} recipients (limits.maxRecipients); this one has ${recipients}`,
      { code: 'TOO_MANY_RECIPIENTS', count: recipients, limit: limits.maxRecipients }
    );
  }
  const from = parseMailboxes(options.from, 'from');
  const replyTo = parseMailboxes(options.replyTo, 'replyTo');
  if (from.length > 1)
    invalid('from: exactly one sender is allowed', { code: 'INVALID_ADDRESS', field: 'from' });

  if (
    options.template !== undefined &&
    (typeof options.template !== 'string' || !options.template)
  ) {
    invalid('template must be a template slug', { code: 'INVALID_INPUT', field: 'template' });
  }
  if (!options.template) {
    if (typeof options.subject !== 'string' || !options.subject.trim()) {
      invalid('subject is required when no template is given', {
        code: 'MISSING_CONTENT',
        field: 'subject',
      });
    }
    if (typeof options.html !== 'string' && typeof options.text !== 'string') {
      invalid('html or text is required when no template is given', {
        code: 'MISSING_CONTENT',
        field: 'html',
      });
    }
  }
  if (
    options.data !== undefined &&
    (typeof options.data !== 'object' || options.data === null || Array.isArray(options.data))
  ) {
    invalid('data must be an object', { code: 'INVALID_INPUT', field: 'data' });
  }
  if (options.data) {
    const size = byteLength(JSON.stringify(options.data));
    if (size > limits.maxDataBytes) {
      invalid(`data is ${size} bytes; the limit is ${limits.maxDataBytes} (limits.maxDataBytes)`, {
        code: 'TOO_LARGE',
        field: 'data',
        size,
        limit: limits.maxDataBytes,
      });
    }
  }
  if (
    options.locale !== undefined &&
    (typeof options.locale !== 'string' || !/^[A-Za-z0-9-]{2,20}$/.test(options.locale))
  ) {
    invalid(`locale ${describe(options.locale)} is not a locale code`, {
      code: 'INVALID_INPUT',
      field: 'locale',
    });
  }
  const priority = options.priority ?? 'transactional';
  if (!PRIORITIES.includes(priority)) {
    invalid(`priority must be one of ${PRIORITIES.join(', ')}, got ${describe(priority)}`, {
      code: 'INVALID_INPUT',
      field: 'priority',
    });
  }
  if (
    options.idempotencyKey !== undefined &&
    (typeof options.idempotencyKey !== 'string' ||
      !options.idempotencyKey ||
      options.idempotencyKey.length > 255)
  ) {
    invalid('idempotencyKey must be a string of 1 to 255 characters', {
      code: 'INVALID_INPUT',
      field: 'idempotencyKey',
    });
  }
  if (
    options.category !== undefined &&
    (typeof options.category !== 'string' || options.category.length > 100)
  ) {
    invalid('category must be a string of at most 100 characters', {
      code: 'INVALID_INPUT',
      field: 'category',
    });
  }
  if (
    options.rateLimitKey !== undefined &&
    (typeof options.rateLimitKey !== 'string' ||
      !options.rateLimitKey ||
      options.rateLimitKey.length > 255)
  ) {
    invalid('rateLimitKey must be a string of 1 to 255 characters', {
      code: 'INVALID_INPUT',
      field: 'rateLimitKey',
    });
  }
  let relays: string[] | undefined = options.category
    ? config.routing.categories[options.category]
    : undefined;
  if (options.relays !== undefined) {
    const known = new Set(config.relays.map((relay) => relay.name));
    if (!Array.isArray(options.relays) || options.relays.length === 0) {
      invalid('relays must be a non-empty array of relay names', {
        code: 'INVALID_INPUT',
        field: 'relays',
      });
    }
    for (const name of options.relays) {
      if (typeof name !== 'string' || !known.has(name)) {
        invalid(
          `relays: no relay is named ${describe(name)}; configured: ${[...known].join(', ') || 'none'}`,
          {
            code: 'UNKNOWN_RELAY',
            field: 'relays',
            relay: name,
          }
        );
      }
    }
    relays = options.relays;
  }
  for (const field of ['subject', 'html', 'text'] as const) {
    const value = options[field];
    if (value !== undefined && typeof value !== 'string') {
      invalid(`${field} must be a string`, { code: 'INVALID_INPUT', field });
    }
  }
  if (typeof options.subject === 'string' && hasLineBreak(options.subject)) {
    invalid('subject cannot contain line breaks', { code: 'INVALID_INPUT', field: 'subject' });
  }

  return {
    template: options.template,
    data: options.data ?? {},
    locale: options.locale,
    to,
    cc,
    bcc,
    from: from[0],
    replyTo: replyTo.length ? replyTo : undefined,
    subject: options.subject,
    html: options.html,
    text: options.text,
    headers: checkHeaders(options.headers),
    attachments: checkAttachments(options.attachments, limits),
    priority,
    category: options.category,
    relays,
    idempotencyKey: options.idempotencyKey,
    rateLimitKey: options.rateLimitKey,
  };
};

/** Checks the rendered content against the size limits. */
export const checkRenderedSize = (
  content: { subject: string; html?: string | null },
  limits: MailroomConfig['limits']
) => {
  if (content.subject.length > limits.maxSubjectLength) {
    invalid(
      `subject is ${content.subject.length} characters; the limit is ${limits.maxSubjectLength} (limits.maxSubjectLength)`,
      {
        code: 'TOO_LARGE',
        field: 'subject',
        size: content.subject.length,
        limit: limits.maxSubjectLength,
      }
    );
  }
  const htmlBytes = content.html ? byteLength(content.html) : 0;
  if (htmlBytes > limits.maxHtmlBytes) {
    invalid(
      `html is ${htmlBytes} bytes; the limit is ${limits.maxHtmlBytes} (limits.maxHtmlBytes)`,
      {
        code: 'TOO_LARGE',
        field: 'html',
        size: htmlBytes,
        limit: limits.maxHtmlBytes,
      }
    );
  }
};
