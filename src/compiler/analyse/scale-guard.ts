// Scale guard: warns before a routing table outgrows the Lambda it ships in. Every webhook's
// tables go into the one deployment package and all of them load at every cold start, so both
// limits apply to the sum over webhooks as well as to each one.
import { Buffer } from 'node:buffer';
import type { TableData } from '../../router/table-data.ts';
import { type Problem, warning } from '../problem.ts';

/** AWS Lambda's limit on a deployment package, unzipped. */
export const PACKAGE_LIMIT_BYTES = 250 * 1024 * 1024;
/** The cold start a webhook's tables may add before the first call waits too long. */
export const COLD_START_LIMIT_MS = 1000;

/**
 * Cold-start cost of loading tables, measured by `npm run bench` ("Scale guard model" under its
 * table; 2-core Xeon, Node 24): a fresh process importing the bundle with 10k rules (2.6 MB of
 * table data: the JSON and the rules file) took 17 ms more than one importing an empty handler,
 * 6.5 ms per MB; adding the 1M-row caller table (11.4 MB of key files, each read in one call
 * and used in place) added 7 ms, 0.65 ms per MB. Rounded up, so the warning comes early.
 */
export const COLD_MS_PER_JSON_MB = 10;
/** See COLD_MS_PER_JSON_MB. */
export const COLD_MS_PER_KEYS_MB = 1;

/** What one webhook puts in the package: its table data (JSON and rules) and its key files. */
export interface WebhookSize {
  name: string;
  /** The webhook's routes file, where the warning points. */
  file: string;
  jsonBytes: number;
  keyBytes: number;
}

/** A compiled webhook as the guard weighs it: its table and the key files beside it. */
export interface EmittedWebhook {
  name: string;
  file: string;
  table: TableData;
  files: Map<string, Uint8Array>;
}

/** Warnings for compiled webhooks whose tables are too big for the package or the cold start. */
export function checkScale(webhooks: EmittedWebhook[]): Problem[] {
  return scaleProblems(webhooks.map(sizeOf));
}

/** The bytes `routes build` writes for a webhook: its table data, rules file and key files. */
export function sizeOf(entry: EmittedWebhook): WebhookSize {
  let keyBytes = 0;
  for (const bytes of entry.files.values()) keyBytes += bytes.byteLength;
  const jsonBytes = Buffer.byteLength(`${JSON.stringify(entry.table)}\n`);
  return { name: entry.name, file: entry.file, jsonBytes, keyBytes };
}

/** One warning per webhook over a limit; one for the total when only the sum is over. */
export function scaleProblems(sizes: WebhookSize[]): Problem[] {
  const problems: Problem[] = [];
  for (const size of sizes) problems.push(...over(size, `webhook "${size.name}": its tables`));
  if (problems.length > 0 || sizes.length < 2) return problems;
  const total: WebhookSize = {
    ...sizes.reduce((a, b) => (b.jsonBytes + b.keyBytes > a.jsonBytes + a.keyBytes ? b : a)),
    jsonBytes: sizes.reduce((n, s) => n + s.jsonBytes, 0),
    keyBytes: sizes.reduce((n, s) => n + s.keyBytes, 0),
  };
  return over(total, `the ${sizes.length} webhooks' tables together (this one is the largest)`);
}

/** Estimated cold-start milliseconds for loading tables of these sizes. */
export function coldStartMs(size: { jsonBytes: number; keyBytes: number }): number {
  return (size.jsonBytes / MB) * COLD_MS_PER_JSON_MB + (size.keyBytes / MB) * COLD_MS_PER_KEYS_MB;
}

const MB = 1024 * 1024;

function over(size: WebhookSize, what: string): Problem[] {
  const at = { file: size.file, line: 1, col: 1 };
  const bytes = size.jsonBytes + size.keyBytes;
  const parts = `table data ${mb(size.jsonBytes)} + key files ${mb(size.keyBytes)}`;
  const problems: Problem[] = [];
  if (bytes > PACKAGE_LIMIT_BYTES) {
    problems.push(
      warning(
        at,
        `${what} take ${mb(bytes)} (${parts}), over Lambda's 250 MB limit for an unzipped package: split the webhook or shrink its lists and tables`,
      ),
    );
  }
  const ms = coldStartMs(size);
  if (ms > COLD_START_LIMIT_MS) {
    problems.push(
      warning(
        at,
        `${what} would add about ${(ms / 1000).toFixed(1)} s to every cold start (${parts}, at ${COLD_MS_PER_JSON_MB} ms per MB of table data and ${COLD_MS_PER_KEYS_MB} ms per MB of key files, measured by npm run bench), over the 1 s budget: keep long number lists in list files (1000+ numbers ship as binary keys) or split the webhook`,
      ),
    );
  }
  return problems;
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}
