import type { MailroomConfig, Priority, RelayConfig } from './types';

const PRIORITIES: Priority[] = ['critical', 'transactional', 'bulk'];
const TLS_VERSIONS = ['TLSv1.2', 'TLSv1.3'];
const DEFAULT_RETRY_DELAYS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];
const RELAY_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/i;
/** Unlayer's hosted build; apps without internet access serve their own copy. */
export const DEFAULT_EDITOR_SCRIPT_URL = 'https://editor.unlayer.com/embed.js';

/** Thrown when `config/plugins.ts` holds a value Mailroom cannot work with; Strapi stops startup. */
export class MailroomConfigError extends Error {
  readonly key: string;

  constructor(key: string, problem: string) {
    super(`[mailroom] invalid config: ${key} ${problem}`);
    this.name = 'MailroomConfigError';
    this.key = key;
  }
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown) =>
  typeof value === 'string' ? `'${value}'` : Array.isArray(value) ? 'an array' : String(value);

const readObject = (parent: Plain, key: string, path: string): Plain => {
  const value = parent[key];
  if (value === undefined || value === null) return {};
  if (!isPlain(value))
    throw new MailroomConfigError(path, `must be an object, got ${describe(value)}`);
  return value;
};

const readBoolean = (parent: Plain, key: string, path: string, fallback: boolean): boolean => {
  const value = parent[key];
  if (value === undefined || value === null) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new MailroomConfigError(path, `must be true or false, got ${describe(value)}`);
};

const readInteger = (
  parent: Plain,
  key: string,
  path: string,
  fallback: number | undefined,
  { min = 0, max = Number.MAX_SAFE_INTEGER } = {}
): number => {
  const raw = parent[key];
  if ((raw === undefined || raw === null || raw === '') && fallback !== undefined) return fallback;
  if (raw === undefined || raw === null || raw === '') {
    throw new MailroomConfigError(path, 'is required');
  }
  // Values read from the environment arrive as strings; accept those that are whole numbers.
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MailroomConfigError(path, `must be a number, got ${describe(raw)}`);
  }
  if (value < min || value > max) {
    throw new MailroomConfigError(path, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
};

const readShare = (parent: Plain, key: string, path: string, fallback: number): number => {
  const raw = parent[key];
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0 || value > 1) {
    throw new MailroomConfigError(
      path,
      `must be a number above 0 and at most 1, got ${describe(raw)}`
    );
  }
  return value;
};

const readUrl = (parent: Plain, key: string, path: string): string | undefined => {
  const value = readString(parent, key, path);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new MailroomConfigError(path, 'must be an http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new MailroomConfigError(path, 'must be an http(s) URL');
  }
  return value;
};

const readString = (
  parent: Plain,
  key: string,
  path: string,
  { required = false } = {}
): string | undefined => {
  const value = parent[key];
  if (value === undefined || value === null || value === '') {
    if (required) throw new MailroomConfigError(path, 'is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new MailroomConfigError(path, `must be a string, got ${describe(value)}`);
  }
  return value;
};

const readAddress = (parent: Plain, key: string, path: string) => {
  const value = readString(parent, key, path);
  if (value !== undefined && (/[\r\n]/.test(value) || !/@/.test(value))) {
    throw new MailroomConfigError(path, `must be an email address, got ${describe(value)}`);
  }
  return value;
};

const readRelay = (raw: unknown, index: number): RelayConfig => {
  const path = `relays[${index}]`;
  if (!isPlain(raw)) throw new MailroomConfigError(path, `must be an object, got ${describe(raw)}`);

  const name = readString(raw, 'name', `${path}.name`, { required: true }) as string;
  if (!RELAY_NAME.test(name)) {
    throw new MailroomConfigError(
      `${path}.name`,
      `must be letters, digits, '-' or '_' (at most 63), got ${describe(name)}`
    );
  }
  const at = `relay '${name}'`;
  const host = readString(raw, 'host', `${at}: host`, { required: true }) as string;
  const secure = readBoolean(raw, 'secure', `${at}: secure`, false);
  const port = readInteger(raw, 'port', `${at}: port`, secure ? 465 : 587, { min: 1, max: 65535 });
  const requireTLS = readBoolean(raw, 'requireTLS', `${at}: requireTLS`, false);
  if (secure && requireTLS) {
    throw new MailroomConfigError(
      `${at}: requireTLS`,
      'cannot be combined with secure: true (secure is TLS from the first byte; requireTLS is STARTTLS)'
    );
  }

  const authRaw = readObject(raw, 'auth', `${at}: auth`);
  let auth: RelayConfig['auth'];
  const user = readString(authRaw, 'user', `${at}: auth.user`);
  const pass = readString(authRaw, 'pass', `${at}: auth.pass`);
  if (user && !pass)
    throw new MailroomConfigError(`${at}: auth.pass`, 'is required when auth.user is set');
  if (pass && !user)
    throw new MailroomConfigError(`${at}: auth.user`, 'is required when auth.pass is set');
  if (user && pass) auth = { user, pass };

  const tlsRaw = readObject(raw, 'tls', `${at}: tls`);
  const minVersion = readString(tlsRaw, 'minVersion', `${at}: tls.minVersion`) ?? 'TLSv1.2';
  if (!TLS_VERSIONS.includes(minVersion)) {
    throw new MailroomConfigError(
      `${at}: tls.minVersion`,
      `must be one of ${TLS_VERSIONS.join(', ')}, got ${describe(minVersion)}`
    );
  }
  const rejectUnauthorized = readBoolean(
    tlsRaw,
    'rejectUnauthorized',
    `${at}: tls.rejectUnauthorized`,
    true
  );
  const servername = readString(tlsRaw, 'servername', `${at}: tls.servername`);

  const poolRaw = readObject(raw, 'pool', `${at}: pool`);
  const limitsRaw = readObject(raw, 'limits', `${at}: limits`);
  const cap = (key: string) =>
    readInteger(limitsRaw, key, `${at}: limits.${key}`, 0, { min: 0, max: 100_000_000 });

  return {
    name,
    host,
    port,
    secure,
    requireTLS,
    auth,
    tls: {
      minVersion: minVersion as RelayConfig['tls']['minVersion'],
      rejectUnauthorized,
      servername,
    },
    pool: {
      maxConnections: readInteger(poolRaw, 'maxConnections', `${at}: pool.maxConnections`, 5, {
        min: 1,
        max: 100,
      }),
      maxMessages: readInteger(poolRaw, 'maxMessages', `${at}: pool.maxMessages`, 100, {
        min: 1,
        max: 100_000,
      }),
    },
    connectionTimeout: readInteger(raw, 'connectionTimeout', `${at}: connectionTimeout`, 10_000, {
      min: 100,
    }),
    greetingTimeout: readInteger(raw, 'greetingTimeout', `${at}: greetingTimeout`, 10_000, {
      min: 100,
    }),
    socketTimeout: readInteger(raw, 'socketTimeout', `${at}: socketTimeout`, 60_000, { min: 100 }),
    limits: {
      perSecond: cap('perSecond'),
      perMinute: cap('perMinute'),
      perHour: cap('perHour'),
      perDay: cap('perDay'),
    },
  };
};

/**
 * Checks the plugin's config and returns it with every default filled in. Each problem is
 * reported with the key that holds it, so that a failed startup says what to fix.
 */
export const validateConfig = (input: unknown): MailroomConfig => {
  if (input !== undefined && !isPlain(input)) {
    throw new MailroomConfigError('config', `must be an object, got ${describe(input)}`);
  }
  const config = (input ?? {}) as Plain;

  const relaysRaw = config.relays ?? [];
  if (!Array.isArray(relaysRaw)) {
    throw new MailroomConfigError('relays', `must be an array, got ${describe(relaysRaw)}`);
  }
  const relays = relaysRaw.map(readRelay);
  const seen = new Set<string>();
  for (const relay of relays) {
    if (seen.has(relay.name)) {
      throw new MailroomConfigError('relays', `has two relays named '${relay.name}'`);
    }
    seen.add(relay.name);
  }

  const render = readObject(config, 'render', 'render');
  const queue = readObject(config, 'queue', 'queue');
  const driver = readString(queue, 'driver', 'queue.driver') ?? 'database';
  if (driver !== 'database') {
    throw new MailroomConfigError('queue.driver', `must be 'database', got ${describe(driver)}`);
  }
  const limits = readObject(config, 'limits', 'limits');
  const retry = readObject(config, 'retry', 'retry');
  const delaysRaw = retry.delays ?? DEFAULT_RETRY_DELAYS;
  if (!Array.isArray(delaysRaw) || delaysRaw.length === 0) {
    throw new MailroomConfigError(
      'retry.delays',
      `must be a non-empty array of milliseconds, got ${describe(delaysRaw)}`
    );
  }
  const delays = delaysRaw.map((_, index) =>
    readInteger(delaysRaw as unknown as Plain, String(index), `retry.delays[${index}]`, undefined, {
      min: 0,
    })
  );
  const strapiEmail = readObject(config, 'strapiEmail', 'strapiEmail');
  const priority = readString(strapiEmail, 'priority', 'strapiEmail.priority') ?? 'critical';
  if (!PRIORITIES.includes(priority as Priority)) {
    throw new MailroomConfigError(
      'strapiEmail.priority',
      `must be one of ${PRIORITIES.join(', ')}, got ${describe(priority)}`
    );
  }

  const breaker = readObject(config, 'breaker', 'breaker');
  const heartbeat = readObject(config, 'heartbeat', 'heartbeat');
  const sendLimit = readObject(config, 'sendLimit', 'sendLimit');
  const alerts = readObject(config, 'alerts', 'alerts');
  const routing = readObject(config, 'routing', 'routing');
  const categoriesRaw = readObject(routing, 'categories', 'routing.categories');
  const categories: Record<string, string[]> = {};
  for (const [category, names] of Object.entries(categoriesRaw)) {
    const path = `routing.categories.${category}`;
    if (!Array.isArray(names) || names.length === 0) {
      throw new MailroomConfigError(
        path,
        `must be a non-empty array of relay names, got ${describe(names)}`
      );
    }
    for (const name of names) {
      if (!seen.has(name)) {
        throw new MailroomConfigError(
          path,
          `names relay ${describe(name)}, which is not configured`
        );
      }
    }
    categories[category] = names;
  }
  const webhook = (name: 'slack' | 'discord') => {
    const url = readUrl(
      readObject(alerts, name, `alerts.${name}`),
      'webhookUrl',
      `alerts.${name}.webhookUrl`
    );
    return url ? { webhookUrl: url } : undefined;
  };
  const editor = readObject(config, 'editor', 'editor');
  const scriptUrl =
    readString(editor, 'scriptUrl', 'editor.scriptUrl') ?? DEFAULT_EDITOR_SCRIPT_URL;
  if (!/^https?:\/\/\S+$/i.test(scriptUrl) && !/^\/(?!\/)\S*$/.test(scriptUrl)) {
    throw new MailroomConfigError(
      'editor.scriptUrl',
      `must be an http(s) URL or a path starting with '/', got ${describe(scriptUrl)}`
    );
  }
  const editorOptions = readObject(editor, 'options', 'editor.options');

  return {
    defaultFrom: readAddress(config, 'defaultFrom', 'defaultFrom'),
    defaultReplyTo: readAddress(config, 'defaultReplyTo', 'defaultReplyTo'),
    relays,
    render: { strict: readBoolean(render, 'strict', 'render.strict', false) },
    queue: {
      driver: 'database',
      concurrency: readInteger(queue, 'concurrency', 'queue.concurrency', 10, {
        min: 1,
        max: 256,
      }),
      bulkShare: readShare(queue, 'bulkShare', 'queue.bulkShare', 0.5),
      pollInterval: readInteger(queue, 'pollInterval', 'queue.pollInterval', 1000, {
        min: 50,
        max: 60_000,
      }),
      lockTimeout: readInteger(queue, 'lockTimeout', 'queue.lockTimeout', 120_000, {
        min: 1000,
      }),
      shutdownTimeout: readInteger(queue, 'shutdownTimeout', 'queue.shutdownTimeout', 30_000),
    },
    retry: {
      delays,
      maxAttempts: readInteger(retry, 'maxAttempts', 'retry.maxAttempts', 8, { min: 0, max: 1000 }),
      maxAge: readInteger(retry, 'maxAge', 'retry.maxAge', 24 * 60 * 60 * 1000, { min: 0 }),
    },
    limits: {
      maxRecipients: readInteger(limits, 'maxRecipients', 'limits.maxRecipients', 50, { min: 1 }),
      maxSubjectLength: readInteger(limits, 'maxSubjectLength', 'limits.maxSubjectLength', 998, {
        min: 1,
        max: 998,
      }),
      maxHtmlBytes: readInteger(limits, 'maxHtmlBytes', 'limits.maxHtmlBytes', 2 * 1024 * 1024, {
        min: 1,
      }),
      maxAttachmentsBytes: readInteger(
        limits,
        'maxAttachmentsBytes',
        'limits.maxAttachmentsBytes',
        10 * 1024 * 1024,
        { min: 0 }
      ),
      maxDataBytes: readInteger(limits, 'maxDataBytes', 'limits.maxDataBytes', 256 * 1024, {
        min: 1,
      }),
    },
    strapiEmail: {
      capture: readBoolean(strapiEmail, 'capture', 'strapiEmail.capture', false),
      priority: priority as Priority,
    },
    breaker: {
      threshold: readInteger(breaker, 'threshold', 'breaker.threshold', 5, { min: 1, max: 10_000 }),
      window: readInteger(breaker, 'window', 'breaker.window', 60_000, { min: 100 }),
      resetTimeout: readInteger(breaker, 'resetTimeout', 'breaker.resetTimeout', 30_000, {
        min: 100,
      }),
    },
    heartbeat: {
      interval: readInteger(heartbeat, 'interval', 'heartbeat.interval', 30_000, { min: 0 }),
      retention: readInteger(heartbeat, 'retention', 'heartbeat.retention', 7 * 24 * 3_600_000, {
        min: 60_000,
      }),
    },
    routing: { categories },
    sendLimit: {
      points: readInteger(sendLimit, 'points', 'sendLimit.points', 0, { min: 0 }),
      duration: readInteger(sendLimit, 'duration', 'sendLimit.duration', 3_600_000, { min: 1000 }),
    },
    alerts: {
      slack: webhook('slack'),
      discord: webhook('discord'),
      timeout: readInteger(alerts, 'timeout', 'alerts.timeout', 5000, { min: 100 }),
    },
    editor: {
      scriptUrl,
      options: editorOptions,
      loadTimeout: readInteger(editor, 'loadTimeout', 'editor.loadTimeout', 10_000, {
        min: 1000,
        max: 120_000,
      }),
    },
  };
};
