import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import { bodyOf, optionalText } from '../utils/request';

/** Renders what the designer shows, with the renderer that sends. */
const preview = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /preview { documentId?, locale, template?, data? } */
  async render(ctx: Context) {
    const body = bodyOf(ctx);
    const documentId = optionalText(body.documentId, 'documentId');
    const locale = optionalText(body.locale, 'locale');

    ctx.body = {
      data: await strapi
        .plugin('mailroom')
        .service('preview')
        .render({ documentId, locale, template: body.template, data: body.data }),
    };
  },
});

export default preview;
