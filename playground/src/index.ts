import type { Core } from '@strapi/strapi';

import { ensureLocales, seedDemo } from './seed';

export default {
  register() {},

  /** Makes sure `en` and `fr` exist; with `SEED_DEMO=true`, adds the demo templates and login. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    if (process.env.SEED_DEMO === 'true') await seedDemo(strapi);
  },
};
