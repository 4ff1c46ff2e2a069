import type { Core } from '@strapi/strapi';

import { getConfig } from '../utils/config';

export type AlertKind =
  | 'breaker-opened'
  | 'breaker-closed'
  | 'fallback-started'
  | 'fallback-stopped';

export interface Alert {
  kind: AlertKind;
  relay: string;
  text: string;
}

const ICONS: Record<AlertKind, string> = {
  'breaker-opened': ':rotating_light:',
  'breaker-closed': ':white_check_mark:',
  'fallback-started': ':twisted_rightwards_arrows:',
  'fallback-stopped': ':leftwards_arrow_with_hook:',
};

/**
 * Tells people about changes of relay state: once per change per relay, never once per message.
 * Posts to Slack's and Discord's incoming webhooks and logs at warn. A failed post is logged and
 * never gets in the way of delivery.
 */
const alerts = ({ strapi }: { strapi: Core.Strapi }) => {
  const post = async (target: string, url: string, body: unknown, timeout: number) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeout),
      });
      if (!response.ok) {
        strapi.log.warn(`[mailroom] ${target} alert was refused: HTTP ${response.status}`);
      }
    } catch (error) {
      // The URL is a credential; name the target, never the address.
      strapi.log.warn(
        `[mailroom] ${target} alert could not be posted: ${(error as Error).message}`
      );
    }
  };

  return {
    /** Logs the alert and posts it to every configured webhook; resolves when all have answered. */
    async notify(alert: Alert) {
      const { slack, discord, timeout } = getConfig(strapi).alerts;
      strapi.log.warn(`[mailroom] relay ${alert.relay}: ${alert.text}`);
      const text = `${ICONS[alert.kind]} Mailroom: ${alert.text}`;
      await Promise.all([
        slack && post('Slack', slack.webhookUrl, { text }, timeout),
        discord &&
          post(
            'Discord',
            discord.webhookUrl,
            { content: text.replace(/^:[a-z_]+: /, '') },
            timeout
          ),
      ]);
    },
  };
};

export type AlertsService = ReturnType<typeof alerts>;
export default alerts;
