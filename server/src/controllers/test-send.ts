import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import { invalid } from '../utils/template-input';
import { bodyOf, optionalText } from '../utils/request';
import { parseMailboxes } from '../utils/send-input';

/**
 * The one address a test send goes to. A list, an object or a string naming several addresses is
 * refused, so that the designer cannot be used to mail many people at once.
 */
const singleAddress = (value: unknown): string => {
  if (typeof value !== 'string' || !value.trim()) {
    return invalid('to must be one email address, as text', {
      code: 'INVALID_ADDRESS',
      field: 'to',
    });
  }
  if (parseMailboxes(value, 'to').length !== 1) {
    return invalid('to must be exactly one email address', {
      code: 'INVALID_ADDRESS',
      field: 'to',
    });
  }
  return value;
};

/** Sends a template to the person designing it. */
const testSend = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /test-send { documentId, locale, to, data? } */
  async send(ctx: Context) {
    const body = bodyOf(ctx);
    const documentId = optionalText(body.documentId, 'documentId');
    if (!documentId) invalid('documentId is required', { code: 'VALIDATION', field: 'documentId' });
    if (body.to === undefined || body.to === null || body.to === '') {
      invalid('to is required', { code: 'VALIDATION', field: 'to' });
    }
    const to = singleAddress(body.to);
    const locale = optionalText(body.locale, 'locale');
    const adminUserId = (ctx.state.user as { id: number | string }).id;

    ctx.body = {
      data: await strapi
        .plugin('mailroom')
        .service('test-send')
        .send({
          documentId: documentId as string,
          locale,
          to,
          data: body.data,
          // Counted per admin against `sendLimit`; a RateLimitError answers 429 with its message.
          rateLimitKey: `test-send:${adminUserId}`,
        }),
    };
  },
});

export default testSend;
