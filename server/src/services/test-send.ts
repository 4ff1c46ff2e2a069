import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import { isPlainObject } from '../utils/template-input';
import { MESSAGE_UID } from './mailer';

/** How long a test send waits for the relay's answer before it answers with the queued state. */
export const TEST_SEND_WAIT_MS = 15_000;
const POLL_INTERVAL_MS = 200;
const PENDING = new Set(['queued', 'sending']);

export interface TestSendInput {
  documentId: string;
  locale?: string;
  /** One address; the controller refuses lists. */
  to: string;
  data?: unknown;
  /** Counts the send against the mailer's `sendLimit` under this key. */
  rateLimitKey?: string;
}

export interface TestSendResult {
  id: string;
  status: string;
  relay: string | null;
  response: string | null;
  error?: { code: string; message: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends a template to a person through the real mailer, queue and relays, and reports what the
 * relay said, so that the designer shows the outcome a real send would have.
 */
const testSend = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Queues the template in `locale` for `to` with `data` (else the template's sample data) and
   * waits up to 15 s for the first delivery attempt's outcome.
   *
   * @throws RateLimitError when `rateLimitKey` has used up the mailer's `sendLimit`
   */
  async send({
    documentId,
    locale,
    to,
    data,
    rateLimitKey,
  }: TestSendInput): Promise<TestSendResult> {
    if (data !== undefined && data !== null && !isPlainObject(data)) {
      throw new errors.ValidationError('data must be an object', {
        code: 'VALIDATION',
        field: 'data',
      });
    }
    const admin = strapi.plugin('mailroom').service('template-admin');
    const template = await admin.findOne(documentId, locale ?? (await admin.defaultLocale()));

    const { id } = await strapi
      .plugin('mailroom')
      .service('mailer')
      .send({
        template: template.slug,
        locale: template.locale,
        to,
        data: (data as Record<string, unknown> | undefined) ?? template.sampleData ?? {},
        rateLimitKey,
      });
    strapi.log.info(`[mailroom] message ${id}: test send of template '${template.slug}' queued`);

    const deadline = Date.now() + TEST_SEND_WAIT_MS;
    let message: Record<string, unknown> | null = null;
    for (;;) {
      message = await strapi.db.query(MESSAGE_UID as 'plugin::mailroom.message').findOne({
        where: { documentId: id },
        select: ['status', 'relay', 'smtpResponse', 'errorCode', 'lastError'],
      });
      // A failed first attempt that will be retried later is an answer too: show its error now.
      const settled = !message || !PENDING.has(message.status as string) || message.errorCode;
      if (settled || Date.now() >= deadline) break;
      await sleep(POLL_INTERVAL_MS);
    }

    const result: TestSendResult = {
      id,
      status: (message?.status as string) ?? 'queued',
      relay: (message?.relay as string | null) ?? null,
      response: (message?.smtpResponse as string | null) ?? null,
    };
    if (message?.errorCode || (message?.status === 'failed' && message?.lastError)) {
      result.error = {
        code: (message.errorCode as string) ?? 'UNKNOWN',
        message: (message.lastError as string) ?? '',
      };
    }
    return result;
  },
});

export type TestSendService = ReturnType<typeof testSend>;
export default testSend;
