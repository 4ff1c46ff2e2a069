import delivery from './delivery';
import mailer from './mailer';
import mjml from './mjml';
import preview from './preview';
import queue from './queue';
import relays from './relays';
import renderer from './renderer';
import strapiEmail from './strapi-email';
import templateAdmin from './template-admin';
import templateImages from './template-images';
import templateTransfer from './template-transfer';
import templateVersions from './template-versions';
import templates from './templates';
import testSend from './test-send';

export default {
  delivery,
  mailer,
  mjml,
  preview,
  queue,
  relays,
  renderer,
  'strapi-email': strapiEmail,
  'template-admin': templateAdmin,
  'template-images': templateImages,
  'template-transfer': templateTransfer,
  'template-versions': templateVersions,
  templates,
  'test-send': testSend,
};
