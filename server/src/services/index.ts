import alerts from './alerts';
import delivery from './delivery';
import mailer from './mailer';
import mjml from './mjml';
import preview from './preview';
import queue from './queue';
import rateLimits from './rate-limits';
import relayHealth from './relay-health';
import relays from './relays';
import renderer from './renderer';
import strapiEmail from './strapi-email';
import suppressions from './suppressions';
import templateAdmin from './template-admin';
import templateImages from './template-images';
import templateTransfer from './template-transfer';
import templateVersions from './template-versions';
import templates from './templates';
import testSend from './test-send';

export default {
  alerts,
  delivery,
  mailer,
  mjml,
  preview,
  queue,
  'rate-limits': rateLimits,
  'relay-health': relayHealth,
  relays,
  renderer,
  'strapi-email': strapiEmail,
  suppressions,
  'template-admin': templateAdmin,
  'template-images': templateImages,
  'template-transfer': templateTransfer,
  'template-versions': templateVersions,
  templates,
  'test-send': testSend,
};
