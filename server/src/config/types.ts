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
    pollInterval: number;
    lockTimeout: number;
    shutdownTimeout: number;
  };
  retry: {
    /** Delay before each retry, in ms; the last one repeats. */
    delays: number[];
    /** Failed attempts after which a message is marked failed. */
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
  /** The drag-and-drop designer: where its script is served from and the options it starts with. */
  editor: { scriptUrl?: string; options?: Record<string, unknown> };
}
