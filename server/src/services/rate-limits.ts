import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { errors } from '@strapi/utils';
import type { Core } from '@strapi/strapi';

import type { RelayConfig } from '../config/types';
import { getConfig } from '../utils/config';

const WINDOWS = [
  ['perSecond', 1],
  ['perMinute', 60],
  ['perHour', 3600],
  ['perDay', 86400],
] as const;

/** How long a refused consume must wait; anything else is a limiter failure and is rethrown. */
const waitOf = (rejection: unknown) => {
  if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
  throw rejection;
};

/**
 * Two kinds of limit, both on rate-limiter-flexible's in-memory limiters (per process):
 * per-relay caps matching the provider's plan, and a per-key cap on `send()`.
 */
const rateLimits = ({ strapi }: { strapi: Core.Strapi }) => {
  const relayLimiters = new Map<string, RateLimiterMemory[]>();
  let sendLimiter: RateLimiterMemory | null | undefined;

  const relayLimiter = (relay: RelayConfig) => {
    if (relayLimiters.has(relay.name)) return relayLimiters.get(relay.name)!;
    // Shortest window first: the cap most often reached is asked first.
    const limiters = WINDOWS.filter(([key]) => relay.limits[key] > 0).map(
      ([key, duration]) =>
        new RateLimiterMemory({
          keyPrefix: `mailroom-relay-${relay.name}-${key}`,
          points: relay.limits[key],
          duration,
        })
    );
    relayLimiters.set(relay.name, limiters);
    return limiters;
  };

  return {
    /**
     * Takes one send from the relay's caps. Resolves to 0 when the message may go now, or to the
     * milliseconds to wait when a cap is reached.
     */
    async takeRelaySlot(relay: RelayConfig): Promise<number> {
      // One window at a time, handing points back when a later window refuses, so that a send
      // the per-second cap turns away never uses up the day's allowance.
      const taken: RateLimiterMemory[] = [];
      for (const limiter of relayLimiter(relay)) {
        try {
          await limiter.consume(relay.name, 1);
          taken.push(limiter);
        } catch (rejection) {
          const wait = waitOf(rejection);
          await Promise.all(taken.map((granted) => granted.reward(relay.name, 1)));
          await limiter.reward(relay.name, 1);
          return Math.max(1, wait);
        }
      }
      return 0;
    },

    /**
     * Counts one `send()` against `key` (a user id, a client IP…).
     *
     * @throws RateLimitError when the key has used up `sendLimit.points` within `sendLimit.duration`
     */
    async consumeSendKey(key: string) {
      const { points, duration } = getConfig(strapi).sendLimit;
      if (points === 0) return;
      if (sendLimiter === undefined) {
        sendLimiter = new RateLimiterMemory({
          keyPrefix: 'mailroom-send',
          points,
          duration: Math.ceil(duration / 1000),
        });
      }
      try {
        await sendLimiter!.consume(key, 1);
      } catch (rejection) {
        const retryAfterMs = waitOf(rejection);
        throw new errors.RateLimitError(
          `too many messages for rate limit key '${key}': at most ${points} per ${Math.round(duration / 1000)}s; try again in ${Math.ceil(retryAfterMs / 1000)}s`,
          { code: 'RATE_LIMITED', key, retryAfterMs, limit: points }
        );
      }
    },
  };
};

export type RateLimitsService = ReturnType<typeof rateLimits>;
export default rateLimits;
