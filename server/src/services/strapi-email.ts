import type { Core } from '@strapi/strapi';

import type { SendInput } from '../utils/send-input';
import { getConfig } from '../utils/config';

interface EmailPluginOptions {
  to: SendInput['to'];
  cc?: SendInput['cc'];
  bcc?: SendInput['bcc'];
  from?: SendInput['from'];
  replyTo?: SendInput['replyTo'];
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: SendInput['attachments'];
}

/**
 * Routes Strapi's own email (users-permissions' reset and confirmation mails, and every call to
 * the email plugin's `send`) through Mailroom's queue and relays, by standing in as the email
 * plugin's provider.
 */
const strapiEmail = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Installs Mailroom as the email plugin's provider when `strapiEmail.capture` is on. */
  capture() {
    const { capture, priority } = getConfig(strapi).strapiEmail;
    const emailPlugin = strapi.plugin('email') as unknown as { provider?: unknown } | undefined;
    if (!capture) return;
    if (!emailPlugin) {
      strapi.log.warn('[mailroom] strapiEmail.capture is on but the email plugin is not loaded');
      return;
    }
    emailPlugin.provider = {
      send: async (options: EmailPluginOptions) => {
        const { id } = await strapi
          .plugin('mailroom')
          .service('mailer')
          .send({ ...options, priority });
        strapi.log.debug(`[mailroom] message ${id} queued from the email plugin`);
      },
    };
    strapi.log.info('[mailroom] the email plugin now sends through Mailroom');
  },
});

export type StrapiEmailService = ReturnType<typeof strapiEmail>;
export default strapiEmail;
