import type { Core } from '@strapi/strapi';

/** Drains the messages in flight, then closes the relay pools. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('mailroom').service('queue').stop();
  strapi.plugin('mailroom').service('relay-health').stop();
  strapi.plugin('mailroom').service('relays').close();
};

export default destroy;
