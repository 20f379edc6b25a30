// The one configuration module: every environment variable the node reads is parsed and
// validated here at boot. An invalid value stops the node with a message naming the variable
// and what to set it to (see ConfigError), never a stack trace from deep inside.
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  /** TCP port the single origin listens on. */
  port: number;
  /** Address to bind (127.0.0.1 keeps a development node off the network). */
  host: string;
  /** Public origin of the node (scheme, host, port; no path), used in every IRI it mints. */
  publicUrl: URL;
  /** Directory of the embedded store's file. */
  dataDir: string;
  /** When set, MongoDB replaces the embedded store. */
  mongodbUrl: string | undefined;
  /** Handle of the city node record that this server is (the seeded node is "liege"). */
  nodeHandle: string;
  /** Whether to load the seed documents at boot (idempotent). */
  seed: boolean;
  /** Whether to serve repeated anonymous GET queries from the response cache. */
  responseCache: boolean;
  /** SMTP server for optional e-mails (invitation links, relay notifications). */
  smtpUrl: string | undefined;
  /** Sender address of those e-mails. */
  mailFrom: string;
  /** WebFinger user name of the node actor: acct:<handle>@<host>. */
  federationHandle: string;
  /** Domains whose follow requests are approved without an admin. */
  autoApproveDomains: string[];
  /**
   * Lets federation reach private and loopback addresses. Only for tests and local demos of
   * several nodes on one machine: outside them it would open the node to SSRF.
   */
  allowPrivateAddresses: boolean;
  /** What this process does: serve HTTP and deliver (all), only serve (web), only deliver (worker). */
  processRole: 'all' | 'web' | 'worker';
  /**
   * Threads that render the site's pages beside the main thread (0: pages render on the main
   * thread). Default: one fewer than the machine's cores, at most 4 (render-threads.ts).
   */
  renderThreads: number;
  /** Minimum log level. */
  logLevel: 'debug' | 'info' | 'warning' | 'error';
  /** Log as JSON lines (for collectors) or as readable text. */
  logFormat: 'json' | 'text';
  /**
   * Reverse proxies whose X-Forwarded-For names the client (addresses, networks, "loopback");
   * empty: the header is ignored (http/client-address.ts).
   */
  trustedProxies?: readonly string[];
  /**
   * The Murmurations index the node registers its profiles with (its API base, e.g.
   * https://index.murmurations.network/v2); unset, nothing is sent (ADR 0050).
   */
  murmurationsIndexUrl?: URL;
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** The variables, with their defaults and meaning, as the README's table shows them. */
export const CONFIG_VARIABLES = {
  PORT: 'TCP port (default 3000)',
  HOST: 'address to bind (default 0.0.0.0; use 127.0.0.1 to stay local)',
  PUBLIC_URL: 'public origin of the node, e.g. https://registry.liege.be (default http://localhost:PORT)',
  DATA_DIR: 'directory of the embedded store (default ./data)',
  MONGODB_URL: 'MongoDB connection string; when set, the node uses MongoDB instead of the embedded store',
  NODE_HANDLE: 'handle of this node’s city-node record (default liege)',
  SEED: 'load the seed data at boot: true or false (default true)',
  RESPONSE_CACHE: 'serve repeated anonymous GET /graphql queries from memory until the data changes: true or false (default true)',
  FEDERATION_HANDLE: 'WebFinger name of the node actor, acct:<name>@<host> (default registry)',
  AUTO_APPROVE_DOMAINS: 'comma-separated domains whose follow requests are approved without an admin (default none)',
  ALLOW_PRIVATE_ADDRESSES:
    'true only for local demos and tests of several nodes on one machine: lets federation reach loopback and private addresses (default false)',
  PROCESS_ROLE: 'all (default), web (HTTP only) or worker (deliveries only); web and worker need MongoDB',
  SMTP_URL: 'optional SMTP server for e-mailing invitation links and relay notifications, e.g. smtps://user:password@mail.example.org:465',
  MAIL_FROM: 'sender address of those e-mails (default registry@<PUBLIC_URL host>)',
  RENDER_THREADS:
    'threads that render the site’s pages beside the main thread, from 0 (pages render on the main thread) to 16 (default: the number of cores minus one, at most 4)',
  LOG_LEVEL: 'debug, info, warning or error (default info)',
  LOG_FORMAT: 'json or text (default text on a terminal, json otherwise)',
  TRUST_PROXY:
    'reverse proxies whose X-Forwarded-For names the client, for per-address limits: addresses, networks (10.0.0.0/8) or loopback, comma-separated (default none: the header is ignored)',
  MURMURATIONS_INDEX_URL:
    'the Murmurations index API to register the node’s profiles with, e.g. https://index.murmurations.network/v2 (test index: https://test-index.murmurations.network/v2); unset (default): nothing is sent',
} as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { isTerminal?: boolean } = {}): Config {
  const port = parsePort(env.PORT);
  const publicUrl = parsePublicUrl(env.PUBLIC_URL, port);
  return {
    port,
    host: parseHost(env.HOST),
    publicUrl,
    smtpUrl: parseSmtpUrl(env.SMTP_URL),
    mailFrom: parseMailFrom(env.MAIL_FROM, publicUrl),
    dataDir: resolve(nonEmpty(env.DATA_DIR) ?? './data'),
    mongodbUrl: parseMongoUrl(env.MONGODB_URL),
    nodeHandle: parseHandle(env.NODE_HANDLE),
    seed: parseBoolean('SEED', env.SEED, true),
    responseCache: parseBoolean('RESPONSE_CACHE', env.RESPONSE_CACHE, true),
    federationHandle: parseFederationHandle(env.FEDERATION_HANDLE),
    autoApproveDomains: parseDomains(env.AUTO_APPROVE_DOMAINS),
    allowPrivateAddresses: parseBoolean('ALLOW_PRIVATE_ADDRESSES', env.ALLOW_PRIVATE_ADDRESSES, false),
    processRole: parseProcessRole(env.PROCESS_ROLE, parseMongoUrl(env.MONGODB_URL)),
    renderThreads: parseRenderThreads(env.RENDER_THREADS),
    logLevel: parseEnum('LOG_LEVEL', env.LOG_LEVEL, ['debug', 'info', 'warning', 'error'] as const, 'info'),
    logFormat: parseEnum('LOG_FORMAT', env.LOG_FORMAT, ['json', 'text'] as const, options.isTerminal ? 'text' : 'json'),
    trustedProxies: parseTrustedProxies(env.TRUST_PROXY),
    murmurationsIndexUrl: parseMurmurationsIndexUrl(env.MURMURATIONS_INDEX_URL),
  };
}

function parseMurmurationsIndexUrl(raw: string | undefined): URL | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password)
    throw new ConfigError(
      'MURMURATIONS_INDEX_URL',
      `"${raw}" is not the base URL of a Murmurations index API. Set it to e.g. MURMURATIONS_INDEX_URL=https://index.murmurations.network/v2, or leave it unset to send nothing.`,
    );
  // The API paths (/nodes, /nodes/{node_id}) are appended to it.
  return new URL(url.href.replace(/\/+$/, ''));
}

function parseTrustedProxies(raw: string | undefined): string[] {
  const entries = (nonEmpty(raw) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (entry === 'loopback') continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || rest.length)
      throw new ConfigError(
        'TRUST_PROXY',
        `"${entry}" is not an address, a network or "loopback". Name the reverse proxy that connects to the node, e.g. TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.2.`,
      );
  }
  return entries;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parsePort(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return 3000;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new ConfigError('PORT', `"${raw}" is not a TCP port. Set PORT to a whole number between 1 and 65535, e.g. PORT=3000.`);
  }
  return Number(value);
}

function parseHost(raw: string | undefined): string {
  const value = nonEmpty(raw) ?? '0.0.0.0';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(value))
    throw new ConfigError('HOST', `"${raw}" is not an address to bind. Set HOST to an IP address or host name, e.g. HOST=127.0.0.1.`);
  return value;
}

function parsePublicUrl(raw: string | undefined, port: number): URL {
  const value = nonEmpty(raw);
  if (value === undefined) return new URL(`http://localhost:${port}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(
      'PUBLIC_URL',
      `"${raw}" is not a URL. Set PUBLIC_URL to the node's public origin, e.g. PUBLIC_URL=https://registry.example.org.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError('PUBLIC_URL', `must use http or https, got "${url.protocol}". Example: PUBLIC_URL=https://registry.example.org.`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(
      'PUBLIC_URL',
      `must be an origin only (scheme, host and optional port), without path, query or credentials; got "${raw}". Example: PUBLIC_URL=https://registry.example.org.`,
    );
  }
  return new URL(url.origin);
}

function parseMongoUrl(raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  if (!/^mongodb(\+srv)?:\/\/[^/]+\/[^/?]+/.test(value)) {
    throw new ConfigError(
      'MONGODB_URL',
      'must be a MongoDB connection string that names the database, e.g. MONGODB_URL=mongodb://127.0.0.1:27017/umn?replicaSet=rs0. Leave it unset to use the embedded store.',
    );
  }
  return value;
}

function parseHandle(raw: string | undefined): string {
  const value = nonEmpty(raw) ?? 'liege';
  if (!/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(value)) {
    throw new ConfigError('NODE_HANDLE', `"${raw}" is not a handle. Use lower-case letters, digits and hyphens, e.g. NODE_HANDLE=liege.`);
  }
  return value;
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new ConfigError(name, `"${raw}" is not true or false. Set ${name}=true or ${name}=false.`);
}

function parseEnum<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  const value = nonEmpty(raw)?.toLowerCase();
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(', ')}. Example: ${name}=${fallback}.`);
}

function parseSmtpUrl(raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(value))
    throw new ConfigError(
      'SMTP_URL',
      'must be an smtp:// or smtps:// URL, e.g. SMTP_URL=smtps://user:password@mail.example.org:465. Leave it unset to share invitation links yourself.',
    );
  return value;
}

function parseMailFrom(raw: string | undefined, publicUrl: URL): string {
  const value = nonEmpty(raw) ?? `registry@${publicUrl.hostname}`;
  if (!/^[^\s@]+@[^\s@]+$/.test(value))
    throw new ConfigError('MAIL_FROM', `"${raw}" is not an e-mail address. Example: MAIL_FROM=registry@liege.be.`);
  return value;
}

function parseFederationHandle(raw: string | undefined): string {
  const value = nonEmpty(raw) ?? 'registry';
  if (!/^[a-z0-9_][a-z0-9_.-]{0,63}$/i.test(value))
    throw new ConfigError(
      'FEDERATION_HANDLE',
      `"${raw}" cannot be a WebFinger name. Use letters, digits, dots, hyphens or underscores, e.g. FEDERATION_HANDLE=registry.`,
    );
  return value;
}

function parseDomains(raw: string | undefined): string[] {
  const value = nonEmpty(raw);
  if (value === undefined) return [];
  const domains = value
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  const bad = domains.find((d) => !/^[a-z0-9.-]+(:\d+)?$/.test(d));
  if (bad)
    throw new ConfigError(
      'AUTO_APPROVE_DOMAINS',
      `"${bad}" is not a domain. Give host names separated by commas, e.g. AUTO_APPROVE_DOMAINS=registry.milano.it,registry.sofia.bg.`,
    );
  return domains;
}

/** RENDER_THREADS when unset: one fewer than the machine's cores (the main thread keeps the API), at most 4. */
export function defaultRenderThreads(): number {
  return Math.min(4, Math.max(0, availableParallelism() - 1));
}

function parseRenderThreads(raw: string | undefined): number {
  const value = nonEmpty(raw);
  if (value === undefined) return defaultRenderThreads();
  if (!/^\d+$/.test(value) || Number(value) > 16)
    throw new ConfigError(
      'RENDER_THREADS',
      `"${value}" is not a whole number from 0 to 16. Set it to 0 to render pages on the main thread, or to how many threads render them (e.g. the number of cores minus one).`,
    );
  return Number(value);
}

function parseProcessRole(raw: string | undefined, mongodbUrl: string | undefined): 'all' | 'web' | 'worker' {
  const role = parseEnum('PROCESS_ROLE', raw, ['all', 'web', 'worker'] as const, 'all');
  if (role !== 'all' && !mongodbUrl)
    throw new ConfigError(
      'PROCESS_ROLE',
      `"${role}" splits the work between processes that share one database: set MONGODB_URL too, or use PROCESS_ROLE=all with the embedded store.`,
    );
  return role;
}
