import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import { invalid } from '../utils/template-input';
import { bodyOf, optionalText } from '../utils/request';

/** Sends a template to the person designing it. */
const testSend = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /test-send { documentId, locale, to, data? } */
  async send(ctx: Context) {
    const body = bodyOf(ctx);
    const documentId = optionalText(body.documentId, 'documentId');
    if (!documentId) invalid('documentId is required', { code: 'VALIDATION', field: 'documentId' });
    if (!body.to) invalid('to is required', { code: 'VALIDATION', field: 'to' });
    const locale = optionalText(body.locale, 'locale');

    ctx.body = {
      data: await strapi
        .plugin('mailroom')
        .service('test-send')
        .send({ documentId: documentId as string, locale, to: body.to, data: body.data }),
    };
  },
});

export default testSend;
