import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import { authorOf } from '../services/template-versions';
import { bodyOf, optionalText } from '../utils/request';

/** Templates as the admin designer reads and writes them. */
const templates = ({ strapi }: { strapi: Core.Strapi }) => {
  const admin = () => strapi.plugin('mailroom').service('template-admin');

  const localeOf = async (ctx: Context) =>
    optionalText(ctx.query.locale, 'locale') ?? (await admin().defaultLocale());

  return {
    /** GET /templates?q=&locale= */
    async find(ctx: Context) {
      const q = optionalText(ctx.query.q, 'q');
      const locale = optionalText(ctx.query.locale, 'locale');

      ctx.body = { data: await admin().list({ q, locale }) };
    },

    /** GET /templates/:documentId?locale= */
    async findOne(ctx: Context) {
      const locale = await localeOf(ctx);

      ctx.body = { data: await admin().findOne(ctx.params.documentId, locale) };
    },

    /** POST /templates { locale, data } */
    async create(ctx: Context) {
      const { locale, data } = bodyOf(ctx);

      ctx.status = 201;
      ctx.body = { data: await admin().create(locale, data, authorOf(ctx.state.user)) };
    },

    /** PUT /templates/:documentId?locale= { data } */
    async update(ctx: Context) {
      const { data } = bodyOf(ctx);
      const locale = await localeOf(ctx);

      ctx.body = {
        data: await admin().update(ctx.params.documentId, locale, data, authorOf(ctx.state.user)),
      };
    },

    /** DELETE /templates/:documentId?locale= (every locale when locale is left out) */
    async delete(ctx: Context) {
      const locale = optionalText(ctx.query.locale, 'locale');

      ctx.body = { data: await admin().remove(ctx.params.documentId, locale) };
    },

    /** POST /templates/:documentId/duplicate */
    async duplicate(ctx: Context) {
      const author = authorOf(ctx.state.user);

      ctx.status = 201;
      ctx.body = { data: await admin().duplicate(ctx.params.documentId, author) };
    },

    /** POST /templates/:documentId/copy-locale { from, to } */
    async copyLocale(ctx: Context) {
      const { from, to } = bodyOf(ctx);

      ctx.body = {
        data: await admin().copyLocale(
          ctx.params.documentId,
          { from, to },
          authorOf(ctx.state.user)
        ),
      };
    },
  };
};

export default templates;
