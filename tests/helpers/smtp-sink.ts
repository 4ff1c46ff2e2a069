import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

interface SmtpConnection {
  session: unknown;
  _socket: { destroy(): void; getProtocol?: () => string | null };
}

export interface CaughtMail {
  /** When the sink accepted the message (ms since the epoch). */
  at: number;
  /** Whether the message came over TLS, and which version. */
  secure: boolean;
  tlsProtocol?: string;
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

/** Decides how the sink answers one message; return an error to refuse it with that reply. */
export type SinkBehaviour = (mail: {
  to: string[];
  raw: string;
}) => { code: number; message: string } | undefined;

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. Tests read `messages` to see what a
 * relay really got, and set `behaviour` to make it refuse mail.
 */
export class SmtpSink {
  readonly messages: CaughtMail[] = [];
  behaviour: SinkBehaviour | undefined;
  recipients: RecipientBehaviour | undefined;
  /** Messages being received right now, and the most there ever were at once. */
  receiving = 0;
  maxReceiving = 0;
  port = 0;
  private server: SMTPServer;
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(options: Partial<SMTPServerOptions> = {}) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      ...options,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.recipients?.(address.address);
        if (!refusal) return callback();
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        this.receiving += 1;
        this.maxReceiving = Math.max(this.maxReceiving, this.receiving);
        // Decided once per message, on its first bytes.
        let action: ReturnType<SinkBehaviour>;
        stream.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (chunks.length > 1) return;
          action = this.behaviour?.({ to, raw: chunk.toString('utf8') });
          if (action && 'drop' in action) {
            // Cut the connection in the middle of DATA, as a crashing relay would.
            this.receiving -= 1;
            for (const connection of this.connections()) {
              if (connection.session === session) connection._socket.destroy();
            }
          }
        });
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          if (chunks.length === 0) action = this.behaviour?.({ to, raw });
          if (action && 'drop' in action) return;
          if (action && 'delay' in action) {
            await new Promise((resolve) => setTimeout(resolve, action.delay));
          }
          this.receiving -= 1;
          if (action && 'code' in action) {
            const error = new Error(action.message) as Error & { responseCode: number };
            error.responseCode = action.code;
            callback(error);
            return;
          }
          const parsed = await simpleParser(raw);
          const connection = [...this.connections()].find((c) => c.session === session);
          this.messages.push({
            at: Date.now(),
            secure: Boolean(session.secure),
            tlsProtocol: connection?._socket.getProtocol?.() ?? undefined,
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to,
            },
            raw,
            parsed,
          });
          callback(null, `Ok: queued as SINK${this.messages.length}`);
          this.waiters = this.waiters.filter((waiter) => {
            if (this.messages.length < waiter.count) return true;
            waiter.resolve();
            return false;
          });
        });
      },
    });
    this.server.on('error', () => undefined);
  }

  private connections() {
    return (this.server as unknown as { connections: Set<SmtpConnection> }).connections;
  }

  async start(port = 0) {
    this.server.listen(port, '127.0.0.1');
    await once(this.server.server, 'listening');
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Resolves once `count` messages have arrived, or rejects after `timeout` ms. */
  waitFor(count: number, timeout = 15_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`expected ${count} message(s), got ${this.messages.length}`)),
        timeout
      );
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async stop() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
