import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadEnvironment } from '../../src/config/environment.js';

describe('loadEnvironment', () => {
  it('has working defaults: SQLite under ./data, port 3000, demo data on', () => {
    const env = loadEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      SEED_DEMO: true,
      NODE_ENV: 'development',
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('seeds no demo data in production unless SEED_DEMO says so', () => {
    expect(loadEnvironment({ NODE_ENV: 'production' }).SEED_DEMO).toBe(false);
    expect(loadEnvironment({ NODE_ENV: 'production', SEED_DEMO: 'true' }).SEED_DEMO).toBe(true);
    expect(loadEnvironment({ NODE_ENV: 'test' }).SEED_DEMO).toBe(true);
    expect(loadEnvironment({ NODE_ENV: 'development', SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    // Empty counts as unset, as for every variable.
    expect(loadEnvironment({ NODE_ENV: 'production', SEED_DEMO: '' }).SEED_DEMO).toBe(false);
  });

  it('reads the mail settings; without them mails are only logged', () => {
    expect(loadEnvironment({})).toMatchObject({
      MAIL_FROM: 'Kenner <no-reply@kenner.local>',
      NOTIFICATION_RELAY: true,
    });
    expect(loadEnvironment({}).SMTP_URL).toBeUndefined();
    const env = loadEnvironment({
      SMTP_URL: 'smtps://u:p@mail.example:465',
      NOTIFY_STAFF_EMAIL: 'staff@cluster.example',
    });
    expect(env).toMatchObject({ NOTIFY_STAFF_EMAIL: 'staff@cluster.example' });
    expect(env.SMTP_URL).toBe('smtps://u:p@mail.example:465');
  });

  it('reads and converts values', () => {
    const env = loadEnvironment({
      PORT: '8080',
      SEED_DEMO: 'false',
      HEAP_GROWING_PERCENT: '0',
      DATABASE_URL: 'postgres://u@h:5432/db',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
      HEAP_GROWING_PERCENT: 0,
      DATABASE_URL: 'postgres://u@h:5432/db',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT="eighty" must be an integer number$/],
    [{ PORT: '70000' }, /^Invalid configuration: PORT="70000" must not be greater than 65535$/],
    [{ SEED_DEMO: 'maybe' }, /^Invalid configuration: SEED_DEMO="maybe" must be true or false$/],
    [
      { DATABASE_URL: 'mysql://x' },
      /^Invalid configuration: DATABASE_URL=\(hidden\) must be a postgres/,
    ],
    [{ NODE_ENV: 'staging' }, /^Invalid configuration: NODE_ENV="staging" must be one of/],
    [{ CORS_ORIGINS: 'https://a.example/path' }, /^Invalid configuration: CORS_ORIGINS=.* origins/],
    [{ GRAPHQL_INTROSPECTION: 'sometimes' }, /GRAPHQL_INTROSPECTION="sometimes" must be true/],
    [{ RATE_LIMIT_ANONYMOUS: '-1' }, /RATE_LIMIT_ANONYMOUS="-1" must not be less than 0/],
    [{ HEAP_GROWING_PERCENT: '1000' }, /HEAP_GROWING_PERCENT="1000" must not be greater than 400/],
    [
      { SMTP_URL: 'http://mail.example' },
      /^Invalid configuration: SMTP_URL=\(hidden\) must be an smtp/,
    ],
    [{ NOTIFY_STAFF_EMAIL: 'staff' }, /NOTIFY_STAFF_EMAIL="staff" must be an e-mail address/],
  ])('refuses %j with one line naming the variable', (source, message) => {
    expect(() => loadEnvironment(source)).toThrow(ConfigurationError);
    expect(() => loadEnvironment(source)).toThrow(message);
  });

  it('has safe edge defaults and reads origin lists', () => {
    expect(loadEnvironment({})).toMatchObject({
      GRAPHQL_MAX_DEPTH: 12,
      GRAPHQL_MAX_ALIASES: 30,
      BODY_LIMIT_KB: 100,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      TRUST_PROXY_HOPS: 0,
      CORS_ORIGINS: [],
      GRAPHQL_INTROSPECTION: undefined,
    });
    const env = loadEnvironment({
      CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      GRAPHQL_INTROSPECTION: 'true',
    });
    expect(env.CORS_ORIGINS).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(env.GRAPHQL_INTROSPECTION).toBe(true);
  });

  it('counts rate limits in memory unless told, in Redis once REDIS_URL is set', () => {
    expect(loadEnvironment({})).toMatchObject({
      RATE_LIMIT_STORE: 'memory',
      RATE_LIMIT_STORE_FAILURE: 'open',
      REDIS_KEY_PREFIX: 'kenner:',
    });
    expect(loadEnvironment({ REDIS_URL: 'redis://cache:6379' }).RATE_LIMIT_STORE).toBe('redis');
    const pg = { DATABASE_URL: 'postgres://db/k', REDIS_URL: 'redis://cache:6379' };
    expect(loadEnvironment({ ...pg, RATE_LIMIT_STORE: 'postgres' }).RATE_LIMIT_STORE).toBe(
      'postgres',
    );
  });

  it.each([
    [{ RATE_LIMIT_STORE: 'redis' }, 'RATE_LIMIT_STORE=redis needs REDIS_URL'],
    [{ RATE_LIMIT_STORE: 'postgres' }, 'RATE_LIMIT_STORE=postgres needs DATABASE_URL'],
    [{ RATE_LIMIT_STORE: 'disk' }, 'RATE_LIMIT_STORE="disk"'],
    [{ RATE_LIMIT_STORE_FAILURE: 'maybe' }, 'RATE_LIMIT_STORE_FAILURE="maybe"'],
    [{ REDIS_URL: 'http://cache' }, 'REDIS_URL=(hidden) must be a redis:// or rediss:// URL'],
  ])('refuses a rate-limit store it cannot use: %j', (source, message) => {
    expect(() => loadEnvironment(source)).toThrow(message);
  });
});
