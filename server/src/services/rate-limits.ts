import {
  RateLimiterMemory,
  RateLimiterRes,
  RateLimiterUnion,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
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

/** How long to wait before a rejected union can go again: the longest of its windows. */
const waitOf = (rejection: unknown) => {
  if (rejection instanceof RateLimiterRes) return rejection.msBeforeNext;
  if (rejection && typeof rejection === 'object') {
    return Math.max(
      0,
      ...Object.values(rejection as Record<string, unknown>)
        .filter((res): res is RateLimiterRes => res instanceof RateLimiterRes)
        .map((res) => res.msBeforeNext)
    );
  }
  throw rejection;
};

/**
 * Two kinds of limit, both on rate-limiter-flexible's in-memory limiters (per process):
 * per-relay caps matching the provider's plan, and a per-key cap on `send()`.
 */
const rateLimits = ({ strapi }: { strapi: Core.Strapi }) => {
  const relayLimiters = new Map<string, RateLimiterAbstract | RateLimiterUnion | null>();
  let sendLimiter: RateLimiterMemory | null | undefined;

  const relayLimiter = (relay: RelayConfig) => {
    if (relayLimiters.has(relay.name)) return relayLimiters.get(relay.name)!;
    const limiters = WINDOWS.filter(([key]) => relay.limits[key] > 0).map(
      ([key, duration]) =>
        new RateLimiterMemory({
          keyPrefix: `mailroom-relay-${relay.name}-${key}`,
          points: relay.limits[key],
          duration,
        })
    );
    const limiter =
      limiters.length === 0
        ? null
        : limiters.length === 1
          ? limiters[0]
          : new RateLimiterUnion(...limiters);
    relayLimiters.set(relay.name, limiter);
    return limiter;
  };

  return {
    /**
     * Takes one send from the relay's caps. Resolves to 0 when the message may go now, or to the
     * milliseconds to wait when a cap is reached.
     */
    async takeRelaySlot(relay: RelayConfig): Promise<number> {
      const limiter = relayLimiter(relay);
      if (!limiter) return 0;
      try {
        await limiter.consume(relay.name, 1);
        return 0;
      } catch (rejection) {
        return Math.max(1, waitOf(rejection));
      }
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
