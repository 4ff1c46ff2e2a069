import { DEFAULT_EDITOR_SCRIPT_URL, validateConfig } from './validate';
import type { MailroomConfig } from './types';

export type { MailroomConfig, RelayConfig } from './types';

/**
 * Defaults for every key an app may leave out. Relays have no default: an app that configures
 * none still starts, and its messages wait in the queue until a relay is configured.
 */
const defaults: MailroomConfig = {
  defaultFrom: undefined,
  defaultReplyTo: undefined,
  relays: [],
  render: { strict: false },
  queue: {
    driver: 'database',
    concurrency: 4,
    pollInterval: 1000,
    lockTimeout: 120_000,
    shutdownTimeout: 30_000,
  },
  retry: {
    delays: [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000],
    maxAttempts: 8,
    maxAge: 24 * 60 * 60 * 1000,
  },
  limits: {
    maxRecipients: 50,
    maxSubjectLength: 998,
    maxHtmlBytes: 2 * 1024 * 1024,
    maxAttachmentsBytes: 10 * 1024 * 1024,
    maxDataBytes: 256 * 1024,
  },
  strapiEmail: { capture: false, priority: 'critical' },
  editor: { scriptUrl: DEFAULT_EDITOR_SCRIPT_URL, options: {} },
};

export default {
  default: defaults,
  validator: (config: unknown) => validateConfig(config),
};
