import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { MailroomConfigError, validateConfig } from '../server/src/config/validate';
import { createTestDatabase, startStrapi, stopStrapi } from './helpers/strapi';

const relay = (overrides: Record<string, unknown> = {}) => ({
  name: 'primary',
  host: 'smtp.example.com',
  ...overrides,
});

describe('configuration', () => {
  it('fills in every default', () => {
    const config = validateConfig({ relays: [relay()] });

    assert.equal(config.relays[0].port, 587);
    assert.equal(config.relays[0].secure, false);
    assert.equal(config.relays[0].tls.minVersion, 'TLSv1.2');
    assert.equal(config.relays[0].tls.rejectUnauthorized, true);
    assert.deepEqual(config.relays[0].pool, { maxConnections: 5, maxMessages: 100 });
    assert.equal(config.render.strict, false);
    assert.equal(config.queue.driver, 'database');
  });

  it('takes port 465 for implicit TLS and whole numbers given as strings', () => {
    assert.equal(validateConfig({ relays: [relay({ secure: true })] }).relays[0].port, 465);
    assert.equal(validateConfig({ relays: [relay({ port: '2525' })] }).relays[0].port, 2525);
    assert.equal(
      validateConfig({ relays: [relay({ tls: { minVersion: 'TLSv1.3' } })] }).relays[0].tls
        .minVersion,
      'TLSv1.3'
    );
  });

  const invalid: [string, unknown, string][] = [
    ['a port that is not a number', { relays: [relay({ port: 'abc' })] }, "relay 'primary': port"],
    ['a port out of range', { relays: [relay({ port: 70000 })] }, "relay 'primary': port"],
    ['a relay without a host', { relays: [{ name: 'primary' }] }, "relay 'primary': host"],
    ['a relay without a name', { relays: [{ host: 'x' }] }, 'relays[0].name'],
    ['two relays with one name', { relays: [relay(), relay()] }, 'relays'],
    [
      'a password without a user',
      { relays: [relay({ auth: { pass: 'x' } })] },
      "relay 'primary': auth.user",
    ],
    [
      'TLS 1.0',
      { relays: [relay({ tls: { minVersion: 'TLSv1' } })] },
      "relay 'primary': tls.minVersion",
    ],
    [
      'secure with requireTLS',
      { relays: [relay({ secure: true, requireTLS: true })] },
      "relay 'primary': requireTLS",
    ],
    ['relays that are not a list', { relays: 'smtp.example.com' }, 'relays'],
    ['strict that is not a boolean', { render: { strict: 'yes' } }, 'render.strict'],
    ['a defaultFrom that is not an address', { defaultFrom: 'nobody' }, 'defaultFrom'],
    ['an unknown queue driver', { queue: { driver: 'kafka' } }, 'queue.driver'],
    ['retry delays that are not numbers', { retry: { delays: ['soon'] } }, 'retry.delays[0]'],
  ];

  for (const [what, input, key] of invalid) {
    it(`refuses ${what}, naming ${key}`, () => {
      assert.throws(
        () => validateConfig(input),
        (error: MailroomConfigError) => {
          assert.ok(error instanceof MailroomConfigError);
          assert.equal(error.key, key);
          return true;
        }
      );
    });
  }

  it('never puts a password into an error message', () => {
    assert.throws(
      () =>
        validateConfig({ relays: [relay({ auth: { user: 'u', pass: 'hunter2' }, port: 'x' })] }),
      (error: Error) => !error.message.includes('hunter2')
    );
  });

  it('stops Strapi from starting, naming the key, when the config is invalid', async () => {
    const db = await createTestDatabase();
    try {
      await assert.rejects(
        startStrapi({ ...db.env, SMTP_HOST: '127.0.0.1', SMTP_PORT: 'abc' }),
        (error: Error) => {
          assert.match(error.message, /relay 'primary': port must be a number, got 'abc'/);
          return true;
        }
      );
    } finally {
      await stopStrapi((globalThis as { strapi?: never }).strapi).catch(() => undefined);
      await db.drop();
    }
  });
});
