import type { Core } from '@strapi/strapi';

import { getConfig } from './utils/config';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = getConfig(strapi);
  if (config.relays.length === 0) {
    strapi.log.warn(
      '[mailroom] no relays configured; messages are queued and wait until one is (see README, Configuration)'
    );
  }

  strapi.plugin('mailroom').service('strapi-email').capture();

  strapi.plugin('mailroom').service('relay-health').start();
  await strapi.plugin('mailroom').service('queue').start();
};

export default bootstrap;
