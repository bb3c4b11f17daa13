// Deploy settings come from cdk.json context (or `cdk synth -c key=value`, which passes strings),
// so every value is parsed and checked here once, with an error that names the context key.
import type { Node } from 'constructs';

/** The settings the router stack reads from context, after defaults and validation. */
export interface RouterSettings {
  stage: string;
  memorySize: number;
  /**
   * null (the default) leaves concurrency unreserved: a new account's quota is 10 and Lambda
   * keeps 100 unreserved, so reserving any fails the deploy until the quota is raised.
   */
  reservedConcurrency: number | null;
  logRetentionDays: number;
  alarmEmail: string | null;
  canary: boolean;
  artifactDir: string;
}

/** A context value that cannot be used; the message names the key and the accepted values. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** The defaults, also written to cdk.json so they are visible where they are changed. */
export const DEFAULT_SETTINGS: RouterSettings = {
  stage: 'prod',
  memorySize: 256,
  reservedConcurrency: null,
  logRetentionDays: 30,
  alarmEmail: null,
  canary: true,
  artifactDir: 'build/lambda',
};

// The values CloudWatch Logs accepts for RetentionInDays.
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

/** Reads and validates the router settings from a construct's context. */
export function readSettings(node: Node): RouterSettings {
  const get = (key: keyof RouterSettings): unknown => node.tryGetContext(key);
  return {
    stage: stage(get('stage')),
    memorySize: integer('memorySize', get('memorySize'), DEFAULT_SETTINGS.memorySize, 128, 10240),
    reservedConcurrency: reserved(get('reservedConcurrency')),
    logRetentionDays: retention(get('logRetentionDays')),
    alarmEmail: email(get('alarmEmail')),
    canary: bool('canary', get('canary'), DEFAULT_SETTINGS.canary),
    artifactDir: text('artifactDir', get('artifactDir')) ?? DEFAULT_SETTINGS.artifactDir,
  };
}

function stage(raw: unknown): string {
  const value = text('stage', raw) ?? DEFAULT_SETTINGS.stage;
  // The stage becomes part of the function and stack names.
  if (!/^[a-z][a-z0-9-]{0,19}$/.test(value)) {
    throw new SettingsError(
      `context "stage": expected lowercase letters, digits and dashes (at most 20), got "${value}"`,
    );
  }
  return value;
}

function integer(key: string, raw: unknown, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const value = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SettingsError(
      `context "${key}": expected an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

/** A number reserves that many executions; absent, null, "" and "off" reserve none. */
function reserved(raw: unknown): number | null {
  if (raw === undefined || raw === null || raw === '' || raw === 'off' || raw === false) {
    return DEFAULT_SETTINGS.reservedConcurrency;
  }
  return integer('reservedConcurrency', raw, 0, 0, 1000);
}

function retention(raw: unknown): number {
  const days = integer('logRetentionDays', raw, DEFAULT_SETTINGS.logRetentionDays, 1, 3653);
  if (!RETENTION_DAYS.includes(days)) {
    throw new SettingsError(
      `context "logRetentionDays": CloudWatch Logs accepts ${RETENTION_DAYS.join(', ')}; got ${days}`,
    );
  }
  return days;
}

function email(raw: unknown): string | null {
  const value = text('alarmEmail', raw);
  if (value === null) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw new SettingsError(`context "alarmEmail": expected an e-mail address, got "${value}"`);
  }
  return value;
}

function bool(key: string, raw: unknown, fallback: boolean): boolean {
  if (raw === undefined || raw === null || raw === '') return fallback;
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw new SettingsError(`context "${key}": expected true or false, got ${JSON.stringify(raw)}`);
}

function text(key: string, raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string') {
    throw new SettingsError(`context "${key}": expected a string, got ${JSON.stringify(raw)}`);
  }
  return raw.trim() || null;
}
