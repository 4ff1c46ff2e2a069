export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

export interface RelayConfig {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  tls: { minVersion: TlsVersion; rejectUnauthorized: boolean; servername?: string };
  pool: { maxConnections: number; maxMessages: number };
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
  /** Caps matching the provider's plan, so that the relay never throttles us. 0 = no cap. */
  limits: { perSecond: number; perMinute: number; perHour: number; perDay: number };
}

export type Priority = 'critical' | 'transactional' | 'bulk';

export interface MailroomConfig {
  defaultFrom?: string;
  defaultReplyTo?: string;
  relays: RelayConfig[];
  render: { strict: boolean };
  queue: {
    driver: 'database';
    concurrency: number;
    /** The largest share of `concurrency` that bulk mail may take. */
    bulkShare: number;
    pollInterval: number;
    lockTimeout: number;
    shutdownTimeout: number;
  };
  retry: {
    /** Delay before each retry, in ms; the last one repeats. */
    delays: number[];
    /** Retries after the first round (a round tries each allowed relay once); then `failed`. */
    maxAttempts: number;
    /** Age in ms after which a message that still fails is marked failed. */
    maxAge: number;
  };
  limits: {
    maxRecipients: number;
    maxSubjectLength: number;
    maxHtmlBytes: number;
    maxAttachmentsBytes: number;
    maxDataBytes: number;
  };
  strapiEmail: { capture: boolean; priority: Priority };
  breaker: {
    /** Relay faults within `window` ms that open a relay's breaker. */
    threshold: number;
    window: number;
    /** How long an open breaker waits before letting one probe message through. */
    resetTimeout: number;
  };
  heartbeat: {
    /** How often each relay is asked for EHLO, in ms; 0 turns heartbeats off. */
    interval: number;
    /** How long relay events (breaker states, heartbeats) are kept, in ms. */
    retention: number;
  };
  routing: {
    /** Category name to the relays, in order, that may carry it. */
    categories: Record<string, string[]>;
  };
  sendLimit: {
    /** Sends per `rateLimitKey` allowed within `duration` ms; 0 = no limit. */
    points: number;
    duration: number;
  };
  alerts: {
    slack?: { webhookUrl: string };
    discord?: { webhookUrl: string };
    timeout: number;
  };
  /** The drag-and-drop designer: where its script is served from and the options it starts with. */
  editor: {
    scriptUrl?: string;
    options?: Record<string, unknown>;
    /** How long the admin waits for the designer's script before offering code mode, in ms. */
    loadTimeout: number;
  };
}
