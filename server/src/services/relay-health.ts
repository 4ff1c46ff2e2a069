import CircuitBreaker from 'opossum';
import type { Core } from '@strapi/strapi';
import type Mail from 'nodemailer/lib/mailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

import type { RelayConfig } from '../config/types';
import { getConfig } from '../utils/config';
import { classifySmtpError } from '../utils/delivery-error';

export const RELAY_EVENT_UID = 'plugin::mailroom.relay-event';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface RelayStatus {
  name: string;
  state: BreakerState;
  recentFaults: number;
  carryingFor: string | null;
  lastHeartbeat: { at: string; ok: boolean; latencyMs: number; detail?: string } | null;
}

type SendAction = (mail: Mail.Options) => Promise<SMTPTransport.SentMessageInfo>;

/** Thrown by `send` when the relay's breaker is open and the message should try the next relay. */
export const isBreakerRejection = (error: unknown) =>
  (error as { code?: string })?.code === 'EOPENBREAKER';

/**
 * The health of each relay: a circuit breaker (opossum) that opens after `breaker.threshold`
 * relay faults within `breaker.window` and lets one probe through when half-open; a heartbeat
 * that says EHLO to every relay and closes an open breaker when the relay answers; and the
 * fallback state, so that people hear when a fallback starts or stops carrying traffic.
 * Every change of state is stored as a relay event and alerted once.
 */
const relayHealth = ({ strapi }: { strapi: Core.Strapi }) => {
  const breakers = new Map<string, CircuitBreaker<[Mail.Options], SMTPTransport.SentMessageInfo>>();
  const faults = new Map<string, number[]>();
  const heartbeats = new Map<string, RelayStatus['lastHeartbeat']>();
  /** `fallback>primary` for each fallback relay carrying traffic for a primary. */
  const carrying = new Set<string>();
  /** The breaker state last alerted per relay: a failed half-open probe reopens without a new alert. */
  const alerted = new Map<string, 'open' | 'closed'>();
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  let lastPrune = 0;

  const events = () => strapi.db.query(RELAY_EVENT_UID as 'plugin::mailroom.relay-event');
  const alerts = () => strapi.plugin('mailroom').service('alerts');
  const relays = () => strapi.plugin('mailroom').service('relays');

  const record = (data: Record<string, unknown>) =>
    events()
      .create({ data: { ...data, at: new Date() } })
      .catch((error: Error) =>
        strapi.log.error(
          `[mailroom] relay ${data.relay}: could not store a relay event: ${error.message}`
        )
      );

  const stateOf = (breaker: CircuitBreaker | undefined): BreakerState =>
    !breaker || breaker.closed ? 'closed' : breaker.halfOpen ? 'half-open' : 'open';

  const breakerFor = (relay: RelayConfig) => {
    const existing = breakers.get(relay.name);
    if (existing) return existing;
    const { breaker: options } = getConfig(strapi);
    const action: SendAction = (mail) => relays().transport(relay.name).sendMail(mail);
    const breaker = new CircuitBreaker(action, {
      name: relay.name,
      // nodemailer enforces the connection, greeting and socket timeouts itself.
      timeout: false,
      resetTimeout: options.resetTimeout,
      rollingCountTimeout: options.window,
      // Opening is decided below by counting relay faults; opossum's own error-rate rule is off.
      errorThresholdPercentage: 100,
      volumeThreshold: Number.MAX_SAFE_INTEGER,
      // A recipient's or a message's fault says nothing about the relay's health.
      errorFilter: (error: unknown) => classifySmtpError(error).classification !== 'relay',
    });

    breaker.on('failure', () => {
      const now = Date.now();
      const recent = (faults.get(relay.name) ?? []).filter((at) => now - at < options.window);
      recent.push(now);
      faults.set(relay.name, recent);
      if (breaker.closed && recent.length >= options.threshold) breaker.open();
    });
    breaker.on('open', () => {
      const count = faults.get(relay.name)?.length ?? 0;
      record({
        relay: relay.name,
        kind: 'breaker',
        state: 'open',
        detail: `${count} relay faults`,
      });
      if (alerted.get(relay.name) === 'open') return;
      alerted.set(relay.name, 'open');
      void alerts().notify({
        kind: 'breaker-opened',
        relay: relay.name,
        text: `circuit breaker for relay '${relay.name}' opened after ${count} relay fault(s) within ${Math.round(options.window / 1000)}s; traffic moves to the next relay`,
      });
    });
    breaker.on('halfOpen', () => {
      record({ relay: relay.name, kind: 'breaker', state: 'half-open' });
      strapi.log.info(
        `[mailroom] relay ${relay.name}: breaker half-open, letting one probe through`
      );
    });
    breaker.on('close', () => {
      faults.set(relay.name, []);
      record({ relay: relay.name, kind: 'breaker', state: 'closed' });
      if (alerted.get(relay.name) !== 'open') return;
      alerted.set(relay.name, 'closed');
      void alerts().notify({
        kind: 'breaker-closed',
        relay: relay.name,
        text: `circuit breaker for relay '${relay.name}' closed; the relay takes traffic again`,
      });
    });
    breakers.set(relay.name, breaker);
    return breaker;
  };

  const heartbeat = async () => {
    for (const relay of relays().list() as RelayConfig[]) {
      const started = Date.now();
      let ok = false;
      let detail: string | undefined;
      try {
        await relays().transport(relay.name).verify();
        ok = true;
      } catch (error) {
        const failure = classifySmtpError(error, relay.name);
        detail = `${failure.code}: ${failure.response ?? failure.message}`;
      }
      const latencyMs = Date.now() - started;
      heartbeats.set(relay.name, { at: new Date().toISOString(), ok, latencyMs, detail });
      await record({ relay: relay.name, kind: 'heartbeat', ok, latencyMs, detail: detail ?? null });
      const breaker = breakers.get(relay.name);
      if (ok && breaker && !breaker.closed) {
        strapi.log.info(`[mailroom] relay ${relay.name}: heartbeat answered; closing its breaker`);
        breaker.close();
      } else if (!ok) {
        strapi.log.debug(`[mailroom] relay ${relay.name}: heartbeat failed: ${detail}`);
      }
    }
  };

  const prune = async () => {
    const { retention } = getConfig(strapi).heartbeat;
    lastPrune = Date.now();
    await events()
      .deleteMany({ where: { at: { $lt: new Date(Date.now() - retention) } } })
      .catch((error: Error) =>
        strapi.log.warn(`[mailroom] could not prune old relay events: ${error.message}`)
      );
  };

  return {
    /** True when the relay may be tried now: its breaker is closed, or half-open with no probe out. */
    isAvailable(relay: RelayConfig) {
      const breaker = breakerFor(relay);
      return breaker.closed || (breaker.halfOpen && breaker.pendingClose);
    },

    /**
     * Sends through the relay's breaker. Rejects with the SMTP error, or with an `EOPENBREAKER`
     * error (see `isBreakerRejection`) when another message took the half-open probe.
     */
    send(relay: RelayConfig, mail: Mail.Options) {
      return breakerFor(relay).fire(mail);
    },

    /**
     * Tracks which relay carries traffic. `firstChoice` is the relay the message would have used
     * had every relay been healthy.
     */
    noteDelivery(relay: string, firstChoice: string) {
      if (relay !== firstChoice) {
        const pair = `${relay}>${firstChoice}`;
        if (carrying.has(pair)) return;
        carrying.add(pair);
        record({ relay, kind: 'fallback', state: 'carrying', detail: `for ${firstChoice}` });
        void alerts().notify({
          kind: 'fallback-started',
          relay,
          text: `fallback relay '${relay}' started carrying traffic for '${firstChoice}'`,
        });
        return;
      }
      for (const pair of carrying) {
        const [fallback, primary] = pair.split('>');
        if (primary !== relay) continue;
        carrying.delete(pair);
        record({ relay: fallback, kind: 'fallback', state: 'idle', detail: `for ${primary}` });
        void alerts().notify({
          kind: 'fallback-stopped',
          relay: fallback,
          text: `fallback relay '${fallback}' stopped carrying traffic; '${primary}' delivers again`,
        });
      }
    },

    /** Each relay's breaker state, recent faults, fallback role and last heartbeat. */
    status(): RelayStatus[] {
      const window = getConfig(strapi).breaker.window;
      const now = Date.now();
      return (relays().list() as RelayConfig[]).map((relay) => ({
        name: relay.name,
        state: stateOf(breakers.get(relay.name)),
        recentFaults: (faults.get(relay.name) ?? []).filter((at) => now - at < window).length,
        carryingFor:
          [...carrying]
            .filter((pair) => pair.startsWith(`${relay.name}>`))
            .map((pair) => pair.split('>')[1])
            .join(', ') || null,
        lastHeartbeat: heartbeats.get(relay.name) ?? null,
      }));
    },

    /** Share of successful heartbeats per relay since `since`, from the stored events. */
    async uptime(since: Date) {
      const rows = await events().findMany({
        where: { kind: 'heartbeat', at: { $gte: since } },
        select: ['relay', 'ok'],
      });
      const totals = new Map<string, { ok: number; total: number }>();
      for (const row of rows) {
        const entry = totals.get(row.relay) ?? { ok: 0, total: 0 };
        entry.total += 1;
        if (row.ok) entry.ok += 1;
        totals.set(row.relay, entry);
      }
      return Object.fromEntries(
        [...totals].map(([relay, { ok, total }]) => [relay, { ok, total, ratio: ok / total }])
      );
    },

    /** Runs one heartbeat round now; the timer runs the same. */
    heartbeat,

    /** Starts the heartbeat timer (and the pruning of old relay events). */
    start() {
      const { interval } = getConfig(strapi).heartbeat;
      if (interval > 0 && !heartbeatTimer) {
        heartbeatTimer = setInterval(() => {
          heartbeat().catch((error: Error) =>
            strapi.log.error(`[mailroom] heartbeat round failed: ${error.message}`)
          );
          if (Date.now() - lastPrune > 3_600_000) void prune();
        }, interval);
        heartbeatTimer.unref();
      }
      pruneTimer = setTimeout(() => void prune(), 10_000);
      pruneTimer.unref();
    },

    /** Stops the timers and the breakers' own timers. */
    stop() {
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      if (pruneTimer) clearTimeout(pruneTimer);
      heartbeatTimer = undefined;
      for (const breaker of breakers.values()) breaker.shutdown();
      breakers.clear();
    },
  };
};

export type RelayHealthService = ReturnType<typeof relayHealth>;
export default relayHealth;
