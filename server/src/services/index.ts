import alerts from './alerts';
import delivery from './delivery';
import mailer from './mailer';
import queue from './queue';
import rateLimits from './rate-limits';
import relayHealth from './relay-health';
import relays from './relays';
import renderer from './renderer';
import strapiEmail from './strapi-email';
import suppressions from './suppressions';
import templates from './templates';

export default {
  alerts,
  delivery,
  mailer,
  queue,
  'rate-limits': rateLimits,
  'relay-health': relayHealth,
  relays,
  renderer,
  'strapi-email': strapiEmail,
  suppressions,
  templates,
};
