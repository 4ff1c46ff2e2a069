import type { Core } from '@strapi/strapi';

import { validateConfig } from '../config/validate';
import type { MailroomConfig } from '../config/types';

const cache = new WeakMap<object, MailroomConfig>();

/** The plugin's config with every default filled in, read once per Strapi instance. */
export const getConfig = (strapi: Core.Strapi): MailroomConfig => {
  let config = cache.get(strapi);
  if (!config) {
    config = validateConfig(strapi.config.get('plugin::mailroom'));
    cache.set(strapi, config);
  }
  return config;
};
