import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import { getConfig } from '../utils/config';
import { createDocumentId } from '../utils/ids';
import {
  PRIORITY_RANK,
  checkRenderedSize,
  checkSendInput,
  formatMailbox,
  parseMailboxes,
  type SendInput,
} from '../utils/send-input';
import { toRenderSource } from './templates';

export const MESSAGE_UID = 'plugin::mailroom.message';

/** At most this many messages share one INSERT (well under SQLite's bound-parameter limit). */
const STORE_BATCH_SIZE = 100;

export interface SendResult {
  id: string;
  status: string;
}

const isUniqueViolation = (error: unknown) =>
  /unique|duplicate/i.test(String((error as { code?: string; message?: string })?.code ?? '')) ||
  /unique|duplicate/i.test(String((error as Error)?.message ?? ''));

/**
 * The entry point for developers. `send()` checks its input, renders the template, stores the
 * message as `queued` and returns; the queue's worker delivers it.
 */
const mailer = ({ strapi }: { strapi: Core.Strapi }) => {
  const messages = () => strapi.db.query(MESSAGE_UID as 'plugin::mailroom.message');

  const findByIdempotencyKey = async (key: string): Promise<SendResult | null> => {
    const existing = await messages().findOne({
      where: { idempotencyKey: key },
      select: ['documentId', 'status'],
    });
    return existing
      ? { id: existing.documentId as string, status: existing.status as string }
      : null;
  };

  /**
   * Stores messages in batches: every send() that reaches this point in the same turn of the event
   * loop shares one INSERT (and one commit), so concurrent callers do not queue behind each other
   * on the database. Each caller still resolves only once its row is committed.
   */
  const batch: {
    row: Record<string, unknown>;
    resolve: () => void;
    reject: (e: unknown) => void;
  }[] = [];
  let flushing = false;
  const flush = async () => {
    const items = batch.splice(0, STORE_BATCH_SIZE);
    if (batch.length > 0) setImmediate(flush);
    else flushing = false;
    try {
      // createMany: one INSERT, without reading rows back as create() does.
      await messages().createMany({ data: items.map((item) => item.row) });
      for (const item of items) item.resolve();
    } catch (error) {
      if (items.length === 1) {
        items[0].reject(error);
        return;
      }
      // One row can fail the statement (a duplicate idempotency key): store them one by one so
      // that only that caller sees the error.
      for (const item of items) {
        try {
          await messages().createMany({ data: [item.row] });
          item.resolve();
        } catch (rowError) {
          item.reject(rowError);
        }
      }
    }
  };
  const store = (row: Record<string, unknown>) =>
    new Promise<void>((resolve, reject) => {
      batch.push({ row, resolve, reject });
      if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
    });

  const emailPluginDefault = (key: 'defaultFrom' | 'defaultReplyTo') =>
    (strapi.config.get('plugin::email') as { settings?: Record<string, string> } | undefined)
      ?.settings?.[key];

  return {
    /**
     * Queues one message. Resolves to `{ id, status }` once the message is stored; a second call
     * with the same `idempotencyKey` resolves to the first message and sends nothing.
     *
     * @throws ValidationError when the input is wrong (see `details.code`)
     * @throws NotFoundError when the template does not exist
     */
    async send(input: SendInput): Promise<SendResult> {
      const config = getConfig(strapi);
      const options = checkSendInput(input, config);

      if (options.idempotencyKey) {
        const existing = await findByIdempotencyKey(options.idempotencyKey);
        if (existing) return existing;
      }
      if (options.rateLimitKey) {
        await strapi.plugin('mailroom').service('rate-limits').consumeSendKey(options.rateLimitKey);
      }

      let subject = options.subject ?? '';
      let html = options.html ?? null;
      let text = options.text ?? null;
      let locale: string | null = null;
      let templateFrom: string | null | undefined;
      let templateReplyTo: string | null | undefined;

      if (options.template) {
        const template = await strapi
          .plugin('mailroom')
          .service('templates')
          .resolve(options.template, options.locale);
        const renderer = strapi.plugin('mailroom').service('renderer');
        const source = toRenderSource(template);
        await renderer.prepare(source);
        const rendered = renderer.render(source, options.data, { generateText: false });
        ({ subject, html } = rendered);
        text = rendered.text || null;
        locale = template.locale;
        templateFrom = template.fromAddress;
        templateReplyTo = template.replyTo;
      }

      const from =
        options.from ??
        parseMailboxes(
          templateFrom || config.defaultFrom || emailPluginDefault('defaultFrom'),
          'from'
        )[0];
      if (!from) {
        throw new errors.ValidationError(
          "from: no sender; pass `from`, set the template's From, or set `defaultFrom` in the mailroom config",
          { code: 'INVALID_ADDRESS', field: 'from' }
        );
      }
      const replyTo =
        options.replyTo ??
        parseMailboxes(
          templateReplyTo || config.defaultReplyTo || emailPluginDefault('defaultReplyTo'),
          'replyTo'
        );

      checkRenderedSize({ subject, html }, config.limits);

      const documentId = createDocumentId();
      const now = new Date();
      try {
        await store({
          documentId,
          status: 'queued',
          priority: options.priority,
          priorityRank: PRIORITY_RANK[options.priority],
          category: options.category ?? null,
          template: options.template ?? null,
          locale,
          fromAddress: formatMailbox(from),
          replyTo: replyTo.length ? replyTo.map(formatMailbox).join(', ') : null,
          to: options.to,
          cc: options.cc.length ? options.cc : null,
          bcc: options.bcc.length ? options.bcc : null,
          subject,
          html,
          text,
          headers: options.headers ?? null,
          attachments: options.attachments.length ? options.attachments : null,
          allowedRelays: options.relays ?? null,
          idempotencyKey: options.idempotencyKey ?? null,
          attempts: 0,
          attemptLog: [],
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        });
      } catch (error) {
        if (options.idempotencyKey && isUniqueViolation(error)) {
          const existing = await findByIdempotencyKey(options.idempotencyKey);
          if (existing) return existing;
        }
        throw error;
      }

      strapi.log.debug(
        `[mailroom] message ${documentId} queued (${options.template ? `template '${options.template}'` : 'no template'}, ${options.priority})`
      );
      strapi.plugin('mailroom').service('queue').notify();
      return { id: documentId, status: 'queued' };
    },
  };
};

export type MailerService = ReturnType<typeof mailer>;
export default mailer;
