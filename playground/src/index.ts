import type { Core } from '@strapi/strapi';

import { ensureLocales, seedDemo } from './seed';

export default {
  register() {},

  /**
   * Tunes SQLite, makes sure `en` and `fr` exist, and with `SEED_DEMO=true` adds the demo
   * templates and login.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (strapi.db.dialect.client === 'sqlite') {
      // Write-ahead logging: a commit no longer waits for the disk twice, and reads never block
      // on writes. Recommended for any SQLite app that queues mail (see README, Benchmark).
      await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
      await strapi.db.connection.raw('PRAGMA synchronous = NORMAL');
    }
    await ensureLocales(strapi);
    if (process.env.SEED_DEMO === 'true') await seedDemo(strapi);
  },
};
