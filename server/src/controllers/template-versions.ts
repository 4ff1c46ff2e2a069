import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import { authorOf } from '../services/template-versions';
import { optionalText } from '../utils/request';

/** The saved history of a template locale. */
const templateVersions = ({ strapi }: { strapi: Core.Strapi }) => {
  const versions = () => strapi.plugin('mailroom').service('template-versions');

  return {
    /** GET /templates/:documentId/versions?locale= */
    async find(ctx: Context) {
      const locale =
        optionalText(ctx.query.locale, 'locale') ??
        (await strapi.plugin('mailroom').service('template-admin').defaultLocale());

      ctx.body = { data: await versions().list(ctx.params.documentId, locale) };
    },

    /** GET /templates/:documentId/versions/:id */
    async findOne(ctx: Context) {
      const { documentId, id } = ctx.params;

      ctx.body = { data: await versions().findOne(documentId, id) };
    },

    /** POST /templates/:documentId/versions/:id/restore */
    async restore(ctx: Context) {
      const { documentId, id } = ctx.params;

      ctx.body = { data: await versions().restore(documentId, id, authorOf(ctx.state.user)) };
    },
  };
};

export default templateVersions;
