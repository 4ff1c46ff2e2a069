import path from 'path';
import type { Core } from '@strapi/strapi';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

/** One relay from `SMTP_<PREFIX>HOST`, `..._PORT`, `..._USERNAME`, `..._PASSWORD`; none without a host. */
const relayFromEnv = (
  env: Core.Config.Shared.ConfigParams['env'],
  name: string,
  prefix: string
) => {
  const host = env(`${prefix}HOST`);
  if (!host) return [];
  const user = env(`${prefix}USERNAME`);
  return [
    {
      name,
      host,
      // Passed as text: Mailroom's validator accepts whole numbers and names the value it refuses.
      port: env(`${prefix}PORT`, '587'),
      secure: env.bool(`${prefix}SECURE`, false),
      requireTLS: env.bool(`${prefix}REQUIRE_TLS`, false),
      auth: user ? { user, pass: env(`${prefix}PASSWORD`) } : undefined,
      tls: {
        minVersion: env(`${prefix}TLS_MIN_VERSION`, 'TLSv1.2'),
        rejectUnauthorized: env.bool(`${prefix}TLS_REJECT_UNAUTHORIZED`, true),
      },
      pool: { maxConnections: env.int(`${prefix}POOL_SIZE`, 5), maxMessages: 100 },
      greetingTimeout: env.int(`${prefix}GREETING_TIMEOUT`, 10000),
      socketTimeout: env.int(`${prefix}SOCKET_TIMEOUT`, 60000),
      // A provider plan's caps, e.g. SMTP_RATE_LIMITS={"perSecond":14,"perDay":50000}.
      limits: env.json(`${prefix}RATE_LIMITS`, {}),
    },
  ];
};

/**
 * Strapi's email plugin with the nodemailer provider, for comparing Mailroom with plain Strapi
 * (`npm run bench`). Only when `EMAIL_PROVIDER=nodemailer`; otherwise the email plugin keeps its
 * default and Mailroom's `strapiEmail.capture` decides where its mail goes.
 */
const emailFromEnv = (env: Core.Config.Shared.ConfigParams['env']): Core.Config.Plugin =>
  env('EMAIL_PROVIDER') === 'nodemailer'
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST', '127.0.0.1'),
              port: env.int('SMTP_PORT', 587),
              pool: true,
              maxConnections: env.int('SMTP_POOL_SIZE', 5),
            },
            settings: {
              defaultFrom: env('MAILROOM_DEFAULT_FROM', 'Mailroom Demo <hello@mailroom.test>'),
            },
          },
        },
      }
    : {};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  ...emailFromEnv(env),
  mailroom: {
    enabled: true,
    // The repository root, from dist/config/ (where Strapi loads this file from) or config/.
    resolve: path.resolve(
      __dirname,
      __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..'
    ),
    config: {
      defaultFrom: env('MAILROOM_DEFAULT_FROM', 'Mailroom Demo <hello@mailroom.test>'),
      defaultReplyTo: env('MAILROOM_DEFAULT_REPLY_TO'),
      relays: [
        ...relayFromEnv(env, 'primary', 'SMTP_'),
        ...relayFromEnv(env, 'fallback', 'SMTP_FALLBACK_'),
        // An optional third relay, e.g. a cheaper one that routing sends newsletters through.
        ...relayFromEnv(env, 'bulk', 'SMTP_BULK_'),
      ],
      render: { strict: env.bool('MAILROOM_STRICT_RENDER', false) },
      queue: {
        concurrency: env.int('MAILROOM_CONCURRENCY', 10),
        pollInterval: env.int('MAILROOM_POLL_INTERVAL', 1000),
        lockTimeout: env.int('MAILROOM_LOCK_TIMEOUT', 120000),
        bulkShare: env.float('MAILROOM_BULK_SHARE', 0.5),
      },
      retry: env.json('MAILROOM_RETRY', undefined),
      breaker: env.json('MAILROOM_BREAKER', undefined),
      heartbeat: { interval: env.int('MAILROOM_HEARTBEAT_INTERVAL', 30000) },
      routing: { categories: env.json('MAILROOM_ROUTING', {}) },
      sendLimit: env.json('MAILROOM_SEND_LIMIT', undefined),
      alerts: {
        slack: { webhookUrl: env('MAILROOM_SLACK_WEBHOOK_URL') },
        discord: { webhookUrl: env('MAILROOM_DISCORD_WEBHOOK_URL') },
      },
      strapiEmail: { capture: env.bool('MAILROOM_CAPTURE_STRAPI_EMAIL', true) },
      // The designer's script; unset, Unlayer's hosted embed.js. The browser tests point it at a stand-in.
      editor: {
        scriptUrl: env('MAILROOM_EDITOR_SCRIPT_URL') || undefined,
        loadTimeout: env.int('MAILROOM_EDITOR_LOAD_TIMEOUT', undefined),
      },
    },
  },
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: {
        httpOnly: true,
      },
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
});

export default config;
