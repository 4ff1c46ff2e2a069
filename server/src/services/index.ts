import delivery from './delivery';
import mailer from './mailer';
import queue from './queue';
import relays from './relays';
import renderer from './renderer';
import strapiEmail from './strapi-email';
import templates from './templates';

export default {
  delivery,
  mailer,
  queue,
  relays,
  renderer,
  'strapi-email': strapiEmail,
  templates,
};
