import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { ConfigSchema, type PreauConfig } from './config-schema.js';
import { ConfigInvalid } from '../errors.js';
import { createAjv, describeAjvErrors } from '../http/ajv.js';

const validate = createAjv({ useDefaults: true }).compile(ConfigSchema);

/** Environment variables that override the file, for containers and scripts. */
function applyEnvironment(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): void {
  const section = (key: string): Record<string, unknown> => {
    const value = raw[key];
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
    const created: Record<string, unknown> = {};
    raw[key] = created;
    return created;
  };
  if (env.PORT) section('server').port = Number(env.PORT);
  if (env.HOST) section('server').host = env.HOST;
  if (env.PREAU_PUBLIC_URL) section('server').publicUrl = env.PREAU_PUBLIC_URL;
  if (env.DATABASE_URL) section('database').url = env.DATABASE_URL;
  if (env.PREAU_DATA_DIR) section('database').dataDir = env.PREAU_DATA_DIR;
  if (env.SMTP_URL) section('smtp').url = env.SMTP_URL;
  if (env.PREAU_EVENTS) section('events').transport = env.PREAU_EVENTS;
  if (env.NATS_URL) {
    const events = section('events');
    events.nats = { ...(events.nats as object | undefined), servers: env.NATS_URL };
  }
  if (env.PREAU_STORAGE_DRIVER) section('storage').driver = env.PREAU_STORAGE_DRIVER;
  if (env.PREAU_S3_BUCKET) {
    const storage = section('storage');
    storage.s3 = {
      ...(storage.s3 as object | undefined),
      bucket: env.PREAU_S3_BUCKET,
      ...(env.PREAU_S3_ENDPOINT ? { endpoint: env.PREAU_S3_ENDPOINT } : {}),
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    };
  }
  if (env.PREAU_LOG_LEVEL) raw.logLevel = env.PREAU_LOG_LEVEL;
  if (env.PREAU_TRUST_PROXY) section('server').trustProxy = env.PREAU_TRUST_PROXY.split(',').map((entry) => entry.trim()).filter(Boolean);
}

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Whether `entry` is an address, a CIDR range of a fitting size, or one of proxy-addr's named ranges. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/** Validates a configuration object (already merged with the environment); throws `PREAU_ERR_CONFIG_INVALID` naming the key. */
export function parseConfig(raw: unknown, baseDir: string): PreauConfig {
  const copy = structuredClone(raw ?? {});
  if (!validate(copy)) throw ConfigInvalid(describeAjvErrors(validate.errors ?? [], 'config'));
  const proxies = (copy as { server: { trustProxy: string[] } }).server.trustProxy;
  const wrong = proxies.findIndex((entry) => !isProxyAddress(entry));
  if (wrong >= 0) throw ConfigInvalid(`config.server.trustProxy[${wrong}] "${proxies[wrong]}" is not an IP address or CIDR range`);
  return { ...(copy as Omit<PreauConfig, 'baseDir'>), baseDir };
}

/**
 * Reads `PREAU_CONFIG` or `preau.config.json` in `cwd` (an absent file means the defaults),
 * applies the environment and validates the result.
 */
export function loadConfig(options: { cwd?: string; env?: NodeJS.ProcessEnv; file?: string } = {}): PreauConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = resolve(cwd, options.file ?? env.PREAU_CONFIG ?? 'preau.config.json');
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw ConfigInvalid(`${file}: ${(error as Error).message}`);
    }
  } else if (options.file ?? env.PREAU_CONFIG) {
    throw ConfigInvalid(`${file}: file not found`);
  }
  applyEnvironment(raw, env);
  return parseConfig(raw, existsSync(file) ? dirname(file) : cwd);
}
