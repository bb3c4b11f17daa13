import { describe, expect, it } from 'vitest';
import { encodeRuleLines, RuleLines, RuleLinesError } from '../../src/router/rule-lines.ts';
import type { RuleData } from '../../src/router/table-data.ts';

const a: RuleData = { id: 'a', conditions: [], route: { kind: 'schema', schema: 1 } };
const b: RuleData = { id: 'б', conditions: [], route: { kind: 'to', to: '380441111111' } };

describe('RuleLines', () => {
  it('parses each rule on demand, multi-byte text included', () => {
    const lines = new RuleLines(encodeRuleLines([a, b]), 2);
    expect([lines.get(1), lines.get(0)]).toEqual([b, a]);
  });

  it('keeps one readable JSON line per rule after the offsets', () => {
    const text = Buffer.from(encodeRuleLines([a, b]))
      .subarray(12)
      .toString('utf8');
    expect(text).toBe(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
  });

  it('reads a file that starts at an odd offset of a larger buffer', () => {
    const file = encodeRuleLines([a, b]);
    const whole = new Uint8Array(file.length + 3);
    whole.set(file, 1);
    expect(new RuleLines(whole.subarray(1, 1 + file.length), 2).get(1)).toEqual(b);
  });

  it.each([
    ['more rules than the table', 1, 'rules file does not hold the 1 rules its table announces'],
    ['fewer rules than the table', 5, 'rules file does not hold the 5 rules its table announces'],
    ['too few bytes for its offsets', 100, 'rules file too short for 100 rules'],
  ])('refuses a file with %s', (_what, count, message) => {
    expect(() => new RuleLines(encodeRuleLines([a, b]), count)).toThrow(
      new RuleLinesError(message),
    );
  });
});
