import { describe, expect, it } from 'vitest';
import { type DecisionRecord, decisionLine } from '../../src/webhook/decision-log.ts';

const NOW = Date.parse('2026-11-24T08:00:00.007Z');
const record: DecisionRecord = {
  webhook: 'sales',
  status: 200,
  rule: null,
  target: { kind: 'schema', schema: 26076 },
  caller: '380441112233',
  latencyMs: 0.0123,
  tableHash: 'a'.repeat(64),
  functionName: 'ringostat-router-prod',
};

describe('decisionLine', () => {
  it('writes the exact line of a decision, timestamp second', () => {
    const line = decisionLine(
      { ...record, rule: 'vip', target: { kind: 'to', to: '380441111199' } },
      NOW,
    );
    expect(line).toBe(
      `{"level":"info","timestamp":"2026-11-24T08:00:00.007Z","msg":"decision","webhook":"sales","status":200,"rule":"vip","answer":"to","latencyMs":0.012,"tableHash":"${'a'.repeat(64)}","caller":"380*******33"}`,
    );
  });

  it.each([
    ['a default answer', record, { DefaultAnswer: 1, Fault: 0, level: 'info' }],
    [
      'a fault',
      { ...record, fault: 'Error: boom' },
      { DefaultAnswer: 1, Fault: 1, level: 'error' },
    ],
  ])('writes a valid Embedded Metric Format block for %s', (_, r, values) => {
    const log = JSON.parse(decisionLine(r, NOW));
    expect(log).toMatchObject({
      ...values,
      FunctionName: 'ringostat-router-prod',
      Webhook: 'sales',
    });
    expect(log._aws.Timestamp).toBe(NOW);
    const [directive] = log._aws.CloudWatchMetrics;
    // EMF: every dimension and every metric is a top-level member of the same line.
    for (const key of directive.Dimensions.flat()) expect(typeof log[key]).toBe('string');
    for (const { Name } of directive.Metrics) expect(typeof log[Name]).toBe('number');
    expect(directive.Dimensions).toEqual([['FunctionName', 'Webhook'], ['FunctionName']]);
  });
});
