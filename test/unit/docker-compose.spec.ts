import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';

// Docker cannot run on the build machines, so the production file is checked by reading it.
const root = fileURLToPath(new URL('../..', import.meta.url));
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
const services = compose.services as Record<string, any>;

describe('docker-compose.yml', () => {
  it('runs the API, PostgreSQL and Meilisearch', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'meilisearch', 'postgres']);
  });

  it('pins every image to a version, Meilisearch to the official v1.21 image', () => {
    for (const [name, service] of Object.entries(services)) {
      expect(`${name}: ${service.image}`).toMatch(/:[^:]*\d+\.\d+/);
      expect(service.image).not.toMatch(/:latest$/);
    }
    expect(services.meilisearch.image).toMatch(/^getmeili\/meilisearch:v1\.21(\.\d+)?$/);
  });

  it('gives every service a health check and a named volume', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, Array.isArray(service.healthcheck?.test)]).toEqual([name, true]);
      const volume = String(service.volumes?.[0] ?? '').split(':')[0];
      expect(Object.keys(compose.volumes)).toContain(volume);
    }
  });

  it('starts the API only once its database and search engine are healthy', () => {
    expect(services.api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      meilisearch: { condition: 'service_healthy' },
    });
  });

  it('configures the API for production on PostgreSQL, without baked-in secrets', () => {
    const env = services.api.environment;
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toMatch(
      /^postgres:\/\/kenner:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/kenner$/,
    );
    expect(env.MEILI_HOST).toBe('http://meilisearch:7700');
    expect(env.MEILI_MASTER_KEY).toMatch(/^\$\{MEILI_MASTER_KEY:\?/);
    expect(services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('builds the API from the Dockerfile that serves the compiled app', () => {
    expect(services.api.build).toBe('.');
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/CMD \["node", "dist\/main\.js"\]/);
    expect(dockerfile).toMatch(/npm ci/);
  });
});
