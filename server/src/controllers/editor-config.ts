import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';

import { getConfig } from '../utils/config';

/** What the designer needs to load its editor; nothing else from the config leaves the server. */
const editorConfig = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /editor-config */
  async find(ctx: Context) {
    const { scriptUrl, options, loadTimeout } = getConfig(strapi).editor;

    ctx.body = { data: { scriptUrl, options: options ?? {}, loadTimeout } };
  },
});

export default editorConfig;
