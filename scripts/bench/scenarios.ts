// The three ways of sending the same message that the benchmark compares. Each runs in a fresh
// process with its own sink, so that one scenario's heap and pools do not colour the next.
import { performance } from 'node:perf_hooks';
import Handlebars from 'handlebars';
import nodemailer from 'nodemailer';
import type { Core } from '@strapi/strapi';

import { createTemplate } from '../../tests/helpers/templates';
import {
  MESSAGE_UID,
  createTestDatabase,
  eventually,
  startStrapi,
  stopStrapi,
} from '../../tests/helpers/strapi';
import { htmlToText } from '../../server/src/services/renderer';
import { HTML, SUBJECT, dataFor, recipientFor } from './email';
import { runBounded, startSink, summarize, type ScenarioResult, type Sink } from './harness';

export interface BenchSettings {
  messages: number;
  warmup: number;
  concurrency: number;
  /** The relay pool size, the same for every scenario. */
  maxConnections: number;
}

const FROM = 'Northwind Outfitters <orders@northwind.example>';
const TEMPLATE = 'order-confirmation';

/** The template compiled once, the way an app without Mailroom would render it. */
const compiled = {
  subject: Handlebars.compile(SUBJECT, { noEscape: true }),
  html: Handlebars.compile(HTML),
};
// Every message carries a text part; Mailroom derives one, the others get this one for free.
const TEXT = htmlToText(compiled.html(dataFor(0)));

/** (a) nodemailer's pooled transport straight to the sink: the ceiling. */
/**
 * Warms up, then times `settings.messages` calls of `sendOne` until the sink has every message:
 * the measurement for senders whose call returns once the relay has accepted the message.
 */
const measureCalls = async (
  name: string,
  settings: BenchSettings,
  sink: Sink,
  sendOne: (index: number) => Promise<unknown>
): Promise<ScenarioResult> => {
  await runBounded(settings.warmup, settings.concurrency, sendOne);
  const before = await sink.reached(settings.warmup);

  const started = performance.now();
  const durations = await runBounded(
    settings.messages,
    settings.concurrency,
    sendOne,
    settings.warmup
  );
  const after = await sink.reached(settings.warmup + settings.messages);
  const elapsed = performance.now() - started;
  return summarize(name, settings.messages, elapsed, after.bytes - before.bytes, durations);
};

const raw = async (settings: BenchSettings): Promise<ScenarioResult> => {
  const sink = await startSink();
  const transport = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port: sink.port,
    maxConnections: settings.maxConnections,
    maxMessages: 100,
    logger: false,
  });
  const sendOne = (index: number) =>
    transport.sendMail({
      from: FROM,
      to: recipientFor(index),
      subject: compiled.subject(dataFor(index)),
      html: compiled.html(dataFor(index)),
      text: TEXT,
    });

  try {
    return await measureCalls('raw nodemailer pool', settings, sink, sendOne);
  } finally {
    transport.close();
    await sink.stop();
  }
};

const sentCount = (strapi: Core.Strapi) =>
  strapi.db.query(MESSAGE_UID).count({ where: { status: 'sent' } });

/** (b) Mailroom end to end: send() queues, the worker delivers through the relay pool. */
const mailroom = async (settings: BenchSettings): Promise<ScenarioResult> => {
  const sink = await startSink();
  const db = await createTestDatabase();
  const strapi = await startStrapi({
    ...db.env,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_POOL_SIZE: String(settings.maxConnections),
    // The playground's defaults, not the tests' faster poll.
    MAILROOM_POLL_INTERVAL: '1000',
    MAILROOM_DEFAULT_FROM: FROM,
  });
  try {
    await createTemplate(strapi, TEMPLATE, { en: { subject: SUBJECT, html: HTML } });
    const mailer = strapi.plugin('mailroom').service('mailer');
    const sendOne = (index: number) =>
      mailer.send({ template: TEMPLATE, to: recipientFor(index), data: dataFor(index) });

    await runBounded(settings.warmup, settings.concurrency, sendOne);
    const before = await sink.reached(settings.warmup);
    await eventually(async () => (await sentCount(strapi)) === settings.warmup, {
      timeout: 120_000,
      interval: 20,
      what: 'the warm-up rows to be sent',
    });

    const total = settings.warmup + settings.messages;
    const started = performance.now();
    const durations = await runBounded(
      settings.messages,
      settings.concurrency,
      sendOne,
      settings.warmup
    );
    const queuedAt = performance.now() - started;
    const after = await sink.reached(total);
    const elapsed = performance.now() - started;
    await eventually(async () => (await sentCount(strapi)) === total, {
      timeout: 120_000,
      interval: 20,
      what: 'every row to be sent',
    });
    const allSentAt = performance.now() - started;

    return summarize(
      'Mailroom',
      settings.messages,
      elapsed,
      after.bytes - before.bytes,
      durations,
      {
        'all send() calls returned after (s)': queuedAt / 1000,
        'every row sent after (s)': allSentAt / 1000,
      }
    );
  } finally {
    await stopStrapi(strapi);
    await sink.stop();
    await db.drop();
  }
};

/** (c) Strapi's email plugin with the nodemailer provider, Mailroom's capture off. */
const strapiEmail = async (settings: BenchSettings): Promise<ScenarioResult> => {
  const sink = await startSink();
  const db = await createTestDatabase();
  const strapi = await startStrapi({
    ...db.env,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_POOL_SIZE: String(settings.maxConnections),
    MAILROOM_POLL_INTERVAL: '1000',
    MAILROOM_DEFAULT_FROM: FROM,
    EMAIL_PROVIDER: 'nodemailer',
    MAILROOM_CAPTURE_STRAPI_EMAIL: 'false',
  });
  try {
    const email = strapi.plugin('email').service('email');
    const sendOne = (index: number) =>
      email.send({
        to: recipientFor(index),
        subject: compiled.subject(dataFor(index)),
        html: compiled.html(dataFor(index)),
        text: TEXT,
      });

    return await measureCalls('Strapi email + nodemailer provider', settings, sink, sendOne);
  } finally {
    await stopStrapi(strapi);
    await sink.stop();
    await db.drop();
  }
};

export const SCENARIOS = { raw, mailroom, 'strapi-email': strapiEmail } as const;
export type ScenarioName = keyof typeof SCENARIOS;
