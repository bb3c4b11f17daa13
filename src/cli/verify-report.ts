// What `routes verify` prints and the exit code it returns. Exit 1 is reserved for proof that the
// deployed function answers wrong, since the deploy workflow rolls back on it; anything that only
// kept verify from checking (no key, throttling, the network) exits 2 and rolls nothing back.
import type { RouteCase } from '../review/route-tests.ts';
import type { CheckResult } from './verify-checks.ts';

/** Verify's exit codes. */
export const VERIFIED = 0;
export const ANSWERED_WRONG = 1;
export const NOT_VERIFIED = 2;

/** Everything one run checked. `url` is the `--url` check, with the address it fetched. */
export interface VerifyOutcome {
  target: string;
  localHash: string;
  cases: RouteCase[];
  results: CheckResult[];
  health: CheckResult;
  url?: { address: string; result: CheckResult };
}

/** The lines to print (one per failure, then the summary) and the exit code. */
export function verifyReport(o: VerifyOutcome): { lines: string[]; code: number } {
  const lines: string[] = [];
  o.results.forEach((r, i) => {
    const c = o.cases[i]!;
    if (r.failure !== null)
      lines.push(`${c.file}:${c.line}:${c.col}: case "${c.name}": ${r.failure}`);
  });
  if (o.health.failure !== null) lines.push(`verify: ${o.health.failure}`);
  const url = o.url?.result;
  if (url?.failure) lines.push(`verify: ${url.failure}`);
  const checks = [o.health, ...(url ? [url] : []), ...o.results];
  const deployed = unique(checks.map((r) => r.tableHash));
  const stale = deployed.filter((h) => h !== o.localHash);
  if (stale.length > 0) {
    lines.push(
      `verify: deployed table ${stale.map(short).join(', ')} differs from the local build's ${short(o.localHash)} ` +
        '(deploy this build, or rebuild from the deployed commit)',
    );
  }
  if (url?.tableHash !== undefined) {
    lines.push(`verify: ${o.url?.address} answers table ${short(url.tableHash)}`);
  }
  const failed = o.results.filter((r) => r.failure !== null && !r.unverified).length;
  const unverified = o.results.filter((r) => r.failure !== null && r.unverified).length;
  lines.push(
    `verify: ${counts(o.cases.length, failed, unverified)} against ${o.target} (${where(checks, deployed)})`,
  );
  const wrong = failed > 0 || stale.length > 0 || [o.health, url].some(isWrong);
  const blind = unverified > 0 || [o.health, url].some((r) => r?.failure && r.unverified);
  return { lines, code: wrong ? ANSWERED_WRONG : blind ? NOT_VERIFIED : VERIFIED };
}

function isWrong(r: CheckResult | undefined): boolean {
  return r !== undefined && r.failure !== null && !r.unverified;
}

function counts(total: number, failed: number, unverified: number): string {
  const passed = total - failed - unverified;
  const head = `${passed} case${passed === 1 ? '' : 's'} passed, ${failed} failed`;
  return unverified > 0 ? `${head}, ${unverified} not verified` : head;
}

function where(checks: CheckResult[], deployed: string[]): string {
  const versions = unique(checks.map((r) => r.version));
  return [
    versions.length === 0
      ? 'version unknown'
      : `version${versions.length > 1 ? 's' : ''} ${versions.join(', ')}`,
    deployed.length === 0 ? 'table unknown' : `table ${deployed.map(short).join(', ')}`,
  ].join(', ');
}

function unique(values: (string | undefined)[]): string[] {
  const set = new Set(values.filter((v): v is string => v !== undefined));
  return [...set].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function short(hash: string): string {
  return hash.length > 8 ? `${hash.slice(0, 8)}…` : hash;
}
