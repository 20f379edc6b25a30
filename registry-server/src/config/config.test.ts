import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicUrl.href).toBe('http://localhost:3000/');
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.mongodbUrl).toBeUndefined();
    expect(config.nodeHandle).toBe('liege');
    expect(config.seed).toBe(true);
    // One fewer than the cores, at most 4: the main thread keeps the API.
    expect(config.renderThreads).toBe(Math.min(4, Math.max(0, availableParallelism() - 1)));
  });

  it('takes RENDER_THREADS as a count, 0 keeping pages on the main thread', () => {
    expect(loadConfig({ RENDER_THREADS: '0' }).renderThreads).toBe(0);
    expect(loadConfig({ RENDER_THREADS: ' 3 ' }).renderThreads).toBe(3);
  });

  it('derives the default PUBLIC_URL from PORT and keeps an explicit one as an origin', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl.href).toBe('http://localhost:8080/');
    expect(loadConfig({ PUBLIC_URL: 'https://registry.liege.be/' }).publicUrl.origin).toBe('https://registry.liege.be');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', /between 1 and 65535/],
    [{ PORT: '70000' }, 'PORT', /between 1 and 65535/],
    [{ PUBLIC_URL: 'registry.liege.be' }, 'PUBLIC_URL', /not a URL/],
    [{ PUBLIC_URL: 'ftp://x.org' }, 'PUBLIC_URL', /http or https/],
    [{ PUBLIC_URL: 'https://x.org/registry' }, 'PUBLIC_URL', /origin only/],
    [{ MONGODB_URL: 'mongodb://127.0.0.1:27017' }, 'MONGODB_URL', /names the database/],
    [{ NODE_HANDLE: 'Liège' }, 'NODE_HANDLE', /lower-case/],
    [{ SEED: 'maybe' }, 'SEED', /true or false/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of debug/],
    [{ RENDER_THREADS: 'two' }, 'RENDER_THREADS', /whole number from 0 to 16/],
    [{ RENDER_THREADS: '-1' }, 'RENDER_THREADS', /whole number from 0 to 16/],
    [{ RENDER_THREADS: '64' }, 'RENDER_THREADS', /whole number from 0 to 16/],
    [{ MURMURATIONS_INDEX_URL: 'index.murmurations.network' }, 'MURMURATIONS_INDEX_URL', /MURMURATIONS_INDEX_URL=https:\/\/index/],
    [{ MURMURATIONS_INDEX_URL: 'ftp://index.example.org/v2' }, 'MURMURATIONS_INDEX_URL', /leave it unset/],
    [{ MURMURATIONS_INDEX_URL: 'https://user:secret@index.example.org/v2' }, 'MURMURATIONS_INDEX_URL', /base URL/],
  ])('refuses %o with a message naming %s and what to set', (env, variable, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(message);
  });

  it('sends nothing to a Murmurations index unless MURMURATIONS_INDEX_URL is set, and keeps its base path', () => {
    expect(loadConfig({}).murmurationsIndexUrl).toBeUndefined();
    expect(loadConfig({ MURMURATIONS_INDEX_URL: ' ' }).murmurationsIndexUrl).toBeUndefined();
    expect(loadConfig({ MURMURATIONS_INDEX_URL: 'https://index.murmurations.network/v2/' }).murmurationsIndexUrl?.href).toBe(
      'https://index.murmurations.network/v2',
    );
  });

  it('accepts a MongoDB replica-set URL', () => {
    expect(loadConfig({ MONGODB_URL: 'mongodb://a:27017,b:27017/umn?replicaSet=rs0' }).mongodbUrl).toContain('replicaSet=rs0');
  });
});
