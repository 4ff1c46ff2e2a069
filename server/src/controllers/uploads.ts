import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import type { IncomingFile } from '../services/template-images';

/** Images the designer places in a template. */
const uploads = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /uploads (multipart, field `files`) */
  async create(ctx: Context) {
    const files = (ctx.request as { files?: Record<string, IncomingFile | IncomingFile[]> }).files;

    ctx.status = 201;
    ctx.body = {
      data: await strapi.plugin('mailroom').service('template-images').upload(files?.files),
    };
  },
});

export default uploads;
