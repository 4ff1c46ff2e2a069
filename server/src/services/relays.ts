import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { Core } from '@strapi/strapi';

import type { RelayConfig } from '../config/types';
import { getConfig } from '../utils/config';

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens the TCP connection to a relay with Nagle's algorithm off. nodemailer leaves it on, and the
 * last small write of each message then waits for the relay's delayed ACK: about 40 ms a message
 * on a busy pool. nodemailer still does TLS (implicit or STARTTLS) and SMTP over this socket.
 */
export const openRelaySocket =
  (relay: RelayConfig) => (_options: unknown, callback: SocketCallback) => {
    const socket = net.connect({ host: relay.host, port: relay.port });
    socket.setNoDelay(true);
    const fail = (error: Error & { code?: string }) => {
      clearTimeout(timer);
      socket.destroy();
      callback(Object.assign(error, { code: error.code ?? 'ECONNECTION' }));
    };
    const timer = setTimeout(
      () =>
        fail(
          Object.assign(new Error(`connection to ${relay.host}:${relay.port} timed out`), {
            code: 'ETIMEDOUT',
          })
        ),
      relay.connectionTimeout
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.off('error', fail);
      socket.setKeepAlive(true);
      callback(null, { connection: socket });
    });
  };

/** The nodemailer options for one relay: always pooled, TLS 1.2 or better. */
export const transportOptions = (relay: RelayConfig): SMTPPool.Options => ({
  pool: true,
  getSocket: openRelaySocket(relay) as unknown as SMTPPool.Options['getSocket'],
  host: relay.host,
  port: relay.port,
  secure: relay.secure,
  requireTLS: relay.requireTLS,
  auth: relay.auth ? { user: relay.auth.user, pass: relay.auth.pass } : undefined,
  tls: {
    minVersion: relay.tls.minVersion,
    rejectUnauthorized: relay.tls.rejectUnauthorized,
    servername: relay.tls.servername,
  },
  maxConnections: relay.pool.maxConnections,
  maxMessages: relay.pool.maxMessages,
  connectionTimeout: relay.connectionTimeout,
  greetingTimeout: relay.greetingTimeout,
  socketTimeout: relay.socketTimeout,
  logger: false,
  debug: false,
});

/**
 * One pooled nodemailer transport per configured relay, created on first use and closed when
 * Strapi stops. Relay order in the config is priority order.
 */
const relays = ({ strapi }: { strapi: Core.Strapi }) => {
  const transports = new Map<string, Transporter>();

  return {
    /** The configured relays, in priority order. Never includes credentials in logs. */
    list(): RelayConfig[] {
      return getConfig(strapi).relays;
    },

    /** The pooled transport of relay `name`. */
    transport(name: string): Transporter {
      let transport = transports.get(name);
      if (transport) return transport;
      const relay = this.list().find((candidate) => candidate.name === name);
      if (!relay) throw new Error(`no relay is named '${name}'`);
      transport = nodemailer.createTransport(transportOptions(relay));
      transports.set(name, transport);
      strapi.log.debug(
        `[mailroom] relay ${name}: pool opened to ${relay.host}:${relay.port} (max ${relay.pool.maxConnections} connections)`
      );
      return transport;
    },

    /** Closes every pool. Messages being written finish first; nodemailer waits for them. */
    close() {
      for (const [name, transport] of transports) {
        transport.close();
        strapi.log.debug(`[mailroom] relay ${name}: pool closed`);
      }
      transports.clear();
    },
  };
};

export type RelaysService = ReturnType<typeof relays>;
export default relays;
