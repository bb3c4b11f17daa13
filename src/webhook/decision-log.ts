import type { Target } from '../router/types.ts';
import { maskNumber } from './mask.ts';

/** Where log lines go (one JSON document per line). */
export type LogSink = (line: string) => void;

/** Writes each line to stdout: synchronous on Lambda's pipe, so nothing is lost at freeze. */
export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/** What one request produced, for its log line. */
export interface DecisionRecord {
  webhook: string;
  status: number;
  rule: string | null;
  target: Target | null;
  caller: string | undefined;
  latencyMs: number;
  tableHash: string;
  fault?: string;
}

/**
 * One JSON line per decision: webhook, rule, answer kind, latency, table hash, masked caller.
 * Default answers and faults also carry an Embedded Metric Format block, so CloudWatch counts
 * `DefaultAnswer` and `Fault` (per webhook and in total) for the rollback alarms in infra/.
 */
export function decisionLine(r: DecisionRecord, now: number): string {
  const answer = r.target === null ? 'none' : r.target.kind;
  const base = {
    level: r.fault ? 'error' : 'info',
    msg: r.fault ? 'fault: answered the default' : 'decision',
    webhook: r.webhook,
    status: r.status,
    rule: r.rule ?? (r.target ? 'default' : null),
    answer,
    latencyMs: Math.round(r.latencyMs * 1000) / 1000,
    tableHash: r.tableHash,
    caller: r.caller === undefined ? null : maskNumber(r.caller),
    ...(r.fault ? { error: r.fault } : {}),
  };
  const isDefault = r.target !== null && r.rule === null;
  if (!isDefault && !r.fault) return JSON.stringify(base);
  const metrics = [
    { Name: 'DefaultAnswer', Unit: 'Count' },
    { Name: 'Fault', Unit: 'Count' },
  ];
  return JSON.stringify({
    ...base,
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        { Namespace: 'RingostatRouter', Dimensions: [['Webhook'], []], Metrics: metrics },
      ],
    },
    Webhook: r.webhook,
    DefaultAnswer: isDefault ? 1 : 0,
    Fault: r.fault ? 1 : 0,
  });
}
