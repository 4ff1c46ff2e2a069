import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import { authorOf } from '../services/template-versions';
import { optionalText } from '../utils/request';

/** Template export and import as one JSON file. */
const templateTransfer = ({ strapi }: { strapi: Core.Strapi }) => {
  const transfer = () => strapi.plugin('mailroom').service('template-transfer');

  return {
    /** GET /templates/export?documentId= */
    async export(ctx: Context) {
      const documentId = optionalText(ctx.query.documentId, 'documentId');

      ctx.body = { data: await transfer().export(documentId) };
    },

    /** POST /templates/import (body: an export file) */
    async import(ctx: Context) {
      const file = (ctx.request as { body?: unknown }).body;

      ctx.body = { data: await transfer().import(file, authorOf(ctx.state.user)) };
    },
  };
};

export default templateTransfer;
